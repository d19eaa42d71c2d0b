/**
 * Tables of the background work: job runs and leases, generated reports, index generations,
 * operational alerts, the notification outbox and settings, and synced SharePoint libraries.
 * Part of ALL_TABLES (tables.ts); change a table only together with a new migration in db/migrations.
 */
import type { TableSpec } from './table-spec';
import { date, id, int, long, optDate, optLong, short } from './columns';

/** Runs of scheduled jobs (ingest, backup, retention, reports). */
export const jobRun: TableSpec = {
  name: 'job_run',
  columns: {
    id,
    job: short(64),
    startedAt: date,
    finishedAt: optDate,
    status: short(16),
    attempt: int,
    error: optLong,
    detail: optLong,
  },
  indices: [{ columns: ['job', 'startedAt'] }],
};

/** Which instance runs a scheduled job until when (several instances on one database). */
export const jobLease: TableSpec = {
  name: 'job_lease',
  columns: { name: { kind: 'short', length: 64, primary: true }, holder: short(200), expiresAt: date },
};

/** Generated reports and their editable 課題・対策 text. */
export const report: TableSpec = {
  name: 'report',
  columns: {
    id,
    kind: short(16),
    period: short(16),
    status: short(16),
    generatedAt: date,
    issuesText: optLong,
    files: long,
    summary: long,
    version: int,
  },
  indices: [{ columns: ['kind', 'period'], unique: true }],
};

/**
 * How far the scheduled delivery of a report generation got, per channel (e-mail, Teams): sent, audited,
 * attempts (scheduled, and an administrator's 再送 apart) and the last error, shared by the instances so any
 * of them finishes a delivery.
 */
export const reportDelivery: TableSpec = {
  name: 'report_delivery',
  columns: {
    id,
    kind: short(16),
    period: short(16),
    generatedAt: date,
    channel: short(16),
    attempts: int,
    manualAttempts: { kind: 'int', default: 0 },
    sentAt: optDate,
    auditedAt: optDate,
    detail: optLong,
    lastError: optLong,
  },
  indices: [{ columns: ['kind', 'period', 'generatedAt', 'channel'], unique: true }],
};

/** How many times a shared resource (the knowledge index) was rebuilt; instances poll it. */
export const indexGeneration: TableSpec = {
  name: 'index_generation',
  columns: { name: { kind: 'short', length: 64, primary: true }, generation: int, updatedAt: date },
};

/** Operational alerts (issue 11): the open incident of each condition, shared by the instances. */
export const alertState: TableSpec = {
  name: 'alert_state',
  columns: {
    name: { kind: 'short', length: 64, primary: true },
    since: optDate,
    detail: optLong,
    notifiedAt: optDate,
    updatedAt: date,
  },
};

/**
 * Repeats of an alert (KOTAE_ALERT_REPEAT_MINUTES): per event and alert key, when it was last sent, how
 * many were held back since, and the count of the window that just ended (read by the one that sent).
 */
export const alertRepeat: TableSpec = {
  name: 'alert_repeat',
  columns: {
    id: { kind: 'short', length: 250, primary: true },
    event: short(32),
    sentAt: date,
    lastKey: short(400),
    lastHeld: int,
    held: int,
    released: int,
  },
};

/** Notifications to operators (issue 14): an outbox retried until sent or failed for good. */
export const notification: TableSpec = {
  name: 'notification',
  columns: {
    id,
    event: short(32),
    channel: short(16),
    recipient: short(400),
    subject: short(400),
    body: long,
    link: short(400, true),
    dedupeKey: short(200),
    status: short(16),
    attempts: int,
    nextAttemptAt: date,
    lastError: optLong,
    createdAt: date,
    sentAt: optDate,
  },
  indices: [{ columns: ['dedupeKey'], unique: true }, { columns: ['status', 'nextAttemptAt'] }],
};

/** Each operator's notification choices (e-mail address, events per channel). */
export const notificationSetting: TableSpec = {
  name: 'notification_setting',
  columns: {
    username: { kind: 'short', length: 100, primary: true },
    email: short(400, true),
    choices: long,
    updatedAt: date,
  },
};

/** A synced SharePoint library: its drive, the saved delta link and the last sync's result (JSON). */
export const sharepointDrive: TableSpec = {
  name: 'sharepoint_drive',
  columns: {
    libraryKey: { kind: 'short', length: 400, primary: true },
    driveId: short(200, true),
    deltaLink: optLong,
    syncedAt: optDate,
    result: optLong,
  },
};
