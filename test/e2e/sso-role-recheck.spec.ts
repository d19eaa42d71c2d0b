/**
 * A console session of a single sign-on user follows the directory (KOTAE_OIDC_ROLE_RECHECK_MINUTES, default 10),
 * against the loopback OpenID Connect provider issuing refresh tokens, on two instances sharing one database (SQLite,
 * PostgreSQL) and one fake clock: no check before it is due; then the session's refresh token is redeemed (once, by
 * whichever instance gets the request first) and a role removed in the directory is removed from the account (403 on
 * the admin pages, the operator pages still work, `auth.sso_role_changed`); a role added is not granted mid-session;
 * no mapped role left, or the account deleted, ends the session (the sign-in page says why,
 * `auth.sso_session_ended`); the provider down keeps the session, logs it and tries again after the back-off.
 */
import assert from 'node:assert/strict';
import { user } from '../helpers/sso-accounts';
import type { RunningApp } from '../helpers/start-app';
import { auditRows, ssoRecheckPair } from '../helpers/sso-recheck-pair';

const UA = 'kotae-e2e-recheck/1.0';
const ENDED = 'Entra ID で権限が変更されたため、再度サインインしてください。';
const upn = (n: number) => `user${n}@kotonoha.example.lg.jp`;

/** The provider's accounts, edited by the tests (the refreshed ID token carries them as they are then). */
const accounts: Record<string, Record<string, unknown>> = {};
const reset = () => {
  for (const key of Object.keys(accounts)) delete accounts[key];
  Object.assign(accounts, {
    lowered: user(40, { roles: ['Kotae.Operator', 'Kotae.Admin'] }),
    removed: user(41, { roles: ['Kotae.Operator'] }),
    deleted: user(42, { roles: ['Kotae.Admin'] }),
    slow: user(43, { roles: ['Kotae.Operator'] }),
    raced: user(44, { roles: ['Kotae.Operator'] }),
  });
};

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`Entra ID role re-check of console sessions on ${kind} (two instances, one database)`, function () {
    this.timeout(120_000);
    before(reset);
    const pair = ssoRecheckPair(kind, accounts, { KOTAE_OIDC_ROLE_MAP: 'Kotae.Operator=operator,Kotae.Admin=admin' });
    const { clock } = pair;
    /** `login` signs in to the console (through `one`). */
    const signIn = (login: string) => pair.signIn(login, 'console');
    const get = (app: RunningApp, path: string, cookie: string) =>
      fetch(`${app.url}${path}`, { redirect: 'manual', headers: { cookie, 'user-agent': UA } });
    const status = async (app: RunningApp, path: string, cookie: string) => (await get(app, path, cookie)).status;
    const roleOf = async (n: number) => (await pair.one.app.operators.operators.findByUsername(upn(n)))?.role;
    const from = (app: RunningApp) => ({ ip: '127.0.0.1', userAgent: UA, instance: app.app.leases.holder });
    const logged = (app: RunningApp, msg: string) => app.logger.lines.filter((l) => l.msg === msg);

    it('removes a role removed in Entra at the first request after the check, and never adds one mid-session', async () => {
      const cookie = await signIn('lowered');
      assert.equal(await roleOf(40), 'admin');
      assert.equal(await status(pair.two, '/console/accounts', cookie), 200);
      accounts.lowered.roles = ['Kotae.Operator'];
      clock.advanceMinutes(9);
      assert.equal(await status(pair.two, '/console/accounts', cookie), 200, 'not due yet: the session keeps admin');
      assert.deepEqual(pair.op.refreshes, []);
      clock.advanceMinutes(2);
      assert.equal(await status(pair.two, '/console/accounts', cookie), 403);
      assert.deepEqual(pair.op.refreshes, [200]);
      assert.equal(await status(pair.one, '/console/tickets', cookie), 200, 'the operator pages still work');
      assert.equal(await roleOf(40), 'operator');
      assert.deepEqual(await auditRows(pair.one, 'auth.sso_role_changed'), [
        { actor: upn(40), detail: { from: 'admin', to: 'operator', ...from(pair.two) } },
      ]);
      // Admin given back in the directory: not granted until the next sign-in.
      accounts.lowered.roles = ['Kotae.Operator', 'Kotae.Admin'];
      clock.advanceMinutes(11);
      assert.equal(await status(pair.one, '/console/accounts', cookie), 403);
      assert.deepEqual(pair.op.refreshes, [200, 200]);
      assert.equal(await roleOf(40), 'operator');
      const higher = logged(pair.one, 'single sign-on: higher role in the directory, granted at the next sign-in');
      assert.equal(higher.length, 1);
      assert.deepEqual(higher[0].fields, {
        operator: upn(40),
        session: higher[0].fields?.session,
        role: 'operator',
        directory: 'admin',
      });
      assert.equal((await auditRows(pair.one, 'auth.sso_role_changed')).length, 1);
      // A new sign-in takes the directory's roles again.
      assert.equal(await status(pair.two, '/console/accounts', await signIn('lowered')), 200);
    });

    it('ends the session when no mapped role is left, and the sign-in page says why', async () => {
      const cookie = await signIn('removed');
      accounts.removed.roles = ['Kotae.Other'];
      clock.advanceMinutes(11);
      const res = await get(pair.one, '/console/tickets', cookie);
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), '/console/signin?notice=ssoRoleChanged');
      const page = await (await get(pair.one, '/console/signin?notice=ssoRoleChanged', '')).text();
      assert.ok(page.includes(`<p class="notice" role="status">${ENDED}</p>`), page.slice(0, 2000));
      assert.equal(await status(pair.two, '/console/tickets', cookie), 302, 'ended on every instance');
      assert.deepEqual(pair.op.refreshes, [200]);
      assert.deepEqual(await auditRows(pair.two, 'auth.sso_session_ended'), [
        { actor: upn(41), detail: { role: 'operator', reason: 'no_role', ...from(pair.one) } },
      ]);
    });

    it('ends the session when the provider refuses the refresh (account deleted)', async () => {
      const cookie = await signIn('deleted');
      delete accounts.deleted;
      clock.advanceMinutes(11);
      const res = await get(pair.two, '/console/accounts', cookie);
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), '/console/signin?notice=ssoRoleChanged');
      assert.deepEqual(pair.op.refreshes, [400]);
      const ended = await auditRows(pair.one, 'auth.sso_session_ended');
      assert.deepEqual(ended.at(-1), {
        actor: upn(42),
        detail: { role: 'admin', reason: 'refresh_refused', ...from(pair.two) },
      });
    });

    it('has exactly one request (of several on both instances) redeem the refresh token when the check is due', async () => {
      const cookie = await signIn('raced');
      clock.advanceMinutes(11);
      const statuses = await Promise.all(
        [pair.one, pair.two, pair.one, pair.two, pair.one, pair.two].map((app) =>
          status(app, '/console/tickets', cookie),
        ),
      );
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200]);
      assert.deepEqual(pair.op.refreshes, [200]);
    });
    // Last: MSAL holds back this instance's token requests for a minute after the provider's 503.
    it('keeps the session while the provider is down, logs it and tries again after the back-off', async () => {
      const cookie = await signIn('slow');
      accounts.slow.roles = [];
      pair.op.tokenStatus = 503;
      clock.advanceMinutes(11);
      assert.equal(await status(pair.one, '/console/tickets', cookie), 200);
      const tries = pair.op.refreshes.length;
      assert.deepEqual(pair.op.refreshes, [503]);
      const warned = logged(pair.one, 'single sign-on: role re-check failed, session kept');
      assert.equal(warned.length, 1);
      assert.equal(warned[0].fields?.operator, upn(43));
      assert.equal(warned[0].fields?.retryInSeconds, 60);
      // Within the back-off nobody asks again, on either instance.
      assert.equal(await status(pair.two, '/console/tickets', cookie), 200);
      assert.equal(pair.op.refreshes.length, tries);
      // After it, the check is made again (on `two`: MSAL holds back `one`'s token requests like the one the provider
      // answered 503, for 60 s of real time or its Retry-After, without sending them).
      pair.op.tokenStatus = undefined;
      clock.advanceMinutes(2);
      const res = await get(pair.two, '/console/tickets', cookie);
      assert.equal(res.headers.get('location'), '/console/signin?notice=ssoRoleChanged');
      assert.deepEqual(pair.op.refreshes.slice(tries), [200]);
    });
  });
}
