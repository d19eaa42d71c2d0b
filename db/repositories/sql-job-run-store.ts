/** JobRunStore on TypeORM (table job_run). */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { JobRunResult, JobRunStore } from '../../jobs';
import type { JobRunEntry } from '../../reports';
import type { JobRunRow } from '../schema';
import { runDb } from '../run-db';
import { toJobRun } from './sql-report-data';

/** Longest error text kept per run. */
const MAX_ERROR_CHARS = 4000;

/** SQL implementation of JobRunStore. */
export class SqlJobRunStore implements JobRunStore {
  constructor(private readonly ds: DataSource) {}

  private run<T>(work: () => Promise<T>): Promise<T> {
    return runDb(this.ds, work);
  }

  async start(job: string, attempt: number, at: Date): Promise<string> {
    const row: JobRunRow = {
      id: randomUUID(),
      job,
      startedAt: at,
      finishedAt: null,
      status: 'running',
      attempt,
      error: null,
      detail: null,
    };
    await this.run(() => this.ds.getRepository<JobRunRow>('job_run').insert(row));
    return row.id;
  }

  async finish(id: string, result: JobRunResult): Promise<void> {
    await this.run(() =>
      this.ds.getRepository<JobRunRow>('job_run').update(
        { id },
        {
          status: result.status,
          finishedAt: result.at,
          error: result.error?.slice(0, MAX_ERROR_CHARS) ?? null,
          detail: result.detail ?? null,
        },
      ),
    );
  }

  async recent(job: string, limit: number): Promise<JobRunEntry[]> {
    const rows = await this.run(() =>
      this.ds.getRepository<JobRunRow>('job_run').find({ where: { job }, order: { startedAt: 'DESC' }, take: limit }),
    );
    return rows.map(toJobRun);
  }
}
