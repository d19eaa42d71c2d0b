/**
 * The console's background ingest (after an upload, a deletion or a SharePoint sync): one run at a
 * time under the job lease `knowledge-ingest` (so one instance rebuilds and publishes; the others
 * follow the index generation), with progress and the last run's summary for the console.
 */
import { KotaeError, type Logger } from '../core';
import type { IngestProgress, IngestSummary, SkippedItem } from '../ingest';
import type { LeaseGuard } from './job-lease';

/** What the console says when an ingest fails without a message of its own (the details are in the log). */
const INGEST_FAILED_MESSAGE = '取り込み中にエラーが発生しました。詳しくはサーバーのログを確認してください。';

/** What the console shows about the background ingest. */
export interface IngestJobStatus {
  state: 'idle' | 'running' | 'done' | 'failed';
  reason?: string;
  progress?: IngestProgress;
  startedAt?: Date;
  finishedAt?: Date;
  summary?: {
    files: number;
    indexed: number;
    unchanged: number;
    removed: number;
    chunks: number;
    skipped: SkippedItem[];
  };
  error?: string;
}

/** What the job needs. */
export interface KnowledgeIngestJobDeps {
  ingest: (onProgress: (p: IngestProgress) => void) => Promise<IngestSummary>;
  /** Tells the other instances (bumps the index generation). */
  published: () => Promise<void>;
  leases?: LeaseGuard;
  logger: Logger;
  now: () => Date;
  /** Wait between attempts while another instance holds the lease (default 5 s). */
  retryMs?: number;
}

const LEASE = 'knowledge-ingest';

/** Runs ingests in the background, one at a time; a request during a run queues one more run. */
export class KnowledgeIngestJob {
  private current: IngestJobStatus = { state: 'idle' };
  private running?: Promise<void>;
  private again?: string;

  constructor(private readonly deps: KnowledgeIngestJobDeps) {}

  /** The current or last run. */
  status(): IngestJobStatus {
    return this.current;
  }

  /** Starts a run (or queues one after the run in progress); resolves when the runs are over. */
  request(reason: string): Promise<void> {
    if (this.running) {
      this.again = reason;
      return this.running;
    }
    this.running = this.loop(reason).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async loop(reason: string): Promise<void> {
    let next: string | undefined = reason;
    while (next) {
      this.again = undefined;
      await this.runOnce(next);
      next = this.again;
    }
  }

  private async runOnce(reason: string): Promise<void> {
    this.current = { state: 'running', reason, startedAt: this.deps.now() };
    try {
      const summary = await this.withLease(() =>
        this.deps.ingest((p) => {
          this.current = { ...this.current, progress: p };
        }),
      );
      if (summary.rebuilt || summary.updated) await this.deps.published();
      this.current = {
        state: 'done',
        reason,
        startedAt: this.current.startedAt,
        finishedAt: this.deps.now(),
        summary: {
          files: summary.files,
          indexed: summary.indexed,
          unchanged: summary.unchanged,
          removed: summary.removed,
          chunks: summary.chunks,
          skipped: summary.skipped,
        },
      };
      this.deps.logger.info('knowledge ingest finished', { reason, files: summary.files, chunks: summary.chunks });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.deps.logger.error('knowledge ingest failed', { reason, error });
      // The console shows the failure: the Japanese message a KotaeError carries, not the internal English one.
      const shown = err instanceof KotaeError ? err.userMessage : INGEST_FAILED_MESSAGE;
      this.current = {
        state: 'failed',
        reason,
        startedAt: this.current.startedAt,
        finishedAt: this.deps.now(),
        error: shown,
      };
    }
  }

  private async withLease<T>(work: () => Promise<T>): Promise<T> {
    const leases = this.deps.leases;
    if (!leases) return work();
    for (let attempt = 0; ; attempt += 1) {
      const result = await leases.run<{ ran: boolean; value?: T }>(
        LEASE,
        async () => ({ ran: true, value: await work() }),
        { ran: false },
      );
      if (result.ran) return result.value as T;
      if (attempt >= 60) throw new Error('another instance kept the knowledge-ingest lease');
      await new Promise((r) => setTimeout(r, this.deps.retryMs ?? 5000));
    }
  }
}
