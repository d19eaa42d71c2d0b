/**
 * The AlertRepeatStore standard suite: run against InMemoryAlertRepeats and SqlAlertRepeats (SQLite,
 * PostgreSQL). The first alert is sent; repeats within the window are held back and counted; the first one after
 * the window is sent with that count; one occurrence published again repeats its decision; several instances
 * deciding at once send a repeat once.
 */
import assert from 'node:assert/strict';
import type { AlertRepeatStore, RepeatDecision } from '../../notify';

/** A fresh store per test. */
export interface AlertRepeatStoreFixture {
  store: AlertRepeatStore;
  close(): Promise<void>;
}

const HOUR = 60 * 60_000;
const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 9, 0) + minute * 60_000);
const sent = (heldBefore: number): RepeatDecision => ({ send: true, heldBefore });
const HELD: RepeatDecision = { send: false };

/** Registers the suite. */
export function alertRepeatStoreContract(name: string, factory: () => Promise<AlertRepeatStoreFixture>): void {
  describe(`AlertRepeatStore contract: ${name}`, () => {
    let f: AlertRepeatStoreFixture;
    beforeEach(async () => {
      f = await factory();
    });
    afterEach(() => f.close());

    const job = (key: string) => ({ event: 'job_failed' as const, alertKey: 'backup', key });

    it('sends the first alert, holds its repeats within the window and sends the next with their count', async () => {
      const s = f.store;
      assert.deepEqual(await s.pass(job('k1'), at(0), HOUR), sent(0));
      assert.deepEqual(await s.pass(job('k2'), at(10), HOUR), HELD);
      assert.deepEqual(await s.pass(job('k3'), at(59), HOUR), HELD);
      assert.deepEqual(await s.pass(job('k4'), at(60), HOUR), sent(2), 'the window (60 min) is over');
      assert.deepEqual(await s.pass(job('k5'), at(61), HOUR), HELD, 'a new window from the one sent');
      assert.deepEqual(await s.pass(job('k6'), at(200), HOUR), sent(1));
      assert.deepEqual(await s.pass(job('k7'), at(400), HOUR), sent(0));
    });

    it('tells alerts apart by event and alert key', async () => {
      const s = f.store;
      assert.deepEqual(await s.pass(job('k1'), at(0), HOUR), sent(0));
      assert.deepEqual(await s.pass({ ...job('k2'), alertKey: 'retention' }, at(1), HOUR), sent(0));
      assert.deepEqual(await s.pass({ ...job('k3'), event: 'malware_detected' }, at(2), HOUR), sent(0));
      assert.deepEqual(await s.pass(job('k4'), at(3), HOUR), HELD);
    });

    it('repeats the decision for an occurrence published again (a watch re-checking it)', async () => {
      const s = f.store;
      assert.deepEqual(await s.pass(job('k1'), at(0), HOUR), sent(0));
      assert.deepEqual(await s.pass(job('k1'), at(1), HOUR), sent(0), 'the outbox dedupes it');
      assert.deepEqual(await s.pass(job('k2'), at(2), HOUR), HELD);
      assert.deepEqual(await s.pass(job('k2'), at(3), HOUR), HELD, 'not counted twice');
      assert.deepEqual(await s.pass(job('k3'), at(61), HOUR), sent(1));
    });

    it('sends a repeat after the window once when several instances decide at once', async () => {
      const s = f.store;
      assert.deepEqual(await s.pass(job('first'), at(0), HOUR), sent(0));
      const within = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => s.pass(job(`w${i}`), at(10), HOUR)));
      assert.deepEqual(within, [HELD, HELD, HELD, HELD, HELD, HELD]);
      const after = await Promise.all([1, 2, 3].map((i) => s.pass(job(`a${i}`), at(70), HOUR)));
      assert.deepEqual(
        after.filter((d) => d.send),
        [sent(6)],
      );
      assert.deepEqual(await s.pass(job('later'), at(131), HOUR), sent(2));
    });
  });
}
