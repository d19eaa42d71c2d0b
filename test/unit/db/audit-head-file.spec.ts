/**
 * The bounded growth of the checkpoint after writes (session 34) on SQLite and PostgreSQL: 1,000 write
 * checkpoints add no line to the anchor file and no row to audit_checkpoint (only the instance's one
 * small head file changes); a head file naming a sequence number with another hash is reported, with or
 * without its line's HMAC redone; a head checkpointed before a declared restore does not raise a false
 * alarm after it; a head file keeps the lines of the other databases its instance serves.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FakeClock } from '../../../core/clock';
import { AuditAnchorFile } from '../../../db/audit/anchor-file';
import { describeEachDb } from '../../helpers/databases';
import { tamperAuditSql, TEST_AUDIT_KEY } from '../../helpers/audit';
import { tempDir } from '../../helpers/temp-dir';
import { afterDelay, auditedChange as change, followedInstance, jsonLines } from '../../helpers/write-checkpoint';

describeEachDb('audit head file: the checkpoint after writes without growth', (each) => {
  let tmp: ReturnType<typeof tempDir>;
  let clock: FakeClock;
  let shared: string;

  const instance = (name: string) => followedInstance(each.db.ds, () => clock.now(), shared, name);
  const checkpointRows = async () =>
    Number(((await each.db.ds.query('SELECT COUNT(*) AS n FROM audit_checkpoint')) as { n: number | string }[])[0].n);

  beforeEach(async () => {
    await each.db.reset();
    tmp = tempDir('kotae-head-file-');
    clock = new FakeClock('2026-06-01T00:00:00Z');
    shared = path.join(tmp.dir, 'audit-anchors.jsonl');
  });
  afterEach(() => tmp.cleanup());

  it('1,000 write checkpoints leave the anchor file and audit_checkpoint as they were; only the one head file changes', async function () {
    this.timeout(300_000);
    const a = instance('a');
    await change(a.log, 'HD-2026-000000');
    await a.log.anchor('start');
    // No head file yet (this instance never wrote one): not an error.
    assert.deepEqual(await a.log.verify(), { ok: true, count: 1, head: await a.log.head(), anchors: 1 });
    const anchorText = fs.readFileSync(shared, 'utf8');
    const rowsBefore = await checkpointRows();
    for (let n = 1; n <= 1000; n += 1) {
      await change(a.log, `HD-2026-${String(n).padStart(6, '0')}`);
      clock.set(new Date(clock.now().getTime() + 1000));
      await afterDelay(a);
    }
    assert.equal(fs.readFileSync(shared, 'utf8'), anchorText);
    assert.deepEqual([rowsBefore, await checkpointRows()], [1, 1]);
    assert.deepEqual(fs.readdirSync(tmp.dir).sort(), ['audit-anchors.head.a.jsonl', 'audit-anchors.jsonl']);
    assert.deepEqual(
      jsonLines(a.anchors.headFile()).map((l) => [l.source, l.seq, l.instance]),
      [['write', 1001, 'a']],
    );
    assert.ok(fs.statSync(a.anchors.headFile()).size < 512);
    assert.equal(fs.statSync(a.anchors.headFile()).mode & 0o777, 0o600);
    assert.deepEqual(await a.log.verify(), { ok: true, count: 1001, head: await a.log.head(), anchors: 2 });
    await tamperAuditSql(each.db.ds, 'DELETE FROM audit_log WHERE seq = 1001');
    assert.deepEqual(await a.log.verify(), {
      ok: false,
      count: 1000,
      brokenAtSeq: 1001,
      reason: 'truncated',
      anchors: 2,
    });
  });

  it('reports a head file naming a sequence number with another hash', async () => {
    const a = instance('a');
    await change(a.log, 'HD-2026-000001');
    await change(a.log, 'HD-2026-000002');
    await afterDelay(a);
    const file = a.anchors.headFile();
    const original = fs.readFileSync(file, 'utf8');
    const { hash } = jsonLines(file)[0];
    // Another hash without the key: the line's HMAC no longer matches.
    fs.writeFileSync(file, original.replace(hash, 'f'.repeat(64)));
    assert.deepEqual(await a.log.verify(), { ok: false, count: 0, brokenAtSeq: 2, reason: 'anchor_file', anchors: 0 });
    // With the key, a consistent line for another hash: the row at that sequence number does not match it.
    fs.writeFileSync(file, original);
    new AuditAnchorFile(shared, TEST_AUDIT_KEY, { instance: 'a' }).writeHead({
      type: 'anchor',
      seq: 2,
      hash: 'f'.repeat(64),
      source: 'write',
      at: clock.now().toISOString(),
      db: await a.log.identity(),
    });
    assert.deepEqual(await a.log.verify(), { ok: false, count: 1, brokenAtSeq: 2, reason: 'anchor', anchors: 1 });
    // The altered file is evidence: the next checkpoint refuses to overwrite it and logs why.
    fs.writeFileSync(file, original.replace(hash, 'f'.repeat(64)));
    await change(a.log, 'HD-2026-000003');
    await afterDelay(a);
    assert.deepEqual(
      a.logger.lines.map((l) => [l.msg, String(l.fields?.error)]),
      [['audit checkpoint after a write failed', `audit head file ${file} has an altered line 1`]],
    );
    assert.equal(fs.readFileSync(file, 'utf8'), original.replace(hash, 'f'.repeat(64)));
  });

  it('a head checkpointed before a declared restore raises no alarm after it', async () => {
    const a = instance('a');
    await a.log.anchor('start');
    await change(a.log, 'HD-2026-000001');
    await change(a.log, 'HD-2026-000002');
    await afterDelay(a);
    // The database is put back to seq 1 on purpose (as `kotae restore` does), and declared so later.
    await tamperAuditSql(each.db.ds, 'DELETE FROM audit_log WHERE seq = 2');
    clock.advanceMinutes(5);
    await a.log.anchor('restore', 'restore');
    assert.deepEqual(await a.log.verify(), { ok: true, count: 1, head: await a.log.head(), anchors: 2 });
    // Writes after the restore are covered again, in the same head file.
    await change(a.log, 'HD-2026-000003');
    await afterDelay(a);
    assert.deepEqual(
      jsonLines(a.anchors.headFile()).map((l) => l.seq),
      [2],
    );
    assert.deepEqual(await a.log.verify(), { ok: true, count: 2, head: await a.log.head(), anchors: 3 });
  });

  it("keeps the head file's lines of the other databases its instance serves", async () => {
    const a = instance('a');
    const other = {
      type: 'anchor' as const,
      seq: 7,
      hash: 'e'.repeat(64),
      source: 'write',
      at: '2026-05-01T00:00:00.000Z',
    };
    a.anchors.writeHead({ ...other, db: 'sqlite:/srv/drill/kotae.sqlite' });
    await change(a.log, 'HD-2026-000001');
    await afterDelay(a);
    assert.deepEqual(
      jsonLines(a.anchors.headFile()).map((l) => l.seq),
      [7, 1],
    );
    assert.deepEqual(await a.log.verify(), { ok: true, count: 1, head: await a.log.head(), anchors: 1 });
  });
});
