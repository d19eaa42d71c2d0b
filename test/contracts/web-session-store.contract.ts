/** The WebSessionStore standard suite (web chat sign-ins and their single sign-on re-check): the SQL store and the fake. */
import assert from 'node:assert/strict';
import type { WebSessionRecord, WebSessionStore } from '../../adapters/web/sso';

/** Builds a fresh, empty store. */
export type WebSessionStoreFactory = () => Promise<WebSessionStore>;

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, minutes));
const session = (id: string, change: Partial<WebSessionRecord> = {}): WebSessionRecord => ({
  id,
  subject: `subject-${id}`,
  name: '職員 一郎',
  department: '情報政策課',
  email: `${id}@city.example.lg.jp`,
  createdAt: at(0),
  expiresAt: at(480),
  ssoSid: null,
  ssoHint: null,
  ssoRefresh: null,
  ssoCheckAt: null,
  ...change,
});
const checkAt = async (store: WebSessionStore, id: string) => (await store.get(id))?.ssoCheckAt?.toISOString() ?? null;

/** Registers the suite. */
export function webSessionStoreContract(name: string, factory: WebSessionStoreFactory): void {
  describe(`WebSessionStore contract: ${name}`, () => {
    let store: WebSessionStore;
    beforeEach(async () => {
      store = await factory();
    });

    it('keeps what a sign-in stores, the sealed refresh token and the next check included', async () => {
      await store.create(session('s1', { ssoSid: 'sid-1', ssoHint: 'hint', ssoRefresh: 'sealed', ssoCheckAt: at(10) }));
      const s = await store.get('s1');
      assert.deepEqual(
        [s?.subject, s?.email, s?.ssoSid, s?.ssoHint, s?.ssoRefresh, s?.ssoCheckAt?.toISOString()],
        ['subject-s1', 's1@city.example.lg.jp', 'sid-1', 'hint', 'sealed', at(10).toISOString()],
      );
      assert.equal(await store.get('nobody'), undefined);
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

    it('deletes one sign-in, those of a provider session, and those expired', async () => {
      await store.create(session('a', { ssoSid: 'sid-1' }));
      await store.create(session('b', { ssoSid: 'sid-1' }));
      await store.create(session('c'));
      await store.create(session('expired', { expiresAt: at(5) }));
      assert.deepEqual((await store.deleteBySsoSid('sid-1')).map((s) => s.id).sort(), ['a', 'b']);
      assert.deepEqual(await store.deleteBySsoSid('sid-1'), []);
      assert.equal(await store.purge(at(10)), 1);
      assert.equal(await store.get('expired'), undefined);
      await store.delete('c');
      assert.equal(await store.get('c'), undefined);
    });
  });
}
