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
  beforeEach(async () => {
    await each.db.reset();
    clock = new FakeClock('2026-12-03T01:00:00Z');
    const now = () => clock.now();
    operators = new SqlOperatorStore(each.db.ds, now);
    const sessions = new SqlSessionStore(each.db.ds);
    const audit = testAuditLog(each.db.ds, now);
    auth = new AuthService({
      operators,
      sessions,
      audit,
      clock,
      policy: { scrypt: TEST_SCRYPT, localSignIn: 'admin' },
    });
    federated = new FederatedSignIn({ operators, sessions, audit, clock, absoluteMinutes: 480 });
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
