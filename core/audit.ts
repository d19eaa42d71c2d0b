/**
 * The audit trail port (issue 11): who did what, in the same transaction as the change it
 * describes, chained with a keyed HMAC and anchored outside the database by its SQL implementation.
 */

/** One audited action (English action names, e.g. `auth.sign_in`, `ticket.update`, `bot.answer`). */
export interface AuditEntry {
  actor: string;
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
}

/** A stored audit row with its chain fields. */
export interface AuditRecord extends AuditEntry {
  seq: number;
  at: Date;
  prevHash: string;
  hash: string;
}

/** The head of the chain: the newest sequence number and its hash (seq 0 = empty log). */
export interface AuditHead {
  seq: number;
  hash: string;
}

/**
 * Why verification failed: `gap` a sequence number is missing or repeated, `link` a row does not
 * point at its predecessor, `mac` a row's HMAC does not match its content (edited, forged or
 * re-hashed without the key), `legacy` an unkeyed row after a keyed one, `truncated` the newest
 * rows (or all rows) are gone below an anchor, `anchor` the row at an anchored sequence differs,
 * `anchor_file` a line of the anchor file itself was altered (its HMAC does not match),
 * `anchor_missing` a checkpoint the database recorded has no line in the anchor file (its tail cut or
 * the file replaced).
 */
export type AuditBreak = 'gap' | 'link' | 'mac' | 'legacy' | 'truncated' | 'anchor' | 'anchor_file' | 'anchor_missing';

/** Result of checking the chain against the key and the anchors. */
export type AuditVerification =
  | { ok: true; count: number; head: AuditHead; anchors: number }
  | { ok: false; count: number; brokenAtSeq: number; reason: AuditBreak; anchors: number };

/** Appends audit entries. */
export interface AuditTrail {
  /** Appends one entry (inside the caller's transaction when one is open). */
  record(entry: AuditEntry): Promise<void>;
  /**
   * Runs `change` and appends the entry derived from its result in one transaction: both are
   * stored or neither. `entry` may return undefined when the change turned out to be a no-op.
   */
  atomically<T>(change: () => Promise<T>, entry: (result: T) => AuditEntry | undefined): Promise<T>;
}

/** Why the audit chain failed verification, in Japanese (the console and `kotae audit verify` show it). */
export const AUDIT_BREAK_LABELS: Record<AuditBreak, string> = {
  gap: '連番が欠けているか重複しています（記録の削除）。',
  link: '直前の記録とのつながり（前ハッシュ）が一致しません（記録の削除・並べ替え）。',
  mac: '記録の内容が鍵付きハッシュ（HMAC）と一致しません（記録の改変・偽造、または鍵なしでの再計算）。',
  legacy: '鍵のない古い形式の記録が、鍵の導入後に現れています（鍵なしでの再計算）。',
  truncated: 'チェックポイントに記録された連番より前で記録が終わっています（最新の記録または全記録の削除）。',
  anchor: 'チェックポイントに記録されたハッシュと一致しません（記録の差し替え）。',
  anchor_file: 'チェックポイントファイルの記録が改ざんされています。',
  anchor_missing:
    'データベースに記録されたチェックポイントが、チェックポイントファイルにありません（ファイル末尾の削除または差し替え）。',
};
