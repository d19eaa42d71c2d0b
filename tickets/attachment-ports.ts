/**
 * Ports of the attachments: the rows (on tickets, or held on a conversation) and the content-addressed file
 * store. Re-exported by ports.ts; db/ implements them (SqlAttachmentStore, FsAttachmentFileStore).
 */
import type { AttachmentMeta, NewAttachment } from './types';

/** Attachment rows: on tickets, or held on a conversation until it is escalated. */
export interface AttachmentStore {
  add(meta: NewAttachment): Promise<AttachmentMeta>;
  get(id: string): Promise<AttachmentMeta | undefined>;
  /** A ticket's attachments, oldest first. */
  list(ticketId: string): Promise<AttachmentMeta[]>;
  /** Every attachment of a conversation (held or on its tickets), oldest first. */
  listForConversation(conversationId: string): Promise<AttachmentMeta[]>;
  /** The id of the conversation's latest ticket that is not closed, if any. */
  openTicketOf(conversationId: string): Promise<string | undefined>;
  /** Moves files held on the conversation to the ticket; returns how many. */
  linkHeld(conversationId: string, ticketId: string): Promise<number>;
  /** The hashes among `sha256s` that some row still references. */
  referencedHashes(sha256s: readonly string[]): Promise<Set<string>>;
  /** Every row of this content, oldest first (a rescan audits each one it quarantines). */
  withHash(sha256: string): Promise<AttachmentMeta[]>;
}

/** Content checked and written aside, not yet visible under its hash. */
export interface StagedContent {
  sha256: string;
  sizeBytes: number;
  /** Opaque handle of the staged copy (e.g. a temp file path). */
  ref: string;
}

/** A stored file as listed by the store. */
export interface StoredFileInfo {
  sha256: string;
  modifiedAt: Date;
}

/**
 * Content-addressed storage of attachment content. stage() writes a stream aside while hashing it (memory stays
 * bounded; nothing left when the stream throws); readStaged() reads it back (malware scan); commit() publishes it.
 */
export interface AttachmentFileStore {
  stage(content: AsyncIterable<Uint8Array>): Promise<StagedContent>;
  commit(staged: StagedContent): Promise<void>;
  discard(staged: StagedContent): Promise<void>;
  readStaged(staged: StagedContent): Promise<AsyncIterable<Uint8Array>>;
  /** The content; NOT_FOUND when absent. */
  read(sha256: string): Promise<AsyncIterable<Uint8Array>>;
  has(sha256: string): Promise<boolean>;
  remove(sha256: string): Promise<void>;
  list(): AsyncIterable<StoredFileInfo>;
  /** Deletes staged copies older than `olderThan` (left by a crash mid-upload); returns how many. */
  removeStaleStaged(olderThan: Date): Promise<number>;
}
