/**
 * The audit log's files (issue 11): the anchor file each process appends its checkpoints to (and the
 * server's head file beside it), the sealing of a newly created key, and the backup encryption key.
 * The audit log itself is opened by the composition root (app/kotae-parts.ts) for the server and every
 * command.
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Logger } from '../core';
import { AuditAnchorFile, KEY_CREATED_SOURCE } from '../db';
import type { SqlAuditLog } from '../db';
import { AuditWriteCheckpoint, loadBackupKey, type AuditCheckpointOutcomes } from '../jobs';
import type { KotaeConfig } from './config';

/**
 * The anchor file this process appends to (lines named after `instance`, default `cli@<host>`), reading
 * the other instances' files too when they keep their own (KOTAE_AUDIT_ANCHOR_OTHER_FILES). The server's
 * head file is named after the host and DATA_DIR (one server per DATA_DIR: its lock), not the instance
 * id, which changes at every start: a restart overwrites the same file.
 */
export function anchorFileOf(
  config: Readonly<Pick<KotaeConfig, 'integrity' | 'dataDir'>>,
  key: Buffer,
  instance = `cli@${hostname()}`,
): AuditAnchorFile {
  const dataDirTag = createHash('sha256').update(path.resolve(config.dataDir)).digest('hex').slice(0, 8);
  return new AuditAnchorFile(config.integrity.auditAnchorFile, key, {
    instance,
    others: config.integrity.auditAnchorOtherFiles,
    headSlot: `${hostname()}-${dataDirTag}`,
  });
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

/**
 * The server's checkpoint after audit writes: every commit that appended audit rows is followed,
 * KOTAE_AUDIT_CHECKPOINT_DELAY_MS later, by a checkpoint of the head (one for a burst) in the server's
 * head file (overwritten: no growth); undefined when the delay is 0. `stop` unsubscribes and writes a
 * checkpoint still due.
 */
export function followAuditWrites(
  audit: SqlAuditLog,
  config: Readonly<Pick<KotaeConfig, 'integrity'>>,
  logger: Logger,
  outcomes?: AuditCheckpointOutcomes,
): { stop(): Promise<void> } | undefined {
  const delayMs = config.integrity.auditCheckpointDelayMs;
  if (delayMs === 0) return undefined;
  const checkpoint = new AuditWriteCheckpoint({ audit, delayMs, logger, outcomes });
  const unsubscribe = audit.onCommitted(() => checkpoint.noteWrite());
  return {
    async stop() {
      unsubscribe();
      await checkpoint.stop();
    },
  };
}

/** What /healthz shows when the server started against an anchor file that has no checkpoint of its database. */
export interface AuditStartWarning {
  warning: 'no_checkpoint';
  rows: number;
  anchorFile: string;
  message: string;
}

/**
 * At the server's start: the anchor file has no checkpoint of this database although its audit log
 * holds rows — a new, emptied or wrong KOTAE_AUDIT_ANCHOR_FILE, so deletions before now cannot be
 * detected. Logged as a warning and returned for /healthz.
 */
export async function missingCheckpointWarning(
  audit: SqlAuditLog,
  config: Readonly<Pick<KotaeConfig, 'integrity'>>,
  logger: Logger,
): Promise<AuditStartWarning | undefined> {
  const head = await audit.head();
  const reading = await audit.anchorReading();
  if (head.seq === 0 || reading.anchors.length > 0 || reading.badLine) return undefined;
  const anchorFile = config.integrity.auditAnchorFile;
  logger.warn(
    'the audit anchor file holds no checkpoint of this database although its audit log has rows: check KOTAE_AUDIT_ANCHOR_FILE (rows deleted before now cannot be detected)',
    { anchorFile, rows: head.seq, database: await audit.identity() },
  );
  return {
    warning: 'no_checkpoint',
    rows: head.seq,
    anchorFile,
    message: `監査ログのチェックポイントファイル ${anchorFile} に、このデータベース（監査ログ ${head.seq} 件）のチェックポイントがありません。KOTAE_AUDIT_ANCHOR_FILE が正しいか確認してください（これより前の記録の削除は検出できません）。`,
  };
}

/** The backup encryption key when KOTAE_BACKUP_KEY_FILE is set (`create`: made 0600 when missing). */
export function backupKeyOf(config: Readonly<Pick<KotaeConfig, 'integrity'>>, create = true): Buffer | undefined {
  const file = config.integrity.backupKeyFile;
  return file ? loadBackupKey(file, { create }) : undefined;
}
