import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildReport, renderXlsx, type ReportModel } from '../../../reports';
import { requireTool } from '../../setup/system-tools';
import { NOW_AFTER_MAY } from './fixture';
import { memoryData, options } from './helpers';

/** One word of `pdftotext -bbox-layout`: its page, text and box height in points (≈ the font size). */
interface PdfWord {
  page: number;
  text: string;
  height: number;
}

function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const words: PdfWord[] = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ))
        words.push({ page: i + 1, text: m[5], height: Number(m[4]) - Number(m[2]) });
    });
  return words;
}

const LONG_CAUSE =
  '庁内ネットワークのコアスイッチにおいて、ファームウェア更新後にスパニングツリーの再計算が繰り返し発生し、本庁舎3階から5階の職員端末で通信断が断続的に発生した。'.repeat(
    3,
  );

/** A May report whose 障害 and 作業実績 cells hold long texts (the case that printed at 3 pt). */
async function longModel(): Promise<ReportModel> {
  const model = await buildReport('monthly', '2026-05', memoryData(), options(NOW_AFTER_MAY));
  for (let i = 0; i < 6; i += 1) {
    model.incidents.push({
      number: `HD-2026-00010${i}`,
      title: `基幹系ネットワーク障害（本庁舎${i + 1}階）`,
      priority: '緊急',
      status: '解決済み',
      createdAt: '2026/05/2' + i + ' 09:12',
      resolvedAt: '2026/05/2' + i + ' 15:40',
      cause: LONG_CAUSE,
      actions: '保守業者と連携し、コアスイッチを旧ファームウェアへ切り戻した。'.repeat(4),
      prevention: '検証環境での事前確認を手順化し、更新は閉庁日に実施する。'.repeat(3),
    });
  }
  model.workLog.push({
    when: '2026/05/20 18:00〜2026/05/20 21:30',
    operator: '情報政策課 佐藤',
    title: '月例パッチ適用',
    content: '全65台の端末に月例パッチを適用し、再起動後の動作確認を行った。'.repeat(8),
    remarks: '2台で適用に失敗したため、翌日再実施した。',
  });
  return model;
}

describe('xlsx for print (LibreOffice)', () => {
  let dir: string;
  let xlsxPath: string;
  before(async function () {
    this.timeout(120_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-xlsx-print-'));
    xlsxPath = path.join(dir, 'report.xlsx');
    fs.writeFileSync(xlsxPath, await renderXlsx(await longModel()));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lays out the 障害 and 作業実績 sheets landscape, wrapped, within the page width, with print titles', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    for (const name of ['障害', '作業実績']) {
      const ws = wb.getWorksheet(name);
      assert.ok(ws, name);
      assert.equal(ws.pageSetup.orientation, 'landscape');
      assert.equal(ws.pageSetup.fitToWidth, 1);
      assert.equal(ws.pageSetup.fitToHeight, 0);
      assert.equal(ws.pageSetup.printTitlesRow, '1:2');
      const widths = ws.columns.map((c) => c.width ?? 0);
      assert.ok(
        widths.every((w) => w >= 6 && w <= 60),
        `${name} widths ${widths.join(',')}`,
      );
      assert.ok(widths.reduce((a, b) => a + b, 0) <= 128, `${name} total width ${widths.reduce((a, b) => a + b, 0)}`);
      assert.equal(ws.getCell('H3').alignment?.wrapText ?? ws.getCell('D3').alignment?.wrapText, true);
    }
  });

  it('embeds the charts as PNG images on the グラフ sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const ws = wb.getWorksheet('グラフ');
    assert.ok(ws);
    const images = ws.getImages();
    assert.equal(images.length, 4);
    for (const img of images) {
      const media = wb.getImage(Number(img.imageId));
      assert.equal(media.extension, 'png');
      assert.deepEqual([...(media.buffer as unknown as Buffer).subarray(1, 4)], [0x50, 0x4e, 0x47]);
    }
  });

  it('prints the 障害 sheet legibly in LibreOffice: no text under 8 pt on its pages', function () {
    this.timeout(180_000);
    requireTool('soffice', 'poppler', 'japaneseFont');
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsxPath],
      {
        stdio: 'ignore',
        timeout: 150_000,
      },
    );
    const words = pdfWords(path.join(dir, 'report.pdf'));
    const pages = new Set(
      words.filter((w) => w.text.includes('障害報告') || w.text.includes('再発防止策')).map((w) => w.page),
    );
    assert.ok(pages.size >= 1, 'the 障害 sheet is in the PDF');
    const onSheet = words.filter((w) => pages.has(w.page));
    const smallest = Math.min(...onSheet.map((w) => w.height));
    assert.ok(
      onSheet.some((w) => w.text.includes('コアスイッチ')),
      'the long cause is printed, wrapped',
    );
    assert.ok(smallest >= 8, `smallest text on the 障害 pages is ${smallest.toFixed(1)} pt`);
  });
});
