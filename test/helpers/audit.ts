/** A fixed audit key for tests (never a real one), an audit log on it, and tampering as an intruder would. */
import type { DataSource, EntityManager } from 'typeorm';
import { SqlAuditLog } from '../../db/repositories/sql-audit-log';
import type { AuditAnchorFile } from '../../db/audit/anchor-file';

/** 32 bytes of test key. */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 7);

/** An SqlAuditLog keyed with TEST_AUDIT_KEY. */
export function testAuditLog(ds: DataSource, now?: () => Date, anchors?: AuditAnchorFile): SqlAuditLog {
  return new SqlAuditLog(ds, { key: TEST_AUDIT_KEY, now, anchors });
}

const GUARDED = ['audit_log', 'audit_checkpoint'];

/**
 * Runs `work` with the append-only triggers of audit_log and audit_checkpoint lifted, in one
 * transaction — what someone owning the tables (or the SQLite file) can do; the triggers stop the
 * application role's UPDATE and DELETE, not the owner. Outside `work` they stay in force.
 */
export async function tamperAuditTables<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const type = ds.options.type;
  return ds.transaction(async (em) => {
    if (type === 'better-sqlite3') {
      const triggers = (await em.query(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'audit_checkpoint')`,
      )) as { name: string; sql: string }[];
      for (const t of triggers) await em.query(`DROP TRIGGER "${t.name}"`);
      const result = await work(em);
      for (const t of triggers) await em.query(t.sql);
      return result;
    }
    for (const table of GUARDED)
      await em.query(`ALTER TABLE "${table}" DISABLE TRIGGER ${type === 'postgres' ? 'USER' : 'ALL'}`);
    const result = await work(em);
    for (const table of GUARDED)
      await em.query(`ALTER TABLE "${table}" ENABLE TRIGGER ${type === 'postgres' ? 'USER' : 'ALL'}`);
    return result;
  });
}

/** One statement run past the append-only guard (see tamperAuditTables). */
export function tamperAuditSql(ds: DataSource, sql: string): Promise<unknown> {
  return tamperAuditTables(ds, (em) => em.query(sql));
}
