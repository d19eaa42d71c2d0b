/**
 * The Entra ID re-check specs' one set-up: the loopback OpenID Connect provider issuing refresh tokens over `accounts`
 * (edited by the tests), and two Kotae instances on one database (SQLite: one data folder; PostgreSQL: a database of
 * their own) sharing one fake clock; started before the describe block that calls it, stopped after it. Each test
 * starts with the provider's refresh log empty and its token endpoint answering.
 */
import assert from 'node:assert/strict';
import { FakeClock } from '../../core/clock';
import { startOidcServer, type OidcServer } from '../fakes/oidc-server';
import { startInstancePair } from './instance-pair';
import { freePort, throughProvider } from './oidc-browser';
import { startApp, type RunningApp } from './start-app';
import { tempDir } from './temp-dir';

/** What a spec reads once the block's hooks ran. */
export interface SsoRecheckPair {
  readonly clock: FakeClock;
  readonly op: OidcServer;
  /** The instance the sign-ins go through. */
  readonly one: RunningApp;
  readonly two: RunningApp;
  /** `login` signs in through `one` to the console or the web chat: the cookie the sign-in set. */
  signIn(login: string, to: 'console' | 'chat'): Promise<string>;
}

/** The audit rows of `action` on `app`, oldest first: actor and detail. */
export async function auditRows(app: RunningApp, action: string) {
  const rows = await app.app.operators.audit.recent(500);
  return rows
    .filter((r) => r.action === action)
    .reverse()
    .map((r) => ({ actor: r.actor, detail: r.detail }));
}

/** Registers the block's hooks (call it inside `describe`); `env`: the settings beyond the provider's. */
export function ssoRecheckPair(
  kind: 'sqlite' | 'postgres',
  accounts: Record<string, Record<string, unknown>>,
  env: Record<string, string>,
): SsoRecheckPair {
  const clock = new FakeClock(new Date());
  let op: OidcServer | undefined;
  let one: RunningApp | undefined;
  let two: RunningApp | undefined;
  let stop: (() => Promise<void>) | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('ssoRecheckPair: used before its before hook ran');
    return value;
  };
  before(async function () {
    this.timeout(300_000);
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    op = await startOidcServer(`${publicUrl}/auth/callback`, accounts, {}, { refreshTokens: true });
    const all = {
      KOTAE_PUBLIC_URL: publicUrl,
      KOTAE_OIDC_CLIENT_ID: op.clientId,
      KOTAE_OIDC_CLIENT_SECRET: op.clientSecret,
      KOTAE_OIDC_AUTHORITY: op.issuer,
      KOTAE_OIDC_CA_FILE: op.caFile,
      ...env,
    };
    if (kind === 'postgres') {
      const pair = await startInstancePair('postgres', all, { clock });
      ({ one, two } = pair);
      stop = () => pair.stop();
      return;
    }
    const data = tempDir('kotae-recheck-');
    one = await startApp({ ...all, KOTAE_DATA_DIR: data.dir }, { port, clock });
    two = await startApp({ ...all, KOTAE_DATA_DIR: data.dir }, { clock });
    stop = async () => {
      await two?.stop();
      await one?.stop();
      data.cleanup();
    };
  });
  beforeEach(() => {
    started(op).refreshes.length = 0;
    started(op).tokenStatus = undefined;
  });
  after(async () => {
    await stop?.();
    await op?.close();
  });
  return {
    clock,
    get op() {
      return started(op);
    },
    get one() {
      return started(one);
    },
    get two() {
      return started(two);
    },
    async signIn(login, to) {
      const app = started(one);
      const cookieName = to === 'console' ? 'kotae_session' : 'kotae_chat';
      const start = await fetch(`${app.url}/auth/signin?to=${to}`, { redirect: 'manual' });
      const pending = (start.headers.getSetCookie().find((c) => c.startsWith('kotae_oidc=')) ?? '').split(';')[0];
      const back = new URL(await throughProvider(started(op), start.headers.get('location') ?? '', login));
      const res = await fetch(`${app.url}${back.pathname}${back.search}`, {
        redirect: 'manual',
        headers: { cookie: pending },
      });
      assert.equal(res.status, 200, await res.text());
      const cookie = res.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${cookieName}=`) && !c.startsWith(`${cookieName}=;`));
      return (cookie ?? '').split(';')[0];
    },
  };
}
