/**
 * The first admin's generated password: with no terminal (as under systemd, whose journal keeps stderr), written
 * to a file only its owner can read and only the file's path printed (never the password, never in the structured
 * log); usable once to sign in, and every console page leads to the password change until it is changed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { signInConsole } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';

describe('first admin with a one-time password on the real app', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  let printed = '';

  before(async () => {
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      printed += chunk.toString();
      return true;
    }) as typeof process.stderr.write;
    try {
      kotae = await startApp({ KOTAE_ADMIN_PASSWORD: '' });
    } finally {
      process.stderr.write = write;
    }
  });
  after(() => kotae?.stop());

  it('must change the printed password before using the console', async () => {
    const file = /初期パスワードは (\S+) に保存しました（所有者だけが読めます）。/.exec(printed)?.[1] ?? '';
    assert.equal(file, `${kotae.dataDir}/initial-admin-password.txt`);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const password = /初期パスワード（この一度だけ表示）: (\S+)/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '';
    assert.equal(password.length, 24);
    assert.ok(!printed.includes(password), 'not printed');
    assert.ok(!JSON.stringify(kotae.logger.lines).includes(password), 'not in the structured log');
    const admin = await signInConsole(kotae.url, 'admin', password);
    const home = await fetch(`${kotae.url}/console/tickets`, { headers: { cookie: admin.cookie }, redirect: 'manual' });
    assert.equal(home.status, 303);
    assert.equal(home.headers.get('location'), '/console/account/password?notice=mustChange');
    const form = await admin.get('/console/account/password?notice=mustChange');
    assert.match(form.text, /初期パスワードでサインインしました/);
    const changed = await admin.post(
      '/console/account/password',
      { current: password, next: 'Kotoha-Cat-Blue-7', confirm: 'Kotoha-Cat-Blue-7' },
      '/console/account/password',
    );
    assert.equal(changed.status, 303);
    const after = await signInConsole(kotae.url, 'admin', 'Kotoha-Cat-Blue-7');
    assert.equal((await after.get('/console/tickets')).status, 200);
  });
});
