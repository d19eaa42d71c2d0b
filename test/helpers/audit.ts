/** A fixed audit key for tests (never a real one) and an audit log on it without an anchor file. */
import type { DataSource } from 'typeorm';
import { SqlAuditLog } from '../../db/repositories/sql-audit-log';
import type { AuditAnchorFile } from '../../db/audit/anchor-file';

/** 32 bytes of test key. */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 7);

/** An SqlAuditLog keyed with TEST_AUDIT_KEY. */
export function testAuditLog(ds: DataSource, now?: () => Date, anchors?: AuditAnchorFile): SqlAuditLog {
  return new SqlAuditLog(ds, { key: TEST_AUDIT_KEY, now, anchors });
}
