/** OperatorStore on TypeORM (table operator). */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { KotaeError } from '../../core';
import type { OperatorRecord, OperatorRole, OperatorStore } from '../../tickets';
import type { OperatorRow } from '../schema';
import { mapDbError } from '../data-source';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';

function toOperator(row: OperatorRow): OperatorRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as OperatorRole,
    passwordHash: row.passwordHash,
    failedAttempts: row.failedAttempts,
    lockedUntil: row.lockedUntil ?? undefined,
    disabled: Boolean(row.disabled),
    createdAt: row.createdAt,
  };
}

/** SQL implementation of OperatorStore; usernames are unique (case-sensitive as typed, trimmed). */
export class SqlOperatorStore implements OperatorStore {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private repo() {
    return managerOf(this.ds).getRepository<OperatorRow>('operator');
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    return runDb(this.ds, work);
  }

  async count(): Promise<number> {
    return this.run(() => this.repo().count());
  }

  async create(
    input: Omit<OperatorRecord, 'id' | 'createdAt' | 'failedAttempts' | 'lockedUntil'>,
  ): Promise<OperatorRecord> {
    const row: OperatorRow = {
      ...input,
      id: randomUUID(),
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: this.now(),
    };
    try {
      await runDb(this.ds, () => this.repo().insert(row));
    } catch (err) {
      if (/UNIQUE|duplicate key/i.test(err instanceof Error ? err.message : String(err))) {
        throw new KotaeError('CONFLICT', `username ${input.username} exists`, {
          userMessage: 'このユーザー名は既に使われています。',
          cause: err,
        });
      }
      throw mapDbError(err);
    }
    return toOperator(row);
  }

  async get(id: string): Promise<OperatorRecord | undefined> {
    const row = await this.run(() => this.repo().findOneBy({ id }));
    return row ? toOperator(row) : undefined;
  }

  async findByUsername(username: string): Promise<OperatorRecord | undefined> {
    const row = await this.run(() => this.repo().findOneBy({ username }));
    return row ? toOperator(row) : undefined;
  }

  async list(): Promise<OperatorRecord[]> {
    const rows = await this.run(() => this.repo().find({ order: { username: 'ASC' } }));
    return rows.map(toOperator);
  }

  async recordFailedAttempt(
    id: string,
    maxFailures: number,
    lockUntil: Date,
  ): Promise<{ failures: number; locked: boolean }> {
    const q = (c: string) => this.ds.driver.escape(c);
    // The SET expression sees the row as it was before this statement; the row then stays locked
    // (PostgreSQL, SQL Server) or the unit of work serialised (SQLite) until the lock decision commits.
    const next = `CASE WHEN ${q('lockedUntil')} IS NULL THEN ${q('failedAttempts')} ELSE 0 END + 1`;
    return this.run(() =>
      inTransaction(this.ds, async (em) => {
        const repo = em.getRepository<OperatorRow>('operator');
        await em
          .createQueryBuilder()
          .update('operator')
          .set({ failedAttempts: () => next, lockedUntil: null })
          .where('id = :id', { id })
          .execute();
        const row = await repo.findOneBy({ id });
        if (!row) throw new KotaeError('NOT_FOUND', `operator ${id} not found`);
        if (row.failedAttempts < maxFailures) return { failures: row.failedAttempts, locked: false };
        await repo.update({ id }, { failedAttempts: 0, lockedUntil: lockUntil });
        return { failures: row.failedAttempts, locked: true };
      }),
    );
  }

  async update(id: string, patch: Parameters<OperatorStore['update']>[1]): Promise<void> {
    const set: Partial<OperatorRow> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) (set as Record<string, unknown>)[key] = value;
    }
    if (Object.keys(set).length > 0) await this.run(() => this.repo().update({ id }, set));
  }
}
