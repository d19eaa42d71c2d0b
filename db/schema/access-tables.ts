/**
 * Tables of who may do what and what was done: operator accounts, console and web-chat sessions,
 * rate-limit counters, the tamper-evident audit log and the deletion certificates of retention runs.
 * Part of ALL_TABLES (tables.ts); change a table only together with a new migration in db/migrations.
 */
import type { TableSpec } from './table-spec';
import { date, id, int, long, optDate, optLong, ref, short } from './columns';

/** Operator accounts of the console. */
export const operator: TableSpec = {
  name: 'operator',
  columns: {
    id,
    username: short(100),
    displayName: short(200),
    role: short(16),
    passwordHash: short(400),
    failedAttempts: int,
    lockedUntil: optDate,
    disabled: { kind: 'bool' },
    createdAt: date,
  },
  indices: [{ columns: ['username'], unique: true }],
};

/** Console sessions; id is the SHA-256 of the session token. */
export const session: TableSpec = {
  name: 'session',
  columns: {
    id: { kind: 'short', length: 128, primary: true },
    operatorId: ref,
    csrfToken: short(128),
    createdAt: date,
    expiresAt: date,
    lastSeenAt: date,
    // Single logout (single sign-on sessions only): SHA-256 of the provider's `sid`; the sealed ID token.
    ssoSid: short(64, true),
    ssoHint: optLong,
    // Role re-check against the directory (single sign-on only): the sealed refresh token; when the next check is due.
    ssoRefresh: optLong,
    ssoCheckAt: optDate,
  },
  indices: [{ columns: ['operatorId'] }, { columns: ['ssoSid'] }],
};

/** Web chat sign-ins through Entra ID: `id` is the SHA-256 of the cookie token; the directory identity. */
export const webSession: TableSpec = {
  name: 'web_session',
  columns: {
    id: { kind: 'short', length: 64, primary: true },
    subject: short(200),
    name: short(200, true),
    department: short(200, true),
    email: short(320, true),
    createdAt: date,
    expiresAt: date,
    ssoSid: short(64, true),
    ssoHint: optLong,
    ssoRefresh: optLong,
    ssoCheckAt: optDate,
  },
  indices: [{ columns: ['expiresAt'] }, { columns: ['ssoSid'] }],
};

/** Fixed-window request counters shared by every instance (`key` names the limit, the caller and the window). */
export const rateLimit: TableSpec = {
  name: 'rate_limit',
  columns: { key: { kind: 'short', length: 200, primary: true }, hits: int, expiresAt: date },
  indices: [{ columns: ['expiresAt'] }],
};

/** Tamper-evident audit log: each row's hash covers the previous row's hash. */
export const auditLog: TableSpec = {
  name: 'audit_log',
  columns: {
    id,
    seq: int,
    at: date,
    actor: short(100),
    action: short(100),
    target: short(200, true),
    detail: optLong,
    prevHash: short(64),
    hash: short(64),
    // Issue 11 (audit): 'hmac-sha256' for keyed rows; null for rows chained with plain SHA-256 before.
    alg: short(16, true),
  },
  indices: [{ columns: ['seq'], unique: true }],
};

/**
 * Every audit checkpoint this database recorded (session 31), beside its line in the anchor file:
 * `lineMac` is that line's HMAC, so a checkpoint whose line is gone from the file (its tail cut) is
 * found. `db` is the database identity the line names (a restored copy keeps its source's rows).
 */
export const auditCheckpoint: TableSpec = {
  name: 'audit_checkpoint',
  columns: {
    lineMac: { kind: 'short', length: 64, primary: true },
    db: short(300),
    type: short(16),
    source: short(40),
    seq: int,
    hash: short(64),
    at: date,
    file: short(300),
  },
};

/** One certificate per retention run (消去証明): what was deleted, from where, how, by whom and when. */
export const deletionCertificate: TableSpec = {
  name: 'deletion_certificate',
  columns: {
    id,
    createdAt: date,
    performedBy: short(100),
    medium: short(200),
    method: long,
    /** JSON: [{ item, table, count }] */
    items: long,
    /** JSON: cutoffs and settings of the run. */
    settings: long,
    total: int,
    /** JSON: what remains where until when (DeletionResidue); NULL on certificates before session 31. */
    residue: optLong,
  },
  indices: [{ columns: ['createdAt'] }],
};
