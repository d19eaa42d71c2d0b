/**
 * Audit checkpoints with several instances (issue 11): one shared anchor file written by two instances
 * at once stays whole (lock, one line each, instance named and covered by the HMAC); per-instance
 * files are read together in time order, so one instance's verification sees the others' checkpoints
 * (a truncation below them is detected) and a restore declared on one releases them on all.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AuditAnchorFile, type AnchorLine } from '../../../db/audit/anchor-file';
import { tamperAuditSql, TEST_AUDIT_KEY, testAuditLog } from '../../helpers/audit';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';
import { tempDir } from '../../helpers/temp-dir';

const line = (seq: number, at: string, type: AnchorLine['type'] = 'anchor'): AnchorLine => ({
  type,
  seq,
  hash: String(seq).repeat(64).slice(0, 64),
  source: 'test',
  at,
});

describe('AuditAnchorFile with several instances', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('kotae-anchors-');
  });
  afterEach(() => tmp.cleanup());

  it('keeps every line of two instances appending to one shared file at once, each naming its instance', async () => {
    const file = path.join(tmp.dir, 'shared', 'audit-anchors.jsonl');
    const a = new AuditAnchorFile(file, TEST_AUDIT_KEY, { instance: 'host-a-1' });
    const b = new AuditAnchorFile(file, TEST_AUDIT_KEY, { instance: 'host-b-2' });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).append(line(i + 1, `2026-06-01T00:00:${String(i).padStart(2, '0')}.000Z`)),
      ),
    );
    const reading = a.read();
    assert.equal(reading.badLine, undefined);
    assert.equal(reading.lines, 40);
    assert.equal(reading.anchors.length, 40);
    const written = fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { instance: string }).instance);
    assert.deepEqual(
      [written.filter((i) => i === 'host-a-1').length, written.filter((i) => i === 'host-b-2').length],
      [20, 20],
    );
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.existsSync(`${file}.lock`), false);
  });

  it('refuses a line whose instance was changed, naming the file and line; ignores an append still being written', async () => {
    const file = path.join(tmp.dir, 'audit-anchors.jsonl');
    const a = new AuditAnchorFile(file, TEST_AUDIT_KEY, { instance: 'host-a-1' });
    await a.append(line(1, '2026-06-01T00:00:00.000Z'));
    fs.appendFileSync(file, '{"type":"anchor","seq":');
    const reading = a.read();
    assert.deepEqual(
      [reading.anchors, reading.lines, reading.badLine],
      [[{ seq: 1, hash: line(1, '').hash }], 1, undefined],
    );
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('host-a-1', 'host-x-9'));
    assert.deepEqual(a.read().badLine, { line: 1, seq: 1, file });
  });

  it('reads lines written before instance ids (v1) as before', async () => {
    const file = path.join(tmp.dir, 'audit-anchors.jsonl');
    await new AuditAnchorFile(file, TEST_AUDIT_KEY).append(line(3, '2026-06-01T00:00:00.000Z'));
    const reading = new AuditAnchorFile(file, TEST_AUDIT_KEY, { instance: 'host-a-1' }).read();
    assert.deepEqual([reading.badLine, reading.anchors.map((x) => x.seq)], [undefined, [3]]);
  });

  it('merges per-instance files in time order: a restore on one instance releases the higher checkpoints of the other', async () => {
    const fileA = path.join(tmp.dir, 'a.jsonl');
    const fileB = path.join(tmp.dir, 'b.jsonl');
    const a = new AuditAnchorFile(fileA, TEST_AUDIT_KEY, { instance: 'a' });
    const b = new AuditAnchorFile(fileB, TEST_AUDIT_KEY, { instance: 'b', others: [fileA] });
    await a.append(line(10, '2026-06-01T01:00:00.000Z'));
    await b.append(line(12, '2026-06-01T02:00:00.000Z'));
    await b.append(line(5, '2026-06-01T03:00:00.000Z', 'restore'));
    await a.append(line(7, '2026-06-01T04:00:00.000Z'));
    assert.deepEqual(
      b.read().anchors.map((x) => x.seq),
      [5, 7],
    );
  });
});

describe('audit verification with a checkpoint written by another instance', () => {
  let db: TempSqlite;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    db = await tempSqlite();
    tmp = tempDir('kotae-anchors-');
  });
  afterEach(async () => {
    await db.close();
    tmp.cleanup();
  });

  it('detects the newest rows deleted below instance A’s checkpoint when instance B verifies', async () => {
    const fileA = path.join(tmp.dir, 'a.jsonl');
    const fileB = path.join(tmp.dir, 'b.jsonl');
    const onA = testAuditLog(db.ds, undefined, new AuditAnchorFile(fileA, TEST_AUDIT_KEY, { instance: 'a' }));
    const onB = testAuditLog(
      db.ds,
      undefined,
      new AuditAnchorFile(fileB, TEST_AUDIT_KEY, { instance: 'b', others: [fileA] }),
    );
    await onB.anchor('start');
    for (let i = 1; i <= 6; i++) await onA.record({ actor: 'op1', action: 'ticket.update', target: `T-${i}` });
    await onA.anchor('daily');
    assert.equal((await onB.verify()).ok, true);
    await tamperAuditSql(db.ds, 'DELETE FROM audit_log WHERE seq > 4');
    const verdict = await onB.verify();
    assert.equal(verdict.ok, false);
    assert.deepEqual(verdict.ok ? undefined : [verdict.reason, verdict.brokenAtSeq], ['truncated', 5]);
    // B alone (without A's file) would not have noticed — nor does it take A's checkpoint row, recorded for A's own
    // file, for a line cut from B's: one file per instance without the others listed raises no false alarm.
    const alone = testAuditLog(db.ds, undefined, new AuditAnchorFile(fileB, TEST_AUDIT_KEY, { instance: 'b' }));
    assert.equal((await alone.verify()).ok, true);
  });
});
