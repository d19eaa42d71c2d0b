import assert from 'node:assert/strict';
import { auditHash, SqlAuditLog } from '../../../db/repositories/sql-audit-log';
import type { AuditLogRow } from '../../../db';
import { describeEachDb } from '../../helpers/databases';

describeEachDb('SqlAuditLog hash chain', (each) => {
  let db: typeof each.db;
  let log: SqlAuditLog;
  beforeEach(async () => {
    db = each.db;
    await db.reset();
    log = new SqlAuditLog(db.ds);
    await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        log.record({ actor: 'op1', action: 'ticket.update', target: `HD-2026-00000${i}`, detail: { i } }),
      ),
    );
  });

  it('appends concurrent entries in one unbroken chain', async () => {
    assert.deepEqual(await log.verify(), { ok: true, count: 5 });
    const rows = await log.recent(5);
    assert.deepEqual(
      rows.map((r) => r.seq),
      [5, 4, 3, 2, 1],
    );
    assert.equal(rows[0].prevHash, rows[1].hash);
  });

  it('detects a modified row', async () => {
    await db.ds.query(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3`);
    assert.deepEqual(await log.verify(), { ok: false, count: 2, brokenAtSeq: 3 });
  });

  it('detects a deleted row', async () => {
    await db.ds.query(`DELETE FROM audit_log WHERE seq = 2`);
    assert.equal((await log.verify()).ok, false);
  });

  it('detects a row rewritten with a recomputed own hash (the next link breaks)', async () => {
    const repo = db.ds.getRepository<AuditLogRow>('audit_log');
    const row = await repo.findOneByOrFail({ seq: 4 });
    const forged = auditHash(row.prevHash, {
      seq: 4,
      at: row.at,
      actor: 'x',
      action: row.action,
      target: row.target,
      detail: row.detail,
    });
    await repo.update({ seq: 4 }, { actor: 'x', hash: forged });
    assert.deepEqual(await log.verify(), { ok: false, count: 4, brokenAtSeq: 5 });
  });
});
