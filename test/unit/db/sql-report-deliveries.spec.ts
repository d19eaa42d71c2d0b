/**
 * The delivery progress on every database (and the in-memory fake): the standard suite, then what only the
 * SQL store can show — the mark that a channel was audited commits with its audit row or not at all, two
 * instances finishing the same channel at once write exactly one audit row, and a row written before
 * migration 1767100000000 counts its later resends apart from its scheduled attempts.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { createDataSource, openDatabase, SqlReportDeliveries } from '../../../db';
import { MIGRATIONS } from '../../../db/migrations';
import { exportEntry, InMemoryDeliveryProgress, type DeliveryGeneration } from '../../../reports';
import { deliveryProgressContract } from '../../contracts/delivery-progress.contract';
import { describeEachDb, emptyTestDb } from '../../helpers/databases';
import { dataSourceWith } from '../../helpers/migrations';
import { testAuditLog } from '../../helpers/audit';
import { countRowsLike } from '../../helpers/instance-pair';

const MAY: DeliveryGeneration = {
  kind: 'monthly',
  period: '2026-05',
  generatedAt: new Date('2026-06-01T00:00:01.234Z'),
};
const FACTS = { format: 'xlsx+pdf', rows: 42, recipients: 2 };
const entry = exportEntry({ actor: 'system' }, { report: 'monthly', period: '2026-05', ...FACTS, channel: 'email' });

deliveryProgressContract('in memory', async () => new InMemoryDeliveryProgress());

describeEachDb('SqlReportDeliveries', (each) => {
  beforeEach(() => each.db.reset());

  deliveryProgressContract('SQL', async () => {
    await each.db.reset();
    return new SqlReportDeliveries(each.db.ds);
  });

  it('commits the audited mark with its audit row, or neither', async () => {
    const store = new SqlReportDeliveries(each.db.ds);
    const audit = testAuditLog(each.db.ds);
    await store.begin(MAY, ['email']);
    await store.markSent(MAY, 'email', FACTS, new Date('2026-06-01T00:01:00Z'));
    const mark = () => store.markAudited(MAY, 'email', new Date('2026-06-01T00:02:00Z'));
    await assert.rejects(
      audit.atomically(mark, () => {
        throw new Error('stopped before the audit row');
      }),
      /stopped before the audit row/,
    );
    assert.equal(await countRowsLike(each.db.ds, 'audit_log', 'action', 'export.report'), 0);
    assert.deepEqual(
      (await store.begin(MAY, ['email'])).map((r) => [r.channel, r.sentAt?.toISOString(), r.auditedAt]),
      [['email', '2026-06-01T00:01:00.000Z', undefined]],
    );
    assert.equal(await audit.atomically(mark, (won) => (won ? entry : undefined)), true);
    assert.equal(await countRowsLike(each.db.ds, 'audit_log', 'action', 'export.report'), 1);
    assert.deepEqual(await store.begin(MAY, ['email']), []);
  });

  it('keeps the attempts of a row written before the manual count, which starts at 0', async () => {
    const db = await emptyTestDb(each.kind);
    const before = MIGRATIONS.findIndex((m) => m.name === 'ReportDeliveryManualAttempts1767100000000');
    const old = dataSourceWith(db.config, MIGRATIONS.slice(0, before) as never);
    let upgraded: DataSource | undefined;
    try {
      await openDatabase(old);
      // Written with that release's column list (the live entity has the new column).
      const p = (i: number) => (each.kind === 'postgres' ? `$${i}` : each.kind === 'mssql' ? `@${i - 1}` : '?');
      const generatedAt = each.kind === 'sqlite' ? '2026-06-01 00:00:01.234' : MAY.generatedAt;
      await old.query(
        `INSERT INTO "report_delivery" ("id", "kind", "period", "generatedAt", "channel", "attempts") ` +
          `VALUES (${[1, 2, 3, 4, 5, 6].map(p).join(', ')})`,
        ['d-1', 'monthly', '2026-05', generatedAt, 'email', 4],
      );
      await old.destroy();
      upgraded = dataSourceWith(db.config, MIGRATIONS as never);
      await openDatabase(upgraded);
      const store = new SqlReportDeliveries(upgraded);
      const counts = (rows: { attempts: number; manualAttempts: number }[]) =>
        rows.map((r) => [r.attempts, r.manualAttempts]);
      assert.deepEqual(counts(await store.ofReport(MAY)), [[4, 0]]);
      assert.deepEqual(counts(await store.begin(MAY, ['email'], 'manual')), [[4, 1]]);
    } finally {
      if (old.isInitialized) await old.destroy();
      if (upgraded?.isInitialized) await upgraded.destroy();
      await db.drop();
    }
  });

  // Instances that write at the same moment share a server database; a SQLite file is written by one process.
  if (each.kind !== 'sqlite')
    it('writes one audit row when two instances audit the same channel at once', async () => {
      const second: DataSource = await createDataSource(each.db.config).initialize();
      try {
        const stores = [new SqlReportDeliveries(each.db.ds), new SqlReportDeliveries(second)];
        const audits = [testAuditLog(each.db.ds), testAuditLog(second)];
        await stores[0]!.begin(MAY, ['email']);
        await stores[0]!.markSent(MAY, 'email', FACTS, new Date('2026-06-01T00:01:00Z'));
        const won = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            audits[i % 2]!.atomically(
              () => stores[i % 2]!.markAudited(MAY, 'email', new Date('2026-06-01T00:02:00Z')),
              (w) => (w ? entry : undefined),
            ),
          ),
        );
        assert.equal(won.filter(Boolean).length, 1, won.join(','));
        assert.equal(await countRowsLike(each.db.ds, 'audit_log', 'action', 'export.report'), 1);
        assert.deepEqual(await audits[1]!.verify().then((v) => [v.ok, v.count]), [true, 1]);
      } finally {
        await second.destroy();
      }
    });
});
