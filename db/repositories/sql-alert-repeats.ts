/**
 * AlertRepeatStore on TypeORM (table alert_repeat, one row per event and alert key). The first alert inserts
 * the row and is sent; a repeat within the window is one conditional UPDATE (`held = held + 1 … WHERE sentAt >
 * cutoff AND lastKey <> key`); the first after the window another (`sentAt = now, released = held, held = 0 …
 * WHERE sentAt <= cutoff`), whose affected-row count says which instance sends it. The same occurrence
 * published again (a watch re-checking, a crash before it was marked) repeats its first decision.
 */
import type { DataSource } from 'typeorm';
import type { AlertRepeatStore, RepeatDecision, RepeatedAlert } from '../../notify';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';
import { isUniqueViolation } from './atomic-sql';

interface AlertRepeatRow {
  id: string;
  event: string;
  sentAt: Date;
  lastKey: string;
  lastHeld: number;
  held: number;
  released: number;
}

const HOLD: RepeatDecision = { send: false };

/** SQL implementation of AlertRepeatStore. */
export class SqlAlertRepeats implements AlertRepeatStore {
  constructor(private readonly ds: DataSource) {}

  private repo() {
    return managerOf(this.ds).getRepository<AlertRepeatRow>('alert_repeat');
  }

  async pass(alert: RepeatedAlert, now: Date, windowMs: number): Promise<RepeatDecision> {
    const id = `${alert.event}:${alert.alertKey}`.slice(0, 250);
    const key = alert.key.slice(0, 400);
    const cutoff = new Date(now.getTime() - windowMs);
    // Three rounds cover losing one race of each kind to another instance.
    for (let round = 0; round < 3; round += 1) {
      const decided = await runDb(this.ds, () => this.decide(id, alert.event, key, now, cutoff));
      if (decided) return decided;
    }
    return { send: true, heldBefore: 0 };
  }

  /** One attempt; undefined when another instance changed the row in between (try again). */
  private async decide(
    id: string,
    event: string,
    key: string,
    now: Date,
    cutoff: Date,
  ): Promise<RepeatDecision | undefined> {
    const e = (name: string) => this.ds.driver.escape(name);
    const row = await this.repo().findOneBy({ id });
    if (!row) {
      const first = { id, event, sentAt: now, lastKey: key, lastHeld: 0, held: 0, released: 0 };
      try {
        await this.repo().insert(first);
        return { send: true, heldBefore: 0 };
      } catch (err) {
        if (isUniqueViolation(err)) return undefined;
        throw err;
      }
    }
    if (row.lastKey === key) return row.lastHeld ? HOLD : { send: true, heldBefore: 0 };
    const update = () => managerOf(this.ds).createQueryBuilder().update('alert_repeat');
    const held = await update()
      .set({ held: () => `${e('held')} + 1`, lastKey: key, lastHeld: 1 })
      .where(`${e('id')} = :id AND ${e('sentAt')} > :cutoff AND ${e('lastKey')} <> :key`, { id, cutoff, key })
      .execute();
    if (held.affected === 1) return HOLD;
    const sent = await update()
      .set({ sentAt: now, lastKey: key, lastHeld: 0, released: () => e('held'), held: 0 })
      .where(`${e('id')} = :id AND ${e('sentAt')} <= :cutoff AND ${e('lastKey')} <> :key`, { id, cutoff, key })
      .execute();
    if (sent.affected !== 1) return undefined;
    // Only a send after the next window changes `released`; repeats held meanwhile change `held` and `lastKey`.
    const after = await this.repo().findOneBy({ id });
    return { send: true, heldBefore: after?.released ?? 0 };
  }
}
