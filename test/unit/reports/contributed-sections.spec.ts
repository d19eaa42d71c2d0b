import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildReport, renderReportFiles, writeReportFiles, type ReportSectionSource } from '../../../reports';
import { csvRows, pdfText } from './external-tools';
import { NOW_AFTER_MAY } from './fixture';
import { memoryData, options } from './helpers';
import { requireTool } from '../../setup/system-tools';

/** A module's sections as another helper might write them: awkward ids, sheet names and long cells. */
const source: ReportSectionSource = {
  async sections() {
    const long = '本庁舎3階 情報政策課の端末。'.repeat(30);
    return [
      {
        id: 'ip register/2026',
        title: 'IPアドレス管理簿（発行・削除）',
        sheet: 'IPアドレス管理簿[発行/削除]:令和8年度の全記録一覧表',
        columns: ['IPアドレス', 'コンピュータ名', '区分', '日時', '担当者', '理由'],
        rows: [['192.0.2.10', 'NMZ-PC-0001', '発行', '2026/05/12 10:00', '佐藤', long]],
      },
      {
        id: 'ip register/2026',
        title: '機密性3 取扱者名簿',
        sheet: 'IPアドレス管理簿[発行/削除]:令和8年度の全記録一覧表',
        columns: ['氏名', '所属', '期間', '承認者'],
        rows: [],
        emptyText: '当該期間の登録はありません。',
      },
    ];
  },
};

describe('sections contributed through ReportSectionSource', () => {
  it('render as valid xlsx sheets, PDF tables and CSV files', async function () {
    this.timeout(60_000);
    requireTool('poppler');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-sections-'));
    try {
      const model = await buildReport('monthly', '2026-05', memoryData(), {
        ...options(NOW_AFTER_MAY),
        sections: [source],
      });
      const files = await writeReportFiles(dir, await renderReportFiles(model));
      const names = files.map((f) => path.basename(f));
      assert.ok(names.includes('monthly-2026-05-ip-register-2026.csv'));
      assert.ok(names.includes('monthly-2026-05-ip-register-2026-2.csv'));
      const csv = csvRows(fs.readFileSync(path.join(dir, 'monthly-2026-05-ip-register-2026.csv'), 'utf8'));
      assert.deepEqual(csv[1].slice(0, 3), ['192.0.2.10', 'NMZ-PC-0001', '発行']);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, 'monthly-2026-05.xlsx'));
      const extra = wb.worksheets.slice(-2);
      assert.deepEqual(
        extra.map((w) => w.name),
        [
          'IPアドレス管理簿・発行・削除・・令和8年度の全記録一覧表',
          'IPアドレス管理簿・発行・削除・・令和8年度の全記録一覧表_2',
        ],
      );
      assert.equal(extra[0].getCell('A1').value, 'IPアドレス管理簿（発行・削除）');
      assert.equal(extra[0].pageSetup.orientation, 'landscape');
      assert.ok(extra[0].columns.every((c) => (c.width ?? 0) <= 60));
      assert.ok((extra[0].getRow(3).height ?? 0) > 30, 'the long reason wraps into a taller row');

      const text = pdfText(path.join(dir, 'monthly-2026-05.pdf')).replace(/\s+/g, '');
      assert.ok(text.includes('IPアドレス管理簿（発行・削除）') && text.includes('NMZ-PC-0001'));
      assert.ok(text.includes('機密性3取扱者名簿') && text.includes('当該期間の登録はありません。'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
