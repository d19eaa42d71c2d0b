/**
 * The audit log of the app (issue 11): loads (or, at first start, creates) the HMAC key, opens the
 * anchor file and checkpoints the chain head at start.
 */
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import type { Clock } from '../core';
import type { Logger } from '../core';
import { loadAuditKey } from '../db';
import { AuditAnchorFile, KEY_CREATED_SOURCE } from '../db';
import { SqlAuditLog } from '../db';
import { loadBackupKey } from '../jobs';
import type { KotaeConfig } from './config';

/** Opens the audit log on `ds`; `create` makes the key file when it is missing (the server's first start). */
export function openAuditLog(
  config: Readonly<Pick<KotaeConfig, 'integrity'>>,
  ds: DataSource,
  deps: { clock: Clock; logger: Logger; create: boolean; instance?: string },
): { audit: SqlAuditLog; keyCreated: boolean } {
  const { key, created, narrowed } = loadAuditKey(config.integrity.auditKeyFile, { create: deps.create });
  if (narrowed)
    deps.logger.warn('audit key file was readable by others; mode set to 0600', {
      file: config.integrity.auditKeyFile,
    });
  const audit = new SqlAuditLog(ds, {
    key,
    anchors: anchorFileOf(config, key, deps.instance),
    now: () => deps.clock.now(),
    logger: deps.logger,
  });
  return { audit, keyCreated: created };
}

/**
 * The anchor file this process appends to (lines named after `instance`, default `cli@<host>`), reading
 * the other instances' files too when they keep their own (KOTAE_AUDIT_ANCHOR_OTHER_FILES).
 */
export function anchorFileOf(
  config: Readonly<Pick<KotaeConfig, 'integrity'>>,
  key: Buffer,
  instance = `cli@${hostname()}`,
): AuditAnchorFile {
  return new AuditAnchorFile(config.integrity.auditAnchorFile, key, {
    instance,
    others: config.integrity.auditAnchorOtherFiles,
  });
}

/** The server's audit log: a new key is recorded as the first keyed row, and the head is checkpointed. */
export async function wireAudit(
  config: Readonly<KotaeConfig>,
  ds: DataSource,
  clock: Clock,
  logger: Logger,
  instance?: string,
): Promise<SqlAuditLog> {
  const { audit, keyCreated } = openAuditLog(config, ds, { clock, logger, create: true, instance });
  if (!(await audit.headMatchesKey())) {
    logger.error(
      'the audit log was written with another key: copy the audit key file of the other instances to KOTAE_AUDIT_KEY_FILE on this one',
      { file: config.integrity.auditKeyFile },
    );
  }
  await sealNewKey(audit, keyCreated, logger);
  await audit.anchor('start');
  return audit;
}

/** After a key was created: checkpoints the unkeyed rows before it and records the creation. */
export async function sealNewKey(audit: SqlAuditLog, keyCreated: boolean, logger: Logger): Promise<void> {
  if (keyCreated) {
    const before = await audit.head();
    if (before.seq > 0) logger.warn('audit key created for an existing audit log', { rowsBefore: before.seq });
    // Checkpoints the unkeyed rows: none may be added (or re-hashed) above this head later.
    await audit.anchor(KEY_CREATED_SOURCE);
    await audit.record({ actor: 'system', action: 'audit.key_created', detail: { rowsBefore: before.seq } });
  }
}

/** The backup encryption key when KOTAE_BACKUP_KEY_FILE is set (created 0600 when missing). */
export function backupKeyOf(config: Readonly<Pick<KotaeConfig, 'integrity'>>): Buffer | undefined {
  const file = config.integrity.backupKeyFile;
  return file ? loadBackupKey(file, { create: true }) : undefined;
}
