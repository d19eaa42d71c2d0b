/**
 * One-click confirmation of a terminal CSV update-by-import over HTTP: the preview keeps the file in the
 * database (staged_import) and its 「確定して取り込む」 form posts the token only; the confirmation updates exactly
 * the previewed terminals, audited once, and deletes the kept file; another operator's confirmation with the
 * token, an expired one and one after 「取り消す」 are refused in Japanese and write nothing; a double submit
 * writes once.
 */
import assert from 'node:assert/strict';
import { formKey } from '../../../../helpers/console-client';
import { startConsole, type ConsoleHarness, type Session } from './console-harness';

const alertOf = (text: string) => /role="alert">([^<]*)</.exec(text)?.[1];
const noticeOf = (text: string) => /role="status">([^<]*)</.exec(text)?.[1];
const tokenOf = (text: string) => /name="token" value="([0-9a-f]{64})"/.exec(text)?.[1] ?? '';
/** The fields of the form whose action ends with `path`, as a browser posts them. */
function formFields(text: string, path: string): Record<string, string> {
  const m = [...text.matchAll(/<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].find((f) =>
    f[1]!.endsWith(path),
  );
  assert.ok(m, `no form posting to ${path}`);
  return Object.fromEntries(
    [...m[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((i) => [i[1]!, i[2]!]),
  );
}

const HEADING = 'コンピュータ名,IPアドレス,MACアドレス,機種,OS,OSバージョン,拠点,所属,利用者,状態';
const csv = (...rows: string[]) => [HEADING, ...rows].join('\r\n') + '\r\n';
const STAGED_MISSING =
  '確認した取り込みが見つかりません（取り込み済み・取り消し済み、または別の担当者が確認したものです）。もう一度ファイルを選んで内容を確認してください。';
const STAGED_EXPIRED =
  '確認してから30分を過ぎたため、取り込みませんでした（1件も変更していません）。もう一度ファイルを選んで内容を確認してください。';

describe('terminal CSV import confirmed with one click', () => {
  let h: ConsoleHarness;
  let op: Session;
  let admin: Session;
  const importFile = (session: Session, content: string) =>
    h.request('POST', '/console/operations/terminals/import', {
      session,
      form: { encoding: 'utf8' },
      files: [{ name: '端末台帳.csv', content }],
    });
  const post = (session: Session, path: string, form: Record<string, string>) =>
    h.request('POST', `/console/operations/terminals/import/${path}`, { session, form });
  const audited = async () =>
    (await h.db.ds.getRepository<{ action: string; detail: string | null }>('audit_log').find())
      .filter((a) => a.action === 'terminal.import')
      .map((a) => JSON.parse(a.detail ?? '{}') as unknown);
  const staged = async () =>
    (await h.db.ds.getRepository<{ createdBy: string; token: string }>('staged_import').find()).map((r) => [
      r.createdBy,
      r.token,
    ]);
  const ledger = async () =>
    (await h.operations.terminals.list({})).items.map((t) => `${t.computerName} ${t.ipAddress} v${t.version}`);

  /** Two terminals PC-101 and PC-102 in the ledger, and a file that changes the first one's IP and adds one. */
  async function twoTerminals() {
    const n = 1;
    const seed = csv(`PC-${n}01,10.${n}.0.1,,,,,本庁舎,,,稼働中`, `PC-${n}02,10.${n}.0.2,,,,,本庁舎,,,稼働中`);
    const res = await importFile(op, seed);
    assert.equal(res.status, 303);
    return csv(
      `pc-${n}01,10.${n}.0.11,,,,,本庁舎,,,稼働中`,
      `PC-${n}02,10.${n}.0.2,,,,,本庁舎,,,稼働中`,
      `PC-${n}03,10.${n}.0.3,,,,,本庁舎,,,稼働中`,
    );
  }

  beforeEach(async () => {
    h = await startConsole();
    op = await h.sessionFor('operator');
    admin = await h.sessionFor('admin');
    await h.operations.sites.create({ name: '本庁舎', kind: 'main' }, 'system');
  });
  afterEach(() => h.close());

  it('confirms the kept file with the token only: exactly the previewed terminals, audited once, row gone', async () => {
    const file = await twoTerminals();
    const previewed = await importFile(op, file);
    assert.equal(previewed.status, 200);
    const fields = formFields(previewed.text, '/operations/terminals/import/confirm');
    assert.deepEqual(Object.keys(fields).sort(), ['_csrf', '_key', 'token']);
    assert.match(fields.token!, /^[0-9a-f]{64}$/);
    assert.doesNotMatch(previewed.text, /id="imp-confirm-file"/);
    assert.match(previewed.text, /<button type="submit">確定して取り込む<\/button>/);
    assert.match(previewed.text, /<button type="submit" class="secondary">取り消す<\/button>/);
    assert.deepEqual(await staged(), [['op1', fields.token]]);
    assert.deepEqual(await ledger(), ['PC-101 10.1.0.1 v1', 'PC-102 10.1.0.2 v1'], 'the preview writes nothing');

    const res = await post(op, 'confirm', fields);
    assert.deepEqual([res.status, res.location], [303, '/console/operations/terminals?added=1&updated=1&unchanged=1']);
    assert.deepEqual(await ledger(), ['PC-101 10.1.0.11 v2', 'PC-102 10.1.0.2 v1', 'PC-103 10.1.0.3 v1']);
    assert.deepEqual((await audited()).slice(1), [{ count: 2, added: 1, updated: 1, unchanged: 1, encoding: 'utf8' }]);
    assert.deepEqual(await staged(), []);
  });

  it("refuses another operator's confirmation with the token (404, Japanese) and writes nothing", async () => {
    const file = await twoTerminals();
    const fields = formFields((await importFile(op, file)).text, '/operations/terminals/import/confirm');
    const res = await post(admin, 'confirm', { ...fields, _csrf: admin.csrf });
    assert.deepEqual([res.status, alertOf(res.text)], [404, STAGED_MISSING]);
    assert.deepEqual(await ledger(), ['PC-101 10.1.0.1 v1', 'PC-102 10.1.0.2 v1']);
    assert.equal((await audited()).length, 1);
    assert.deepEqual(await staged(), [['op1', fields.token]], "the owner's kept file stays");
    // The other operator's 取り消す does not remove it either.
    assert.equal((await post(admin, 'cancel', { token: fields.token! })).status, 303);
    assert.deepEqual(await staged(), [['op1', fields.token]]);
  });

  it('refuses an expired confirmation in Japanese, writes nothing and deletes the kept file', async () => {
    const file = await twoTerminals();
    const fields = formFields((await importFile(op, file)).text, '/operations/terminals/import/confirm');
    h.clock.advanceMinutes(30);
    const res = await post(op, 'confirm', fields);
    assert.deepEqual([res.status, alertOf(res.text)], [409, STAGED_EXPIRED]);
    assert.deepEqual(await ledger(), ['PC-101 10.1.0.1 v1', 'PC-102 10.1.0.2 v1']);
    assert.equal((await audited()).length, 1);
    assert.deepEqual(await staged(), []);
  });

  it("sweeps expired files at each preview and keeps one file per operator (a new preview replaces the operator's)", async () => {
    const file = await twoTerminals();
    const first = tokenOf((await importFile(op, file)).text);
    const second = tokenOf((await importFile(op, file.replace('10.1.0.3,', '10.1.0.4,'))).text);
    assert.notEqual(first, second);
    assert.deepEqual(await staged(), [['op1', second]]);
    h.clock.advanceMinutes(31);
    [op, admin] = [await h.sessionFor('operator'), await h.sessionFor('admin')];
    const byAdmin = tokenOf((await importFile(admin, file)).text);
    assert.equal(byAdmin, first, 'the token binds the file and the ledger, not the operator');
    assert.deepEqual(await staged(), [['admin1', first]]);
    const res = await post(op, 'confirm', { token: second });
    assert.deepEqual([res.status, alertOf(res.text)], [404, STAGED_MISSING]);
  });

  it('「取り消す」 removes the kept file; a confirmation after it is refused', async () => {
    const file = await twoTerminals();
    const previewed = await importFile(op, file);
    const cancel = formFields(previewed.text, '/operations/terminals/import/cancel');
    assert.deepEqual(Object.keys(cancel).sort(), ['_csrf', '_key', 'token']);
    const res = await post(op, 'cancel', cancel);
    assert.deepEqual([res.status, res.location], [303, '/console/operations/terminals/import?notice=cancelled']);
    assert.deepEqual(await staged(), []);
    const page = await h.request('GET', res.location, { session: op });
    assert.equal(noticeOf(page.text), '取り込みを取り消しました（1件も変更していません）。');
    const confirmed = await post(op, 'confirm', formFields(previewed.text, '/operations/terminals/import/confirm'));
    assert.deepEqual([confirmed.status, alertOf(confirmed.text)], [404, STAGED_MISSING]);
    assert.deepEqual(await ledger(), ['PC-101 10.1.0.1 v1', 'PC-102 10.1.0.2 v1']);
    assert.equal((await audited()).length, 1);
  });

  it('writes a double submit once: the same form twice at once, then again with a fresh key', async () => {
    const file = await twoTerminals();
    const previewed = await importFile(op, file);
    const fields = formFields(previewed.text, '/operations/terminals/import/confirm');
    assert.equal(formKey(previewed.text, '/operations/terminals/import/confirm'), fields._key);
    const both = await Promise.all([post(op, 'confirm', fields), post(op, 'confirm', fields)]);
    assert.deepEqual(
      both.map((r) => [r.status, r.location]),
      [
        [303, '/console/operations/terminals?added=1&updated=1&unchanged=1'],
        [303, '/console/operations/terminals?added=1&updated=1&unchanged=1'],
      ],
    );
    const again = await post(op, 'confirm', { ...fields, _key: '0d6a4a4e-8a8e-4d53-9a49-6a3c1f0d2b77' });
    assert.deepEqual([again.status, alertOf(again.text)], [404, STAGED_MISSING]);
    assert.deepEqual(await ledger(), ['PC-101 10.1.0.11 v2', 'PC-102 10.1.0.2 v1', 'PC-103 10.1.0.3 v1']);
    assert.equal((await audited()).length, 2);
    const history = await h.operations.terminals.history(
      (await h.operations.terminals.list({ text: 'PC-101' })).items[0]!.id,
    );
    assert.deepEqual(
      history.map((e) => e.action),
      ['import_update', 'import'],
    );
  });

  it('refuses a confirmation without a token or with a malformed one (400, Japanese)', async () => {
    for (const form of [{}, { token: 'not-a-token' }] as Record<string, string>[]) {
      const res = await post(op, 'confirm', form);
      assert.deepEqual(
        [res.status, alertOf(res.text)],
        [400, '確認の情報が正しくありません。もう一度ファイルを選んで内容を確認してください。'],
      );
    }
  });
});
