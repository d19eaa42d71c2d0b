/** The db/audit folder's public entry. */
export { AUDIT_GENESIS_HASH, AUDIT_HMAC_ALG, auditMac, type ChainRow, ChainVerifier } from './audit-chain';
export { AuditAnchorFile, KEY_CREATED_SOURCE } from './anchor-file';
export { loadAuditKey } from './audit-key';
export { type AnchorReading } from './anchor-file';
export { verifyCopyChain } from './copy-chain';
export { anchorsFor, mergeLines, type AnchorLine } from './anchor-lines';
export { databaseIdentity, postgresIdentity, sqliteIdentity } from './database-identity';
