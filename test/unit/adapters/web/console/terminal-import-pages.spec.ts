/**
 * The terminal CSV update-by-import over HTTP: a file that touches the ledger shows the preview
 * (counts, changed fields, 「ファイルにない端末は削除されません」) and writes nothing; the confirmation posts
 * the same file with the preview's token; a different or malformed token is refused in Japanese.
 */
import assert from 'node:assert/strict';
import { startConsole, type ConsoleHarness, type Session } from './console-harness';

const alertOf = (text: string) => /role="alert">([^<]*)</.exec(text)?.[1];
/** The items of a list, or the body rows of a table, as `cell|cell` text. */
function listOf(text: string, id: string): string[] {
  const from = text.slice(text.indexOf(`id="${id}"`));
  const inside = new RegExp(`<table[^>]*id="${id}"`).test(text)
    ? /<tbody>([\s\S]*?)<\/tbody>/
    : /^[^>]*>([\s\S]*?)<\/ul>/;
  const body = inside.exec(from)?.[1] ?? '';
  return [...body.matchAll(/<(?:li|tr)>([\s\S]*?)<\/(?:li|tr)>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '|')
      .replace(/\s+/g, ' ')
      .replace(/(\s*\|\s*)+/g, '|')
      .replace(/^\||\|$/g, ''),
  );
}
const tokenOf = (text: string) => /name="token" value="([0-9a-f]{64})"/.exec(text)?.[1] ?? '';

const HEADING = 'コンピュータ名,IPアドレス,MACアドレス,機種,OS,OSバージョン,拠点,所属,利用者,状態';
const csv = (...rows: string[]) => [HEADING, ...rows].join('\r\n') + '\r\n';

describe('terminal CSV update-by-import over HTTP', () => {
  let h: ConsoleHarness;
  let op: Session;
  const importFile = (content: string, form: Record<string, string> = {}) =>
    h.request('POST', '/console/operations/terminals/import', {
      session: op,
      form: { encoding: 'utf8', ...form },
      files: [{ name: '端末台帳.csv', content }],
    });
  const audited = async () =>
    (await h.db.ds.getRepository<{ action: string; detail: string | null }>('audit_log').find())
      .filter((a) => a.action === 'terminal.import')
      .map((a) => JSON.parse(a.detail ?? '{}') as unknown);

  before(async () => {
    h = await startConsole();
    op = await h.sessionFor('operator');
    await h.operations.sites.create({ name: '本庁舎', kind: 'main' }, 'system');
    const res = await importFile(
      csv('PC-001,10.0.0.1,,,,,本庁舎,総務課,山田 花子,稼働中', 'PC-002,10.0.0.2,,,,,本庁舎,税務課,,稼働中'),
    );
    assert.deepEqual([res.status, res.location], [303, '/console/operations/terminals?imported=2']);
  });
  after(() => h.close());

  it('a re-import of the exported CSV shows 2 変更なし and offers nothing to confirm', async () => {
    const exported = await h.request('GET', '/console/operations/terminals/export?encoding=utf8', { session: op });
    const res = await importFile(exported.text.replace(/^\uFEFF/, ''));
    assert.equal(res.status, 200);
    assert.deepEqual(listOf(res.text, 'import-summary'), ['追加 0件', '更新 0件', '変更なし 2件', 'エラー 0件']);
    assert.match(res.text, /<p id="import-keep">ファイルにない端末は削除されません。<\/p>/);
    assert.match(res.text, /<p id="import-nothing">台帳と同じ内容のため、取り込む変更はありません。<\/p>/);
    assert.equal(tokenOf(res.text), '');
    assert.deepEqual(await audited(), [{ count: 2, added: 2, updated: 0, unchanged: 0, encoding: 'utf8' }]);
  });

  it('an edited IP is previewed, then confirmed with the same file: exactly that terminal, audited once', async () => {
    const file = csv(
      'pc-001,10.0.0.11,,,,,本庁舎,総務課,山田 花子,稼働中',
      'PC-002,10.0.0.2,,,,,本庁舎,税務課,,稼働中',
    );
    const previewed = await importFile(file);
    assert.equal(previewed.status, 200);
    assert.deepEqual(listOf(previewed.text, 'import-summary'), ['追加 0件', '更新 1件', '変更なし 1件', 'エラー 0件']);
    assert.deepEqual(listOf(previewed.text, 'import-changes'), ['2|PC-001|IPアドレス: 10.0.0.1 → 10.0.0.11']);
    assert.equal((await h.operations.terminals.list({ text: '10.0.0.11' })).total, 0, 'the preview writes nothing');
    const token = tokenOf(previewed.text);

    // Another file confirmed with this token is refused; so is a malformed token.
    let res = await importFile(file.replace('10.0.0.11', '10.0.0.12'), { token });
    assert.deepEqual(
      [res.status, alertOf(res.text)],
      [
        409,
        '確認したときとファイルの内容または台帳が変わっているため、取り込みませんでした（1件も変更していません）。もう一度ファイルを選んで内容を確認してください。',
      ],
    );
    res = await importFile(file, { token: 'not-a-token' });
    assert.deepEqual(
      [res.status, alertOf(res.text)],
      [400, '確認の情報が正しくありません。もう一度ファイルを選んで内容を確認してください。'],
    );
    assert.equal((await audited()).length, 1);

    res = await importFile(file, { token });
    assert.deepEqual([res.status, res.location], [303, '/console/operations/terminals?added=0&updated=1&unchanged=1']);
    const list = await h.request('GET', res.location, { session: op });
    assert.match(list.text, /取り込みました（追加 0件・更新 1件・変更なし 1件）。/);
    const terminals = (await h.operations.terminals.list({})).items;
    assert.deepEqual(
      terminals.map((t) => [t.computerName, t.ipAddress, t.version]),
      [
        ['PC-001', '10.0.0.11', 2],
        ['PC-002', '10.0.0.2', 1],
      ],
    );
    assert.deepEqual((await audited()).slice(1), [{ count: 1, added: 0, updated: 1, unchanged: 1, encoding: 'utf8' }]);
    const page = await h.request('GET', `/console/operations/terminals/${terminals[0]!.id}`, { session: op });
    assert.match(page.text, /CSV取込（更新）:\s*IPアドレス\s*「10\.0\.0\.1」→「10\.0\.0\.11」/);

    // The same confirmation again is stale now (the ledger changed): nothing is written twice.
    res = await importFile(file, { token });
    assert.equal(res.status, 409);
    assert.equal((await audited()).length, 2);
  });

  it('conflicts are listed with their rows and nothing is written', async () => {
    const res = await importFile(
      csv('PC-001,10.0.0.2,,,,,本庁舎,,,', 'PC-003,10.0.0.3,,,,,本庁舎,,,', 'pc-003,10.0.0.4,,,,,本庁舎,,,'),
    );
    assert.deepEqual(
      [res.status, alertOf(res.text)],
      [400, '2行に誤りがあるため、取り込みませんでした（1件も登録していません）。'],
    );
    assert.deepEqual(listOf(res.text, 'import-summary'), ['追加 1件', '更新 0件', '変更なし 0件', 'エラー 2件']);
    assert.deepEqual(listOf(res.text, 'import-errors'), [
      '2|PC-001|IPアドレス「10.0.0.2」は既に別の端末に登録されています。',
      '4|pc-003|コンピュータ名「PC-003」が3行目と重複しています。',
    ]);
    assert.equal((await h.operations.terminals.list({})).total, 2);
    assert.equal((await audited()).length, 2);
  });
});
