import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drawTable } from '../../../reports/pdf-table';
import { defaultPdfFonts, openJapanesePdf } from '../../../reports/pdf-document';
import { ensureTools, pdfText } from './external-tools';

describe('PDF tables: dates, times and ticket numbers are never broken inside', () => {
  it('keeps 2026/12/07 10:44 whole in a table of many wide columns', async function () {
    this.timeout(60_000);
    const missing = ensureTools();
    if (missing) throw new Error(`poppler needed: ${missing}`);
    const { doc, bytes } = openJapanesePdf({ margin: 36, title: 't', author: 'a' }, defaultPdfFonts());
    const long = '原因の調査と暫定対応、恒久対策の検討を行い関係各課へ周知した。'.repeat(2);
    drawTable(
      doc,
      {
        id: 'incidents',
        title: '障害報告',
        sheet: '障害',
        columns: [
          '受付番号',
          '件名',
          '発生',
          '復旧作業開始',
          '解決',
          '原因',
          '対応内容',
          '再発防止策',
          '影響範囲',
          '担当',
        ],
        rows: [
          [
            'HD-2026-000123',
            'VPN接続障害',
            '2026/12/07 10:44',
            '2026/12/07 11:02',
            '2026/12/07 15:30',
            long,
            long,
            long,
            long,
            '山田',
          ],
        ],
      },
      'jp-bold',
      'jp',
    );
    doc.end();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-pdf-dates-')), 't.pdf');
    fs.writeFileSync(file, await bytes);
    const text = pdfText(file, true);
    for (const value of ['HD-2026-000123', '2026/12/07 10:44', '2026/12/07 11:02', '2026/12/07 15:30'])
      assert.ok(text.includes(value), `${value} broken in:\n${text}`);
  });
});
