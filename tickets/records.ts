/**
 * The ticket records: lifecycle states, types, priorities, the ticket and the data for a new one.
 * db/ maps its entities to these; adapters render them.
 */
import type { ChannelKind, Requester, TranscriptEntry } from '../conversations';

/** Ticket lifecycle states (Japanese labels live in the adapters' catalogues). */
export type TicketStatus = 'new' | 'in_progress' | 'on_hold' | 'resolved' | 'closed';
export const TICKET_STATUSES: readonly TicketStatus[] = ['new', 'in_progress', 'on_hold', 'resolved', 'closed'];
/** 問合せ / 障害 / 依頼 */
export type TicketType = 'inquiry' | 'incident' | 'request';
export const TICKET_TYPES: readonly TicketType[] = ['inquiry', 'incident', 'request'];
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

/** A helpdesk ticket. `version` increases on every save (optimistic locking). */
export interface TicketRecord {
  id: string;
  /** Human number, e.g. HD-2026-000123. */
  number: string;
  conversationId?: string;
  status: TicketStatus;
  type: TicketType;
  priority: TicketPriority;
  category: string;
  title: string;
  details: string;
  requester: Requester;
  channel: ChannelKind;
  assignee?: string;
  createdAt: Date;
  updatedAt: Date;
  firstResponseAt?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  /** Incident fields (障害): cause, actions taken, recurrence prevention. */
  incident?: { cause?: string; actions?: string; prevention?: string };
  /** Periods spent on hold (保留), when the resolution clock stops. */
  holds: { from: Date; to?: Date }[];
  /** Set when the requester wrote to the ticket; cleared when an operator replies (「依頼者から返信あり」). */
  requesterRepliedAt?: Date;
  /** Incidents: when an operator recorded 復旧作業開始 (stops the restoration-start clock). */
  restorationStartedAt?: Date;
  /** Incidents: when cause, actions and prevention were first all recorded (stops the report clock). */
  incidentReportAt?: Date;
  /** Marked 機密性3: only rostered operators (in their period) and administrators see the ticket. */
  confidential?: boolean;
  version: number;
}

/** Data for a new ticket; the store assigns id, number, times and version. */
export interface NewTicket {
  conversationId?: string;
  type: TicketType;
  priority: TicketPriority;
  category: string;
  title: string;
  details: string;
  requester: Requester;
  channel: ChannelKind;
  transcript: TranscriptEntry[];
  /** Channel activity id that created it, so redelivery never makes two tickets. */
  sourceActivityId?: string;
}

/** Statuses in which a ticket is open: the requester's messages are added to it. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'in_progress', 'on_hold'];
