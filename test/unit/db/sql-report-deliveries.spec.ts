/**
 * The delivery progress on every database (and the in-memory fake): the standard suite, then what only the
 * SQL store can show — the mark that a channel was audited commits with its audit row or not at all, and two
 * instances finishing the same channel at once write exactly one audit row.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { createDataSource, SqlReportDeliveries } from '../../../db';
import { exportEntry, InMemoryDeliveryProgress, type DeliveryGeneration } from '../../../reports';
import { deliveryProgressContract } from '../../contracts/delivery-progress.contract';
import { describeEachDb } from '../../helpers/databases';
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
