/** The standard suite every ReportStore passes (in-memory and SQL). */
import assert from 'node:assert/strict';
import { KotaeError } from '../../../core/errors';
import { buildReport, InMemoryReportData, type ReportStore } from '../../../reports';
import { NOW_AFTER_MAY } from './fixture';
import { options } from './helpers';

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof KotaeError && e.code === code);
}

/** Registers the contract tests for a store factory. */
export function reportStoreContract(name: string, makeStore: () => Promise<ReportStore>): void {
  describe(`ReportStore contract: ${name}`, () => {
    let store: ReportStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    const model = (period = '2026-05') =>
      buildReport('monthly', period, new InMemoryReportData(), options(NOW_AFTER_MAY));

    it('upserts by kind + period, keeping 課題・対策 and bumping the version', async () => {
      const first = await store.saveGenerated({
        kind: 'monthly',
        period: '2026-05',
        generatedAt: NOW_AFTER_MAY,
        files: ['a.xlsx'],
        model: await model(),
      });
      assert.equal(first.version, 1);
      assert.equal(first.status, 'draft');
      const edited = await store.updateIssues('monthly', '2026-05', '課題: VPN証明書の期限管理', 1);
      assert.equal(edited.version, 2);
      assert.equal(edited.model.issuesText, '課題: VPN証明書の期限管理');
      const again = await store.saveGenerated({
        kind: 'monthly',
        period: '2026-05',
        generatedAt: NOW_AFTER_MAY,
        files: ['a.xlsx', 'b.pdf'],
        model: await model(),
      });
      assert.equal(again.version, 3);
      assert.equal(again.issuesText, '課題: VPN証明書の期限管理');
      assert.equal(again.model.issuesText, '課題: VPN証明書の期限管理');
      assert.deepEqual(again.files, ['a.xlsx', 'b.pdf']);
      assert.equal((await store.list()).length, 1);
    });

    it('rejects a stale version with CONFLICT and an unknown report with NOT_FOUND', async () => {
      await store.saveGenerated({
        kind: 'monthly',
        period: '2026-05',
        generatedAt: NOW_AFTER_MAY,
        files: [],
        model: await model(),
      });
      await rejectsWith(store.updateIssues('monthly', '2026-05', 'x', 7), 'CONFLICT');
      await rejectsWith(store.updateIssues('monthly', '2026-04', 'x', 1), 'NOT_FOUND');
    });

    it('makes a final report read-only', async () => {
      await store.saveGenerated({
        kind: 'monthly',
        period: '2026-05',
        generatedAt: NOW_AFTER_MAY,
        files: [],
        model: await model(),
      });
      const final = await store.markFinal('monthly', '2026-05', 1);
      assert.equal(final.status, 'final');
      await rejectsWith(store.updateIssues('monthly', '2026-05', 'x', final.version), 'CONFLICT');
      await rejectsWith(
        store.saveGenerated({
          kind: 'monthly',
          period: '2026-05',
          generatedAt: NOW_AFTER_MAY,
          files: [],
          model: await model(),
        }),
        'CONFLICT',
      );
      await rejectsWith(store.markFinal('monthly', '2026-05', final.version), 'CONFLICT');
    });

    it('lists newest period first', async () => {
      await store.saveGenerated({
        kind: 'monthly',
        period: '2026-04',
        generatedAt: NOW_AFTER_MAY,
        files: [],
        model: await model('2026-04'),
      });
      await store.saveGenerated({
        kind: 'monthly',
        period: '2026-05',
        generatedAt: NOW_AFTER_MAY,
        files: [],
        model: await model(),
      });
      assert.deepEqual(
        (await store.list()).map((r) => r.period),
        ['2026-05', '2026-04'],
      );
      assert.equal(await store.get('annual', 'FY2026'), undefined);
    });
  });
}
