/**
 * Context in the audit trail (session 31): sign-in rows name the client address as express sees it,
 * the User-Agent (cut to 200 characters) and the instance; a console write refused by the role check
 * is recorded as `auth.denied` with the route and role, at most once per user and route per minute.
 */
import assert from 'node:assert/strict';
import type { AuditRecord } from '../../../../../core';
import { PASSWORD, startConsole, type ConsoleHarness } from './console-harness';

const AGENT = `Mozilla/5.0 (Windows NT 10.0; Win64; x64) KotaeTest/${'9'.repeat(230)}`;

describe('audit context: sign-in and refused writes', function () {
  this.timeout(60_000);
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  const rows = async (action: string): Promise<AuditRecord[]> =>
    (await h.audit.recent(500)).filter((r) => r.action === action).reverse();

  /** Posts the sign-in form as a browser does: the form's CSRF cookie and field, and a User-Agent. */
  async function signInForm(username: string, password: string): Promise<number> {
    const form = await fetch(`${h.origin}/console/signin`, { headers: { 'user-agent': AGENT } });
    const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const res = await fetch(`${h.origin}/console/signin`, {
      method: 'POST',
      headers: { cookie, 'user-agent': AGENT, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password, _csrf: csrf }).toString(),
      redirect: 'manual',
    });
    return res.status;
  }

  it('writes the client address, the User-Agent (200 characters) and the instance into sign-in rows', async () => {
    const context = { ip: '127.0.0.1', userAgent: AGENT.slice(0, 200), instance: 'kotae-test-1' };
    assert.equal(AGENT.length > 200, true);
    assert.equal(await signInForm('op1', 'wrong-password'), 401);
    assert.equal(await signInForm('nobody', 'wrong-password'), 401);
    assert.equal(await signInForm('op1', PASSWORD), 303);
    assert.deepEqual(
      (await rows('auth.sign_in_failed')).map((r) => [r.actor, r.detail]),
      [
        ['op1', { failures: 1, ...context }],
        ['nobody', { reason: 'unknown', ...context }],
      ],
    );
    assert.deepEqual(
      (await rows('auth.sign_in')).filter((r) => r.actor === 'op1').map((r) => r.detail),
      [context],
    );
  });

  it('records an operator refused an admin write once a minute per route, with the route and role', async () => {
    const operator = await h.sessionFor('operator');
    const admin1 = (await h.deps.accounts.list()).find((o) => o.username === 'admin1')!;
    const refuse = async () => {
      const res = await h.request('POST', `/console/accounts/${admin1.id}/role`, {
        session: operator,
        form: { role: 'staff' },
      });
      assert.equal(res.status, 403);
      assert.match(res.text, /この操作を行う権限がありません。/);
    };
    for (let i = 0; i < 5; i += 1) await refuse();
    // A refused page view is not a write: no row.
    assert.equal((await h.request('GET', '/console/accounts', { session: operator })).status, 403);
    const expected = (suppressed: number) => ({
      actor: 'op1',
      target: `/console/accounts/${admin1.id}/role`,
      detail: {
        method: 'POST',
        route: '/console/accounts/:id/role',
        role: 'operator',
        required: 'admin',
        ip: '127.0.0.1',
        instance: 'kotae-test-1',
        suppressed,
      },
    });
    const denied = async () =>
      (await rows('auth.denied')).map(({ actor, target, detail }) => ({ actor, target, detail }));
    assert.deepEqual(await denied(), [expected(0)]);

    h.clock.advanceMinutes(1);
    await refuse();
    assert.deepEqual(await denied(), [expected(0), expected(4)]);
    assert.equal((await h.deps.accounts.list()).find((o) => o.username === 'admin1')?.role, 'admin');
    const verdict = await h.audit.verify();
    assert.equal(verdict.ok, true);
  });
});
