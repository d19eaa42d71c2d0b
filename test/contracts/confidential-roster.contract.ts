/** The ConfidentialRosterStore standard suite: the SQL store and the in-memory fake must pass it. */
import assert from 'node:assert/strict';
import { KotaeError } from '../../core/errors';
import type { ConfidentialRosterStore } from '../../tickets';

/** Builds a fresh, empty store. */
export type RosterStoreFactory = () => Promise<ConfidentialRosterStore>;

const at = (iso: string) => new Date(iso);

/** Registers the suite. */
export function confidentialRosterContract(name: string, factory: RosterStoreFactory): void {
  describe(`ConfidentialRosterStore contract: ${name}`, () => {
    let store: ConfidentialRosterStore;
    beforeEach(async () => {
      store = await factory();
    });

    it('is in force from validFrom (inclusive) to validTo (exclusive), for that username only', async () => {
      const e = await store.add(
        {
          username: 'sato',
          validFrom: at('2026-03-31T15:00:00Z'),
          validTo: at('2026-04-30T15:00:00Z'),
          approver: '情報政策課長',
        },
        'admin',
        at('2026-03-01T00:00:00Z'),
      );
      assert.equal(e.username, 'sato');
      assert.equal(e.approver, '情報政策課長');
      assert.equal(e.note, undefined);
      assert.equal(await store.isRostered('sato', at('2026-03-31T14:59:59Z')), false);
      assert.equal(await store.isRostered('sato', at('2026-03-31T15:00:00Z')), true);
      assert.equal(await store.isRostered('sato', at('2026-04-30T14:59:59Z')), true);
      assert.equal(await store.isRostered('sato', at('2026-04-30T15:00:00Z')), false);
      assert.equal(await store.isRostered('suzuki', at('2026-04-10T00:00:00Z')), false);
    });

    it('a revocation ends the entry from then on, once; lists newest period first', async () => {
      const old = await store.add(
        { username: 'sato', validFrom: at('2025-04-01T00:00:00Z'), validTo: at('2025-05-01T00:00:00Z'), approver: 'A' },
        'admin',
        at('2025-03-01T00:00:00Z'),
      );
      const e = await store.add(
        {
          username: 'sato',
          validFrom: at('2026-04-01T00:00:00Z'),
          validTo: at('2027-04-01T00:00:00Z'),
          approver: 'B',
          note: '基幹系担当',
        },
        'admin',
        at('2026-03-01T00:00:00Z'),
      );
      const revoked = await store.revoke(e.id, 'admin2', at('2026-06-01T00:00:00Z'));
      assert.equal(revoked.revokedAt?.toISOString(), '2026-06-01T00:00:00.000Z');
      assert.equal(revoked.revokedBy, 'admin2');
      const again = await store.revoke(e.id, 'admin3', at('2026-07-01T00:00:00Z'));
      assert.equal(again.revokedBy, 'admin2');
      assert.equal(await store.isRostered('sato', at('2026-05-31T23:59:59Z')), true);
      assert.equal(await store.isRostered('sato', at('2026-06-01T00:00:00Z')), false);
      assert.deepEqual(
        (await store.list()).map((x) => [x.id, x.note ?? null]),
        [
          [e.id, '基幹系担当'],
          [old.id, null],
        ],
      );
      await assert.rejects(
        store.revoke('no-such-id', 'admin', at('2026-06-01T00:00:00Z')),
        (err: unknown) => err instanceof KotaeError && err.code === 'NOT_FOUND',
      );
    });
  });
}
