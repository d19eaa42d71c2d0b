/** The WebSessionStore standard suite (web chat sign-ins and their single sign-on re-check): the SQL store and the fake. */
import assert from 'node:assert/strict';
import { at, ssoCheckCases } from './sso-check-cases';
import type { WebSessionRecord, WebSessionStore } from '../../adapters/web/sso';

/** Builds a fresh, empty store. */
export type WebSessionStoreFactory = () => Promise<WebSessionStore>;

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

    ssoCheckCases<WebSessionRecord>(() => store, session);

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
