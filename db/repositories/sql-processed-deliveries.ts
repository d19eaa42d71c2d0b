/**
 * ProcessedDeliveries on TypeORM (table processed_activity): claiming is an insert of the id, the
 * primary key deciding which instance got there first (a unique violation means "already handled").
 */
import { LessThan, type DataSource } from 'typeorm';
import type { ProcessedDeliveries } from '../../bot';
import { runDb } from '../run-db';
import { isUniqueViolation } from './atomic-sql';

interface ProcessedActivityRow {
  activityId: string;
  createdAt: Date;
  result?: string | null;
}

/** Longest id kept (the column's length); longer ids are cut, which only widens the dedupe. */
const MAX_ID_CHARS = 200;

/** SQL implementation of ProcessedDeliveries. */
export class SqlProcessedDeliveries implements ProcessedDeliveries {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  private repo() {
    return this.ds.getRepository<ProcessedActivityRow>('processed_activity');
  }

  async claim(id: string): Promise<boolean> {
    const row = { activityId: id.slice(0, MAX_ID_CHARS), createdAt: this.now() };
    try {
      await runDb(this.ds, () => this.repo().insert(row));
      return true;
    } catch (err) {
      if (isUniqueViolation((err as { cause?: unknown }).cause ?? err)) return false;
      throw err;
    }
  }

  async forget(id: string): Promise<void> {
    await runDb(this.ds, () => this.repo().delete({ activityId: id.slice(0, MAX_ID_CHARS) }));
  }

  async saveResult(id: string, result: string): Promise<void> {
    await runDb(this.ds, () => this.repo().update({ activityId: id.slice(0, MAX_ID_CHARS) }, { result }));
  }

  async resultOf(id: string): Promise<string | undefined> {
    const row = await runDb(this.ds, () => this.repo().findOneBy({ activityId: id.slice(0, MAX_ID_CHARS) }));
    return row?.result ?? undefined;
  }

  async purgeBefore(before: Date): Promise<number> {
    const result = await runDb(this.ds, () => this.repo().delete({ createdAt: LessThan(before) }));
    return result.affected ?? 0;
  }
}
