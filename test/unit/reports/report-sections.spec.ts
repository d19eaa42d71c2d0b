import assert from 'node:assert/strict';
import { buildReport, renderCsvFiles, type ReportSectionSource } from '../../../reports';
import { NOW_AFTER_MAY } from './fixture';
import { memoryData, options } from './helpers';

describe('report sections contributed by other modules', () => {
  it('prints a source’s table for the report period after the built-in tables', async () => {
    const asked: string[] = [];
    const source: ReportSectionSource = {
      sections: async (from, to) => {
        asked.push(`${from.toISOString()}..${to.toISOString()}`);
        return [
          { id: 'lending', title: '機器の貸出', sheet: '貸出', columns: ['機器', '件数'], rows: [['Web会議端末', 3]] },
        ];
      },
    };
    const model = await buildReport('monthly', '2026-05', memoryData(), {
      ...options(NOW_AFTER_MAY),
      sections: [source],
    });
    assert.deepEqual(asked, ['2026-04-30T15:00:00.000Z..2026-05-31T15:00:00.000Z']);
    const csv = renderCsvFiles(model).find((f) => f.name.includes('lending'));
    assert.ok(csv, 'a csv file for the contributed table');
    assert.match(csv.content.toString('utf8'), /機器,件数\r?\nWeb会議端末,3/);
  });

  it('adds nothing when no source is configured', async () => {
    const model = await buildReport('monthly', '2026-05', memoryData(), options(NOW_AFTER_MAY));
    assert.equal(model.extraSections, undefined);
  });
});
