/** The audit trail port lives in core/ (bot/ audits too); re-exported for the ticket services. */
export type { AuditBreak, AuditEntry, AuditHead, AuditRecord, AuditTrail, AuditVerification } from '../core';
