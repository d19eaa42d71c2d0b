import assert from 'node:assert/strict';
import { buildReport, renderReportFiles } from '../../../reports';
import { PDF_CELL_MAX_CHARS, pdfCell } from '../../../reports/pdf-table';
import { NOW_AFTER_MAY } from './fixture';
import { memoryData, options } from './helpers';

describe('reports with long work logs', () => {
  it('prints at most PDF_CELL_MAX_CHARS characters of a cell and says where the rest is', () => {
    assert.equal(pdfCell('短い'), '短い');
    const cut = pdfCell('あ'.repeat(5000));
    assert.ok(cut.startsWith('あ'.repeat(PDF_CELL_MAX_CHARS) + '…（全5,000文字。'));
  });

  it('renders a 100,000-character 作業内容 in about the time of a short one', async function () {
    this.timeout(60_000);
    const timeWith = async (content: string): Promise<number> => {
      const model = await buildReport('monthly', '2026-05', memoryData(), options(NOW_AFTER_MAY));
      const first = model.workLog[0];
      assert.ok(first);
      first.content = content;
      const t0 = performance.now();
      const files = await renderReportFiles(model);
      assert.ok(files.some((f) => f.name.endsWith('.pdf')));
      return performance.now() - t0;
    };
    await timeWith('短い作業内容'); // warm-up: fonts and modules
    const short = await timeWith('短い作業内容');
    const long = await timeWith('ネットワーク機器の設定を変更した。'.repeat(6000).slice(0, 100_000));
    assert.ok(long < short * 4 + 1500, `short ${Math.round(short)} ms, long ${Math.round(long)} ms`);
  });
});
