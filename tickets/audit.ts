/** The audit trail port: who did what, tamper-evident in its SQL implementation. */

/** One audited action (English action names, e.g. `auth.sign_in`, `ticket.update`). */
export interface AuditEntry {
  actor: string;
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
}

/** A stored audit row with its hash chain. */
export interface AuditRecord extends AuditEntry {
  seq: number;
  at: Date;
  prevHash: string;
  hash: string;
}

/** Result of checking the hash chain. */
export type AuditVerification = { ok: true; count: number } | { ok: false; count: number; brokenAtSeq: number };

/** Appends audit entries. */
export interface AuditTrail {
  record(entry: AuditEntry): Promise<void>;
}
