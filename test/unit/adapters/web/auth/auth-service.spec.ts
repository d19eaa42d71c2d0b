import assert from 'node:assert/strict';
import { FakeClock } from '../../../../../core/clock';
import { KotaeError } from '../../../../../core/errors';
import { MemoryLogger } from '../../../../../core/logger';
import { AccountService, AuthService, tokenDigest } from '../../../../../adapters/web/auth';
import { SqlOperatorStore } from '../../../../../db/repositories/sql-operator-store';
import { SqlSessionStore } from '../../../../../db/repositories/sql-session-store';
import { SqlAuditLog } from '../../../../../db/repositories/sql-audit-log';
import { TEST_SCRYPT } from './sqlite-fixture';
import { describeEachDb, openTestDb } from '../../../../helpers/databases';
import { testAuditLog } from '../../../../helpers/audit';

const PASSWORD = 'kotae-test-password';
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof KotaeError ? e.code : String(e)),
  );

describeEachDb('AuthService and AccountService', (each) => {
  let db: typeof each.db;
  let clock: FakeClock;
  let auth: AuthService;
  let accounts: AccountService;
  let audit: SqlAuditLog;
  let sessions: SqlSessionStore;
  beforeEach(async () => {
    db = each.db;
    await db.reset();
    clock = new FakeClock('2026-04-01T01:00:00Z');
    const now = () => clock.now();
    const operators = new SqlOperatorStore(db.ds, now);
    sessions = new SqlSessionStore(db.ds);
    audit = testAuditLog(db.ds, now);
    auth = new AuthService({ operators, sessions, audit, clock, policy: { scrypt: TEST_SCRYPT } });
    accounts = new AccountService({ operators, sessions, audit, hash: (p) => auth.hash(p) });
    await accounts.create({ username: 'tanaka', displayName: '田中', role: 'operator', password: PASSWORD }, 'admin');
  });

  it('signs in, stores only the SHA-256 of the token, and resolves the session', async () => {
    const { token, session } = await auth.signIn('tanaka', PASSWORD);
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    assert.equal(session.id, tokenDigest(token));
    assert.equal(await sessions.get(token), undefined);
    const ctx = await auth.authenticate(token);
    assert.equal(ctx?.operator.username, 'tanaka');
    assert.equal(await auth.authenticate('forged-token'), undefined);
  });

  it('gives the same generic failure for a wrong password and an unknown user', async () => {
    assert.equal(await codeOf(auth.signIn('tanaka', 'wrong')), 'AUTH_REQUIRED');
    assert.equal(await codeOf(auth.signIn('nobody', 'wrong')), 'AUTH_REQUIRED');
  });

  it('locks after 5 consecutive failures for 15 minutes, even for the right password', async () => {
    for (let i = 1; i <= 4; i++) assert.equal(await codeOf(auth.signIn('tanaka', 'wrong')), 'AUTH_REQUIRED');
    assert.equal(await codeOf(auth.signIn('tanaka', 'wrong')), 'AUTH_LOCKED');
    assert.equal(await codeOf(auth.signIn('tanaka', PASSWORD)), 'AUTH_LOCKED');
    clock.advanceMinutes(14);
    assert.equal(await codeOf(auth.signIn('tanaka', PASSWORD)), 'AUTH_LOCKED');
    clock.advanceMinutes(2);
    assert.equal(await codeOf(auth.signIn('tanaka', PASSWORD)), 'ok');
  });

  it('resets the failure count on success', async () => {
    for (let i = 0; i < 4; i++) await codeOf(auth.signIn('tanaka', 'wrong'));
    await auth.signIn('tanaka', PASSWORD);
    for (let i = 0; i < 4; i++) assert.equal(await codeOf(auth.signIn('tanaka', 'wrong')), 'AUTH_REQUIRED');
  });

  it('lets an admin unlock an account', async () => {
    for (let i = 0; i < 5; i++) await codeOf(auth.signIn('tanaka', 'wrong'));
    const op = (await accounts.list()).find((o) => o.username === 'tanaka')!;
    await accounts.unlock(op.id, 'admin');
    assert.equal(await codeOf(auth.signIn('tanaka', PASSWORD)), 'ok');
  });

  it('expires a session after 30 idle minutes', async () => {
    const { token } = await auth.signIn('tanaka', PASSWORD);
    clock.advanceMinutes(29);
    assert.ok(await auth.authenticate(token));
    clock.advanceMinutes(29);
    assert.ok(await auth.authenticate(token), 'activity extends the idle window');
    clock.advanceMinutes(31);
    assert.equal(await auth.authenticate(token), undefined);
  });

  it('expires a session 8 hours after sign-in despite activity', async () => {
    const { token } = await auth.signIn('tanaka', PASSWORD);
    for (let i = 0; i < 23; i++) {
      clock.advanceMinutes(20);
      assert.ok(await auth.authenticate(token), `still valid after ${(i + 1) * 20} min`);
    }
    clock.advanceMinutes(20);
    assert.equal(await auth.authenticate(token), undefined);
  });

  it('signs out and ends sessions on a role change', async () => {
    const a = await auth.signIn('tanaka', PASSWORD);
    await auth.signOut(a.token);
    assert.equal(await auth.authenticate(a.token), undefined);
    const b = await auth.signIn('tanaka', PASSWORD);
    await accounts.setRole(b.operator.id, 'staff', 'admin');
    assert.equal(await auth.authenticate(b.token), undefined);
  });

  it('validates new accounts and refuses a taken username', async () => {
    assert.equal(
      await codeOf(accounts.create({ username: 'x', displayName: 'X', role: 'staff', password: PASSWORD }, 'a')),
      'INPUT_INVALID',
    );
    assert.equal(
      await codeOf(accounts.create({ username: 'sato', displayName: '佐藤', role: 'staff', password: 'short' }, 'a')),
      'INPUT_INVALID',
    );
    assert.equal(
      await codeOf(
        accounts.create({ username: 'tanaka', displayName: '田中', role: 'staff', password: PASSWORD }, 'a'),
      ),
      'CONFLICT',
    );
    // The same name in another case is the same name to a person.
    await assert.rejects(
      accounts.create({ username: 'TANAKA', displayName: '田中', role: 'staff', password: PASSWORD }, 'a'),
      (e: unknown) =>
        e instanceof KotaeError &&
        e.code === 'CONFLICT' &&
        e.userMessage ===
          'このユーザー名は既に使われています（大文字と小文字の違いだけのユーザー名は作成できません）。',
    );
  });

  it('creates the first admin once, with a random password shown once outside the structured log', async () => {
    const fresh = await openTestDb(each.kind);
    try {
      const operators = new SqlOperatorStore(fresh.ds);
      const acc = new AccountService({
        operators,
        sessions: new SqlSessionStore(fresh.ds),
        audit: testAuditLog(fresh.ds),
        hash: (p) => auth.hash(p),
      });
      const logger = new MemoryLogger();
      const shown: string[] = [];
      const admin = await acc.ensureAdminAccount({ username: 'admin' }, logger, (t) => shown.push(t));
      assert.equal(admin?.role, 'admin');
      assert.equal(shown.length, 1);
      const password = /初期パスワード（この一度だけ表示）: (\S+)/.exec(shown[0] ?? '')?.[1] ?? '';
      assert.equal(password.length, 24);
      assert.ok(!JSON.stringify(logger.lines).includes(password));
      assert.equal(await acc.ensureAdminAccount({ username: 'admin' }, logger, (t) => shown.push(t)), undefined);
      assert.equal(shown.length, 1);
      assert.equal(await operators.count(), 1);
    } finally {
      await fresh.close();
    }
  });

  it('keeps the last admin an admin', async () => {
    const admin = await accounts.create(
      { username: 'root', displayName: '管理者', role: 'admin', password: PASSWORD },
      'system',
    );
    assert.equal(await codeOf(accounts.setRole(admin.id, 'operator', 'root')), 'CONFLICT');
  });

  it('audits sign-in, failures, sign-out and account changes in a verifiable chain', async () => {
    await codeOf(auth.signIn('tanaka', 'wrong'));
    const { token } = await auth.signIn('tanaka', PASSWORD);
    await auth.signOut(token);
    const actions = (await audit.recent(10)).map((r) => r.action).reverse();
    assert.deepEqual(actions, ['account.create', 'auth.sign_in_failed', 'auth.sign_in', 'auth.sign_out']);
    const verdict = await audit.verify();
    assert.deepEqual([verdict.ok, verdict.count], [true, 4]);
  });

  it('records a sign-out with the context of a sign-in row (ip, User-Agent, instance)', async () => {
    const { token } = await auth.signIn('tanaka', PASSWORD);
    const client = { ip: '192.0.2.7', userAgent: `Mozilla/5.0 ${'x'.repeat(300)}` };
    const withInstance = new AuthService({
      operators: new SqlOperatorStore(db.ds, () => clock.now()),
      sessions,
      audit,
      clock,
      instance: 'kotae-a',
      policy: { scrypt: TEST_SCRYPT },
    });
    assert.equal((await withInstance.signOut(token, client))?.operator.username, 'tanaka');
    assert.equal(await withInstance.signOut(token, client), undefined, 'signed out already: no second row');
    const { token: other } = await auth.signIn('tanaka', PASSWORD);
    await auth.signOut(other);
    const rows = (await audit.recent(10)).reverse().filter((r) => r.action === 'auth.sign_out');
    assert.deepEqual(
      rows.map((r) => [r.actor, r.detail]),
      [
        ['tanaka', { ip: '192.0.2.7', userAgent: client.userAgent.slice(0, 200), instance: 'kotae-a' }],
        ['tanaka', { ip: null, userAgent: null, instance: null }],
      ],
    );
  });

  it('ends the session only with its sign-out row (one transaction)', async () => {
    const { token } = await auth.signIn('tanaka', PASSWORD);
    const failingAudit = {
      record: (): Promise<never> => Promise.reject(new KotaeError('INTERNAL', 'audit append failed')),
      atomically: <T>(change: () => Promise<T>) =>
        audit.atomically(change, () => {
          throw new KotaeError('INTERNAL', 'audit append failed');
        }),
    };
    const broken = new AuthService({
      operators: new SqlOperatorStore(db.ds, () => clock.now()),
      sessions,
      audit: failingAudit,
      clock,
      policy: { scrypt: TEST_SCRYPT },
    });
    assert.equal(await codeOf(broken.signOut(token)), 'INTERNAL');
    assert.equal((await auth.authenticate(token))?.operator.username, 'tanaka', 'the session is still there');
    assert.deepEqual(
      (await audit.recent(10)).map((r) => r.action),
      ['auth.sign_in', 'account.create'],
    );
    await auth.signOut(token);
    assert.equal(await auth.authenticate(token), undefined);
  });

  const NO_CLIENT = { ip: null, userAgent: null, instance: null };
  it('audits each failure and the lock exactly once, in the transaction of the failure count', async () => {
    for (let i = 1; i <= 5; i++) await codeOf(auth.signIn('tanaka', 'wrong'));
    await codeOf(auth.signIn('tanaka', PASSWORD));
    const rows = (await audit.recent(20)).reverse().filter((r) => r.action !== 'account.create');
    assert.deepEqual(
      rows.map((r) => [r.action, r.detail]),
      [
        // No client given here: the sign-in context is recorded as unknown (the routes pass ip and User-Agent).
        ['auth.sign_in_failed', { failures: 1, ...NO_CLIENT }],
        ['auth.sign_in_failed', { failures: 2, ...NO_CLIENT }],
        ['auth.sign_in_failed', { failures: 3, ...NO_CLIENT }],
        ['auth.sign_in_failed', { failures: 4, ...NO_CLIENT }],
        ['auth.locked', { failures: 5, ...NO_CLIENT }],
        ['auth.sign_in_locked', NO_CLIENT],
      ],
    );
  });

  it('does not count a failure whose audit row cannot be written (one transaction)', async () => {
    const operators = new SqlOperatorStore(db.ds, () => clock.now());
    const failingAudit = {
      record: (e: Parameters<SqlAuditLog['record']>[0]) => audit.record(e),
      atomically: <T>(change: () => Promise<T>) =>
        audit.atomically(change, () => {
          throw new KotaeError('INTERNAL', 'audit append failed');
        }),
    };
    const broken = new AuthService({
      operators,
      sessions,
      audit: failingAudit,
      clock,
      policy: { scrypt: TEST_SCRYPT },
    });
    assert.equal(await codeOf(broken.signIn('tanaka', 'wrong')), 'INTERNAL');
    assert.equal((await operators.findByUsername('tanaka'))?.failedAttempts, 0);
    assert.deepEqual(
      (await audit.recent(10)).map((r) => r.action),
      ['account.create'],
    );
  });
});
