/** FailedSaves on TypeORM: one row per console session and ticket, deleted when read or expired. */
import { randomUUID } from 'node:crypto';
import { LessThan, type DataSource } from 'typeorm';
import type { FailedSave, FailedSaves } from '../../tickets';
import type { FailedSaveRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';

/** SQL implementation of FailedSaves. */
export class SqlFailedSaves implements FailedSaves {
  /** `ttlMs`: how long a failed save waits for the redirected page (10 minutes). */
  constructor(
    private readonly ds: DataSource,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  put(sessionId: string, ticketId: string, save: FailedSave, now: Date): Promise<void> {
    return runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        const repo = em.getRepository<FailedSaveRow>('failed_save');
        // Rows whose page was never shown (closed tab, lost connection); indexed, and few.
        await repo.delete({ expiresAt: LessThan(now) });
        await repo.delete({ sessionId, ticketId });
        await repo.insert({
          id: randomUUID(),
          sessionId,
          ticketId,
          form: save.form,
          fields: JSON.stringify(save.fields),
          error: save.error,
          status: save.status,
          expiresAt: new Date(now.getTime() + this.ttlMs),
        });
      }),
    );
  }

  take(sessionId: string, ticketId: string, now: Date): Promise<FailedSave | undefined> {
    return runDb(this.ds, async () => {
      const repo = managerOf(this.ds).getRepository<FailedSaveRow>('failed_save');
      const row = await repo.findOne({ where: { sessionId, ticketId } });
      if (!row) return undefined;
      // Only the request whose DELETE removed the row shows it (two tabs, two instances).
      const { affected } = await repo.delete({ id: row.id });
      if (affected !== 1 || row.expiresAt.getTime() <= now.getTime()) return undefined;
      return {
        form: row.form,
        fields: JSON.parse(row.fields) as Record<string, string>,
        error: row.error,
        status: row.status,
      };
    });
  }
}
