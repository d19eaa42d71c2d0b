/** What a test or the CLI may replace when building the app (createApp's second argument). */
import type { Clock, Logger } from '../core';

/** Things a test or the CLI may replace. */
export interface AppDeps {
  logger: Logger;
  clock: Clock;
  /** First wait before retrying an unreachable database at start (default 1 s; tests use less). */
  dbRetryInitialDelayMs?: number;
  /** How often a running instance checks for a newer database schema (default 30 s). */
  schemaCheckIntervalMs?: number;
  /** This instance's id among the instances sharing the database (default host-pid-random). */
  instanceId?: string;
  /** How often an instance checks whether another one rebuilt the knowledge index (default 3 s). */
  indexPollMs?: number;
  /** Wait after the last incremental index update before a due merge (full build) starts (default 60 s). */
  indexMergeDelayMs?: number;
  /** TTL of the LoGoチャット connection lease (default 30 s; tests use less). */
  logoLeaseTtlMs?: number;
  /** Between checks of the operational alerts (default 60 s). */
  alertCheckMs?: number;
}
