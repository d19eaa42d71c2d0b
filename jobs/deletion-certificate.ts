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
  /** What remains where until when (certificates issued since session 31; older ones have none). */
  residue?: DeletionResidue;
}

/** A copy that still holds erased data after the run: its name, when it was taken and when it goes. */
export interface RetainedCopy {
  name: string;
  /** ISO instant the copy was taken. */
  takenAt: string;
  /** ISO instant by which the scheduled jobs delete it (none scheduled: undefined). */
  goneBy?: string;
}

/** What a certificate says about the erased data beyond the database rows: which, and what remains where. */
export interface DeletionResidue {
  /** Numbers of the deleted tickets (ticket numbers are no personal data). */
  ticketNumbers: string[];
  /** The attachment folder unreferenced files were deleted from; `shared` by every instance or this instance's. */
  attachmentStorage: { dir: string; shared: boolean; instance: string };
  /** The backup generations taken before the run: each holds the erased data as it was then. */
  backups: {
    dir: string;
    generations: RetainedCopy[];
    /** KOTAE_BACKUP_GENERATIONS and the daily time; undefined when no backups are scheduled. */
    rotation?: { generations: number; time: string };
    /** ISO instant by which the last generation holding the data is gone (undefined: not scheduled, or none). */
    goneBy?: string;
    /** The database is backed up outside Kotae (SQL Server): the administrator's retention applies. */
    external: boolean;
  };
  /** Safety copies of `kotae restore` (before-restore-*), each deleted after the shortest retention period. */
  beforeRestore: RetainedCopy[];
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
  backup: 'バックアップ世代（保存期間の経過により削除）',
  beforeRestore: '復元前の退避コピー（保存期間の経過により削除）',
} as const;
