/**
 * The audit tamper cases of `npm run bench:abuse` (issue 11): each case builds a fresh SQLite audit
 * log of 10 entries with an anchor file, checkpoints it, tampers with it the way an attacker
 * without the key (but owning the database, past its append-only triggers) would, and checks that
 * verification fails at the expected first sequence number.
 */
import path from 'node:path';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { AuditAnchorFile, KEY_CREATED_SOURCE } from '../db/audit/anchor-file';
import { AUDIT_GENESIS_HASH, legacyAuditHash } from '../db/audit/audit-chain';
import type { AuditLogRow } from '../db';
import { tamperAuditTables, testAuditLog, TEST_AUDIT_KEY } from '../test/helpers/audit';
import { tempSqlite } from '../test/helpers/sqlite';
import type { DataSource } from 'typeorm';

type Tamper = (ds: DataSource, anchorFile: string) => Promise<void>;

const CASES: Array<[string, number, Tamper]> = [
  ['edit a row (actor)', 4, (ds) => ds.query(`UPDATE audit_log SET actor = 'x' WHERE seq = 4`)],
  ['edit a row (detail)', 7, (ds) => ds.query(`UPDATE audit_log SET detail = '{"i":0}' WHERE seq = 7`)],
  ['delete a middle row', 5, (ds) => ds.query(`DELETE FROM audit_log WHERE seq = 5`)],
  ['truncate the newest 3 rows', 8, (ds) => ds.query(`DELETE FROM audit_log WHERE seq >= 8`)],
  ['delete every row', 1, (ds) => ds.query(`DELETE FROM audit_log`)],
  ['renumber the last row (gap)', 10, (ds) => ds.query(`UPDATE audit_log SET seq = 12 WHERE seq = 10`)],
  [
    're-hash the whole chain without the key (plain SHA-256)',
    1,
    async (ds) => {
      const repo = ds.getRepository<AuditLogRow>('audit_log');
      let prev = AUDIT_GENESIS_HASH;
      for (const row of await repo.find({ order: { seq: 'ASC' } })) {
        const hash = legacyAuditHash(prev, { ...row, actor: row.seq === 3 ? 'x' : row.actor });
        await repo.update(
          { seq: row.seq },
          { actor: row.seq === 3 ? 'x' : row.actor, prevHash: prev, hash, alg: null },
        );
        prev = hash;
      }
    },
  ],
  [
    'forge a row with a guessed HMAC',
    11,
    async (ds) => {
      const repo = ds.getRepository<AuditLogRow>('audit_log');
      const head = await repo.findOneByOrFail({ seq: 10 });
      await repo.insert({
        ...head,
        id: '00000000-0000-4000-8000-0000000000ff',
        seq: 11,
        actor: 'intruder',
        prevHash: head.hash,
        hash: createHmac('sha256', 'guess').update('11').digest('hex'),
      });
    },
  ],
  [
    'lower the checkpoint in the anchor file, then truncate',
    7,
    async (ds, anchorFile) => {
      const lines = fs.readFileSync(anchorFile, 'utf8').trim().split('\n');
      lines[lines.length - 1] = lines[lines.length - 1].replace('"seq":10', '"seq":6');
      fs.writeFileSync(anchorFile, `${lines.join('\n')}\n`);
      await ds.query(`DELETE FROM audit_log WHERE seq >= 7`);
    },
  ],
  [
    'cut the last checkpoint from the anchor file, then truncate',
    10,
    async (ds, anchorFile) => {
      const lines = fs.readFileSync(anchorFile, 'utf8').trim().split('\n');
      fs.writeFileSync(anchorFile, `${lines.slice(0, -1).join('\n')}\n`);
      await ds.query(`DELETE FROM audit_log WHERE seq >= 7`);
    },
  ],
];

/** Runs every case; returns one line per case with whether it was detected at the expected sequence. */
export async function runAuditTamperCases(): Promise<{ case: string; detected: boolean; firstBadSeq?: number }[]> {
  const results = [];
  for (const [name, expectedSeq, tamper] of CASES) {
    const db = await tempSqlite();
    try {
      const anchorFile = path.join(db.dir, 'audit-anchors.jsonl');
      const log = testAuditLog(db.ds, undefined, new AuditAnchorFile(anchorFile, TEST_AUDIT_KEY));
      await log.anchor(KEY_CREATED_SOURCE);
      for (let i = 1; i <= 10; i += 1) await log.record({ actor: 'op', action: 'ticket.update', detail: { i } });
      await log.anchor('daily');
      // As the owner of the file: the append-only triggers are lifted for the tampering.
      await tamperAuditTables(db.ds, () => tamper(db.ds, anchorFile));
      const verdict = await log.verify();
      const firstBadSeq = verdict.ok ? undefined : verdict.brokenAtSeq;
      results.push({
        case: name,
        detected: !verdict.ok && (firstBadSeq === expectedSeq || verdict.reason === 'anchor_file'),
        firstBadSeq,
      });
    } finally {
      await db.close();
    }
  }
  return results;
}
