/**
 * Console accounts of directory users: created and kept in step with the directory at each sign-in,
 * never signing in with a password, never taking over a local account; with single sign-on as the way
 * in, local passwords can be kept for break-glass administrators only.
 */
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../../core/clock';
import { KotaeError } from '../../../../../core/errors';
import { AccountService, AuthService } from '../../../../../adapters/web/auth';
import { FederatedSignIn } from '../../../../../adapters/web/auth/federated-sign-in';
import { SqlOperatorStore } from '../../../../../db/repositories/sql-operator-store';
import { SqlSessionStore } from '../../../../../db/repositories/sql-session-store';
import { testAuditLog } from '../../../../helpers/audit';
import { TEST_SCRYPT } from './sqlite-fixture';
import { describeEachDb } from '../../../../helpers/databases';

const PASSWORD = 'kotae-test-password';
const SUBJECT = '6f1c2a52-3b7e-4d8a-9c41-0a1b2c3d4e01';
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof KotaeError ? e.code : String(e)),
  );

describeEachDb('FederatedSignIn and local break-glass', (each) => {
  let clock: FakeClock;
  let operators: SqlOperatorStore;
  let federated: FederatedSignIn;
  let auth: AuthService;
  let audit: ReturnType<typeof testAuditLog>;
  let sessions: SqlSessionStore;
  beforeEach(async () => {
    await each.db.reset();
    clock = new FakeClock('2026-12-03T01:00:00Z');
    const now = () => clock.now();
    operators = new SqlOperatorStore(each.db.ds, now);
    sessions = new SqlSessionStore(each.db.ds);
    audit = testAuditLog(each.db.ds, now);
    auth = new AuthService({
      operators,
      sessions,
      audit,
      clock,
      policy: { scrypt: TEST_SCRYPT, localSignIn: 'admin' },
    });
    federated = new FederatedSignIn({ operators, sessions, audit, clock, absoluteMinutes: 480, instance: 'kotae-a' });
    const accounts = new AccountService({ operators, sessions, audit, hash: (p) => auth.hash(p) });
    await accounts.create({ username: 'tanaka', displayName: '田中', role: 'operator', password: PASSWORD }, 'admin');
    await accounts.create({ username: 'kanri', displayName: '管理', role: 'admin', password: PASSWORD }, 'admin');
  });

  it('creates the account from the directory, follows its role, and opens a session', async () => {
    const user = { subject: SUBJECT, username: 'yamada@kotonoha.example.lg.jp', displayName: '山田 太郎' };
    const first = await federated.signIn({ ...user, role: 'operator' });
    assert.equal((await auth.authenticate(first.token))?.operator.role, 'operator');
    const second = await federated.signIn({ ...user, role: 'admin' });
    const account = await operators.findByUsername('yamada@kotonoha.example.lg.jp');
    assert.equal(account?.role, 'admin');
    assert.equal(account?.id, first.operator.id);
    assert.equal((await auth.authenticate(second.token))?.operator.role, 'admin');
    // No password works for it.
    assert.equal(await codeOf(auth.signIn('yamada@kotonoha.example.lg.jp', `sso$${SUBJECT}`)), 'AUTH_REQUIRED');
  });

  it('does not enable again an account an administrator disabled, though the directory still grants a role', async () => {
    const user = { subject: SUBJECT, username: 'yamada@kotonoha.example.lg.jp', displayName: '山田 太郎' };
    const first = await federated.signIn({ ...user, role: 'operator' });
    await operators.update(first.operator.id, { disabled: true });
    assert.equal(await codeOf(federated.signIn({ ...user, role: 'admin' })), 'AUTH_FORBIDDEN');
    const account = await operators.findByUsername('yamada@kotonoha.example.lg.jp');
    assert.deepEqual({ disabled: account?.disabled, role: account?.role }, { disabled: true, role: 'operator' });
    assert.equal(await auth.authenticate(first.token), undefined);
  });

  it('audits the sign-in with the role, the client address, the User-Agent (200 characters) and the instance', async () => {
    const user = { subject: SUBJECT, username: 'yamada@kotonoha.example.lg.jp', displayName: '山田 太郎' };
    const agent = `Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/131.0 ${'x'.repeat(250)}`;
    await federated.signIn({ ...user, role: 'operator' }, { ip: '10.20.30.40', userAgent: agent });
    // No client given (a caller outside the routes): the same keys, unknown.
    await federated.signIn({ ...user, role: 'operator' });
    const rows = (await audit.recent(20)).reverse().filter((r) => r.action === 'auth.sign_in_sso');
    assert.deepEqual(
      rows.map((r) => [r.actor, r.detail]),
      [
        [user.username, { role: 'operator', ip: '10.20.30.40', userAgent: agent.slice(0, 200), instance: 'kotae-a' }],
        [user.username, { role: 'operator', ip: null, userAgent: null, instance: 'kotae-a' }],
      ],
    );
    assert.equal((await audit.verify()).ok, true);
  });

  it('opens no session when its audit row cannot be written (one transaction)', async () => {
    const failing = new FederatedSignIn({
      operators,
      sessions,
      clock,
      absoluteMinutes: 480,
      audit: {
        record: (e) => audit.record(e),
        atomically: (change, entry) =>
          audit.atomically(change, (result) => {
            entry(result);
            throw new Error('audit store unavailable');
          }),
      },
    });
    const user = { subject: SUBJECT, username: 'yamada@kotonoha.example.lg.jp', role: 'operator' as const };
    await assert.rejects(failing.signIn(user, { ip: '10.20.30.40' }), /audit store unavailable/);
    // The account and its account.create_sso row commit together too: neither is left.
    assert.equal(await operators.findByUsername(user.username), undefined);
    // An existing account: no session without its auth.sign_in_sso row.
    await federated.signIn(user);
    const before = Number((await each.db.ds.query('SELECT count(*) AS n FROM "session"'))[0].n);
    await assert.rejects(failing.signIn(user, { ip: '10.20.30.40' }), /audit store unavailable/);
    assert.equal(Number((await each.db.ds.query('SELECT count(*) AS n FROM "session"'))[0].n), before);
  });

  it('audits the account it creates with the role and where the first sign-in came from', async () => {
    const user = { subject: SUBJECT, username: 'yamada@kotonoha.example.lg.jp', displayName: '山田 太郎' };
    await federated.signIn({ ...user, role: 'operator' }, { ip: '10.20.30.40', userAgent: 'Mozilla/5.0 Edg/131.0' });
    // Signed in again (also with another role): the account exists, no second row.
    await federated.signIn({ ...user, role: 'admin' }, { ip: '10.20.30.41' });
    const rows = (await audit.recent(20)).reverse().filter((r) => r.action === 'account.create_sso');
    assert.deepEqual(
      rows.map((r) => [r.actor, r.detail]),
      [
        [
          user.username,
          { role: 'operator', ip: '10.20.30.40', userAgent: 'Mozilla/5.0 Edg/131.0', instance: 'kotae-a' },
        ],
      ],
    );
    assert.equal((await audit.verify()).ok, true);
  });

  it('never takes over a local account; names a directory user without a UPN by its subject', async () => {
    // A sign-in name without @ (not a UPN) could be a local name: the account is named by the subject.
    assert.equal(await codeOf(federated.signIn({ subject: SUBJECT, username: 'tanaka', role: 'admin' })), 'ok');
    assert.equal((await operators.findByUsername('tanaka'))?.role, 'operator');
    assert.equal((await operators.findByUsername(`sso-${SUBJECT}`))?.role, 'admin');
  });

  it('with localSignIn=admin, only local administrators may use a password (same message as a wrong one)', async () => {
    assert.equal(await codeOf(auth.signIn('tanaka', PASSWORD)), 'AUTH_REQUIRED');
    assert.equal(await codeOf(auth.signIn('kanri', PASSWORD)), 'ok');
  });
});
