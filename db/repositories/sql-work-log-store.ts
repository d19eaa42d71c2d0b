/** WorkLogStore on TypeORM (table work_log). */
import { randomUUID } from 'node:crypto';
import { And, LessThan, MoreThanOrEqual, type DataSource } from 'typeorm';
import type { NewWorkLogEntry, WorkLogEntry, WorkLogStore } from '../../tickets';
import type { WorkLogRow } from '../schema';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';

function toEntry(row: WorkLogRow): WorkLogEntry {
  return {
    id: row.id,
    ticketId: row.ticketId ?? undefined,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    operatorName: row.operatorName,
    title: row.title,
    content: row.content,
    remarks: row.remarks ?? undefined,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

/** SQL implementation of WorkLogStore. */
export class SqlWorkLogStore implements WorkLogStore {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private repo() {
    return managerOf(this.ds).getRepository<WorkLogRow>('work_log');
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    return runDb(this.ds, work);
  }

  async add(entry: NewWorkLogEntry): Promise<WorkLogEntry> {
    const row: WorkLogRow = {
      id: randomUUID(),
      ticketId: entry.ticketId ?? null,
      startedAt: entry.startedAt,
      endedAt: entry.endedAt,
      operatorName: entry.operatorName,
      title: entry.title,
      content: entry.content,
      remarks: entry.remarks ?? null,
      createdAt: this.now(),
      createdBy: entry.createdBy,
    };
    await this.run(() => this.repo().insert(row));
    return toEntry(row);
  }

  async listWorkLogs(from: Date, to: Date): Promise<WorkLogEntry[]> {
    const rows = await this.run(() =>
      this.repo().find({ where: { startedAt: And(MoreThanOrEqual(from), LessThan(to)) }, order: { startedAt: 'ASC' } }),
    );
    return rows.map(toEntry);
  }

  async listByTicket(ticketId: string): Promise<WorkLogEntry[]> {
    const rows = await this.run(() => this.repo().find({ where: { ticketId }, order: { startedAt: 'ASC' } }));
    return rows.map(toEntry);
  }
}
