/**
 * Fixed-window request counters in the database, so every instance sharing it counts the same
 * window: one row per (limit, caller, window), incremented atomically in SQL (insert-or-increment
 * returning the new count), expired rows deleted now and then.
 */
import { LessThan, type DataSource } from 'typeorm';
import { dialectOf } from '../data-source';
import { runDb } from '../run-db';

interface RateLimitRow {
  key: string;
  hits: number;
  expiresAt: Date;
}

/** Expired rows are deleted at most this often (per instance). */
const PURGE_EVERY_MS = 60_000;

/** SQL implementation of the web adapter's RateCounter port. */
export class SqlRateLimits {
  private lastPurge = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  /** Counts one hit of `key` (a window that ends at `expiresAt`) and returns the hits so far, this one included. */
  async hit(key: string, expiresAt: Date): Promise<number> {
    const k = key.slice(0, 200);
    const d = dialectOf(this.ds);
    const sql =
      d === 'mssql'
        ? `MERGE "rate_limit" WITH (HOLDLOCK) AS t USING (SELECT @0 AS "key") AS s ON t."key" = s."key" ` +
          `WHEN MATCHED THEN UPDATE SET "hits" = t."hits" + 1 ` +
          `WHEN NOT MATCHED THEN INSERT ("key", "hits", "expiresAt") VALUES (@0, 1, @1) OUTPUT inserted."hits";`
        : `INSERT INTO "rate_limit" ("key", "hits", "expiresAt") VALUES (${d === 'postgres' ? '$1, 1, $2' : '?, 1, ?'}) ` +
          `ON CONFLICT ("key") DO UPDATE SET "hits" = "rate_limit"."hits" + 1 RETURNING "hits"`;
    // The driver's own encoding of the column (SQLite stores datetimes as text).
    const column = this.ds.getMetadata('rate_limit').findColumnWithPropertyName('expiresAt');
    const expires: unknown = column ? this.ds.driver.preparePersistentValue(expiresAt, column) : expiresAt;
    const rows = (await runDb(this.ds, () => this.ds.query(sql, [k, expires]))) as { hits: number | string }[];
    await this.purgeSometimes();
    return Number(rows[0]?.hits ?? 1);
  }

  private async purgeSometimes(): Promise<void> {
    const now = this.now();
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    await runDb(this.ds, () => this.ds.getRepository<RateLimitRow>('rate_limit').delete({ expiresAt: LessThan(now) }));
  }
}
