import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  buildReport,
  csvCell,
  InMemoryReportData,
  keyFigures,
  renderReportFiles,
  reportTables,
  writeReportFiles,
  type ReportModel,
} from '../../../reports';
import { csvRows, ensureTools, pdfFirstPagePng, pdfText, xlsxSheetsToCsv } from './external-tools';
import { NOW_AFTER_HALF, NOW_AFTER_MAY } from './fixture';
import { memoryData, options } from './helpers';

const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts');
const ISSUES = '課題: VPN装置の証明書期限切れで障害が発生した。\n対策: 証明書の有効期限を監視し、30日前に通知する。';
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('report renderers', () => {
  let dir: string;
  let model: ReportModel;
  let files: string[];
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-render-'));
    model = await buildReport('monthly', '2026-05', memoryData(), { ...options(NOW_AFTER_MAY), issuesText: ISSUES });
    files = await writeReportFiles(dir, await renderReportFiles(model));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (suffix: string): string => {
    const f = files.find((x) => x.endsWith(suffix));
    assert.ok(f, `missing ${suffix}`);
    return f;
  };

  it('writes xlsx, pdf, json and one csv per table', () => {
    const names = files.map((f) => path.basename(f));
    assert.ok(
      names.includes('monthly-2026-05.xlsx') &&
        names.includes('monthly-2026-05.pdf') &&
        names.includes('monthly-2026-05.json'),
    );
    assert.equal(names.filter((n) => n.endsWith('.csv')).length, reportTables(model).length);
    assert.deepEqual(JSON.parse(fs.readFileSync(file('.json'), 'utf8')), model);
  });

  it('writes CSV as UTF-8 with BOM and CRLF, quoting where needed, matching the model', () => {
    const raw = fs.readFileSync(file('-summary.csv'));
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8');
    assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text));
    const rows = csvRows(text);
    assert.deepEqual(rows[0], ['項目', '値', '単位']);
    assert.deepEqual(
      rows.slice(1),
      keyFigures(model).map((f) => [f.label, String(f.value), f.unit]),
    );
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('彼は"はい"と言った'), '"彼は""はい""と言った"');
    assert.equal(csvCell('1行目\r\n2行目'), '"1行目\r\n2行目"');
    assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvCell(12), '12');
    const work = csvRows(fs.readFileSync(file('-work-log.csv'), 'utf8'));
    assert.deepEqual(work[0], ['作業日時（開始・終了）', '担当者', '作業名', '作業内容', '特記事項']);
    assert.deepEqual(
      work.slice(1),
      model.workLog.map((w) => [w.when, w.operator, w.title, w.content, w.remarks]),
    );
  });

  it('sets up the summary sheet for A4 portrait printing with page numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('.xlsx'));
    const ws = wb.getWorksheet('報告書');
    assert.ok(ws);
    assert.equal(ws.pageSetup.paperSize, 9);
    assert.equal(ws.pageSetup.orientation, 'portrait');
    assert.equal(ws.pageSetup.fitToWidth, 1);
    assert.match(ws.headerFooter.oddFooter ?? '', /&P \/ &N/);
    // 報告書 (the summary table), グラフ (the charts as images), then one sheet per other table.
    assert.equal(wb.worksheets.length, reportTables(model).length + 1);
    assert.deepEqual(
      wb.worksheets.slice(0, 2).map((w) => w.name),
      ['報告書', 'グラフ'],
    );
  });

  it('xlsx read back by LibreOffice shows the same figures as the model', function () {
    const missing = ensureTools();
    if (missing) throw new Error(`LibreOffice/poppler needed: ${missing}`);
    const sheets = xlsxSheetsToCsv(file('.xlsx'), dir);
    const summary = csvRows(sheets.get('報告書') ?? '');
    assert.deepEqual(summary[0].filter(Boolean), ['ヘルプデスク運用月次報告書']);
    assert.deepEqual(summary[1].slice(0, 2), ['対象期間', '令和8年5月（2026年5月）']);
    assert.deepEqual(summary[2].slice(0, 2), ['作成', 'ことのは市 情報政策課']);
    for (const f of keyFigures(model)) {
      assert.ok(
        summary.some((r) => r[0] === f.label && r[1] === String(f.value) && r[2] === f.unit),
        `summary row ${f.label}=${f.value}`,
      );
    }
    assert.ok(
      summary.some((r) => r[0] === ISSUES.replace(/\r?\n/g, '\n')),
      '課題・対策 text',
    );
    const work = csvRows(sheets.get('作業実績') ?? '');
    assert.deepEqual(
      work.slice(2),
      model.workLog.map((w) => [w.when, w.operator, w.title, w.content, w.remarks]),
    );
    const incidents = csvRows(sheets.get('障害') ?? '');
    assert.deepEqual(incidents[2].slice(0, 2), ['HD-2026-000001', 'VPN接続障害']);
    assert.ok(sheets.has('時間帯別') && sheets.has('SLA超過'));
  });

  it('PDF text (pdftotext) carries the Japanese titles and the same figures; page 1 as PNG', function () {
    const missing = ensureTools();
    if (missing) throw new Error(`LibreOffice/poppler needed: ${missing}`);
    const text = squash(pdfText(file('.pdf')));
    for (const s of [
      'ヘルプデスク運用月次報告書',
      '令和8年5月（2026年5月）',
      'ことのは市情報政策課',
      '課題・対策',
      '作業実績報告書',
      'カテゴリ別問合せ件数',
      '日別問合せ件数',
      'SLA遵守状況（初回応答）',
      '時間帯別問合せ件数（日本時間）',
      'VPN装置の証明書期限切れ',
    ]) {
      assert.ok(text.includes(squash(s)), `PDF lacks ${s}`);
    }
    assert.ok(text.includes(squash(ISSUES)));
    const lines = pdfText(file('.pdf'), true).split('\n').map(squash);
    for (const f of keyFigures(model)) {
      assert.ok(
        lines.some((l) => l.includes(squash(`${f.label}${f.value}${f.unit}`))),
        `PDF figure ${f.label} = ${f.value}${f.unit}`,
      );
    }
    for (const w of model.workLog) assert.ok(text.includes(squash(w.when)) && text.includes(squash(w.title)));
    const png = pdfFirstPagePng(file('.pdf'), path.join(ARTIFACTS, 'report-monthly-2026-05'));
    assert.ok(fs.statSync(png).size > 10_000);
  });

  it('renders a period without data as 0 件 and says there is no work log', async function () {
    const empty = await buildReport('monthly', '2026-03', new InMemoryReportData(), options(NOW_AFTER_MAY));
    const out = await writeReportFiles(path.join(dir, 'empty'), await renderReportFiles(empty));
    const work = fs.readFileSync(out.find((f) => f.endsWith('-work-log.csv')) ?? '', 'utf8');
    assert.ok(work.includes('当該期間の作業実績はありません。'));
    const missing = ensureTools();
    if (missing) throw new Error(`poppler needed: ${missing}`);
    const text = squash(pdfText(out.find((f) => f.endsWith('.pdf')) ?? ''));
    assert.ok(text.includes('当該期間の作業実績はありません。'));
    assert.ok(squash(pdfText(out.find((f) => f.endsWith('.pdf')) ?? '', true)).includes('問合せ件数0件'));
  });

  it('renders the half-year report with the monthly trend; page 1 as PNG', async function () {
    const half = await buildReport('halfyear', '2026', memoryData(), options(NOW_AFTER_HALF));
    const out = await writeReportFiles(path.join(dir, 'half'), await renderReportFiles(half));
    assert.ok(out.some((f) => f.endsWith('-monthly-trend.csv')));
    const missing = ensureTools();
    if (missing) throw new Error(`poppler needed: ${missing}`);
    const text = squash(pdfText(out.find((f) => f.endsWith('.pdf')) ?? ''));
    assert.ok(
      text.includes('ヘルプデスク運用半期報告書') && text.includes('月別推移') && text.includes('令和8年度上半期'),
    );
    pdfFirstPagePng(out.find((f) => f.endsWith('.pdf')) ?? '', path.join(ARTIFACTS, 'report-halfyear-FY2026'));
  });
});
