/** The RequestKeyStore standard suite: the SQL store and the in-memory fake must pass it. */
import assert from 'node:assert/strict';
import type { RequestKeyStore } from '../../adapters/web';

/** Builds a fresh, empty store. */
export type RequestKeyStoreFactory = () => Promise<RequestKeyStore>;

const at = (iso: string) => new Date(iso);
const KEY = 'a'.repeat(64);

/** Registers the suite. */
export function requestKeyStoreContract(name: string, factory: RequestKeyStoreFactory): void {
  describe(`RequestKeyStore contract: ${name}`, () => {
    let store: RequestKeyStore;
    beforeEach(async () => {
      store = await factory();
    });

    it('claims a key once; the claim has no response until completed', async () => {
      assert.equal(await store.claim(KEY, 'api.ask', 'f1', at('2026-12-04T00:00:00Z')), true);
      assert.equal(await store.claim(KEY, 'api.ask', 'f1', at('2026-12-04T00:00:01Z')), false);
      const found = await store.find(KEY);
      assert.deepEqual(
        { ...found, claimedAt: found?.claimedAt.toISOString() },
        { scope: 'api.ask', fingerprint: 'f1', claimedAt: '2026-12-04T00:00:00.000Z' },
      );
      await store.complete(KEY, '{"status":200}');
      assert.equal((await store.find(KEY))?.response, '{"status":200}');
      assert.equal(await store.find('b'.repeat(64)), undefined);
    });

    it('releases a claim without response only', async () => {
      await store.claim(KEY, 'api.ask', 'f1', at('2026-12-04T00:00:00Z'));
      await store.release(KEY);
      assert.equal(await store.find(KEY), undefined);
      assert.equal(await store.claim(KEY, 'api.ask', 'f1', at('2026-12-04T00:00:00Z')), true);
      await store.complete(KEY, 'done');
      await store.release(KEY);
      assert.equal((await store.find(KEY))?.response, 'done');
    });

    it('takes over a claim without response claimed before the cut-off, once', async () => {
      await store.claim(KEY, 'api.ask', 'f1', at('2026-12-04T00:00:00Z'));
      assert.equal(await store.takeOver(KEY, at('2026-12-04T00:00:00Z'), at('2026-12-04T00:10:00Z')), false);
      assert.equal(await store.takeOver(KEY, at('2026-12-04T00:05:00Z'), at('2026-12-04T00:10:00Z')), true);
      assert.equal(await store.takeOver(KEY, at('2026-12-04T00:05:00Z'), at('2026-12-04T00:10:00Z')), false);
      assert.equal((await store.find(KEY))?.claimedAt.toISOString(), '2026-12-04T00:10:00.000Z');
      await store.complete(KEY, 'done');
      assert.equal(await store.takeOver(KEY, at('2026-12-05T00:00:00Z'), at('2026-12-05T00:00:00Z')), false);
    });

    it('renews a claim without response only', async () => {
      await store.claim(KEY, 'api.ask', 'f1', at('2026-12-04T00:00:00Z'));
      await store.renew(KEY, at('2026-12-04T00:00:02Z'));
      assert.equal((await store.find(KEY))?.claimedAt.toISOString(), '2026-12-04T00:00:02.000Z');
      await store.complete(KEY, 'done');
      await store.renew(KEY, at('2026-12-04T00:00:04Z'));
      assert.equal((await store.find(KEY))?.claimedAt.toISOString(), '2026-12-04T00:00:02.000Z');
      await store.renew('b'.repeat(64), at('2026-12-04T00:00:04Z'));
      assert.equal(await store.find('b'.repeat(64)), undefined);
    });

    it('purges keys claimed before a date and says how many', async () => {
      await store.claim(KEY, 'api.ask', 'f1', at('2026-12-01T00:00:00Z'));
      await store.claim('b'.repeat(64), 'console.form', 'f2', at('2026-12-03T00:00:00Z'));
      assert.equal(await store.purgeBefore(at('2026-12-02T00:00:00Z')), 1);
      assert.equal(await store.find(KEY), undefined);
      assert.equal((await store.find('b'.repeat(64)))?.scope, 'console.form');
    });
  });
}
