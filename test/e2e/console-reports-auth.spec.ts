/** The report pages inside the console follow the console's authorization: signed out, staff, operator, auditor, admin. */
import assert from 'node:assert/strict';
import { signInConsole } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';

describe('console report pages: authorization on the real app', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  const password = 'report-auth-password-1';

  before(async () => {
    kotae = await startApp();
    for (const role of ['staff', 'operator', 'auditor'] as const) {
      await kotae.app.operators.accounts.create({ username: `${role}1`, displayName: role, role, password }, 'test');
    }
  });
  after(() => kotae?.stop());

  it('redirects signed-out users to sign-in', async () => {
    const res = await fetch(`${kotae.url}/console/reports`, { redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.match(res.headers.get('location') ?? '', /\/console\/signin$/);
  });

  it('forbids staff and serves operators, auditors and admins', async () => {
    assert.equal((await (await signInConsole(kotae.url, 'staff1', password)).get('/console/reports')).status, 403);
    assert.equal((await (await signInConsole(kotae.url, 'auditor1', password)).get('/console/reports')).status, 200);
    const operator = await (await signInConsole(kotae.url, 'operator1', password)).get('/console/reports');
    assert.equal(operator.status, 200);
    assert.match(operator.text, /報告書/);
    assert.equal(
      (await (await signInConsole(kotae.url, 'admin', 'e2e-admin-password')).get('/console/reports')).status,
      200,
    );
  });

  it('rejects a state change without the CSRF token', async () => {
    const operator = await signInConsole(kotae.url, 'operator1', password);
    const res = await fetch(`${kotae.url}/console/reports/generate`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: operator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'kind=monthly&period=2026-10',
    });
    assert.equal(res.status, 403);
  });
});
