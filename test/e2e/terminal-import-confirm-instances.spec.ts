/**
 * The one-click confirmation of a terminal CSV update-by-import across two Kotae instances on one PostgreSQL
 * database (production runs several behind a load balancer): the preview on one instance keeps the file in
 * the database, 「確定して取り込む」 posted to the other instance imports exactly the previewed terminals, audited
 * once, and deletes the kept file; the same confirmation posted to both instances at once (two keys, as from
 * two tabs) writes once.
 */
import assert from 'node:assert/strict';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import { startInstancePair, type InstancePair } from '../helpers/instance-pair';
import type { RunningApp } from '../helpers/start-app';

const HEADING = 'コンピュータ名,IPアドレス,拠点,利用者';
const csv = (...rows: string[]) => [HEADING, ...rows].join('\r\n') + '\r\n';
const CONFIRM = '/console/operations/terminals/import/confirm';

/** The hidden fields of the form posting to `path` on a page. */
function formFields(text: string, path: string): Record<string, string> {
  const m = [...text.matchAll(/<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].find((f) =>
    f[1]!.endsWith(path),
  );
  assert.ok(m, `no form posting to ${path}`);
  return Object.fromEntries(
    [...m[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((i) => [i[1]!, i[2]!]),
  );
}

describe('terminal CSV import: preview on one instance, one-click confirm on the other (postgres)', function () {
  this.timeout(180_000);
  let pair: InstancePair | undefined;
  let one: RunningApp;
  let two: RunningApp;
  let session: ConsoleSession;

  /** Posts the import form with a file to an instance, as the browser does. */
  async function upload(app: RunningApp, content: string) {
    const page = await session.get('/console/operations/terminals/import');
    const fields = formFields(page.text, '/operations/terminals/import');
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...fields, encoding: 'utf8' })) form.append(k, v);
    form.append('file', new Blob([content], { type: 'text/csv' }), '端末台帳.csv');
    const res = await fetch(`${app.url}/console/operations/terminals/import`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session.cookie },
      body: form,
    });
    return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
  }
  async function postForm(app: RunningApp, path: string, fields: Record<string, string>) {
    const res = await fetch(`${app.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
  }
  const count = async (sql: string) => Number(((await one.app.dataSource.query(sql)) as { n: string }[])[0]!.n);
  const ledger = async () =>
    (
      (await one.app.dataSource.query(
        'SELECT "computerName", "ipAddress", "userName", "version" FROM "terminal" ORDER BY "computerName"',
      )) as { computerName: string; ipAddress: string; userName: string | null; version: number }[]
    ).map((t) => `${t.computerName} ${t.ipAddress} ${t.userName ?? '-'} v${t.version}`);
  const imports = () => count(`SELECT COUNT(*) AS "n" FROM "audit_log" WHERE "action" = 'terminal.import'`);
  const kept = () => count('SELECT COUNT(*) AS "n" FROM "staged_import"');

  before(async () => {
    pair = await startInstancePair('postgres');
    ({ one, two } = pair);
    session = await signInConsole(one.url, 'admin', 'e2e-admin-password');
    const site = await session.post(
      '/console/operations/sites',
      { name: '本庁舎', kind: 'main' },
      '/console/operations/sites',
    );
    assert.equal(site.status, 303);
    const seeded = await upload(one, csv('PC-001,10.0.0.1,本庁舎,山田', 'PC-002,10.0.0.2,本庁舎,佐藤'));
    assert.deepEqual([seeded.status, seeded.location], [303, '/console/operations/terminals?imported=2']);
  });
  after(async () => {
    await pair?.stop();
  });

  it('previews on one instance and confirms with one click on the other', async () => {
    const previewed = await upload(one, csv('PC-001,10.0.0.11,本庁舎,山田', 'PC-002,10.0.0.2,本庁舎,鈴木'));
    assert.equal(previewed.status, 200);
    assert.equal(await kept(), 1);
    const fields = formFields(previewed.text, '/operations/terminals/import/confirm');
    assert.deepEqual(Object.keys(fields).sort(), ['_csrf', '_key', 'token']);
    const res = await postForm(two, CONFIRM, fields);
    assert.deepEqual([res.status, res.location], [303, '/console/operations/terminals?added=0&updated=2&unchanged=0']);
    assert.deepEqual(await ledger(), ['PC-001 10.0.0.11 山田 v2', 'PC-002 10.0.0.2 鈴木 v2']);
    assert.deepEqual([await imports(), await kept()], [2, 0]);
  });

  it('writes once when the confirmation reaches both instances at once with two keys', async () => {
    const previewed = await upload(two, csv('PC-001,10.0.0.12,本庁舎,山田', 'PC-003,10.0.0.3,本庁舎,'));
    const fields = formFields(previewed.text, '/operations/terminals/import/confirm');
    const other = { ...fields, _key: '5b0f1d9e-3c1a-4e5b-8f6d-2a7c9e1b4d30' };
    const both = await Promise.all([postForm(one, CONFIRM, fields), postForm(two, CONFIRM, other)]);
    // Whichever comes second finds the kept file taken with the first one's write: 404, never a second write.
    assert.deepEqual(both.map((r) => r.status).sort(), [303, 404]);
    assert.deepEqual(both.map((r) => /role="alert">([^<]*)</.exec(r.text)?.[1] ?? r.location).sort(), [
      '/console/operations/terminals?added=1&updated=1&unchanged=0',
      '確認した取り込みが見つかりません（取り込み済み・取り消し済み、または別の担当者が確認したものです）。もう一度ファイルを選んで内容を確認してください。',
    ]);
    assert.deepEqual(await ledger(), ['PC-001 10.0.0.12 山田 v3', 'PC-002 10.0.0.2 鈴木 v2', 'PC-003 10.0.0.3 - v1']);
    assert.deepEqual([await imports(), await kept()], [3, 0]);
  });
});
