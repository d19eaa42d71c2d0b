/**
 * The list of quarantined files across tickets (console 隔離ファイル, administrators and 監査担当): each
 * attachment row and uploaded manual whose content a rescan quarantined, also once released. db/ implements it
 * with one query on file_scan joined to the attachment and ticket rows (SqlQuarantineList).
 */
import type { StoredFileKind } from './file-scan-store';

/** One quarantined attachment row or manual. */
export interface ListedQuarantine {
  kind: StoredFileKind;
  sha256: string;
  /** The attachment's name on its row, or the manual's name. */
  fileName: string;
  /** The detection. */
  signature: string;
  /** When the rescan quarantined it (unknown for a release recorded before this was kept). */
  quarantinedAt?: Date;
  /** The signature version that detected it (same). */
  quarantineVersion?: string;
  /** While quarantined: the instance (host name) whose rescan quarantined it (a manual's copy is kept there). */
  quarantinedOn?: string;
  attachmentId?: string;
  /** The ticket the attachment is on; none while it is held on a conversation. */
  ticketNumber?: string;
  conversationId?: string;
  /** The administrator's release, if released. */
  released?: { at: Date; by?: string; version: string };
}

/** Which page of the list. */
export interface QuarantineListPage {
  offset: number;
  limit: number;
  /** Leaves out attachments of 機密性3 tickets (a viewer who may not see them). */
  hideConfidential: boolean;
}

/** The quarantined files, newest quarantine first. */
export interface QuarantineList {
  /** `limit` files from `offset`, in one query. */
  page(p: QuarantineListPage): Promise<ListedQuarantine[]>;
}
