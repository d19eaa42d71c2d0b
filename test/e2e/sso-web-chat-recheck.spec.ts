/**
 * A web chat sign-in follows the directory (KOTAE_OIDC_WEB_CHAT=true, KOTAE_OIDC_ROLE_RECHECK_MINUTES default 10),
 * against the loopback OpenID Connect provider issuing refresh tokens, on two instances sharing one database (SQLite,
 * PostgreSQL) and one fake clock: no check before it is due; then the sign-in's refresh token is redeemed once; the
 * account deleted in the directory ends the sign-in (the chat's API answers 401 in Japanese saying why, `/auth/me`
 * reports it, `auth.sso_session_ended` with `channel: 'web'`); the attachment routes (upload, list, download) answer
 * the same 401s, ended by the re-check or expired, and store nothing; the provider down keeps it, logs it and tries
 * again after the back-off.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { user } from '../helpers/sso-accounts';
import type { RunningApp } from '../helpers/start-app';
import { auditRows, ssoRecheckPair } from '../helpers/sso-recheck-pair';

const UA = 'kotae-e2e-web-recheck/1.0';
const ENDED = 'Entra ID でアカウントの状態が変わったため、もう一度サインインしてください。';
const REQUIRED = 'Webチャットを利用するにはサインインしてください。';
const upn = (n: number) => `user${n}@kotonoha.example.lg.jp`;

/** The provider's accounts, edited by the tests (the refreshed ID token carries them as they are then). */
const accounts: Record<string, Record<string, unknown>> = {};
const reset = () => {
  for (const key of Object.keys(accounts)) delete accounts[key];
  Object.assign(accounts, { deleted: user(50), asked: user(51), kept: user(52), slow: user(53) });
  Object.assign(accounts, { uploads: user(54), lists: user(55), downloads: user(56), expires: user(57) });
};

/** The files below an instance's attachments folder (staged uploads included). */
const storedFiles = (app: RunningApp) =>
  fs.existsSync(path.join(app.dataDir, 'attachments'))
    ? fs.readdirSync(path.join(app.dataDir, 'attachments'), { recursive: true }).length
    : 0;

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

    /** `login` signed in, with a conversation holding one file uploaded then: the cookie, the ids. */
    async function withFile(login: string) {
      const cookie = await signIn(login);
      const conversationId = (await (await ask(pair.one, cookie)).json()).conversationId as string;
      const uploaded = await upload(pair.one, cookie, conversationId);
      assert.equal(uploaded.status, 201);
      return { cookie, conversationId, attachmentId: (await uploaded.json()).attachment.id as string };
    }
    const files = (conversationId: string) => `/api/conversations/${encodeURIComponent(conversationId)}/attachments`;
    const upload = (app: RunningApp, cookie: string, conversationId: string) => {
      const form = new FormData();
      form.append('file', new Blob(['プリンタのエラー表示'], { type: 'text/plain' }), 'memo.txt');
      return fetch(`${app.url}${files(conversationId)}`, {
        method: 'POST',
        headers: { cookie, 'user-agent': UA },
        body: form,
      });
    };
    const list = (app: RunningApp, cookie: string, conversationId: string) =>
      fetch(`${app.url}${files(conversationId)}`, { headers: { cookie, 'user-agent': UA } });
    const download = (app: RunningApp, cookie: string, file: { conversationId: string; attachmentId: string }) =>
      fetch(`${app.url}${files(file.conversationId)}/${file.attachmentId}`, { headers: { cookie, 'user-agent': UA } });
    /** A refused response: its status and body. */
    const refusal = async (res: Response) => [res.status, await res.json()];
    const refused = (message: string) => [401, { error: { code: 'AUTH_REQUIRED', message } }];
    /** The files the conversation keeps (the one uploaded signed in, only). */
    const kept = async (conversationId: string) =>
      (await pair.one.app.operators.attachments.listForConversation(conversationId)).map((a) => a.id);

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

    it('refuses the attachment routes 401 once the re-check ended the sign-in, saying why, and stores nothing', async () => {
      const [up, listed, down] = [await withFile('uploads'), await withFile('lists'), await withFile('downloads')];
      const before = storedFiles(pair.two);
      for (const login of ['uploads', 'lists', 'downloads']) delete accounts[login];
      clock.advanceMinutes(11);
      // Each route is the request that makes the check: it says the re-check ended the sign-in.
      assert.deepEqual(await refusal(await upload(pair.two, up.cookie, up.conversationId)), refused(ENDED));
      assert.deepEqual(await refusal(await list(pair.two, listed.cookie, listed.conversationId)), refused(ENDED));
      assert.deepEqual(await refusal(await download(pair.two, down.cookie, down)), refused(ENDED));
      assert.deepEqual(pair.op.refreshes, [400, 400, 400]);
      // Later calls with the same cookies are simply signed out.
      assert.deepEqual(await refusal(await upload(pair.one, down.cookie, down.conversationId)), refused(REQUIRED));
      assert.deepEqual(await refusal(await list(pair.one, up.cookie, up.conversationId)), refused(REQUIRED));
      assert.deepEqual(await refusal(await download(pair.one, listed.cookie, listed)), refused(REQUIRED));
      assert.deepEqual(pair.op.refreshes, [400, 400, 400], 'asked once per sign-in');
      for (const file of [up, listed, down]) assert.deepEqual(await kept(file.conversationId), [file.attachmentId]);
      assert.equal(storedFiles(pair.two), before, 'nothing stored');
    });

    it('refuses the attachment routes 401 once the sign-in expired, and stores nothing', async () => {
      const file = await withFile('expires');
      const before = storedFiles(pair.two);
      clock.advanceMinutes(8 * 60 + 1);
      assert.deepEqual(await refusal(await upload(pair.two, file.cookie, file.conversationId)), refused(REQUIRED));
      assert.deepEqual(await refusal(await list(pair.two, file.cookie, file.conversationId)), refused(REQUIRED));
      assert.deepEqual(await refusal(await download(pair.two, file.cookie, file)), refused(REQUIRED));
      assert.deepEqual(pair.op.refreshes, [], 'an expired sign-in is not checked with the provider');
      assert.deepEqual(await kept(file.conversationId), [file.attachmentId]);
      assert.equal(storedFiles(pair.two), before, 'nothing stored');
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
