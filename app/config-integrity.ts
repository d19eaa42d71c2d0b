/**
 * Configuration of issue 11 (audit log, retention, backup encryption): the audit key and anchors,
 * retention per data class, auto-close of resolved tickets and the backup key. A block of its own,
 * merged into config.ts's schema; it does not read the environment itself.
 */
import path from 'node:path';
import { z } from 'zod';
import { days, optionalText } from './config-fields';

/** The variables of this block (see .env.example). */
export const INTEGRITY_ENV = {
  KOTAE_AUDIT_KEY_FILE: optionalText,
  KOTAE_AUDIT_ANCHOR_FILE: optionalText,
  KOTAE_AUDIT_ANCHOR_OTHER_FILES: optionalText,
  KOTAE_AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number({ error: '監査ログのチェックポイント間隔: 分を整数で指定してください' })
    .int('監査ログのチェックポイント間隔: 分を整数で指定してください')
    .min(1, '監査ログのチェックポイント間隔: 1分以上を指定してください')
    .max(1440, '監査ログのチェックポイント間隔: 1440分（1日）以下を指定してください')
    .default(10),
  KOTAE_AUDIT_CHECKPOINT_DELAY_MS: z.coerce
    .number({ error: '監査ログの書き込み後のチェックポイント: 待ち時間をミリ秒の整数で指定してください' })
    .int('監査ログの書き込み後のチェックポイント: 待ち時間をミリ秒の整数で指定してください')
    .min(
      0,
      '監査ログの書き込み後のチェックポイント: 0以上を指定してください（0は書き込み後のチェックポイントをしない）',
    )
    .max(60_000, '監査ログの書き込み後のチェックポイント: 60000ミリ秒（1分）以下を指定してください')
    .default(1000),
  KOTAE_BACKUP_KEY_FILE: optionalText,
  KOTAE_RETENTION_CONVERSATION_DAYS: days('会話・質問の保存期間').optional(),
  KOTAE_RETENTION_TICKET_DAYS: days('チケットの保存期間').optional(),
  KOTAE_RETENTION_ATTACHMENT_DAYS: days('添付ファイルの保存期間').optional(),
  KOTAE_RETENTION_AUDIT_DAYS: days('監査ログの保存期間').optional(),
  KOTAE_AUTO_CLOSE_BUSINESS_DAYS: z.coerce
    .number({ error: '解決済みチケットの自動クローズ: 営業日数を整数で指定してください' })
    .int('解決済みチケットの自動クローズ: 営業日数を整数で指定してください')
    .min(0, '解決済みチケットの自動クローズ: 0以上を指定してください（0は自動クローズしない）')
    .max(365, '解決済みチケットの自動クローズ: 365営業日以下を指定してください')
    .default(10),
};

/** Audit key and anchors, retention per data class, auto-close and backup encryption. */
export interface IntegrityConfig {
  /** HMAC key of the audit chain (created 0600 at first start when missing). */
  auditKeyFile: string;
  /** Append-only file of audit chain heads (checkpoints); may be shared by the instances (appends lock it). */
  auditAnchorFile: string;
  /** Other instances' anchor files, read (never written) by verification and restore. */
  auditAnchorOtherFiles: string[];
  /** Minutes between periodic checkpoints of a moved head (the unchecked window when the checkpoint after writes is off). */
  auditCheckpointMinutes: number;
  /**
   * Milliseconds from an audit write to the checkpoint that follows it (one for a burst of writes), so
   * the unchecked window is about this long; 0: only the periodic checkpoints.
   */
  auditCheckpointDelayMs: number;
  /** When set, backups are encrypted with AES-256-GCM under this key file (created 0600 when missing). */
  backupKeyFile?: string;
  /** Days each data class is kept (audit at least as long as every other class). */
  retention: { conversationDays: number; ticketDays: number; attachmentDays: number; auditDays: number };
  /** Resolved tickets are closed after this many business days without a reply (0: never). */
  autoCloseBusinessDays: number;
}

/** The block's parsed variables, with the general retention they fall back on. */
type IntegrityEnv = Partial<z.infer<z.ZodObject<typeof INTEGRITY_ENV>>> & { KOTAE_RETENTION_DAYS: number };
type RawIntegrityEnv = { [K in keyof typeof INTEGRITY_ENV]?: unknown } & {
  KOTAE_RETENTION_DAYS: number;
  KOTAE_REOPEN_BUSINESS_DAYS: number;
};

/** Default audit retention: five years, and never shorter than another class. */
const AUDIT_DAYS_DEFAULT = 1825;

function retentionOf(e: IntegrityEnv): IntegrityConfig['retention'] {
  const conversationDays = e.KOTAE_RETENTION_CONVERSATION_DAYS ?? e.KOTAE_RETENTION_DAYS;
  const ticketDays = e.KOTAE_RETENTION_TICKET_DAYS ?? e.KOTAE_RETENTION_DAYS;
  const attachmentDays = e.KOTAE_RETENTION_ATTACHMENT_DAYS ?? ticketDays;
  const auditDays =
    e.KOTAE_RETENTION_AUDIT_DAYS ?? Math.max(AUDIT_DAYS_DEFAULT, conversationDays, ticketDays, attachmentDays);
  return { conversationDays, ticketDays, attachmentDays, auditDays };
}

/** Start-up checks: the audit log outlives every other class; auto-close never cuts the reopen window short. */
export function checkIntegrity(
  env: RawIntegrityEnv,
  need: (cond: boolean, key: string, message: string) => void,
): void {
  const r = retentionOf(env as IntegrityEnv);
  const longest = Math.max(r.conversationDays, r.ticketDays, r.attachmentDays);
  need(
    r.auditDays < longest,
    'KOTAE_RETENTION_AUDIT_DAYS',
    `監査ログの保存期間（${r.auditDays}日）は、他の保存期間の最長（${longest}日）以上にしてください`,
  );
  const autoClose = env.KOTAE_AUTO_CLOSE_BUSINESS_DAYS as number;
  need(
    autoClose > 0 && autoClose < env.KOTAE_REOPEN_BUSINESS_DAYS,
    'KOTAE_AUTO_CLOSE_BUSINESS_DAYS',
    `解決済みチケットの自動クローズ（${autoClose}営業日）は、再開できる期間 KOTAE_REOPEN_BUSINESS_DAYS（${env.KOTAE_REOPEN_BUSINESS_DAYS}営業日）以上にしてください`,
  );
}

/** The block's part of the validated configuration (paths resolved against `cwd`). */
export function toIntegrityConfig(
  e: z.infer<z.ZodObject<typeof INTEGRITY_ENV>> & { KOTAE_RETENTION_DAYS: number },
  cwd: string,
  dataDir: string,
): IntegrityConfig {
  return {
    auditKeyFile: path.resolve(cwd, e.KOTAE_AUDIT_KEY_FILE ?? path.join(dataDir, 'audit.key')),
    auditAnchorFile: path.resolve(cwd, e.KOTAE_AUDIT_ANCHOR_FILE ?? path.join(dataDir, 'audit-anchors.jsonl')),
    auditAnchorOtherFiles: (e.KOTAE_AUDIT_ANCHOR_OTHER_FILES ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
      .map((f) => path.resolve(cwd, f)),
    auditCheckpointMinutes: e.KOTAE_AUDIT_CHECKPOINT_MINUTES,
    auditCheckpointDelayMs: e.KOTAE_AUDIT_CHECKPOINT_DELAY_MS,
    backupKeyFile: e.KOTAE_BACKUP_KEY_FILE ? path.resolve(cwd, e.KOTAE_BACKUP_KEY_FILE) : undefined,
    retention: retentionOf(e),
    autoCloseBusinessDays: e.KOTAE_AUTO_CLOSE_BUSINESS_DAYS,
  };
}
