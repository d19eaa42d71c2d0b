/** Ports of the desk domain besides TicketStore (bot/ports). db/ implements them; tests use fakes. */
import type { TicketComment } from '../bot/ports';
import type {
  AttachmentMeta,
  FaqEntry,
  FaqInput,
  FaqStatus,
  NewWorkLogEntry,
  UnansweredQuestion,
  WorkLogEntry,
} from './types';

/** Attachment metadata of tickets. */
export interface AttachmentStore {
  add(meta: Omit<AttachmentMeta, 'id' | 'createdAt'>): Promise<AttachmentMeta>;
  list(ticketId: string): Promise<AttachmentMeta[]>;
}

/** Replies not yet delivered to the requester, oldest first, for retrying. */
export interface TicketOutbox {
  /** Reply comments without deliveredAt that failed, or were created before `createdBefore` (interrupted). */
  undelivered(limit: number, createdBefore: Date): Promise<TicketComment[]>;
}

/** The work log (作業実績). */
export interface WorkLogStore {
  add(entry: NewWorkLogEntry): Promise<WorkLogEntry>;
  /** Entries whose work started in [from, to), oldest first (for reports). */
  listWorkLogs(from: Date, to: Date): Promise<WorkLogEntry[]>;
  listByTicket(ticketId: string): Promise<WorkLogEntry[]>;
}

/** FAQs kept in the faq_entry table. */
export interface FaqStore {
  create(input: FaqInput & { status: FaqStatus; ticketId?: string; createdBy: string }): Promise<FaqEntry>;
  get(id: string): Promise<FaqEntry | undefined>;
  list(status?: FaqStatus): Promise<FaqEntry[]>;
  /** Updates an entry; CONFLICT when the stored version differs from expectedVersion. */
  update(id: string, expectedVersion: number, input: FaqInput): Promise<FaqEntry>;
  /** Marks a draft approved; CONFLICT on a stale version. */
  approve(id: string, expectedVersion: number, approvedBy: string): Promise<FaqEntry>;
  delete(id: string): Promise<void>;
}

/** Read port over the question log: questions the bot could not answer, newest first. */
export interface UnansweredQuestions {
  list(limit: number): Promise<UnansweredQuestion[]>;
}
