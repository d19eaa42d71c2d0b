/**
 * The console's background ingest (after an upload, a deletion or a SharePoint sync): one run at a
 * time under the job lease `knowledge-ingest` (so one instance rebuilds and publishes; the others
 * follow the index generation), with progress and the last run's summary for the console. Each run is
 * recorded in job_run (job `ingest`) with its summary, skipped files and warnings (ingest-run-record.ts),
 * so the console shows the last run after a restart and on every instance.
 */
import { KotaeError, type Logger } from '../core';
import type { IngestProgress, IngestSummary } from '../ingest';
import { INGEST_JOB, runDetail, storedRun, summaryOf, type IngestRunSummary } from './ingest-run-record';
import type { JobRunStore } from './job-run-store';
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
  summary?: IngestRunSummary;
  error?: string;
}

/** What the job needs. */
export interface KnowledgeIngestJobDeps {
  ingest: (onProgress: (p: IngestProgress) => void) => Promise<IngestSummary>;
  /** Tells the other instances (bumps the index generation). */
  published: () => Promise<void>;
  leases?: LeaseGuard;
  /** Where runs are recorded (job `ingest`); without it the last run is known to this process only. */
  runs?: JobRunStore;
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

  /** The current or last run of this process. */
  status(): IngestJobStatus {
    return this.current;
  }

  /**
   * The run in progress here, else the last finished run recorded in job_run by any instance (after a
   * restart too), else this process's state.
   */
  async latest(): Promise<IngestJobStatus> {
    const here = this.current;
    if (here.state === 'running' || !this.deps.runs) return here;
    const entries = await this.deps.runs.recent(INGEST_JOB, 10).catch((err: unknown) => {
      this.deps.logger.warn('knowledge ingest runs unreadable', { error: String(err) });
      return [];
    });
    const stored = entries.map(storedRun).find((r) => r !== undefined);
    if (!stored || (here.finishedAt && here.finishedAt.getTime() >= stored.finishedAt.getTime())) return here;
    return {
      state: stored.error ? 'failed' : 'done',
      reason: stored.reason,
      startedAt: stored.startedAt,
      finishedAt: stored.finishedAt,
      ...(stored.summary ? { summary: stored.summary } : {}),
      ...(stored.error ? { error: stored.error } : {}),
    };
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
    const startedAt = this.deps.now();
    this.current = { state: 'running', reason, startedAt };
    const runId = await this.recordStart(startedAt);
    try {
      const result = await this.withLease(() =>
        this.deps.ingest((p) => {
          this.current = { ...this.current, progress: p };
        }),
      );
      if (result.rebuilt || result.updated) await this.deps.published();
      const summary = summaryOf(result);
      this.current = { state: 'done', reason, startedAt, finishedAt: this.deps.now(), summary };
      this.deps.logger.info('knowledge ingest finished', {
        reason,
        files: result.files,
        chunks: result.chunks,
        skipped: summary.skippedTotal,
        warnings: summary.warningsTotal,
      });
      await this.recordEnd(runId, { status: 'succeeded', detail: runDetail({ reason, summary }) });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.deps.logger.error('knowledge ingest failed', { reason, error });
      // The console shows the failure: the Japanese message a KotaeError carries, not the internal English one.
      const shown = err instanceof KotaeError ? err.userMessage : INGEST_FAILED_MESSAGE;
      this.current = { state: 'failed', reason, startedAt, finishedAt: this.deps.now(), error: shown };
      await this.recordEnd(runId, { status: 'failed', error, detail: runDetail({ reason, error: shown }) });
    }
  }

  /** Records the start of a run; a database that refuses it does not stop the ingest. */
  private async recordStart(at: Date): Promise<string | undefined> {
    return this.deps.runs?.start(INGEST_JOB, 1, at).catch((err: unknown) => {
      this.deps.logger.warn('knowledge ingest run not recorded', { error: String(err) });
      return undefined;
    });
  }

  private async recordEnd(
    id: string | undefined,
    result: { status: 'succeeded' | 'failed'; error?: string; detail: string },
  ): Promise<void> {
    if (!id || !this.deps.runs) return;
    await this.deps.runs
      .finish(id, { ...result, at: this.current.finishedAt ?? this.deps.now() })
      .catch((err: unknown) => this.deps.logger.warn('knowledge ingest run not recorded', { error: String(err) }));
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
