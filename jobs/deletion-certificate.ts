/**
 * The deletion certificate (消去証明, issue 11): one per retention run — what was deleted (情報項目,
 * counts per table), from which medium (媒体名), how (方法), by whom (実施者) and when (年月日).
 */

/** One line of a certificate: an information item, the table (or store) and how many were deleted. */
export interface DeletionItem {
  item: string;
  table: string;
  count: number;
}

/** A stored certificate. */
export interface DeletionCertificate {
  id: string;
  createdAt: Date;
  performedBy: string;
  medium: string;
  method: string;
  items: DeletionItem[];
  /** Cutoffs and settings of the run (retention days per class, auto-close). */
  settings: Record<string, unknown>;
  total: number;
}

/** Port: stores and lists certificates. db/ implements it. */
export interface DeletionCertificateStore {
  add(certificate: Omit<DeletionCertificate, 'id'>): Promise<DeletionCertificate>;
  list(limit: number): Promise<DeletionCertificate[]>;
  get(id: string): Promise<DeletionCertificate | undefined>;
}

/** Japanese labels of the information items. */
export const DELETION_ITEM_LABELS = {
  conversation: '会話（利用者とボットのやりとり）',
  question: '質問と回答の記録',
  feedback: '回答への評価・コメント',
  ticket: 'チケット（問い合わせ）',
  attachment: '添付ファイル',
  audit: '監査ログ',
  delivery: 'Teams配信の重複防止ID',
  backup: 'バックアップ世代',
} as const;
