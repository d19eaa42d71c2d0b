/** The SessionStore standard suite (console sessions and their single sign-on re-check): the SQL store and the fake. */
import assert from 'node:assert/strict';
import { at, ssoCheckCases } from './sso-check-cases';
import type { SessionRecord, SessionStore } from '../../tickets';

/** Builds a fresh, empty store. */
export type SessionStoreFactory = () => Promise<SessionStore>;

const session = (id: string, change: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  operatorId: 'op-1',
  csrfToken: `csrf-${id}`,
  createdAt: at(0),
  expiresAt: at(480),
  lastSeenAt: at(0),
  ssoSid: null,
  ssoHint: null,
  ssoRefresh: null,
  ssoCheckAt: null,
  ...change,
});

/** Registers the suite. */
export function sessionStoreContract(name: string, factory: SessionStoreFactory): void {
  describe(`SessionStore contract: ${name}`, () => {
    let store: SessionStore;
    beforeEach(async () => {
      store = await factory();
    });

    ssoCheckCases<SessionRecord>(() => store, session);

    it('deletes one session, those of a provider session, those of an operator but one', async () => {
      await store.create(session('a', { ssoSid: 'sid-1' }));
      await store.create(session('b', { ssoSid: 'sid-1', operatorId: 'op-2' }));
      await store.create(session('c'));
      await store.create(session('d'));
      const ended = await store.deleteBySsoSid('sid-1');
      assert.deepEqual(ended.map((s) => s.id).sort(), ['a', 'b']);
      assert.deepEqual(await store.deleteBySsoSid('sid-1'), []);
      await store.deleteForOperator('op-1', 'c');
      assert.equal(await store.get('d'), undefined);
      assert.equal((await store.get('c'))?.csrfToken, 'csrf-c');
      await store.delete('c');
      assert.equal(await store.get('c'), undefined);
    });

    it('purges sessions past their expiry or idle since before the given time', async () => {
      await store.create(session('live', { lastSeenAt: at(10) }));
      await store.create(session('expired', { expiresAt: at(5), lastSeenAt: at(4) }));
      await store.create(session('idle', { lastSeenAt: at(1) }));
      await store.touch('live', at(20));
      assert.equal((await store.get('live'))?.lastSeenAt.toISOString(), at(20).toISOString());
      assert.equal(await store.purge(at(10), at(5)), 2);
      assert.equal((await store.get('expired')) ?? (await store.get('idle')), undefined);
      assert.ok(await store.get('live'));
    });
  });
}
