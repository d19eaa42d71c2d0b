/**
 * A web chat sign-in follows the directory (KOTAE_OIDC_WEB_CHAT=true, KOTAE_OIDC_ROLE_RECHECK_MINUTES default 10),
 * against the loopback OpenID Connect provider issuing refresh tokens, on two instances sharing one database (SQLite,
 * PostgreSQL) and one fake clock: no check before it is due; then the sign-in's refresh token is redeemed once; the
 * account deleted in the directory ends the sign-in (the chat's API answers 401 in Japanese saying why, `/auth/me`
 * reports it, `auth.sso_session_ended` with `channel: 'web'`); the provider down keeps it, logs it and tries again
 * after the back-off.
 */
import assert from 'node:assert/strict';
import { user } from '../helpers/sso-accounts';
import type { RunningApp } from '../helpers/start-app';
import { auditRows, ssoRecheckPair } from '../helpers/sso-recheck-pair';

const UA = 'kotae-e2e-web-recheck/1.0';
const ENDED = 'Entra ID でアカウントの状態が変わったため、もう一度サインインしてください。';
const upn = (n: number) => `user${n}@kotonoha.example.lg.jp`;

/** The provider's accounts, edited by the tests (the refreshed ID token carries them as they are then). */
const accounts: Record<string, Record<string, unknown>> = {};
const reset = () => {
  for (const key of Object.keys(accounts)) delete accounts[key];
  Object.assign(accounts, { deleted: user(50), asked: user(51), kept: user(52), slow: user(53) });
};

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`Entra ID re-check of web chat sign-ins on ${kind} (two instances, one database)`, function () {
    this.timeout(120_000);
    before(reset);
    const pair = ssoRecheckPair(kind, accounts, { KOTAE_OIDC_WEB_CHAT: 'true' });
    const { clock } = pair;
    /** `login` signs in to the web chat (through `one`). */
    const signIn = (login: string) => pair.signIn(login, 'chat');
    /** A question in the web chat (its API): the response. */
    const ask = (app: RunningApp, cookie: string) =>
      fetch(`${app.url}/api/ask`, {
        method: 'POST',
        headers: { cookie, 'user-agent': UA, 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'プリンタで印刷できない' }),
      });
    const me = async (app: RunningApp, cookie: string) =>
      (await fetch(`${app.url}/auth/me`, { headers: { cookie, 'user-agent': UA } })).json();
    const from = (app: RunningApp) => ({ ip: '127.0.0.1', userAgent: UA, instance: app.app.leases.holder });
    const logged = (app: RunningApp, msg: string) => app.logger.lines.filter((l) => l.msg === msg);

    it('ends the sign-in when the account is deleted in Entra: the next API call after the interval is 401', async () => {
      const cookie = await signIn('deleted');
      delete accounts.deleted;
      clock.advanceMinutes(9);
      assert.equal((await ask(pair.two, cookie)).status, 200, 'not due yet: the sign-in stays');
      assert.deepEqual(pair.op.refreshes, []);
      clock.advanceMinutes(2);
      const res = await ask(pair.two, cookie);
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { error: { code: 'AUTH_REQUIRED', message: ENDED } });
      assert.deepEqual(pair.op.refreshes, [400]);
      assert.deepEqual(
        await me(pair.one, cookie),
        { signInRequired: true, signedIn: false },
        'ended on every instance',
      );
      assert.equal((await ask(pair.one, cookie)).status, 401);
      assert.deepEqual(await auditRows(pair.one, 'auth.sso_session_ended'), [
        { actor: upn(50), detail: { channel: 'web', reason: 'refresh_refused', ...from(pair.two) } },
      ]);
      assert.deepEqual(pair.op.refreshes, [400], 'asked once');
    });

    it('has /auth/me say why when the check it makes ends the sign-in', async () => {
      const cookie = await signIn('asked');
      delete accounts.asked;
      clock.advanceMinutes(11);
      assert.deepEqual(await me(pair.one, cookie), {
        signInRequired: true,
        signedIn: false,
        ended: 'sso',
        notice: ENDED,
      });
      assert.deepEqual((await auditRows(pair.two, 'auth.sso_session_ended')).at(-1), {
        actor: upn(51),
        detail: { channel: 'web', reason: 'refresh_refused', ...from(pair.one) },
      });
    });

    it('keeps the sign-in of an account still in Entra and checks it again an interval later', async () => {
      const cookie = await signIn('kept');
      const ended = (await auditRows(pair.one, 'auth.sso_session_ended')).length;
      clock.advanceMinutes(11);
      assert.equal((await ask(pair.one, cookie)).status, 200);
      assert.deepEqual(pair.op.refreshes, [200]);
      clock.advanceMinutes(9);
      assert.equal((await ask(pair.two, cookie)).status, 200);
      assert.deepEqual(pair.op.refreshes, [200], 'the next check is an interval after the last');
      clock.advanceMinutes(2);
      assert.equal((await ask(pair.two, cookie)).status, 200);
      assert.deepEqual(pair.op.refreshes, [200, 200], 'the rotated refresh token was kept and redeemed');
      assert.equal((await auditRows(pair.one, 'auth.sso_session_ended')).length, ended);
    });

    // Last: MSAL holds back this instance's token requests for a minute after the provider's 503.
    it('keeps the sign-in while the provider is down, logs it and tries again after the back-off', async () => {
      const cookie = await signIn('slow');
      const ended = (await auditRows(pair.one, 'auth.sso_session_ended')).length;
      pair.op.tokenStatus = 503;
      clock.advanceMinutes(11);
      assert.equal((await ask(pair.one, cookie)).status, 200);
      assert.deepEqual(pair.op.refreshes, [503]);
      const warned = logged(pair.one, 'single sign-on: web chat re-check failed, session kept');
      assert.equal(warned.length, 1);
      assert.equal(warned[0].fields?.retryInSeconds, 60);
      // Within the back-off nobody asks again, on either instance.
      assert.equal((await ask(pair.two, cookie)).status, 200);
      assert.deepEqual(pair.op.refreshes, [503]);
      pair.op.tokenStatus = undefined;
      clock.advanceMinutes(2);
      assert.equal((await ask(pair.two, cookie)).status, 200);
      assert.deepEqual(pair.op.refreshes, [503, 200]);
      assert.equal((await auditRows(pair.one, 'auth.sso_session_ended')).length, ended);
    });
  });
}
