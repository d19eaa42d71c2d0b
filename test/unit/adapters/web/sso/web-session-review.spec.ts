/**
 * The single sign-on re-check of web chat sign-ins (WebSessionReview), outcome by outcome, with a fake provider, the
 * in-memory web session store and a hand-moved clock: not due, kept (whatever the roles), ended (each reason), Entra
 * failing or slow, and two requests of one sign-in racing for the same check.
 */
import assert from 'node:assert/strict';
import { FakeClock, KotaeError, MemoryLogger } from '../../../../../core';
import { openRefreshToken, sealIdToken, sealRefreshToken, tokenDigest } from '../../../../../adapters/web/auth';
import { WebSessionReview, type TokenRefresher, type WebSessionRecord } from '../../../../../adapters/web/sso';
import type { WebSessionReviewDeps } from '../../../../../adapters/web/sso';
import { InMemoryWebSessionStore } from '../../../../fakes/in-memory-web-session-store';
import { RecordingAudit } from '../../../tickets/fakes';

const SUBJECT = '6f1c2a52-3b7e-4d8a-9c41-0a1b2c3d4e01';
const EMAIL = 'sato@city.example.lg.jp';
const COOKIE = 'chat-cookie-token-of-the-browser';
const SESSION_ID = tokenDigest(COOKIE);
const START = '2026-12-07T09:00:00.000Z';
const EVERY_MINUTES = 10;
const RETRY_MS = 60_000;
const CLIENT = { ip: '10.0.0.7', userAgent: 'Mozilla/5.0 Edg/131' };
const CONTEXT = { ip: '10.0.0.7', userAgent: 'Mozilla/5.0 Edg/131', instance: 'kotae-a-1' };
const WHO = { session: SESSION_ID.slice(0, 8) };

type Refreshed = Awaited<ReturnType<TokenRefresher['refresh']>>;

/** The provider's token refresh: records the refresh tokens it was given and answers with `answer`. */
class FakeTokenRefresher implements TokenRefresher {
  readonly calls: string[] = [];
  answer: (refreshToken: string) => Promise<Refreshed> = async () => directory();
  refresh(refreshToken: string): Promise<Refreshed> {
    this.calls.push(refreshToken);
    return this.answer(refreshToken);
  }
}

/** A refresh answer: the account (no role needed for the web chat), a rotated refresh token. */
const directory = (subject = SUBJECT): Refreshed => ({
  claims: { oid: subject, name: '佐藤 一郎' },
  refreshToken: 'rt-2',
});
const at = (ms: number) => new Date(new Date(START).getTime() + ms);

/** A web chat sign-in whose check is due at START, the clock at START. */
async function chat(options: { session?: Partial<WebSessionRecord>; deps?: Partial<WebSessionReviewDeps> } = {}) {
  const clock = new FakeClock(START);
  const provider = new FakeTokenRefresher();
  const sessions = new InMemoryWebSessionStore();
  const audit = new RecordingAudit();
  const logger = new MemoryLogger();
  await sessions.create({
    id: SESSION_ID,
    subject: SUBJECT,
    name: '佐藤 一郎',
    department: '税務課',
    email: EMAIL,
    createdAt: at(-EVERY_MINUTES * 60_000),
    expiresAt: at(8 * 3_600_000),
    ssoSid: null,
    ssoHint: sealIdToken('id-token-1', COOKIE),
    ssoRefresh: sealRefreshToken('rt-1', COOKIE),
    ssoCheckAt: at(0),
    ...options.session,
  });
  const review = new WebSessionReview({
    provider,
    departmentClaim: 'department',
    sessions,
    audit,
    everyMinutes: EVERY_MINUTES,
    retryMs: RETRY_MS,
    instance: 'kotae-a-1',
    clock,
    logger,
    ...options.deps,
  });
  const stored = () => sessions.get(SESSION_ID);
  /** One request of the sign-in: loads it, then reviews it (true: kept). */
  const request = async () => {
    const session = await stored();
    assert.ok(session, 'signed in');
    return review.review(session, COOKIE, CLIENT);
  };
  return { review, provider, sessions, audit, logger, clock, stored, request };
}

describe('WebSessionReview (Entra ID re-check of web chat sign-ins)', () => {
  it('leaves a sign-in whose check is not due untouched', async () => {
    const d = await chat({ session: { ssoCheckAt: at(1) } });
    const before = await d.stored();
    assert.equal(await d.request(), true);
    assert.deepEqual(await d.stored(), before);
    assert.deepEqual(d.provider.calls, []);
    assert.equal(d.audit.entries.length, 0);
    assert.equal(d.logger.lines.length, 0);
  });

  it('keeps a sign-in of an account still there: next check moved, the new refresh token stored sealed', async () => {
    const d = await chat();
    assert.equal(await d.request(), true);
    const after = await d.stored();
    assert.deepEqual(after?.ssoCheckAt, at(EVERY_MINUTES * 60_000));
    assert.equal(openRefreshToken(after?.ssoRefresh, COOKIE), 'rt-2');
    assert.equal(after?.ssoRefresh?.includes('rt-2'), false, 'never in clear');
    assert.deepEqual(d.provider.calls, ['rt-1']);
    assert.equal(d.audit.entries.length, 0);
    assert.equal(d.logger.lines.length, 0);
    d.clock.set(at(EVERY_MINUTES * 60_000));
    assert.equal(await d.request(), true);
    assert.deepEqual(d.provider.calls, ['rt-1', 'rt-2']);
  });

  const ends: {
    reason: string;
    setup: (d: Awaited<ReturnType<typeof chat>>) => void;
    session?: Partial<WebSessionRecord>;
  }[] = [
    {
      reason: 'refresh_refused',
      setup: (d) =>
        (d.provider.answer = async () => {
          throw new KotaeError('AUTH_REQUIRED', 'AADSTS50057: the user account is disabled');
        }),
    },
    { reason: 'no_refresh_token', setup: () => undefined, session: { ssoRefresh: null, ssoCheckAt: null } },
    { reason: 'subject_mismatch', setup: (d) => (d.provider.answer = async () => directory('someone-else')) },
  ];
  for (const end of ends) {
    it(`ends the sign-in (${end.reason}) with one auditable row`, async () => {
      const d = await chat({ session: end.session });
      end.setup(d);
      assert.equal(await d.request(), false);
      assert.equal(await d.stored(), undefined);
      assert.deepEqual(d.audit.entries, [
        { actor: EMAIL, action: 'auth.sso_session_ended', detail: { channel: 'web', reason: end.reason, ...CONTEXT } },
      ]);
      assert.equal(d.logger.lines.length, 1);
      assert.equal(d.logger.lines[0]?.level, 'warn');
      assert.equal(d.logger.lines[0]?.msg, 'single sign-on: web chat session ended by the re-check');
      assert.equal(d.logger.lines[0]?.fields?.reason, end.reason);
      assert.deepEqual(d.provider.calls, end.reason === 'no_refresh_token' ? [] : ['rt-1']);
    });
  }

  it('keeps the sign-in when the provider fails and retries only after the back-off', async () => {
    const d = await chat();
    d.provider.answer = async () => {
      throw new KotaeError('CLOUD_UNAVAILABLE', 'token endpoint answered 503');
    };
    const before = await d.stored();
    assert.equal(await d.request(), true);
    assert.deepEqual(await d.stored(), { ...before, ssoCheckAt: at(RETRY_MS) });
    assert.equal(d.audit.entries.length, 0);
    assert.deepEqual(d.logger.lines, [
      {
        level: 'warn',
        msg: 'single sign-on: web chat re-check failed, session kept',
        fields: { ...WHO, error: 'token endpoint answered 503', retryInSeconds: 60 },
      },
    ]);
    d.clock.set(at(RETRY_MS - 1));
    assert.equal(await d.request(), true);
    assert.equal(d.provider.calls.length, 1, 'not asked again during the back-off');
    d.provider.answer = async () => directory();
    d.clock.set(at(RETRY_MS));
    assert.equal(await d.request(), true);
    assert.deepEqual(d.provider.calls, ['rt-1', 'rt-1']);
    assert.deepEqual((await d.stored())?.ssoCheckAt, at(RETRY_MS + EVERY_MINUTES * 60_000));
  });

  it('treats a provider slower than timeoutMs as unavailable: the sign-in kept, the request not held', async () => {
    const d = await chat({ deps: { timeoutMs: 30 } });
    d.provider.answer = () => new Promise<never>(() => undefined);
    const started = Date.now();
    assert.equal(await d.request(), true);
    assert.ok(Date.now() - started < 2_000, 'answered after the timeout, not when the provider answers');
    assert.deepEqual((await d.stored())?.ssoCheckAt, at(RETRY_MS));
    assert.deepEqual(d.logger.lines, [
      {
        level: 'warn',
        msg: 'single sign-on: web chat re-check failed, session kept',
        fields: { ...WHO, error: 'token refresh took longer than 30 ms', retryInSeconds: 60 },
      },
    ]);
  });

  it('refreshes once when two requests of one due sign-in review it at the same time', async () => {
    const d = await chat();
    let answer: (refreshed: Refreshed) => void = () => undefined;
    d.provider.answer = () => new Promise<Refreshed>((resolve) => (answer = resolve));
    const [one, two] = [await d.stored(), await d.stored()];
    assert.ok(one && two);
    const [first, second] = await Promise.all([
      d.review.review(one, COOKIE, CLIENT),
      d.review.review(two, COOKIE, CLIENT),
      new Promise<void>((resolve) => setImmediate(resolve)).then(() => answer(directory())),
    ]);
    assert.deepEqual([first, second], [true, true]);
    assert.deepEqual(d.provider.calls, ['rt-1']);
    assert.equal(openRefreshToken((await d.stored())?.ssoRefresh, COOKIE), 'rt-2');
  });
});
