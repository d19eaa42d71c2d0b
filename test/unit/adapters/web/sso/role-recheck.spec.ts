/**
 * The single sign-on role re-check of console sessions (RoleRecheck), outcome by outcome, with a fake provider,
 * in-memory stores and a hand-moved clock: not due, kept, lowered, ended (each reason), Entra failing or slow,
 * a role added in the directory, and two requests of one session racing for the same check.
 */
import assert from 'node:assert/strict';
import { FakeClock, KotaeError, MemoryLogger } from '../../../../../core';
import type { OperatorRole, SessionRecord } from '../../../../../tickets';
import { openRefreshToken, sealIdToken, sealRefreshToken, tokenDigest } from '../../../../../adapters/web/auth';
import type { AuthContext } from '../../../../../adapters/web/auth';
import { RoleRecheck, type RoleRecheckDeps, type TokenRefresher } from '../../../../../adapters/web/sso';
import type { RoleMapping } from '../../../../../adapters/web/sso/identity';
import { InMemoryOperatorStore } from '../../../../fakes/in-memory-operator-store';
import { InMemorySessionStore } from '../../../../fakes/in-memory-session-store';
import { RecordingAudit } from '../../../tickets/fakes';

const SUBJECT = '6f1c2a52-3b7e-4d8a-9c41-0a1b2c3d4e01';
const COOKIE = 'cookie-token-of-the-browser';
const SESSION_ID = tokenDigest(COOKIE);
const START = '2026-12-07T09:00:00.000Z';
const EVERY_MINUTES = 10;
const RETRY_MS = 60_000;
const CLIENT = { ip: '10.0.0.7', userAgent: 'Mozilla/5.0 Edg/131' };
const CONTEXT = { ip: '10.0.0.7', userAgent: 'Mozilla/5.0 Edg/131', instance: 'kotae-a-1' };
const WHO = { operator: 'tanaka@city.example.lg.jp', session: SESSION_ID.slice(0, 8) };
const MAPPING: RoleMapping[] = [
  { value: 'Kotae.Admin', role: 'admin' },
  { value: 'Kotae.Operator', role: 'operator' },
  { value: 'Kotae.Auditor', role: 'auditor' },
  { value: 'Kotae.Staff', role: 'staff' },
];

type Refreshed = Awaited<ReturnType<TokenRefresher['refresh']>>;

/** The provider's token refresh: records the refresh tokens it was given and answers with `answer`. */
class FakeTokenRefresher implements TokenRefresher {
  readonly calls: string[] = [];
  answer: (refreshToken: string) => Promise<Refreshed> = async () => directory(['Kotae.Operator']);
  refresh(refreshToken: string): Promise<Refreshed> {
    this.calls.push(refreshToken);
    return this.answer(refreshToken);
  }
}

/** A refresh answer: the user's app roles now, a rotated refresh token. */
const directory = (roles: string[], subject = SUBJECT): Refreshed => ({
  claims: { oid: subject, name: '田中 一郎', roles },
  refreshToken: 'rt-2',
});

const at = (ms: number) => new Date(new Date(START).getTime() + ms);

interface Desk {
  recheck: RoleRecheck;
  provider: FakeTokenRefresher;
  sessions: InMemorySessionStore;
  operators: InMemoryOperatorStore;
  audit: RecordingAudit;
  logger: MemoryLogger;
  clock: FakeClock;
  operatorId: string;
  /** The session and its account as a request loads them (the middleware). */
  load(): Promise<AuthContext>;
  /** One request of the session: loads it, then reviews it. */
  request(): Promise<AuthContext | undefined>;
  stored(): Promise<SessionRecord | undefined>;
}

/** A directory account with a single sign-on session whose check is due at START, the clock at START. */
async function desk(
  role: OperatorRole,
  options: { session?: Partial<SessionRecord>; deps?: Partial<RoleRecheckDeps> } = {},
): Promise<Desk> {
  const clock = new FakeClock(START);
  const now = () => clock.now();
  const provider = new FakeTokenRefresher();
  const sessions = new InMemorySessionStore();
  const operators = new InMemoryOperatorStore(now);
  const audit = new RecordingAudit();
  const logger = new MemoryLogger();
  const operator = await operators.create({
    username: WHO.operator,
    displayName: '田中 一郎',
    role,
    passwordHash: `sso$${SUBJECT}`,
    disabled: false,
  });
  await sessions.create({
    id: SESSION_ID,
    operatorId: operator.id,
    csrfToken: 'csrf-1',
    createdAt: at(-EVERY_MINUTES * 60_000),
    expiresAt: at(8 * 3_600_000),
    lastSeenAt: now(),
    ssoSid: null,
    ssoHint: sealIdToken('id-token-1', COOKIE),
    ssoRefresh: sealRefreshToken('rt-1', COOKIE),
    ssoCheckAt: now(),
    ...options.session,
  });
  const recheck = new RoleRecheck({
    provider,
    roleMap: MAPPING,
    departmentClaim: 'department',
    sessions,
    operators,
    audit,
    everyMinutes: EVERY_MINUTES,
    retryMs: RETRY_MS,
    instance: 'kotae-a-1',
    clock,
    logger,
    ...options.deps,
  });
  const stored = () => sessions.get(SESSION_ID);
  const load = async () => {
    const session = await stored();
    const account = await operators.get(operator.id);
    assert.ok(session && account, 'the session is signed in');
    return { operator: account, session };
  };
  const request = async () => recheck.review(await load(), COOKIE, CLIENT);
  const operatorId = operator.id;
  return { recheck, provider, sessions, operators, audit, logger, clock, operatorId, load, request, stored };
}

const roleOf = async (d: Desk) => (await d.operators.get(d.operatorId))?.role;

describe('RoleRecheck', () => {
  it('leaves a session whose check is not due, and a password session, untouched', async () => {
    const d = await desk('operator', { session: { ssoCheckAt: at(1) } });
    const ctx = await d.load();
    assert.equal(await d.recheck.review(ctx, COOKIE, CLIENT), ctx);
    assert.deepEqual(await d.stored(), ctx.session);

    const local = await desk('operator', { session: { ssoHint: null, ssoRefresh: null, ssoCheckAt: null } });
    const localCtx = await local.load();
    assert.equal(await local.recheck.review(localCtx, COOKIE, CLIENT), localCtx);
    assert.deepEqual(await local.stored(), localCtx.session);

    for (const x of [d, local]) {
      assert.equal(x.provider.calls.length, 0);
      assert.equal(x.audit.entries.length, 0);
      assert.equal(x.logger.lines.length, 0);
    }
  });

  it('keeps a session whose role is still held: next check moved, the new refresh token stored sealed', async () => {
    const d = await desk('operator');
    const ctx = await d.request();
    assert.equal(ctx?.operator.role, 'operator');
    const after = await d.stored();
    assert.deepEqual(after?.ssoCheckAt, at(EVERY_MINUTES * 60_000));
    assert.equal(openRefreshToken(after?.ssoRefresh, COOKIE), 'rt-2');
    assert.ok(!after?.ssoRefresh?.includes('rt-2'), 'stored sealed, never in clear');
    assert.equal(openRefreshToken(after?.ssoRefresh, 'another-cookie'), undefined);
    assert.deepEqual(d.provider.calls, ['rt-1']);
    assert.equal(await roleOf(d), 'operator');
    assert.equal(d.audit.entries.length, 0);
    assert.equal(d.logger.lines.length, 0);

    d.clock.set(at(EVERY_MINUTES * 60_000 - 1));
    await d.request();
    assert.deepEqual(d.provider.calls, ['rt-1'], 'not due again before the interval');
    d.clock.set(at(EVERY_MINUTES * 60_000));
    await d.request();
    assert.deepEqual(d.provider.calls, ['rt-1', 'rt-2'], 'the next check redeems the rotated token');
  });

  it('lowers the role when only a lower mapped role is left, with one auditable row', async () => {
    const d = await desk('admin');
    d.provider.answer = async () => directory(['Kotae.Operator', 'Kotae.Staff']);
    const ctx = await d.request();
    assert.equal(ctx?.operator.role, 'operator');
    assert.equal(await roleOf(d), 'operator');
    assert.deepEqual(d.audit.entries, [
      { actor: WHO.operator, action: 'auth.sso_role_changed', detail: { from: 'admin', to: 'operator', ...CONTEXT } },
    ]);
    const after = await d.stored();
    assert.deepEqual(after?.ssoCheckAt, at(EVERY_MINUTES * 60_000));
    assert.equal(openRefreshToken(after?.ssoRefresh, COOKIE), 'rt-2');
    assert.deepEqual(d.logger.lines, [
      {
        level: 'info',
        msg: 'single sign-on: role lowered by the directory',
        fields: { ...WHO, from: 'admin', to: 'operator' },
      },
    ]);
  });

  const ends: { reason: string; role: OperatorRole; setup: (d: Desk) => void; session?: Partial<SessionRecord> }[] = [
    { reason: 'no_role', role: 'operator', setup: (d) => (d.provider.answer = async () => directory([])) },
    {
      reason: 'role_changed',
      role: 'operator',
      setup: (d) => (d.provider.answer = async () => directory(['Kotae.Admin'])),
    },
    {
      reason: 'refresh_refused',
      role: 'admin',
      setup: (d) =>
        (d.provider.answer = async () => {
          throw new KotaeError('AUTH_REQUIRED', 'AADSTS50057: the user account is disabled');
        }),
    },
    {
      reason: 'no_refresh_token',
      role: 'operator',
      setup: () => undefined,
      session: { ssoRefresh: sealRefreshToken('rt-1', 'another-cookie') },
    },
    {
      reason: 'subject_mismatch',
      role: 'operator',
      setup: (d) => (d.provider.answer = async () => directory(['Kotae.Operator'], 'someone-else')),
    },
  ];
  for (const end of ends) {
    it(`ends the session (${end.reason}) with one auditable row`, async () => {
      const d = await desk(end.role, { session: end.session });
      end.setup(d);
      assert.equal(await d.request(), undefined);
      assert.equal(await d.stored(), undefined);
      assert.equal(await roleOf(d), end.role, 'the account keeps its role for the next sign-in to decide');
      assert.deepEqual(d.audit.entries, [
        {
          actor: WHO.operator,
          action: 'auth.sso_session_ended',
          detail: { role: end.role, reason: end.reason, ...CONTEXT },
        },
      ]);
      assert.equal(d.logger.lines.length, 1);
      assert.equal(d.logger.lines[0]?.level, 'warn');
      assert.equal(d.logger.lines[0]?.msg, 'single sign-on: session ended by the role re-check');
      assert.equal(d.logger.lines[0]?.fields?.reason, end.reason);
      assert.deepEqual(d.provider.calls, end.reason === 'no_refresh_token' ? [] : ['rt-1']);
    });
  }

  for (const failure of [
    new KotaeError('CLOUD_UNAVAILABLE', 'token endpoint answered 503'),
    new Error('fetch failed'),
  ]) {
    it(`keeps the session when the provider fails (${failure.message}) and retries only after the back-off`, async () => {
      const d = await desk('admin');
      d.provider.answer = async () => {
        throw failure;
      };
      const before = await d.stored();
      const ctx = await d.request();
      assert.equal(ctx?.operator.role, 'admin');
      const after = await d.stored();
      assert.deepEqual(after, { ...before, ssoCheckAt: at(RETRY_MS) });
      assert.equal(d.audit.entries.length, 0);
      assert.deepEqual(d.logger.lines, [
        {
          level: 'warn',
          msg: 'single sign-on: role re-check failed, session kept',
          fields: { ...WHO, error: failure.message, retryInSeconds: 60 },
        },
      ]);

      d.clock.set(at(RETRY_MS - 1));
      assert.equal((await d.request())?.operator.role, 'admin');
      assert.equal(d.provider.calls.length, 1, 'not asked again during the back-off');

      d.provider.answer = async () => directory(['Kotae.Admin']);
      d.clock.set(at(RETRY_MS));
      assert.equal((await d.request())?.operator.role, 'admin');
      assert.deepEqual(d.provider.calls, ['rt-1', 'rt-1']);
      assert.deepEqual((await d.stored())?.ssoCheckAt, at(RETRY_MS + EVERY_MINUTES * 60_000));
    });
  }

  it('treats a provider slower than timeoutMs as unavailable: the session kept, the request not held', async () => {
    const d = await desk('operator', { deps: { timeoutMs: 30 } });
    d.provider.answer = () => new Promise<never>(() => undefined);
    const started = Date.now();
    const ctx = await d.request();
    assert.ok(Date.now() - started < 2_000, 'answered after the timeout, not when the provider answers');
    assert.equal(ctx?.operator.role, 'operator');
    assert.deepEqual((await d.stored())?.ssoCheckAt, at(RETRY_MS));
    assert.equal(openRefreshToken((await d.stored())?.ssoRefresh, COOKIE), 'rt-1');
    assert.equal(d.audit.entries.length, 0);
    assert.deepEqual(d.logger.lines, [
      {
        level: 'warn',
        msg: 'single sign-on: role re-check failed, session kept',
        fields: { ...WHO, error: 'token refresh took longer than 30 ms', retryInSeconds: 60 },
      },
    ]);
  });

  it('does not grant a role added in the directory mid-session, and logs it', async () => {
    const d = await desk('operator');
    d.provider.answer = async () => directory(['Kotae.Operator', 'Kotae.Admin']);
    const ctx = await d.request();
    assert.equal(ctx?.operator.role, 'operator');
    assert.equal(await roleOf(d), 'operator');
    assert.equal(d.audit.entries.length, 0);
    assert.deepEqual(d.logger.lines, [
      {
        level: 'info',
        msg: 'single sign-on: higher role in the directory, granted at the next sign-in',
        fields: { ...WHO, role: 'operator', directory: 'admin' },
      },
    ]);
  });

  it('refreshes once when two requests of one due session review it at the same time', async () => {
    const d = await desk('operator');
    let answer: (refreshed: Refreshed) => void = () => undefined;
    d.provider.answer = () => new Promise<Refreshed>((resolve) => (answer = resolve));
    // Both requests read the session while it was due; the provider answers once both have reviewed it.
    const [one, two] = [await d.load(), await d.load()];
    const [first, second] = await Promise.all([
      d.recheck.review(one, COOKIE, CLIENT),
      d.recheck.review(two, COOKIE, CLIENT),
      new Promise<void>((resolve) => setImmediate(resolve)).then(() => answer(directory(['Kotae.Operator']))),
    ]);
    assert.equal(first?.operator.role, 'operator');
    assert.equal(second?.operator.role, 'operator');
    assert.deepEqual(d.provider.calls, ['rt-1']);
    const after = await d.stored();
    assert.deepEqual(after?.ssoCheckAt, at(EVERY_MINUTES * 60_000));
    assert.equal(openRefreshToken(after?.ssoRefresh, COOKIE), 'rt-2');
  });
});
