/**
 * AlertStateStore on TypeORM (table alert_state, one row per condition). Opening an incident inserts
 * the row if missing (a concurrent insert is ignored), then updates it only `WHERE since IS NULL`;
 * closing updates it only `WHERE since = <that incident>`. The affected-row counts decide, so two
 * instances never both open or both close the same incident.
 */
import type { DataSource } from 'typeorm';
import type { AlertIncident, AlertStateStore } from '../../notify';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';
import { isUniqueViolation } from './atomic-sql';

interface AlertStateRow {
  name: string;
  since: Date | null;
  detail: string | null;
  notifiedAt: Date | null;
  updatedAt: Date;
}

/** SQL implementation of AlertStateStore. */
export class SqlAlertStates implements AlertStateStore {
  constructor(private readonly ds: DataSource) {}

  private repo() {
    return managerOf(this.ds).getRepository<AlertStateRow>('alert_state');
  }

  open(name: string, since: Date, detail: string, now: Date): Promise<AlertIncident> {
    return runDb(this.ds, async () => {
      await this.insertIfMissing({ name, since: null, detail: null, notifiedAt: null, updatedAt: now });
      await managerOf(this.ds)
        .createQueryBuilder()
        .update('alert_state')
        .set({ since, detail, notifiedAt: null, updatedAt: now })
        .where('name = :name AND since IS NULL', { name })
        .execute();
      const row = await this.repo().findOneByOrFail({ name });
      return toIncident(row)!;
    });
  }

  async current(name: string): Promise<AlertIncident | undefined> {
    const row = await runDb(this.ds, () => this.repo().findOneBy({ name }));
    return row ? toIncident(row) : undefined;
  }

  async markNotified(name: string, since: Date, at: Date): Promise<void> {
    await runDb(this.ds, () => this.repo().update({ name, since }, { notifiedAt: at, updatedAt: at }));
  }

  close(name: string, since: Date, at: Date): Promise<boolean> {
    return runDb(this.ds, async () => {
      const result = await this.repo().update(
        { name, since },
        { since: null, detail: null, notifiedAt: null, updatedAt: at },
      );
      return result.affected === 1;
    });
  }

  private async insertIfMissing(row: AlertStateRow): Promise<void> {
    if (this.ds.options.type === 'mssql') {
      try {
        await this.repo().insert(row);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      return;
    }
    await managerOf(this.ds).createQueryBuilder().insert().into('alert_state').values(row).orIgnore().execute();
  }
}

function toIncident(r: AlertStateRow): AlertIncident | undefined {
  if (!r.since) return undefined;
  return { name: r.name, since: r.since, detail: r.detail ?? '', notifiedAt: r.notifiedAt ?? undefined };
}
