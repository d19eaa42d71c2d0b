/** Figures /metrics reads at scrape time (one grouped query each). */
import type { DataSource } from 'typeorm';
import { runDb } from '../run-db';

/** Job runs recorded, per job and status. */
export async function jobRunCounts(ds: DataSource): Promise<{ job: string; status: string; count: number }[]> {
  const rows = (await runDb(ds, () =>
    ds.query('SELECT "job", "status", COUNT(*) AS "count" FROM "job_run" GROUP BY "job", "status"'),
  )) as { job: string; status: string; count: number | string }[];
  return rows.map((r) => ({ job: r.job, status: r.status, count: Number(r.count) }));
}
