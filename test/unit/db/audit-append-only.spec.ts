/**
 * The audit log's tamper evidence after session 31, on SQLite and PostgreSQL: UPDATE and DELETE are
 * refused by the database's own trigger (retention deletes only the rows it declares); a checkpoint
 * the database recorded whose line was cut from the anchor file is reported; the periodic checkpoint
 * bounds the window in which the newest rows can be deleted unnoticed; and checkpoints are bound to the
 * database they describe, so a restore into a second database leaves the first one's verification alone.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AuditAnchorFile } from '../../../db/audit/anchor-file';
import type { SqlAuditLog } from '../../../db/repositories/sql-audit-log';
import { FakeClock } from '../../../core/clock';
import { InMemoryJobLease, LeaseGuard } from '../../../jobs/job-lease';
import { PeriodicAuditCheckpoint } from '../../../jobs/audit-anchor';
import { describeEachDb, openTestDb } from '../../helpers/databases';
import { tamperAuditSql, TEST_AUDIT_KEY, testAuditLog } from '../../helpers/audit';
import { tempDir } from '../../helpers/temp-dir';

describeEachDb(
  'audit log: append-only, checkpoints in the database, periodic checkpoint, database identity',
  (each) => {
    let log: SqlAuditLog;
    let anchors: AuditAnchorFile;
    let clock: FakeClock;
    let tmp: ReturnType<typeof tempDir>;
    const seqs = async () =>
      ((await each.db.ds.query('SELECT seq FROM audit_log ORDER BY seq')) as { seq: number | string }[]).map((r) =>
        Number(r.seq),
      );
    const record = async (n: number) => {
      for (let i = 0; i < n; i += 1) {
        await log.record({ actor: 'op1', action: 'ticket.update', target: 'HD-2026-000001' });
        clock.advanceMinutes(1);
      }
    };

    beforeEach(async () => {
      await each.db.reset();
      tmp = tempDir('kotae-append-only-');
      clock = new FakeClock('2026-06-01T00:00:00Z');
      anchors = new AuditAnchorFile(path.join(tmp.dir, 'audit-anchors.jsonl'), TEST_AUDIT_KEY, { instance: 'a' });
      log = testAuditLog(each.db.ds, () => clock.now(), anchors);
      await log.anchor('start');
    });
    afterEach(() => tmp.cleanup());

    it('refuses UPDATE and DELETE of audit rows and checkpoints; retention deletes exactly the rows it declares', async () => {
      await record(4);
      const { ds } = each.db;
      await assert.rejects(ds.query(`UPDATE audit_log SET actor = 'x' WHERE seq = 1`), /audit_log is append-only/);
      await assert.rejects(ds.query(`DELETE FROM audit_log WHERE seq = 4`), /audit_log is append-only/);
      await assert.rejects(ds.query(`UPDATE audit_checkpoint SET seq = 9`), /audit_checkpoint is append-only/);
      await assert.rejects(ds.query(`DELETE FROM audit_checkpoint`), /audit_checkpoint is append-only/);
      if (each.kind === 'postgres') await assert.rejects(ds.query('TRUNCATE audit_log'), /audit_log is append-only/);
      assert.deepEqual(await seqs(), [1, 2, 3, 4]);
      // Rows 1 and 2 were written before 00:02: retention deletes them, and nothing else.
      assert.equal(await log.pruneBefore(new Date('2026-06-01T00:01:30Z')), 2);
      assert.deepEqual(await seqs(), [3, 4]);
      await assert.rejects(ds.query(`DELETE FROM audit_log WHERE seq = 3`), /audit_log is append-only/);
      assert.equal((await log.verify()).ok, true);
    });

    it('reports a checkpoint the database recorded whose line was cut from the anchor file', async () => {
      await record(3);
      await log.anchor('daily');
      const lines = fs.readFileSync(anchors.file, 'utf8').trimEnd().split('\n');
      assert.equal(lines.length, 2);
      // The tail cut back to the start line, and the rows the daily checkpoint covered deleted.
      fs.writeFileSync(anchors.file, `${lines[0]}\n`);
      await tamperAuditSql(each.db.ds, 'DELETE FROM audit_log WHERE seq >= 2');
      assert.deepEqual(await log.verify(), {
        ok: false,
        count: 0,
        brokenAtSeq: 3,
        reason: 'anchor_missing',
        anchors: 1,
      });
    });

    it('detects the newest rows deleted once the periodic checkpoint covered them (and not before: the window)', async () => {
      const handles: (() => void)[] = [];
      const timers = { setInterval: (fn: () => void) => handles.push(fn), clearInterval: () => undefined };
      const leases = new LeaseGuard({ lease: new InMemoryJobLease(), holder: 'a', clock });
      const periodic = new PeriodicAuditCheckpoint({ audit: log, leases, intervalMinutes: 10, timers });
      const lineCount = () => fs.readFileSync(anchors.file, 'utf8').trimEnd().split('\n').length;
      await record(3);
      assert.deepEqual(await periodic.tick(), await log.head());
      // The head has not moved: no second line (with several instances, none writes it twice).
      assert.equal(await periodic.tick(), undefined);
      assert.equal(lineCount(), 2);
      await record(2);
      // Within the window (rows written after the last checkpoint): deleting them goes unnoticed.
      await tamperAuditSql(each.db.ds, 'DELETE FROM audit_log WHERE seq = 5');
      assert.equal((await log.verify()).ok, true);
      await record(1);
      // The timer fires: the head (seq 5) is covered, and deleting the newest rows is detected.
      periodic.start();
      assert.equal(handles.length, 1);
      await periodic.stop();
      assert.equal(lineCount(), 3);
      await tamperAuditSql(each.db.ds, 'DELETE FROM audit_log WHERE seq >= 4');
      assert.deepEqual(await log.verify(), { ok: false, count: 3, brokenAtSeq: 4, reason: 'truncated', anchors: 3 });
    });

    it('binds checkpoints to their database: a restore into a second one verifies on both', async function () {
      this.timeout(120_000);
      await record(3);
      await log.anchor('backup');
      const second = await openTestDb(each.kind);
      try {
        // The copy a restore puts into the second database: the audit rows and checkpoints up to the backup.
        for (const table of ['audit_log', 'audit_checkpoint']) {
          const rows = await each.db.ds.getRepository(table).find();
          await second.ds.getRepository(table).insert(rows);
        }
        await record(2);
        await log.anchor('daily');
        const onB = testAuditLog(second.ds, () => clock.now(), anchors);
        await onB.anchor('restore', 'restore', await log.identity());
        await onB.record({ actor: 'cli', action: 'backup.restore' });
        await onB.anchor('restore');
        clock.advanceMinutes(1);
        await log.anchor('daily');
        // Production (A): its own checkpoints at seq 0, 3 and 5; the second database's lines are not A's.
        assert.deepEqual(await log.verify(), { ok: true, count: 5, head: await log.head(), anchors: 3 });
        // The second database (B): A's checkpoints up to the restored head (seq 0 and 3), then its own (seq 3 and 4).
        assert.deepEqual(await onB.verify(), { ok: true, count: 4, head: await onB.head(), anchors: 3 });
        assert.notEqual(await onB.identity(), await log.identity());
        // A's checkpoints up to the restored head apply to B: its rows deleted below them are detected.
        await tamperAuditSql(second.ds, 'DELETE FROM audit_log WHERE seq >= 2');
        const broken = await onB.verify();
        assert.deepEqual(broken.ok ? undefined : [broken.reason, broken.brokenAtSeq], ['truncated', 2]);
        assert.equal((await log.verify()).ok, true);
      } finally {
        await second.close();
      }
    });
  },
);
