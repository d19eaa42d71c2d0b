/** FAQ ids are numbered per sheet: the same id in two files names two FAQs, and both are indexed. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryLogger } from '../../../core/logger';
import { FaqSheetReader, runIngest, SKIP_REASONS, type IngestOptions } from '../../../ingest';
import { isCopyName, scopedFaqId } from '../../../ingest/faq-ids';
import { INGEST_WARNINGS } from '../../../ingest/skip-reasons';
import { FakeIndexBuilder, makeTempDir } from './fixtures';

const TAX =
  '\uFEFFNo.,質問,回答\n1,課税システムの帳票が印刷できません。,専用プリンターに出力してください。\n2,eLTAXの電子署名ができません。,ICカードリーダーを確認してください。\n3,納税通知書を再発行したい。,「証明・再発行」メニューから再発行してください。\n';
const WELFARE =
  '\uFEFFNo.,質問,回答\n1,福祉総合システムが起動しません。,管理者として実行してください。\n2,マイナンバー照会の画面が真っ白です。,キャッシュを削除してください。\n3,ケース記録の添付ファイルが開けません。,PDFに変換してから添付してください。\n';

describe('ingest: FAQ ids scoped per file', () => {
  let root: string;
  let src: string;
  let dataDir: string;
  let builder: FakeIndexBuilder;
  const write = (rel: string, content: string): void => {
    fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
    fs.writeFileSync(path.join(src, rel), content);
  };
  const ingest = (extra: Partial<IngestOptions> = {}) =>
    runIngest({ sourceDir: src, dataDir, build: builder.build, logger: new MemoryLogger(), ...extra });
  const built = () => builder.last.map((c) => `${c.id} ${c.fields.answer}`);

  beforeEach(() => {
    root = makeTempDir();
    src = path.join(root, 'kb');
    dataDir = path.join(root, 'data');
    builder = new FakeIndexBuilder();
    write('税務課/FAQ.csv', TAX);
    write('福祉課/FAQ.csv', WELFARE);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("indexes both departments' FAQ.csv numbered 1–3: the first file keeps its ids, the other's become <file>#<id>", async () => {
    write('共通.csv', 'id,question,answer\nK-1,庁内LANにつながらない,ケーブルを確認してください。\n');
    const summary = await ingest();
    assert.deepEqual(built(), [
      'K-1#0 ケーブルを確認してください。',
      '1#0 管理者として実行してください。',
      '2#0 キャッシュを削除してください。',
      '3#0 PDFに変換してから添付してください。',
      '税務課/FAQ.csv#1#0 専用プリンターに出力してください。',
      '税務課/FAQ.csv#2#0 ICカードリーダーを確認してください。',
      '税務課/FAQ.csv#3#0 「証明・再発行」メニューから再発行してください。',
    ]);
    assert.deepEqual(
      builder.last.filter((c) => c.id.startsWith('税務課')).map((c) => c.documentId),
      ['税務課/FAQ.csv#1', '税務課/FAQ.csv#2', '税務課/FAQ.csv#3'],
    );
    assert.deepEqual(summary.skipped, []);
    assert.deepEqual(summary.warnings, [
      {
        path: '税務課/FAQ.csv',
        reason: INGEST_WARNINGS.faqIdShared('福祉課/FAQ.csv', ['1', '2', '3'], '税務課/FAQ.csv'),
      },
    ]);
    assert.equal(
      summary.warnings?.[0].reason,
      '「福祉課/FAQ.csv」と同じID（1、2、3）の行があるため、このファイルの行はID「税務課/FAQ.csv#（ID）」として取り込みました。' +
        '両方のFAQが回答に使われます（古い写しのファイルなら削除してください）',
    );
  });

  it('lists the FAQs in the console with the ids the index has', async () => {
    await ingest();
    const listed = await new FaqSheetReader(src).read();
    assert.deepEqual(
      listed.map((d) => d.id),
      builder.last.map((c) => c.documentId),
    );
  });

  it('gives the ids back to the other file once the first is removed', async () => {
    await ingest();
    fs.rmSync(path.join(src, '福祉課'), { recursive: true });
    const summary = await ingest();
    assert.deepEqual(
      builder.last.map((c) => c.documentId),
      ['1', '2', '3'],
    );
    assert.deepEqual(summary.warnings, []);
  });

  it('a backup copy sorting first never takes the edited sheet its ids', async () => {
    fs.rmSync(path.join(src, '税務課'), { recursive: true });
    write('福祉課/FAQ.csv', WELFARE.replace('管理者として実行してください。', '【改訂】再インストールしてください。'));
    write('福祉課/FAQ - コピー.csv', WELFARE);
    const summary = await ingest();
    assert.deepEqual(built(), [
      '1#0 【改訂】再インストールしてください。',
      '2#0 キャッシュを削除してください。',
      '3#0 PDFに変換してから添付してください。',
      '福祉課/FAQ - コピー.csv#1#0 管理者として実行してください。',
      '福祉課/FAQ - コピー.csv#2#0 キャッシュを削除してください。',
      '福祉課/FAQ - コピー.csv#3#0 PDFに変換してから添付してください。',
    ]);
    assert.deepEqual(summary.warnings, [
      {
        path: '福祉課/FAQ - コピー.csv',
        reason: INGEST_WARNINGS.faqIdShared('福祉課/FAQ.csv', ['1', '2', '3'], '福祉課/FAQ - コピー.csv'),
      },
    ]);
  });

  it("the console's override of a scoped id replaces that file's row only", async () => {
    const managed = path.join(root, 'managed');
    fs.mkdirSync(managed);
    fs.writeFileSync(
      path.join(managed, 'faq-managed.csv'),
      'id,question,answer\n税務課/FAQ.csv#2,eLTAXの電子署名ができません。,新しい手順です。\n1,福祉総合システムが起動しません。,福祉の新しい手順です。\n',
    );
    const summary = await ingest({ extraDirs: [{ dir: managed, prefix: '@console', overrides: true }] });
    assert.deepEqual(built(), [
      '税務課/FAQ.csv#2#0 新しい手順です。',
      '1#0 福祉の新しい手順です。',
      '2#0 キャッシュを削除してください。',
      '3#0 PDFに変換してから添付してください。',
      '税務課/FAQ.csv#1#0 専用プリンターに出力してください。',
      '税務課/FAQ.csv#3#0 「証明・再発行」メニューから再発行してください。',
    ]);
    assert.deepEqual(summary.skipped, []);
  });

  it('still reports an id two rows of one file share', async () => {
    write('福祉課/FAQ.csv', WELFARE + '3,重複した行です。,この行は取り込まれません。\n');
    const summary = await ingest();
    assert.deepEqual(summary.skipped, [{ path: '福祉課/FAQ.csv:5', reason: SKIP_REASONS.rowDuplicateId('3') }]);
  });

  it('names copies as Windows, macOS and browsers do, and keeps a scoped id within 200 characters', () => {
    assert.deepEqual(
      [
        'FAQ集_2026 - コピー.xlsx',
        'a/FAQ - コピー (2).csv',
        'FAQ - Copy.xlsx',
        'Copy of FAQ.xlsx',
        'FAQ のコピー.xlsx',
        'FAQ copy.csv',
        'FAQ (1).xlsx',
        'FAQ集_2026.xlsx',
        'コピー用紙.csv',
        'FAQ-copy-machine.csv',
      ].map(isCopyName),
      [true, true, true, true, true, true, true, false, false, false],
    );
    assert.equal(scopedFaqId('税務課/FAQ.csv', '1'), '税務課/FAQ.csv#1');
    const deep = `${'深い階層/'.repeat(40)}FAQ.csv`;
    const long = scopedFaqId(deep, 'FAQ-0001');
    assert.ok(long.length <= 200, long);
    assert.match(long, /^[0-9a-f]{16}\/FAQ\.csv#FAQ-0001$/);
    assert.notEqual(long, scopedFaqId(`${'別の階層/'.repeat(40)}FAQ.csv`, 'FAQ-0001'));
  });
});
