/**
 * JobLease on TypeORM (table job_lease). Taking a lease is two atomic statements: an insert of the
 * row if it is missing (a concurrent insert by another instance is ignored, never an error), then a
 * conditional update `WHERE name = ? AND (expiresAt < now OR holder = me)`; the lease is ours when
 * that update changed one row. On PostgreSQL a concurrent update re-checks the condition on the row
 * the other one wrote, so two instances never both take an expired lease.
 */
import type { DataSource } from 'typeorm';
import { LessThan, MoreThanOrEqual } from 'typeorm';
import type { JobLease, LeaseHeld, LeaseHolding } from '../../jobs';
import { runDb } from '../run-db';
import { isUniqueViolation } from './atomic-sql';

interface JobLeaseRow {
  name: string;
  holder: string;
  expiresAt: Date;
}

/** SQL implementation of JobLease. */
export class SqlJobLease implements JobLease {
  constructor(private readonly ds: DataSource) {}

  private repo() {
    return this.ds.getRepository<JobLeaseRow>('job_lease');
  }

  acquire(name: string, holder: string, now: Date, expiresAt: Date): Promise<boolean> {
    return runDb(this.ds, async () => {
      await this.insertIfMissing({ name, holder, expiresAt });
      const result = await this.ds
        .createQueryBuilder()
        .update('job_lease')
        .set({ holder, expiresAt })
        .where([
          { name, expiresAt: LessThan(now) },
          { name, holder },
        ])
        .execute();
      return result.affected === 1;
    });
  }

  async release(name: string, holder: string): Promise<void> {
    await runDb(this.ds, () => this.repo().delete({ name, holder }));
  }

  async heldBy(holder: string, now: Date): Promise<LeaseHeld[]> {
    const rows = await runDb(this.ds, () =>
      this.repo().find({ where: { holder, expiresAt: MoreThanOrEqual(now) }, order: { name: 'ASC' } }),
    );
    return rows.map((r) => ({ name: r.name, expiresAt: r.expiresAt }));
  }

  async live(now: Date): Promise<LeaseHolding[]> {
    const rows = await runDb(this.ds, () =>
      this.repo().find({ where: { expiresAt: MoreThanOrEqual(now) }, order: { name: 'ASC' } }),
    );
    return rows.map((r) => ({ name: r.name, holder: r.holder, expiresAt: r.expiresAt }));
  }

  private async insertIfMissing(row: JobLeaseRow): Promise<void> {
    if (this.ds.options.type === 'mssql') {
      try {
        await this.repo().insert(row);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      return;
    }
    await this.ds.createQueryBuilder().insert().into('job_lease').values(row).orIgnore().execute();
  }
}
