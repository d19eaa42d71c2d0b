/**
 * Update-by-import of the terminal CSV: rows match terminals by computer name (any case); a file that
 * touches the ledger is previewed (追加 / 更新 / 変更なし / エラー) and written only with the preview's
 * token; only the file's columns change; conflicts are the rows' errors and nothing is written; the
 * write is one transaction with one audit entry; a terminal missing from the file stays.
 */
import assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import type { DataSource } from 'typeorm';
import type { ImportResult } from '../../../operations';
import { describeEachDb } from '../../helpers/databases';
import { csvFile, opener, operationsHarness, terminalLines } from './operations-harness';

const STALE =
  '確認したときとファイルの内容または台帳が変わっているため、取り込みませんでした（1件も変更していません）。もう一度ファイルを選んで内容を確認してください。';

/** The ledger's state that an import must not touch when it writes nothing. */
async function snapshot(ds: DataSource) {
  const terminals = await ds.getRepository<{ computerName: string; version: number }>('terminal').find();
  const audit = await ds.getRepository<{ action: string; detail: string | null }>('audit_log').find();
  return {
    versions: terminals.map((t) => `${t.computerName}:${t.version}`).sort(),
    changes: await ds.getRepository('terminal_change').count(),
    imports: audit.filter((a) => a.action === 'terminal.import').map((a) => JSON.parse(a.detail ?? '{}') as unknown),
  };
}

function preview(result: ImportResult) {
  if (result.kind !== 'preview') return assert.fail(`expected a preview, got ${result.kind}`);
  return result;
}

describeEachDb('terminal CSV update-by-import', (each) => {
  let h: ReturnType<typeof operationsHarness>;
  let exported: Buffer;
  beforeEach(async () => {
    await each.db.reset();
    h = operationsHarness(each.db.ds);
    await h.addSites();
    await h.ops.terminals.import(opener(csvFile(terminalLines(), 'sjis')), 'sjis', 'tanaka');
    const chunks: Buffer[] = [];
    for await (const c of h.ops.terminals.export('sjis')) chunks.push(c);
    exported = Buffer.concat(chunks);
  });
  afterEach(() => h.cleanup());

  it('a re-import of the exported CSV changes nothing (65 変更なし), with or without confirming', async () => {
    const before = await snapshot(each.db.ds);
    const p = preview(await h.ops.terminals.import(opener(exported), 'auto', 'suzuki'));
    assert.deepEqual(
      [p.encoding, p.rows, p.added, p.updated, p.unchanged, p.errorRows, p.errors, p.changes],
      ['sjis', 65, 0, 0, 65, 0, [], []],
    );
    assert.match(p.token, /^[0-9a-f]{64}$/);
    const done = await h.ops.terminals.import(opener(exported), 'auto', 'suzuki', p.token);
    assert.deepEqual(done, { kind: 'imported', encoding: 'sjis', added: 0, updated: 0, unchanged: 65 });
    assert.deepEqual(await snapshot(each.db.ds), before);
  });

  it('an edited IP updates exactly that terminal, audited once', async () => {
    const text = iconv.decode(exported, 'cp932').replace('PC-031,10.2.0.1,', 'pc-031,10.2.0.99,');
    const file = iconv.encode(text, 'cp932');
    const before = await snapshot(each.db.ds);
    const p = preview(await h.ops.terminals.import(opener(file), 'sjis', 'suzuki'));
    assert.deepEqual(
      [p.added, p.updated, p.unchanged, p.errorRows, p.changes],
      [
        0,
        1,
        64,
        0,
        [
          {
            line: 32,
            computerName: 'PC-031',
            changes: [{ field: 'ipAddress', before: '10.2.0.1', after: '10.2.0.99' }],
          },
        ],
      ],
    );
    assert.deepEqual(await snapshot(each.db.ds), before, 'the preview writes nothing');
    const done = await h.ops.terminals.import(opener(file), 'sjis', 'suzuki', p.token);
    assert.deepEqual(done, { kind: 'imported', encoding: 'sjis', added: 0, updated: 1, unchanged: 64 });
    const after = await snapshot(each.db.ds);
    assert.deepEqual(
      after.versions,
      before.versions.map((v) => (v === 'PC-031:1' ? 'PC-031:2' : v)),
    );
    assert.equal(after.changes, before.changes + 1);
    assert.deepEqual(after.imports, [
      ...before.imports,
      { count: 1, added: 0, updated: 1, unchanged: 64, encoding: 'sjis' },
    ]);
    const pc031 = (await h.ops.terminals.list({ text: 'PC-031' })).items[0]!;
    assert.equal(pc031.ipAddress, '10.2.0.99');
    const history = await h.ops.terminals.history(pc031.id);
    assert.deepEqual(
      history.map((x) => [x.action, x.actor, x.changes]),
      [
        ['import_update', 'suzuki', [{ field: 'ipAddress', before: '10.2.0.1', after: '10.2.0.99' }]],
        ['import', 'tanaka', history[1]!.changes],
      ],
    );
  });

  it('changes only the columns of the file: an empty cell clears, an empty 状態 and a missing column keep', async () => {
    const file = Buffer.from(
      [
        'コンピュータ名,IPアドレス,拠点,利用者,状態',
        'PC-001,10.1.0.1,本庁舎,,', // 利用者 cleared, 状態 kept
        'PC-002,10.1.0.2,北支所,鈴木 次郎,修理中', // site and state changed
        'PC-900,10.9.0.1,水道局,新人 一号,', // added (稼働中)
      ].join('\r\n') + '\r\n',
      'utf8',
    );
    const p = preview(await h.ops.terminals.import(opener(file), 'utf8', 'suzuki'));
    const sites = new Map((await h.ops.sites.list()).map((s) => [s.name, s.id]));
    assert.deepEqual(
      [p.added, p.updated, p.unchanged, p.errorRows, p.changes],
      [
        1,
        2,
        0,
        0,
        [
          { line: 2, computerName: 'PC-001', changes: [{ field: 'userName', before: '佐藤 一郎', after: undefined }] },
          {
            line: 3,
            computerName: 'PC-002',
            changes: [
              { field: 'siteId', before: sites.get('本庁舎'), after: sites.get('北支所') },
              { field: 'status', before: 'active', after: 'repair' },
            ],
          },
        ],
      ],
    );
    await h.ops.terminals.import(opener(file), 'utf8', 'suzuki', p.token);
    const rows = (await h.ops.terminals.list({ text: 'PC-00', limit: 2 })).items;
    assert.deepEqual(
      rows.map((t) => [t.computerName, t.userName, t.status, t.model, t.macAddress, t.siteId]),
      [
        ['PC-001', undefined, 'active', 'LIFEBOOK A50', '00-1A-2B-3C-10-01', sites.get('本庁舎')],
        ['PC-002', '鈴木 次郎', 'repair', 'LIFEBOOK A50', '00-1A-2B-3C-10-02', sites.get('北支所')],
      ],
    );
    const added = (await h.ops.terminals.list({ text: 'PC-900' })).items[0]!;
    assert.deepEqual([added.status, added.userName, added.model], ['active', '新人 一号', undefined]);
    assert.equal((await h.ops.terminals.list({})).total, 66, 'terminals missing from the file stay');
  });

  it('reports conflicts with their rows and writes nothing', async () => {
    const before = await snapshot(each.db.ds);
    const file = csvFile(
      [
        'PC-001,10.1.0.2,,,,,本庁舎,,,', // line 2: PC-002 holds the IP
        'PC-003,10.1.0.33,,,,,本庁舎,,,', // line 3: fine on its own
        'pc-003,10.1.0.34,,,,,本庁舎,,,', // line 4: a second row for PC-003
        'PC-901,10.9.0.1,,,,,本庁舎,,,', // line 5: a new terminal, fine
      ],
      'utf8',
    );
    const result = await h.ops.terminals.import(opener(file), 'utf8', 'suzuki');
    if (result.kind !== 'refused') return assert.fail(result.kind);
    assert.deepEqual([result.added, result.updated, result.unchanged, result.errorRows], [1, 1, 0, 2]);
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.computerName, e.messages]),
      [
        [2, 'PC-001', ['IPアドレス「10.1.0.2」は既に別の端末に登録されています。']],
        [4, 'pc-003', ['コンピュータ名「PC-003」が3行目と重複しています。']],
      ],
    );
    assert.deepEqual(await snapshot(each.db.ds), before);
  });

  it('refuses a stale or different token and writes nothing', async () => {
    const edit = (ip: string) =>
      iconv.encode(iconv.decode(exported, 'cp932').replace('PC-031,10.2.0.1,', `PC-031,${ip},`), 'cp932');
    const p = preview(await h.ops.terminals.import(opener(edit('10.2.0.99')), 'sjis', 'suzuki'));
    const before = await snapshot(each.db.ds);
    await assert.rejects(h.ops.terminals.import(opener(edit('10.2.0.98')), 'sjis', 'suzuki', p.token), {
      code: 'CONFLICT',
      userMessage: STALE,
    });
    assert.deepEqual(await snapshot(each.db.ds), before);
    // The ledger changed after the preview: another operator edited PC-031.
    const pc031 = (await h.ops.terminals.list({ text: 'PC-031' })).items[0]!;
    await h.ops.terminals.update(pc031.id, pc031.version, { ...pc031, userName: '別の人' }, 'sato');
    const edited = await snapshot(each.db.ds);
    await assert.rejects(h.ops.terminals.import(opener(edit('10.2.0.99')), 'sjis', 'suzuki', p.token), {
      code: 'CONFLICT',
      userMessage: STALE,
    });
    assert.deepEqual(await snapshot(each.db.ds), edited);
  });
});
