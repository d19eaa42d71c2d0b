/**
 * Bad terminal CSVs (issue 16 "Bad input"): every row with a problem is listed in Japanese with its
 * line, and nothing is imported — no terminal, no history entry, no audit entry.
 */
import assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { KotaeError } from '../../../core/errors';
import { detectEncoding, normaliseIp, normaliseMac } from '../../../operations';
import { describeEachDb } from '../../helpers/databases';
import { csvFile, opener, operationsHarness, terminalLines } from './operations-harness';

const count = async (ds: import('typeorm').DataSource, table: string) => ds.getRepository(table).count();

describeEachDb('terminal CSV import refuses bad rows', (each) => {
  let h: ReturnType<typeof operationsHarness>;
  beforeEach(async () => {
    await each.db.reset();
    h = operationsHarness(each.db.ds);
    await h.addSites();
    await h.ops.terminals.import(opener(csvFile(terminalLines().slice(0, 2), 'utf8')), 'utf8', 'tanaka');
  });
  afterEach(() => h.cleanup());

  it('lists every bad row with its line and imports none of the good ones', async () => {
    const good = 'PC-101,10.9.0.1,,,,,本庁舎,総務課,山田 花子,稼働中';
    const lines = [
      good,
      'PC-102,10.9.0.2,,,,,南支所,総務課,,稼働中', // line 3: unknown site
      'pc-101,10.9.0.3,,,,,本庁舎,,,', // line 4: duplicate name in the file (any case)
      'PC-104,10.9.0.1,,,,,本庁舎,,,', // line 5: duplicate IP in the file
      'pc-001,10.1.0.2,,,,,本庁舎,,,', // line 6: an update of PC-001 to the IP PC-002 holds
      'PC-106,10.1.0.1,,,,,本庁舎,,,', // line 7: IP taken in the ledger (PC-001 moving away in line 6 does not free it)
      'PC-107,10.9.0.300,00-1A-2B-3C-4D,,,,本庁舎,,,', // line 8: bad IP and MAC
      'PC_108!,10.9.0.8,,,,,本庁舎,,,廃止', // line 9: bad name and status
    ];
    const utf8 = csvFile(lines, 'sjis');
    // Line 10: bytes that are not Shift_JIS (0x85 0x40 is unassigned in CP932).
    const broken = Buffer.concat([
      utf8,
      iconv.encode('PC-110,10.9.0.10,,,,,本庁舎,', 'cp932'),
      Buffer.from([0x85, 0x40]),
      Buffer.from(',,\r\n'),
    ]);
    const result = await h.ops.terminals.import(opener(broken), 'sjis', 'tanaka');
    if (result.kind !== 'refused') return assert.fail(result.kind);
    assert.equal(result.rows, 9);
    assert.equal(result.errorRows, 8);
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.messages]),
      [
        [3, ['拠点「南支所」は登録されていません。']],
        [4, ['コンピュータ名「PC-101」が2行目と重複しています。']],
        [5, ['IPアドレス「10.9.0.1」が2行目と重複しています。']],
        [6, ['IPアドレス「10.1.0.2」は既に別の端末に登録されています。']],
        [7, ['IPアドレス「10.1.0.1」は既に別の端末に登録されています。']],
        [
          8,
          [
            'IPアドレス「10.9.0.300」が正しくありません。',
            'MACアドレス「00-1A-2B-3C-4D」が正しくありません（例: 00-1A-2B-3C-4D-5E）。',
          ],
        ],
        [
          9,
          [
            '状態「廃止」が正しくありません（稼働中・予備・修理中・廃棄のいずれか）。',
            'コンピュータ名「PC_108!」が正しくありません（半角英数字とハイフン、15文字以内）。',
          ],
        ],
        [10, ['文字コードが正しくありません（UTF-8 または Shift_JIS として読めない文字があります）。']],
      ],
    );
    assert.equal(await count(each.db.ds, 'terminal'), 2);
    assert.equal(await count(each.db.ds, 'terminal_change'), 2);
    const imports = (await each.db.ds.getRepository<{ action: string }>('audit_log').find()).filter(
      (a) => a.action === 'terminal.import',
    );
    assert.equal(imports.length, 1);
  });

  it('names the broken row of a UTF-8 file with a stray byte (detected as UTF-8)', async () => {
    const head = csvFile(['PC-301,10.9.3.1,,,,,本庁舎,総務課,山田 花子,稼働中'], 'utf8');
    const bad = Buffer.concat([
      head,
      Buffer.from('PC-302,10.9.3.2,,,,,本庁舎,総務', 'utf8'),
      Buffer.from([0xff]),
      Buffer.from('課,,\r\n'),
    ]);
    const result = await h.ops.terminals.import(opener(bad), 'auto', 'tanaka');
    if (result.kind !== 'refused') return assert.fail(result.kind);
    assert.equal(result.encoding, 'utf8');
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.messages]),
      [[3, ['文字コードが正しくありません（UTF-8 または Shift_JIS として読めない文字があります）。']]],
    );
    assert.equal(await count(each.db.ds, 'terminal'), 2);
  });

  it('refuses a file without the required headings or with an unclosed quote, as a whole', async () => {
    const noSite = Buffer.from('コンピュータ名,IPアドレス\r\nPC-201,10.9.1.1\r\n', 'utf8');
    await assert.rejects(h.ops.terminals.import(opener(noSite), 'auto', 'tanaka'), (err: unknown) => {
      assert.ok(err instanceof KotaeError);
      assert.equal(err.code, 'INPUT_INVALID');
      assert.equal(err.userMessage, '見出し行に「拠点」の列がありません。');
      return true;
    });
    const unclosed = csvFile(['PC-202,10.9.1.2,,,,,本庁舎,"総務課,,,'], 'utf8');
    await assert.rejects(h.ops.terminals.import(opener(unclosed), 'utf8', 'tanaka'), {
      code: 'INPUT_INVALID',
      userMessage: 'CSVの形式が正しくありません（3行目付近: 引用符の閉じ忘れ、または列数の違い）。',
    });
    const empty = Buffer.from('コンピュータ名,IPアドレス,拠点\r\n', 'utf8');
    await assert.rejects(h.ops.terminals.import(opener(empty), 'utf8', 'tanaka'), {
      code: 'INPUT_INVALID',
      userMessage: '取り込む行がありません。1行目に見出し、2行目から端末を書いてください。',
    });
    assert.equal(await count(each.db.ds, 'terminal'), 2);
  });

  it('exports the ledger in Shift_JIS and UTF-8 so that it reads back the same', async () => {
    const chunks: Buffer[] = [];
    for await (const c of h.ops.terminals.export('sjis')) chunks.push(c);
    const text = iconv.decode(Buffer.concat(chunks), 'cp932');
    assert.deepEqual(text.split('\r\n'), [
      'コンピュータ名,IPアドレス,MACアドレス,機種,OS,OSバージョン,拠点,所属,利用者,状態',
      'PC-001,10.1.0.1,00-1A-2B-3C-10-01,LIFEBOOK A50,Windows 11 Pro,24H2,本庁舎,市民課,佐藤 一郎,稼働中',
      'PC-002,10.1.0.2,00-1A-2B-3C-10-02,LIFEBOOK A50,Windows 11 Pro,24H2,本庁舎,税務課,鈴木 次郎,稼働中',
      '',
    ]);
    const utf8: Buffer[] = [];
    for await (const c of h.ops.terminals.export('utf8')) utf8.push(c);
    assert.deepEqual([...Buffer.concat(utf8).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    await each.db.reset();
    await h.addSites();
    const back = await h.ops.terminals.import(opener(Buffer.concat(utf8)), 'auto', 'tanaka');
    assert.deepEqual(back, { kind: 'imported', encoding: 'utf8', added: 2, updated: 0, unchanged: 0 });
  });
});

describe('terminal field rules', () => {
  it('normalises MAC and IP addresses and detects the encoding', () => {
    assert.equal(normaliseMac('00:1a:2b:3c:4d:5e'), '00-1A-2B-3C-4D-5E');
    assert.equal(normaliseMac('001A2B3C4D5E'), '00-1A-2B-3C-4D-5E');
    assert.equal(normaliseMac('00-1A:2B-3C-4D-5E'), undefined);
    assert.equal(normaliseIp('192.168.001.1'), undefined);
    assert.equal(normaliseIp('FE80::1'), 'fe80::1');
    assert.equal(detectEncoding(iconv.encode('コンピュータ名', 'cp932')), 'sjis');
    // A UTF-8 sample cut in the middle of a character is still UTF-8.
    assert.equal(detectEncoding(Buffer.from('コンピュータ名', 'utf8').subarray(0, 8)), 'utf8');
    assert.equal(detectEncoding(Buffer.from('ASCII only,10.0.0.1\r\n', 'utf8')), 'utf8');
  });
});
