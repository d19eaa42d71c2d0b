/**
 * While serving, an instance keeps checking that nobody migrated its database past what it knows:
 * when a newer release migrates the shared database, the older instances still running are told to
 * stop (an error in the log, /healthz 503) and refuse requests with DB_SCHEMA_NEWER instead of writing
 * rows the new schema does not expect.
 */
import type { DataSource } from 'typeorm';
import type { KotaeError } from '../core';
import { newerSchemaError, schemaStatus } from './migrate';
import { runDb } from './run-db';

/** Periodic schema-version check of a running instance. */
export class SchemaVersionGuard {
  private newer?: KotaeError;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly ds: DataSource,
    private readonly options: { intervalMs: number; onNewer?: (error: KotaeError) => void },
  ) {}

  /** The error every request gets once the schema is newer than this build, else undefined. */
  blocked(): KotaeError | undefined {
    return this.newer;
  }

  /** Checks now (errors reaching the database are left to the requests, which report them). */
  async check(): Promise<void> {
    if (this.newer || !this.ds.isInitialized) return;
    try {
      const status = await runDb(this.ds, () => schemaStatus(this.ds));
      if (status.unknown.length === 0) return;
      this.newer = newerSchemaError(status.unknown);
      this.options.onNewer?.(this.newer);
    } catch {
      // Unreachable or locked: nothing learned about the schema this time.
    }
  }

  start(): void {
    this.timer ??= setInterval(() => void this.check(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
