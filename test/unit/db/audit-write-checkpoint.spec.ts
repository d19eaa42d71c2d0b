/**
 * The checkpoint that follows audit writes (session 33; in a head file since session 34) on SQLite and
 * PostgreSQL, with the real audit log, anchor and head files and hand-fired timers: once the delay after
 * an audited change has passed, the newest row deleted past the append-only trigger is detected at its
 * sequence number; a burst of writes gives one checkpoint and a rolled-back change none; each instance
 * overwrites a head file of its own beside its anchor file, and reads every head file beside the anchor
 * files it reads; a failing checkpoint is logged and the audited change still succeeds.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FakeClock } from '../../../core/clock';
import { describeEachDb } from '../../helpers/databases';
import { tamperAuditSql } from '../../helpers/audit';
import { tempDir } from '../../helpers/temp-dir';
import { afterDelay, auditedChange as change, followedInstance, jsonLines } from '../../helpers/write-checkpoint';

describeEachDb('audit log: a checkpoint follows every audit write', (each) => {
  let tmp: ReturnType<typeof tempDir>;
  let clock: FakeClock;
  let shared: string;

  const instance = (file: string, name: string, others: string[] = []) =>
    followedInstance(each.db.ds, () => clock.now(), file, name, others);
  const heads = (i: ReturnType<typeof instance>) => jsonLines(i.anchors.headFile()).map((l) => [l.source, l.seq]);
  const checkpointRows = async () =>
    Number(((await each.db.ds.query('SELECT COUNT(*) AS n FROM audit_checkpoint')) as { n: number | string }[])[0].n);

  beforeEach(async () => {
    await each.db.reset();
    tmp = tempDir('kotae-write-checkpoint-');
    clock = new FakeClock('2026-06-01T00:00:00Z');
    shared = path.join(tmp.dir, 'audit-anchors.jsonl');
  });
  afterEach(() => tmp.cleanup());

  it('detects the newest row deleted once the delay after an audited change passed, at its sequence number', async () => {
    const a = instance(shared, 'a');
    await a.log.anchor('start');
    await change(a.log, 'HD-2026-000001');
    await a.log.record({ actor: 'op1', action: 'ticket.reply', target: 'HD-2026-000001' });
    await change(a.log, 'HD-2026-000002');
    assert.equal(a.timers.scheduled, 1);
    await afterDelay(a);
    assert.deepEqual(
      jsonLines(shared).map((l) => [l.source, l.seq]),
      [['start', 0]],
    );
    assert.equal(a.anchors.headFile(), path.join(tmp.dir, 'audit-anchors.head.a.jsonl'));
    assert.deepEqual(heads(a), [['write', 3]]);
    assert.equal(await checkpointRows(), 1);
    await tamperAuditSql(each.db.ds, 'DELETE FROM audit_log WHERE seq = 3');
    assert.deepEqual(await a.log.verify(), { ok: false, count: 2, brokenAtSeq: 3, reason: 'truncated', anchors: 2 });
    assert.equal(a.logger.lines.length, 0);
  });

  it('checkpoints a burst of 40 concurrent audited changes once, and a rolled-back change not at all', async () => {
    const a = instance(shared, 'a');
    await Promise.all(Array.from({ length: 40 }, (_, i) => change(a.log, `HD-2026-${String(i + 1).padStart(6, '0')}`)));
    assert.equal(a.timers.scheduled, 1);
    await afterDelay(a);
    assert.deepEqual(heads(a), [['write', 40]]);
    assert.equal(fs.existsSync(shared), false);
    assert.equal(await checkpointRows(), 0);
    await assert.rejects(
      a.log.atomically(
        async () => {
          throw new Error('conflict');
        },
        () => ({ actor: 'op1', action: 'ticket.update' }),
      ),
      /conflict/,
    );
    assert.equal(a.timers.scheduled, 1);
    // Nothing written since the checkpoint: a second burst of 25 gives the second one, in place of the first.
    await Promise.all(Array.from({ length: 25 }, () => change(a.log, 'HD-2026-000041')));
    await afterDelay(a);
    assert.deepEqual(heads(a), [['write', 65]]);
    assert.equal(await checkpointRows(), 0);
    assert.deepEqual(await a.log.verify(), { ok: true, count: 65, head: await a.log.head(), anchors: 1 });
  });

  it('each instance overwrites its own head file; verification reads those beside every anchor file it reads', async () => {
    const a = instance(shared, 'a');
    const b = instance(shared, 'b');
    await change(a.log, 'HD-2026-000001');
    await change(b.log, 'HD-2026-000002');
    await afterDelay(a);
    await afterDelay(b);
    assert.deepEqual([heads(a), heads(b)], [[['write', 2]], [['write', 2]]]);
    // C keeps a file of its own and reads no other; D reads C's (KOTAE_AUDIT_ANCHOR_OTHER_FILES).
    const own = path.join(tmp.dir, 'c', 'audit-anchors.jsonl');
    const c = instance(own, 'c');
    const d = instance(path.join(tmp.dir, 'd', 'audit-anchors.jsonl'), 'd', [own]);
    await change(c.log, 'HD-2026-000003');
    await change(a.log, 'HD-2026-000004');
    await afterDelay(a);
    await afterDelay(c);
    assert.deepEqual(
      [heads(a), heads(b), heads(c)].map((h) => h.map(([, seq]) => seq)),
      [[4], [2], [4]],
    );
    assert.deepEqual([jsonLines(shared), jsonLines(own), await checkpointRows()], [[], [], 0]);
    await tamperAuditSql(each.db.ds, 'DELETE FROM audit_log WHERE seq = 4');
    const truncated = { ok: false, count: 3, brokenAtSeq: 4, reason: 'truncated' };
    assert.deepEqual(await a.log.verify(), { ...truncated, anchors: 2 });
    assert.deepEqual(await b.log.verify(), { ...truncated, anchors: 2 });
    assert.deepEqual(await c.log.verify(), { ...truncated, anchors: 1 });
    assert.deepEqual(await d.log.verify(), { ...truncated, anchors: 1 });
  });

  it('logs a checkpoint that fails, and the audited change still commits', async () => {
    const a = instance(shared, 'a');
    // The head file's place is taken by a directory: every write fails.
    fs.mkdirSync(a.anchors.headFile());
    assert.equal(await change(a.log, 'HD-2026-000001'), 'HD-2026-000001');
    await afterDelay(a);
    assert.equal(a.logger.lines.length, 1);
    const [line] = a.logger.lines;
    assert.deepEqual([line.level, line.msg], ['warn', 'audit checkpoint after a write failed']);
    assert.match(String(line.fields?.error), /EISDIR/);
    assert.equal((await a.log.head()).seq, 1);
    // The next write is followed again (and fails again, logged again).
    await change(a.log, 'HD-2026-000002');
    await afterDelay(a);
    assert.equal(a.logger.lines.length, 2);
    // A directory in the head file's place is not a head file: verification still passes.
    assert.deepEqual(await a.log.verify(), { ok: true, count: 2, head: await a.log.head(), anchors: 0 });
  });
});
