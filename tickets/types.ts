/** Records of the helpdesk desk domain besides the ticket itself (records.ts). */
import type { ChannelKind, Outcome, TranscriptEntry } from '../conversations';
import type { TicketRecord } from './records';
import type { SlaResult } from '../calendar';
import type { SearchExcerpt } from './search';

/** The incident report fields (原因 / 対応内容 / 再発防止策). */
export type IncidentField = 'cause' | 'actions' | 'prevention';

/** A ticket with its SLA clocks at the time it was read. */
export interface TicketWithSla {
  ticket: TicketRecord;
  sla: SlaResult;
  /** Why the ticket matched a search (queue with search terms only). */
  excerpt?: SearchExcerpt;
}

/** Who attached a file: the requester (web chat, Teams) or an operator (with a reply). */
export type AttachmentKind = 'requester' | 'operator';

/**
 * A file attached to a ticket, or held on the conversation until it becomes a ticket. The content
 * lives in the AttachmentFileStore under its SHA-256; rows recorded before files were stored have none.
 */
export interface AttachmentMeta {
  id: string;
  ticketId?: string;
  conversationId?: string;
  /** The reply an operator's file was sent with. */
  commentId?: string;
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the content; undefined for metadata-only rows of older versions. */
  sha256?: string;
  uploadedBy: string;
  createdAt: Date;
  /** Set when a rescan found the content infected: it is no longer served (410). */
  quarantine?: { signature: string; at: Date };
}

/** A new attachment row. */
export type NewAttachment = Omit<AttachmentMeta, 'id' | 'createdAt' | 'quarantine'>;

/** A work log entry (作業実績): on a ticket or standalone planned work. */
export interface WorkLogEntry {
  id: string;
  ticketId?: string;
  /** 作業日時（開始・終了） */
  startedAt: Date;
  endedAt: Date;
  /** 担当者 */
  operatorName: string;
  /** 作業名 */
  title: string;
  /** 作業内容 */
  content: string;
  /** 特記事項 */
  remarks?: string;
  createdAt: Date;
  createdBy: string;
}

/** Input for a new work log entry. */
export type NewWorkLogEntry = Omit<WorkLogEntry, 'id' | 'createdAt'>;

/** FAQ review state: drafts wait for an admin; approved entries are in the knowledge base. */
export type FaqStatus = 'draft' | 'approved';

/**
 * Where an FAQ came from: a sheet in the knowledge folder (`file`) or a synced SharePoint library
 * (`sharepoint`) — such entries in faq_entry are the console's edits overriding the sheet's row —,
 * written in the console, or promoted from a ticket.
 */
export type FaqOrigin = 'file' | 'sharepoint' | 'console' | 'ticket';

/** An FAQ managed in the console (table faq_entry). */
export interface FaqEntry {
  origin: FaqOrigin;
  /** The indexed FAQ id (of a file or SharePoint sheet) this entry overrides. */
  sourceKey?: string;
  /** A draft's published entry, replaced by the draft when it is approved. */
  replacesId?: string;
  id: string;
  category: string;
  question: string;
  alternateQuestions: string[];
  answer: string;
  sourceUrl?: string;
  status: FaqStatus;
  ticketId?: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  approvedBy?: string;
  approvedAt?: Date;
  version: number;
  /**
   * Since when the FAQ is hidden (非公開): never answered from, and a sheet's FAQ of `sourceKey` is kept out of the
   * index. On a draft: the request to hide (a draft without it replacing a hidden entry asks to publish it again).
   */
  hiddenAt?: Date;
  /** On a draft: an operator's request (since then) to delete the entry it replaces; approving it deletes that entry. */
  deleteRequestedAt?: Date;
}

/** A new faq_entry row. */
export type NewFaqEntry = FaqInput & {
  status: FaqStatus;
  createdBy: string;
  ticketId?: string;
  origin?: FaqOrigin;
  sourceKey?: string;
  replacesId?: string;
  /** Hidden from its creation (an administrator's hide of a sheet's FAQ, or an operator's request to hide). */
  hidden?: boolean;
  /** A draft asking to delete the entry of `replacesId` (an operator's delete of a published FAQ). */
  deleteRequested?: boolean;
};

/** Editable fields of an FAQ. */
export interface FaqInput {
  category: string;
  question: string;
  alternateQuestions: string[];
  answer: string;
  sourceUrl?: string;
}

/** An FAQ as read from a sheet of the knowledge folder or a SharePoint library (not from faq_entry). */
export interface IndexedFaq extends FaqInput {
  /** The FAQ id in the index (the sheet's id column, or `file:row`). */
  id: string;
  origin: Extract<FaqOrigin, 'file' | 'sharepoint'>;
  /** The sheet it came from (relative path, or the SharePoint file name). */
  sourcePath: string;
}

/** A question the bot could not answer (no_answer) or asked back about (clarify). */
export interface UnansweredQuestion {
  id: string;
  askedAt: Date;
  text: string;
  outcome: Extract<Outcome, 'no_answer' | 'clarify'>;
  categoryGuess?: string;
  channel: ChannelKind;
  department?: string;
}

/** One of a requester's recent conversations with the bot, as stored (questions and transcript are masked). */
export interface RecentConversation {
  id: string;
  channel: ChannelKind;
  startedAt: Date;
  lastActivityAt: Date;
  /** The questions asked in it, oldest first, with what the bot did. */
  questions: { askedAt: Date; text: string; outcome: Outcome }[];
  /** The newest transcript lines (at most the `transcriptLines` asked for), oldest first. */
  transcript: TranscriptEntry[];
  /** Transcript lines left out before the ones shown. */
  earlierLines: number;
}
