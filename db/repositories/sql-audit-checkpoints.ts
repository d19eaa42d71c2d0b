/**
 * The database side of the audit checkpoints (issue 11, session 31): every checkpoint is recorded in
 * `audit_checkpoint` beside its anchor line (with the line's HMAC), so a line cut from the anchor file
 * is noticed while the database still holds its row; and the one deletion the append-only guard of
 * audit_log lets through (retention of the oldest rows), declared inside its own transaction.
 */
import type { EntityManager } from 'typeorm';
import type { AuditCheckpointRow } from '../schema';
import { isUniqueViolation } from './atomic-sql';

/** The session setting / permit the append-only triggers read (migration 1765610000000). */
const PRUNE_SETTING = 'kotae.audit_prune_through';

/** Runs `work` (deleting audit rows up to `throughSeq`) with the append-only guard told so; `em` is in a transaction. */
export async function withAuditPrune<T>(em: EntityManager, throughSeq: number, work: () => Promise<T>): Promise<T> {
  const type = em.connection.options.type;
  if (type === 'postgres') {
    // Local to the transaction: gone at its end, whatever happens.
    await em.query('SELECT set_config($1, $2, true)', [PRUNE_SETTING, String(throughSeq)]);
    return work();
  }
  if (type === 'mssql') {
    await em.query('EXEC sp_set_session_context @key = @0, @value = @1', [PRUNE_SETTING, String(throughSeq)]);
    try {
      return await work();
    } finally {
      await em.query('EXEC sp_set_session_context @key = @0, @value = NULL', [PRUNE_SETTING]);
    }
  }
  await em.query('INSERT INTO "audit_prune_permit" ("throughSeq") VALUES (?)', [throughSeq]);
  try {
    return await work();
  } finally {
    await em.query('DELETE FROM "audit_prune_permit"');
  }
}

/** Stores one checkpoint row (in the caller's manager, outside a transaction); the same line twice is stored once. */
export async function addCheckpointRow(em: EntityManager, row: AuditCheckpointRow): Promise<void> {
  try {
    await em.getRepository<AuditCheckpointRow>('audit_checkpoint').insert(row);
  } catch (err) {
    // An identical line (same head, time, instance and database) has the same HMAC: already recorded.
    if (!isUniqueViolation(err)) throw err;
  }
}

/** The newest checkpoint of database `db`, if any. */
export async function lastCheckpointOf(em: EntityManager, db: string): Promise<AuditCheckpointRow | undefined> {
  const rows = await em
    .getRepository<AuditCheckpointRow>('audit_checkpoint')
    .find({ where: { db }, order: { at: 'DESC', seq: 'DESC' }, take: 1 });
  return rows[0];
}

/**
 * The first checkpoint (lowest sequence number) recorded in the database whose anchor line is not
 * among `macs`, of those appended to one of the anchor `files` read (another instance's own file, not
 * read here, is that instance's to check); checkpoints older than `acceptedBefore` (the copy a restore
 * verified) are not asked for.
 */
export async function checkpointWithoutLine(
  em: EntityManager,
  macs: ReadonlySet<string>,
  files: ReadonlySet<string>,
  acceptedBefore?: Date,
): Promise<AuditCheckpointRow | undefined> {
  const rows = await em
    .getRepository<AuditCheckpointRow>('audit_checkpoint')
    .find({ order: { seq: 'ASC', at: 'ASC' } });
  return rows.find(
    (r) => files.has(r.file) && !macs.has(r.lineMac) && (!acceptedBefore || r.at.getTime() >= acceptedBefore.getTime()),
  );
}
