import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import type { SqlAuditLog } from '../../../db/repositories/sql-audit-log';
import { AuditAnchorFile, KEY_CREATED_SOURCE } from '../../../db/audit/anchor-file';
import { AUDIT_GENESIS_HASH, auditMac, legacyAuditHash } from '../../../db/audit/audit-chain';
import type { AuditLogRow } from '../../../db';
import { describeEachDb } from '../../helpers/databases';
import { tamperAuditSql, tamperAuditTables, TEST_AUDIT_KEY, testAuditLog } from '../../helpers/audit';
import { tempDir } from '../../helpers/temp-dir';

describeEachDb('SqlAuditLog: HMAC chain, anchors and tamper detection', (each) => {
  let db: typeof each.db;
  let log: SqlAuditLog;
  let anchors: AuditAnchorFile;
  let cleanup: () => void;
  const rows = () => db.ds.getRepository<AuditLogRow>('audit_log');

  beforeEach(async () => {
    db = each.db;
    await db.reset();
    const tmp = tempDir('kotae-anchor-');
    cleanup = tmp.cleanup;
    anchors = new AuditAnchorFile(path.join(tmp.dir, 'audit-anchors.jsonl'), TEST_AUDIT_KEY);
    log = testAuditLog(db.ds, undefined, anchors);
    await log.anchor(KEY_CREATED_SOURCE);
    await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        log.record({ actor: 'op1', action: 'ticket.update', target: `HD-2026-00000${i}`, detail: { i } }),
      ),
    );
    await log.anchor('daily');
  });
  afterEach(() => cleanup());

  it('appends concurrent entries in one unbroken keyed chain, anchored at its head', async () => {
    const verdict = await log.verify();
    assert.equal(verdict.ok, true);
    assert.equal(verdict.count, 5);
    const recent = await log.recent(5);
    assert.deepEqual(
      recent.map((r) => r.seq),
      [5, 4, 3, 2, 1],
    );
    assert.equal(recent[0].prevHash, recent[1].hash);
    assert.deepEqual(verdict.ok && verdict.head, { seq: 5, hash: recent[0].hash });
    assert.equal((await rows().findOneByOrFail({ seq: 1 })).alg, 'hmac-sha256');
    assert.equal(fs.statSync(anchors.file).mode & 0o777, 0o600);
  });

  it('detects an edited row at its sequence number', async () => {
    await tamperAuditSql(db.ds, `UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3`);
    assert.deepEqual(await log.verify(), { ok: false, count: 2, brokenAtSeq: 3, reason: 'mac', anchors: 2 });
  });

  it('detects a row re-hashed without the key (another key, and plain SHA-256)', async () => {
    const row = await rows().findOneByOrFail({ seq: 3 });
    const forged = { ...row, actor: 'x' };
    const update = (values: Partial<AuditLogRow>) =>
      tamperAuditTables(db.ds, (em) => em.getRepository<AuditLogRow>('audit_log').update({ seq: 3 }, values));
    await update({ actor: 'x', hash: auditMac(Buffer.alloc(32, 1), row.prevHash, forged) });
    assert.deepEqual(await log.verify(), { ok: false, count: 2, brokenAtSeq: 3, reason: 'mac', anchors: 2 });
    await update({ alg: null, hash: legacyAuditHash(row.prevHash, forged) });
    assert.deepEqual(await log.verify(), { ok: false, count: 2, brokenAtSeq: 3, reason: 'legacy', anchors: 2 });
  });

  it('detects the whole chain re-hashed with plain SHA-256 (no key)', async () => {
    let prev = AUDIT_GENESIS_HASH;
    await tamperAuditTables(db.ds, async (em) => {
      for (const row of await em.getRepository<AuditLogRow>('audit_log').find({ order: { seq: 'ASC' } })) {
        const hash = legacyAuditHash(prev, row);
        await em.getRepository<AuditLogRow>('audit_log').update({ seq: row.seq }, { prevHash: prev, hash, alg: null });
        prev = hash;
      }
    });
    assert.deepEqual(await log.verify(), { ok: false, count: 0, brokenAtSeq: 1, reason: 'legacy', anchors: 2 });
  });

  it('detects a forged row appended at the end', async () => {
    const head = await log.head();
    await rows().insert({
      id: '00000000-0000-4000-8000-000000000006',
      seq: 6,
      at: new Date('2026-04-01T00:00:00Z'),
      actor: 'intruder',
      action: 'ticket.update',
      target: null,
      detail: null,
      prevHash: head.hash,
      hash: createHmac('sha256', 'guess').update('x').digest('hex'),
      alg: 'hmac-sha256',
    });
    assert.deepEqual(await log.verify(), { ok: false, count: 5, brokenAtSeq: 6, reason: 'mac', anchors: 2 });
  });

  it('detects a deleted row and a renumbered row as a gap', async () => {
    await tamperAuditSql(db.ds, `DELETE FROM audit_log WHERE seq = 2`);
    assert.deepEqual(await log.verify(), { ok: false, count: 1, brokenAtSeq: 2, reason: 'gap', anchors: 2 });
  });

  it('detects a sequence number moved up (gap before the last row)', async () => {
    await tamperAuditSql(db.ds, `UPDATE audit_log SET seq = 7 WHERE seq = 5`);
    assert.deepEqual(await log.verify(), { ok: false, count: 4, brokenAtSeq: 5, reason: 'gap', anchors: 2 });
  });

  it('detects truncation of the newest rows below the last anchor', async () => {
    await tamperAuditSql(db.ds, `DELETE FROM audit_log WHERE seq >= 4`);
    assert.deepEqual(await log.verify(), { ok: false, count: 3, brokenAtSeq: 4, reason: 'truncated', anchors: 2 });
  });

  it('detects the deletion of every row', async () => {
    await tamperAuditSql(db.ds, `DELETE FROM audit_log`);
    assert.deepEqual(await log.verify(), { ok: false, count: 0, brokenAtSeq: 1, reason: 'truncated', anchors: 2 });
  });

  it('detects an edited anchor line (its HMAC no longer matches)', async () => {
    const lines = fs.readFileSync(anchors.file, 'utf8').trim().split('\n');
    const edited = JSON.parse(lines[1]) as { seq: number };
    lines[1] = JSON.stringify({ ...edited, seq: 3 });
    fs.writeFileSync(anchors.file, `${lines.join('\n')}\n`);
    await tamperAuditSql(db.ds, `DELETE FROM audit_log WHERE seq >= 4`);
    const verdict = await log.verify();
    assert.deepEqual(verdict, { ok: false, count: 0, brokenAtSeq: 3, reason: 'anchor_file', anchors: 1 });
  });

  it('accepts a declared restore to an older head and continues the chain after it', async () => {
    await tamperAuditSql(db.ds, `DELETE FROM audit_log WHERE seq >= 4`);
    await log.anchor('restore', 'restore');
    await log.record({ actor: 'system', action: 'backup.restore' });
    await log.anchor('daily');
    const verdict = await log.verify();
    assert.equal(verdict.ok, true);
    assert.equal(verdict.count, 4);
  });

  it('accepts unkeyed rows only below the key_created checkpoint (an upgraded log)', async () => {
    await db.reset();
    fs.rmSync(anchors.file);
    let prev = AUDIT_GENESIS_HASH;
    for (const seq of [1, 2]) {
      const fields = {
        seq,
        at: new Date(`2026-01-0${seq}T00:00:00Z`),
        actor: 'op',
        action: 'a',
        target: null,
        detail: null,
      };
      const hash = legacyAuditHash(prev, fields);
      await rows().insert({
        id: `00000000-0000-4000-8000-00000000000${seq}`,
        ...fields,
        prevHash: prev,
        hash,
        alg: null,
      });
      prev = hash;
    }
    await log.anchor(KEY_CREATED_SOURCE);
    await log.record({ actor: 'system', action: 'audit.key_created' });
    const verdict = await log.verify();
    assert.equal(verdict.ok, true);
    assert.equal(verdict.count, 3);
  });

  it('writes the entry and the change together, or neither', async () => {
    await db.reset();
    const before = (await log.head()).seq;
    await assert.rejects(
      log.atomically(
        async () => {
          await db.ds.query(
            `INSERT INTO index_generation ("name", "generation", "updatedAt") VALUES ('t', 1, '2026-01-01')`,
          );
          throw new Error('change failed');
        },
        () => ({ actor: 'op', action: 'x' }),
      ),
      /change failed/,
    );
    assert.equal((await log.head()).seq, before);
    const result = await log.atomically(
      async () => 42,
      (n) => ({ actor: 'op', action: 'x', detail: { n } }),
    );
    assert.equal(result, 42);
    assert.equal((await log.head()).seq, before + 1);
  });
});
