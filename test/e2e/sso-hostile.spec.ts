/**
 * Entra ID sign-in against hostile and unusual but real responses: the real app and its MSAL client
 * (authorization code + PKCE) against the loopback OpenID Connect provider over real HTTP, the
 * browser played by fetch with a cookie jar. ID tokens with another audience, issuer, nonce or
 * tenant, expired ones, replayed codes, forged or foreign callbacks, URLs the app refuses (NUL, bad
 * %-encoding), provider errors, odd claims, Entra's groups overage claim and open-redirect attempts:
 * never a 5xx, a Japanese page with a way back to sign in, no session, nothing reflected, and a failed
 * sign-in in the audit log.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { SSO_MESSAGES as M } from '../../adapters/web/sso';
import { startApp, type RunningApp } from '../helpers/start-app';
import { startOidcServer, type OidcServer } from '../fakes/oidc-server';
import { freePort, throughProvider } from '../helpers/oidc-browser';
import { signInRecords } from '../helpers/sso-router';
import {
  ACCOUNTS,
  ADMIN_GROUP,
  BROWSER_AGENT,
  OVERAGE,
  TENANT,
  client,
  failed,
  now,
  oid,
} from '../helpers/sso-accounts';

const NUL = 'URLに使用できない文字（NUL文字 %00）が含まれています。';
const BAD_URL = 'URLの形式が正しくありません。';
const TOO_LONG =
  'リクエストのURLまたはヘッダーが長すぎます。URLを短くするか、ブラウザーのこのサイトのCookieを削除してから、もう一度お試しください。';

describe('Entra ID sign-in under hostile and unusual responses (loopback OpenID Connect provider, real HTTP)', function () {
  this.timeout(60_000);
  let op: OidcServer;
  let kotae: RunningApp;

  before(async function () {
    this.timeout(120_000);
    const port = await freePort();
    op = await startOidcServer(`http://127.0.0.1:${port}/auth/callback`, ACCOUNTS);
    kotae = await startApp(
      {
        KOTAE_PUBLIC_URL: `http://127.0.0.1:${port}`,
        KOTAE_OIDC_CLIENT_ID: op.clientId,
        KOTAE_OIDC_CLIENT_SECRET: op.clientSecret,
        KOTAE_OIDC_AUTHORITY: op.issuer,
        KOTAE_OIDC_CA_FILE: op.caFile,
        KOTAE_OIDC_ROLE_MAP: `Kotae.Operator=operator,Kotae.Admin=admin,${ADMIN_GROUP}=admin`,
        KOTAE_OIDC_WEB_CHAT: 'true',
        KOTAE_RATE_SSO_SIGNIN_IP: 'off', // far more sign-in starts than a person makes (limit: sso-rate-limit.spec.ts)
      },
      { port },
    );
  });
  afterEach(() => (op.editIdToken = undefined));
  after(async () => {
    await kotae?.stop();
    await op?.close();
  });

  const counts = () => signInRecords(kotae.app.dataSource).counts();
  const failures = () => signInRecords(kotae.app.dataSource).failures();

  /** `GET /auth/signin`: the pending cookie and the provider's authorize URL. */
  async function start(query = 'to=console', headers: Record<string, string> = {}) {
    const res = await fetch(`${kotae.url}/auth/signin?${query}`, { redirect: 'manual', headers });
    assert.equal(res.status, 302);
    const authorize = new URL(res.headers.get('location') ?? '');
    const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('kotae_oidc=')) ?? '').split(';')[0];
    assert.ok(cookie.length > 'kotae_oidc='.length);
    return { cookie, authorize, state: authorize.searchParams.get('state') ?? '' };
  }

  /** A browser that started a sign-in and came back from the provider as `login`. */
  async function signedAt(login: string, to = 'console') {
    const s = await start(`to=${to}`);
    const back = await throughProvider(op, s.authorize.href, login);
    assert.equal(back.origin, kotae.url);
    return { ...s, back };
  }

  const cookiesOf = (res: { headers: Headers }) => res.headers.getSetCookie().map((c) => c.split(';')[0]);

  /** The browser (BROWSER_AGENT unless told) arriving at the callback. */
  async function callback(url: URL | string, cookie?: string, userAgent = BROWSER_AGENT) {
    const headers = { 'user-agent': userAgent, ...(cookie ? { cookie } : {}) };
    const res = await fetch(url, { redirect: 'manual', headers });
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  /** Refused: status, the Japanese message with a link back, no session, the pending cookie gone, one audit row. */
  async function refused(
    run: () => Promise<{ status: number; text: string; headers: Headers }>,
    expect: {
      status: number;
      message: string;
      /** Where the page's link starts a new sign-in (`both`: the target is unknown, one link each). */
      to?: 'console' | 'chat' | 'both';
      audit: Record<string, unknown>;
      actor?: string;
    },
  ) {
    const before = { counts: await counts(), failures: (await failures()).length };
    const res = await run();
    assert.equal(res.status, expect.status, res.text.slice(0, 300));
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.ok(res.text.includes(expect.message), res.text.slice(0, 2000));
    const links = [...res.text.matchAll(/<a href="(\/auth\/[^"]*)"/g)].map((m) => m[1].replace('/auth/signin?to=', ''));
    assert.deepEqual(links, expect.to === 'both' ? ['chat', 'console'] : [expect.to ?? 'console']);
    assert.equal(res.headers.get('location'), null);
    assert.doesNotMatch(res.text, /http-equiv="refresh"/);
    assert.deepEqual(cookiesOf(res), ['kotae_oidc=']);
    assert.deepEqual(await counts(), before.counts);
    const rows = await failures();
    assert.equal(rows.length, before.failures + 1);
    assert.deepEqual(rows[rows.length - 1], failed(expect.audit, expect.actor, client(kotae.app.leases.holder)));
    return res.text;
  }
  const rejected = { status: 401, message: M.failed, audit: { reason: 'rejected' } };
  const malformed = { status: 400, message: NUL, audit: { reason: 'malformed_callback' } };
  const noPending = { status: 400, message: M.expired, to: 'both' as const, audit: { reason: 'no_pending' } };
  const providerError = (error: string, message: string, to?: 'chat') => ({
    status: 401,
    message,
    to,
    audit: { reason: 'provider_error', error },
  });
  const noRole = (actor: string, reason = 'no_role') => ({
    status: 403,
    message: reason === 'no_role' ? M.noRole : M.groupsOverage,
    actor,
    audit: { reason },
  });

  describe('ID token validation', () => {
    it('accepts the unedited token (control): an operator session starts and lands on /console/', async () => {
      const s = await signedAt('operator');
      const res = await callback(s.back, s.cookie);
      assert.equal(res.status, 200);
      assert.match(res.text, /<meta http-equiv="refresh" content="0;url=\/console\/" \/>/);
      assert.ok(cookiesOf(res).some((c) => /^kotae_session=.+/.test(c)));
    });

    const edits: [string, (c: Record<string, unknown>) => Record<string, unknown>][] = [
      ['another audience', (c) => ({ ...c, aud: 'another-app' })],
      ['audiences without this app', (c) => ({ ...c, aud: ['another-app', 'third-app'] })],
      ['this app among audiences but azp another app', (c) => ({ ...c, aud: [op.clientId, 'x'], azp: 'x' })],
      ['no audience', ({ aud: _aud, ...c }) => c],
      ['another issuer', (c) => ({ ...c, iss: 'https://evil.example' })],
      [
        'an Entra issuer, not the configured one',
        (c) => ({ ...c, iss: `https://login.microsoftonline.com/${TENANT}/v2.0` }),
      ],
      ['no issuer', ({ iss: _iss, ...c }) => c],
      ['expired beyond the clock tolerance', (c) => ({ ...c, iat: now() - 3900, exp: now() - 300 })],
      ['no expiry', ({ exp: _exp, ...c }) => c],
      ['not valid before a time beyond the tolerance', (c) => ({ ...c, nbf: now() + 600 })],
      ['another nonce', (c) => ({ ...c, nonce: 'not-the-nonce' })],
      ['no nonce', ({ nonce: _nonce, ...c }) => c],
      ['neither oid nor sub', ({ oid: _oid, sub: _sub, ...c }) => c],
    ];
    edits.forEach(([what, edit], i) =>
      it(`refuses an ID token with ${what}`, async () => {
        const to = i % 2 ? 'chat' : 'console';
        const s = await signedAt('operator', to);
        op.editIdToken = edit;
        await refused(() => callback(s.back, s.cookie), { ...rejected, to });
      }),
    );

    it('accepts a token expired within the clock tolerance (60 s)', async () => {
      const s = await signedAt('operator');
      op.editIdToken = (c) => ({ ...c, iat: now() - 3630, exp: now() - 30, nbf: now() + 30 });
      assert.equal((await callback(s.back, s.cookie)).status, 200);
    });
  });

  describe('callbacks', () => {
    it('refuses a replayed authorization code, with or without the sign-in cookie', async () => {
      const s = await signedAt('operator');
      assert.equal((await callback(s.back, s.cookie)).status, 200);
      await refused(() => callback(s.back, s.cookie), rejected);
      await refused(() => callback(s.back), noPending);
    });

    it('refuses a callback another browser started (no cookie) and login CSRF with the attacker’s code', async () => {
      const attacker = await signedAt('operator');
      await refused(() => callback(attacker.back), noPending);
      // The victim started a sign-in of their own: another state, then (a leaked state) another PKCE verifier.
      const victim = await start();
      await refused(() => callback(attacker.back, victim.cookie), rejected);
      const swapped = new URL(attacker.back);
      swapped.searchParams.set('state', victim.state);
      await refused(() => callback(swapped, victim.cookie), rejected);
    });

    it('refuses broken sign-in cookies', async () => {
      const s = await signedAt('operator');
      const forged = Buffer.from(JSON.stringify({ state: s.state, nonce: 'n', target: 'console' })).toString(
        'base64url',
      );
      for (const cookie of [
        'kotae_oidc=%E0%A4%A',
        'kotae_oidc=bm90IGpzb24',
        `kotae_oidc=${forged}`,
        `kotae_oidc=${'A'.repeat(3000)}`,
      ])
        await refused(() => callback(s.back, cookie), noPending);
    });

    it('answers the provider’s access_denied (Cancel at the provider) in Japanese, without its description', async () => {
      const s = await start();
      const back = await throughProvider(op, s.authorize.href, 'cancel');
      assert.equal(back.searchParams.get('error'), 'access_denied');
      const text = await refused(() => callback(back, s.cookie), providerError('access_denied', M.denied));
      assert.doesNotMatch(text, /aborted|End-User/);
    });

    it('answers interaction_required with an AADSTS description without echoing it', async () => {
      const s = await start('to=chat');
      const description = 'AADSTS50076: <script>alert("x")</script> Due to a configuration change… \u202e';
      const url = `${kotae.url}/auth/callback?error=interaction_required&error_description=${encodeURIComponent(description)}&state=${s.state}`;
      const text = await refused(
        () => callback(url, s.cookie),
        providerError('interaction_required', M.interaction, 'chat'),
      );
      assert.doesNotMatch(text, /AADSTS|<script>alert|configuration change/);
      // The administrator finds the AADSTS code in the log (JSON lines), not the user on the page.
      const logged = kotae.logger.lines.filter((l) => l.fields?.error === 'interaction_required');
      assert.deepEqual(
        logged.map((l) => [l.level, l.msg, l.fields?.description]),
        [['warn', 'single sign-on failed', description]],
      );
    });

    it('treats code and error together as an error, and an unknown error code as a failure', async () => {
      const s = await signedAt('operator');
      const both = new URL(s.back);
      both.searchParams.set('error', 'access_denied');
      await refused(() => callback(both, s.cookie), providerError('access_denied', M.denied));
      const again = await start();
      const odd = `${kotae.url}/auth/callback?error=%3Cimg%20src%3Dx%3E&error_description=x&state=${again.state}`;
      const text = await refused(() => callback(odd, again.cookie), providerError('other', M.failed));
      assert.doesNotMatch(text, /<img src=x>/);
    });

    it('refuses a callback with no parameters, with and without the cookie', async () => {
      await refused(() => callback(`${kotae.url}/auth/callback`), noPending);
      const s = await start();
      await refused(() => callback(`${kotae.url}/auth/callback`, s.cookie), rejected);
    });

    it('refuses very long, repeated and non-UTF-8 parameters without a 5xx', async () => {
      const long = 'A'.repeat(12_000);
      const cases = [
        (s: string) => `code=${long}&state=${s}`,
        (s: string) => `code=abc&state=${s}${long}`,
        (s: string) => `code=%FF%FE%C3%28&state=${s}`,
        (_s: string) => `code=abc&state=%ED%A0%80%FF`,
        (s: string) => `code=a&code=b&state=${s}`,
        (s: string) => `code[x]=a&state=${s}`,
        (s: string) => `error=${long}&state=${s}`,
        (s: string) => `error=%E3%81&error_description=%FF%FE&state=${s}`,
      ];
      for (const query of cases) {
        const s = await start();
        const expected = query('').startsWith('error=') ? providerError('other', M.failed) : rejected;
        await refused(() => callback(`${kotae.url}/auth/callback?${query(s.state)}`, s.cookie), expected);
      }
      // Past Node's header limit the server itself refuses the request (431, a Japanese text), not a 5xx.
      const huge = await fetch(`${kotae.url}/auth/callback?code=${'B'.repeat(20_000)}`);
      assert.deepEqual([huge.status, await huge.text()], [431, `${TOO_LONG}\n`]);
    });

    it('answers a NUL or bad %-encoding in an /auth URL with the sign-in page (JSON only for /auth/me)', async () => {
      // Refused by the app's first check before the router: a callback is a failed sign-in like any other.
      const s = await start();
      const nul = `${kotae.url}/auth/callback?code=a%00&state=${s.state}`;
      await refused(() => callback(nul, s.cookie), malformed);
      await refused(() => callback(`${kotae.url}/auth/callback?error_description=%00`), { ...malformed, to: 'both' });
      // Other /auth pages: the same page, not audited (no sign-in was under way).
      const before = (await failures()).length;
      for (const [path, message] of [
        ['/auth/signin?to=console%00', NUL],
        ['/auth/callback%E0%A4%A?code=a', BAD_URL],
      ]) {
        const res = await callback(`${kotae.url}${path}`);
        assert.deepEqual([res.status, res.headers.get('content-type')], [400, 'text/html; charset=utf-8'], path);
        assert.ok(res.text.includes(message), path);
      }
      assert.equal((await failures()).length, before);
      const me = await fetch(`${kotae.url}/auth/me?x=%00`);
      assert.deepEqual([me.status, await me.json()], [400, { error: { code: 'INPUT_INVALID', message: NUL } }]);
    });
  });

  describe('claims and roles', () => {
    async function consoleRoleOf(login: string): Promise<string | undefined> {
      const s = await signedAt(login);
      const res = await callback(s.back, s.cookie);
      if (res.status !== 200) assert.fail(`${res.status}: ${JSON.stringify((await failures()).at(-1))}`);
      const username = FederatedName(ACCOUNTS[login]);
      return (await kotae.app.operators.operators.findByUsername(username))?.role;
    }
    const FederatedName = (claims: Record<string, unknown>) =>
      typeof claims.preferred_username === 'string' ? claims.preferred_username : `sso-${String(claims.oid)}`;

    it('signs in an account with neither email, preferred_username nor name (console and web chat)', async () => {
      const s = await signedAt('bare', 'chat');
      const res = await callback(s.back, s.cookie);
      assert.equal(res.status, 200);
      const chat = cookiesOf(res).find((c) => c.startsWith('kotae_chat=')) ?? '';
      const me = await (await fetch(`${kotae.url}/auth/me`, { headers: { cookie: chat } })).json();
      assert.deepEqual(me.user, { name: '', department: '', email: '' });
      // The console: no role claim at all, so refused (403) under the subject, not a 5xx.
      const c = await signedAt('bare');
      await refused(() => callback(c.back, c.cookie), noRole(`sso-${oid(3)}`));
    });

    it('never reflects a hostile display name', async () => {
      const s = await signedAt('hostile');
      const res = await callback(s.back, s.cookie);
      assert.equal(res.status, 200);
      assert.doesNotMatch(res.text, /<script>alert/);
    });

    it('maps roles claim variations: a single string, many roles, near misses, junk entries, a group', async () => {
      assert.equal(await consoleRoleOf('rolestring'), 'admin');
      assert.equal(await consoleRoleOf('rolesmany'), 'admin');
      assert.equal(await consoleRoleOf('rolejunk'), 'operator');
      assert.equal(await consoleRoleOf('group'), 'admin');
      const near = await signedAt('rolecase');
      await refused(() => callback(near.back, near.cookie), noRole('user7@kotonoha.example.lg.jp'));
    });

    it('explains the groups overage claim instead of a wrong "no role", and still honours app roles', async () => {
      op.editIdToken = (c) => ({ ...c, ...OVERAGE });
      const s = await signedAt('overage');
      await refused(() => callback(s.back, s.cookie), noRole('user10@kotonoha.example.lg.jp', 'groups_overage'));
      assert.equal(await consoleRoleOf('overagerole'), 'operator');
    });
  });

  describe('redirects', () => {
    const evil = [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '%2F%2Fevil.example',
      'https:%2F%2Fevil.example',
      '%5C%5Cevil.example',
    ];

    it('sends the browser only to the configured provider and back to the configured callback', async () => {
      for (const target of evil) {
        const q = encodeURIComponent(target);
        for (const query of [`to=${q}`, `to=console&next=${q}`, `to=chat&returnTo=${q}&redirect_uri=${q}`]) {
          const s = await start(query, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
          assert.equal(s.authorize.origin, op.issuer);
          assert.equal(s.authorize.searchParams.get('redirect_uri'), `${kotae.url}/auth/callback`);
        }
      }
      // A forged Host header (fetch cannot send one).
      const location = await new Promise<string>((resolve, reject) =>
        http
          .get(`${kotae.url}/auth/signin?to=console`, { headers: { host: 'evil.example' } }, (res) => {
            res.resume();
            resolve(res.headers.location ?? '');
          })
          .on('error', reject),
      );
      assert.equal(new URL(location).searchParams.get('redirect_uri'), `${kotae.url}/auth/callback`);
    });

    it('lands only on Kotae’s own pages after sign-in, whatever the callback carries', async () => {
      for (const target of evil) {
        const s = await signedAt('operator');
        const back = new URL(s.back);
        back.search += `&next=${encodeURIComponent(target)}&to=${encodeURIComponent(target)}`;
        const res = await callback(back, s.cookie);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('location'), null);
        assert.deepEqual(
          [...res.text.matchAll(/url=([^"]*)"/g)].map((m) => m[1]),
          ['/console/'],
        );
        assert.doesNotMatch(res.text, /evil/);
      }
      for (const target of evil) {
        const res = await fetch(`${kotae.url}/console/signin?next=${encodeURIComponent(target)}`, {
          redirect: 'manual',
        });
        assert.equal(res.status, 200);
        assert.doesNotMatch(await res.text(), /evil/);
      }
    });
  });
});
