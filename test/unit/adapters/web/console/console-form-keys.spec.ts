/**
 * One-time keys on every console form that writes (issue 17 point 5, the forms left over): the
 * multipart uploads (manuals, terminal CSV, the fiscal-year file), the account forms and the small
 * action forms carry `_key`; a manual or a terminal CSV posted twice with one key is written once and
 * both posts get the same 303, the repeat's staged file is discarded; the same key with another file
 * is refused and writes nothing; an account created twice with one key is created once — and the
 * password is not part of what the key's stored hash matches.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { formKey } from '../../../../helpers/console-client';
import { startConsole, type ConsoleHarness } from './console-harness';

const KEY_REUSED = 'この画面からは既に送信済みです。画面を再読み込みしてから、もう一度送信してください。';
const alert = (page: string) => /<p class="error" role="alert">([^<]*)<\/p>/.exec(page)?.[1];

/** The actions of the page's POST forms that carry no `_key` (sign-out needs none). */
function unkeyedForms(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1]!;
    if (!/method="post"/.test(attrs)) continue;
    const action = /action="([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (action.endsWith('/signout')) continue;
    if (!/name="_key" value="[0-9a-f-]{36}"/.test(m[2]!)) out.push(action);
  }
  return out;
}

describe('console form keys', () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  it('gives every writing form a key: uploads, accounts, passwords and the action buttons', async () => {
    const admin = await h.sessionFor('admin');
    const ticket = await h.openTicket();
    // A stored manual, so the knowledge page shows its delete form.
    const upload = await h.request('POST', '/console/knowledge/documents', {
      session: admin,
      files: [{ name: 'a.md', content: '# A\n本文' }],
    });
    assert.equal(upload.status, 303);
    const pages = [
      '/console/knowledge',
      '/console/fy-switch',
      '/console/accounts',
      '/console/account/password',
      '/console/account/notifications',
      '/console/operations/terminals/import',
      '/console/tickets',
      `/console/tickets/${ticket.number}`,
    ];
    for (const page of pages) {
      const res = await h.request('GET', page, { session: admin });
      assert.equal(res.status, 200, page);
      assert.match(res.text, /<form\b[^>]*method="post"/, page);
      assert.deepEqual(unkeyedForms(res.text), [], page);
    }
  });

  it('stores a manual posted twice with one key once, answering both alike; another file with that key is refused', async () => {
    const op = await h.sessionFor('operator');
    const key = formKey((await h.request('GET', '/console/knowledge', { session: op })).text, '/knowledge/documents');
    assert.match(key ?? '', /^[0-9a-f-]{36}$/);
    const post = (content: string) =>
      h.request('POST', '/console/knowledge/documents', {
        session: op,
        form: { _key: key! },
        files: [{ name: '庁内Wi-Fi手順.md', content }],
      });
    const first = await post('# 庁内Wi-Fi\n接続手順です。');
    const again = await post('# 庁内Wi-Fi\n接続手順です。');
    assert.deepEqual([first.status, first.location], [303, '/console/knowledge?notice=uploaded']);
    assert.deepEqual([again.status, again.location], [303, '/console/knowledge?notice=uploaded']);
    const other = await post('# 庁内Wi-Fi\n別の内容です。もっと長い本文。');
    assert.equal(other.status, 409);
    assert.equal(alert(other.text), KEY_REUSED);
    assert.deepEqual(
      h.documents.list().map((d) => [d.name, d.sizeBytes]),
      [['庁内Wi-Fi手順.md', Buffer.byteLength('# 庁内Wi-Fi\n接続手順です。')]],
    );
    // The repeats' staged files were discarded, not left in the staging folder.
    const tmp = path.join(h.documents.dir, '.tmp');
    assert.deepEqual(fs.existsSync(tmp) ? fs.readdirSync(tmp) : [], []);
  });

  it('imports a terminal CSV posted twice with one key once', async () => {
    const op = await h.sessionFor('operator');
    await h.operations.sites.create({ name: '本庁舎', kind: 'main' }, 'system');
    const page = await h.request('GET', '/console/operations/terminals/import', { session: op });
    const key = formKey(page.text, '/operations/terminals/import');
    assert.match(key ?? '', /^[0-9a-f-]{36}$/);
    const csv = 'コンピュータ名,IPアドレス,拠点\r\nPC-101,10.0.1.1,本庁舎\r\nPC-102,10.0.1.2,本庁舎\r\n';
    const post = () =>
      h.request('POST', '/console/operations/terminals/import', {
        session: op,
        form: { _key: key!, encoding: 'auto' },
        files: [{ name: 'terminals.csv', content: csv, type: 'text/csv' }],
      });
    const first = await post();
    const again = await post();
    assert.deepEqual([first.status, alert(first.text)], [303, undefined]);
    assert.deepEqual([again.status, again.location], [first.status, first.location]);
    const listed = await h.operations.terminals.list({});
    assert.deepEqual(listed.items.map((t) => t.computerName).sort(), ['PC-101', 'PC-102']);
  });

  it('creates an account posted twice with one key once; the password is not what the key matches', async () => {
    const admin = await h.sessionFor('admin');
    const key = formKey((await h.request('GET', '/console/accounts', { session: admin })).text, '/accounts');
    assert.match(key ?? '', /^[0-9a-f-]{36}$/);
    const post = (password: string) =>
      h.request('POST', '/console/accounts', {
        session: admin,
        form: { _key: key!, username: 'suzuki', displayName: '鈴木 一郎', role: 'operator', password },
      });
    const first = await post('correct-horse-battery-1');
    // A resend (the browser after a lost answer) is the same form even if a password manager refilled it.
    const again = await post('another-password-2345');
    assert.deepEqual([first.status, first.location], [303, '/console/accounts?notice=accountCreated']);
    assert.deepEqual([again.status, again.location], [303, '/console/accounts?notice=accountCreated']);
    const created = (await h.deps.accounts.list()).filter((o) => o.username === 'suzuki');
    assert.equal(created.length, 1);
    // Another field with the same key is another form: refused, nothing written.
    const renamed = await h.request('POST', '/console/accounts', {
      session: admin,
      form: { _key: key!, username: 'tanaka', displayName: '田中 次郎', role: 'operator', password: 'x'.repeat(20) },
    });
    assert.equal(renamed.status, 409);
    assert.equal((await h.deps.accounts.list()).filter((o) => o.username === 'tanaka').length, 0);
  });
});
