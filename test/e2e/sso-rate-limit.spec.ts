/**
 * `GET /auth/signin` (the single sign-on start) is rate limited per client address with the password
 * sign-in's database-backed store (KOTAE_RATE_SSO_SIGNIN_IP): the real app against the loopback OpenID
 * Connect provider; over the limit 429 with `Retry-After` and the Japanese sign-in error page, no
 * sign-in cookie and no redirect to the provider; the console and web chat starts share the count; a
 * new window admits again.
 */
import assert from 'node:assert/strict';
import { FakeClock } from '../../core/clock';
import { startApp, type RunningApp } from '../helpers/start-app';
import { startOidcServer, type OidcServer } from '../fakes/oidc-server';
import { freePort } from '../helpers/oidc-browser';
import { ACCOUNTS } from '../helpers/sso-accounts';

// On a 15-minute boundary, so the window starts now and Retry-After is the whole window.
const T0 = '2026-12-03T01:00:00.000Z';
const LIMITED = '短時間に多くのリクエストがありました。15分ほど待ってからもう一度お試しください。';

describe('single sign-on start: rate limited per client address (loopback OpenID Connect provider)', function () {
  this.timeout(60_000);
  let op: OidcServer;
  let kotae: RunningApp;
  const clock = new FakeClock(T0);

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
        KOTAE_OIDC_ROLE_MAP: 'Kotae.Operator=operator',
        KOTAE_OIDC_WEB_CHAT: 'true',
        KOTAE_RATE_SSO_SIGNIN_IP: '3/900',
      },
      { port, clock },
    );
  });
  after(async () => {
    await kotae?.stop();
    await op?.close();
  });

  async function start(to: string) {
    const res = await fetch(`${kotae.url}/auth/signin?to=${to}`, { redirect: 'manual' });
    const cookies = res.headers.getSetCookie().map((c) => c.split('=')[0]);
    return {
      status: res.status,
      location: res.headers.get('location'),
      retryAfter: res.headers.get('retry-after'),
      type: res.headers.get('content-type'),
      cookies,
      text: await res.text(),
    };
  }

  it('answers the 4th start from one address 429 with the Japanese page, until the window ends', async () => {
    const admitted = [await start('console'), await start('chat'), await start('console')];
    assert.deepEqual(
      admitted.map((r) => [r.status, r.cookies, r.location?.startsWith(op.issuer)]),
      [
        [302, ['kotae_oidc'], true],
        [302, ['kotae_oidc'], true],
        [302, ['kotae_oidc'], true],
      ],
    );
    for (const to of ['console', 'chat']) {
      const refused = await start(to);
      assert.deepEqual([refused.status, refused.retryAfter, refused.location, refused.cookies], [429, '900', null, []]);
      assert.match(refused.type ?? '', /^text\/html/);
      assert.ok(refused.text.includes(`<p class="error" role="alert">${LIMITED}</p>`), refused.text);
      assert.ok(refused.text.includes('href="/auth/signin?to=console"'), refused.text);
    }
    clock.advanceMinutes(15);
    const again = await start('console');
    assert.deepEqual([again.status, again.cookies], [302, ['kotae_oidc']]);
  });
});
