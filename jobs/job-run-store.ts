/** Port for the job_run log: each attempt of a scheduled job is one row (running → succeeded/failed). */
import type { JobRunEntry } from '../reports';

/** How an attempt ended. */
export interface JobRunResult {
  /** `skipped`: deliberately not done here (e.g. a server database backed up by its own tools); not a success. */
  status: 'succeeded' | 'failed' | 'skipped';
  at: Date;
  error?: string;
  detail?: string;
}

/** Records job runs. */
export interface JobRunStore {
  /** Records the start of an attempt (status running); returns the run id. */
  start(job: string, attempt: number, at: Date): Promise<string>;
  /** Records the end of an attempt. */
  finish(id: string, result: JobRunResult): Promise<void>;
  /** The latest runs of a job, newest first. */
  recent(job: string, limit: number): Promise<JobRunEntry[]>;
}

/** In-memory JobRunStore for tests. */
export class InMemoryJobRunStore implements JobRunStore {
  readonly runs: JobRunEntry[] = [];
  private seq = 0;

  async start(job: string, attempt: number, at: Date): Promise<string> {
    this.seq += 1;
    const id = `run-${this.seq}`;
    this.runs.push({ id, job, attempt, startedAt: at, status: 'running' });
    return id;
  }

  async finish(id: string, result: JobRunResult): Promise<void> {
    const run = this.runs.find((r) => r.id === id);
    if (!run) return;
    Object.assign(run, { status: result.status, finishedAt: result.at, error: result.error, detail: result.detail });
  }

  async recent(job: string, limit: number): Promise<JobRunEntry[]> {
    return this.runs
      .filter((r) => r.job === job)
      .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())
      .slice(0, limit)
      .map((r) => ({ ...r }));
  }
}
