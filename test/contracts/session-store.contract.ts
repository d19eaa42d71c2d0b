/** The SessionStore standard suite (console sessions and their single sign-on re-check): the SQL store and the fake. */
import assert from 'node:assert/strict';
import type { SessionRecord, SessionStore } from '../../tickets';

/** Builds a fresh, empty store. */
export type SessionStoreFactory = () => Promise<SessionStore>;

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, minutes));
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
const checkAt = async (store: SessionStore, id: string) => (await store.get(id))?.ssoCheckAt?.toISOString() ?? null;

/** Registers the suite. */
export function sessionStoreContract(name: string, factory: SessionStoreFactory): void {
  describe(`SessionStore contract: ${name}`, () => {
    let store: SessionStore;
    beforeEach(async () => {
      store = await factory();
    });

    it('lets one caller claim a due re-check; the others, and a check not yet due, get false', async () => {
      await store.create(session('due', { ssoCheckAt: at(10) }));
      await store.create(session('later', { ssoCheckAt: at(30) }));
      await store.create(session('never'));
      assert.equal(await store.claimSsoCheck('due', at(10), at(10), at(11)), true);
      assert.equal(await store.claimSsoCheck('due', at(10), at(10), at(11)), false, 'the same due time, taken');
      assert.equal(await checkAt(store, 'due'), at(11).toISOString());
      assert.equal(await store.claimSsoCheck('later', at(30), at(10), at(11)), false);
      assert.equal(await checkAt(store, 'later'), at(30).toISOString());
      assert.equal(await store.claimSsoCheck('never', null, at(10), at(11)), true);
      assert.equal(await store.claimSsoCheck('never', null, at(10), at(11)), false);
      assert.equal(await store.claimSsoCheck('gone', null, at(10), at(11)), false);
    });

    it('records a passed re-check: the next due time and the newest sealed refresh token', async () => {
      await store.create(session('s1', { ssoRefresh: 'sealed-1', ssoCheckAt: at(10) }));
      await store.finishSsoCheck('s1', at(20), 'sealed-2');
      const s = await store.get('s1');
      assert.equal(s?.ssoRefresh, 'sealed-2');
      assert.equal(s?.ssoCheckAt?.toISOString(), at(20).toISOString());
      assert.equal(await store.claimSsoCheck('s1', at(20), at(19), at(21)), false);
      assert.equal(await store.claimSsoCheck('s1', at(20), at(20), at(21)), true);
    });

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
