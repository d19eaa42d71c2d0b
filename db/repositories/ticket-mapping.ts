/** Maps ticket rows to records and describes field-level changes for the history. */
import type { ChannelKind } from '../../conversations';
import type { TicketPriority, TicketRecord, TicketStatus, TicketType } from '../../tickets';
import type { TicketComment, TicketEvent, TicketPatch } from '../../tickets';
import type { TicketCommentRow, TicketEventRow, TicketRow } from '../schema';

/** Maps a ticket row to its record. */
export function toTicket(row: TicketRow): TicketRecord {
  const incident =
    row.incidentCause || row.incidentActions || row.incidentPrevention
      ? {
          cause: row.incidentCause ?? undefined,
          actions: row.incidentActions ?? undefined,
          prevention: row.incidentPrevention ?? undefined,
        }
      : undefined;
  return {
    id: row.id,
    number: row.number,
    conversationId: row.conversationId ?? undefined,
    status: row.status as TicketStatus,
    type: row.type as TicketType,
    priority: row.priority as TicketPriority,
    category: row.category,
    title: row.title,
    details: row.details,
    requester: {
      id: row.requesterId ?? undefined,
      name: row.requesterName ?? undefined,
      department: row.department ?? undefined,
      ...(row.requesterPhone ? { phone: row.requesterPhone } : {}),
    },
    channel: row.channel as ChannelKind,
    assignee: row.assignee ?? undefined,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    firstResponseAt: row.firstResponseAt ?? undefined,
    resolvedAt: row.resolvedAt ?? undefined,
    closedAt: row.closedAt ?? undefined,
    incident,
    holds: holdsOf(row).map((h) => ({ from: new Date(h.from), to: h.to ? new Date(h.to) : undefined })),
    requesterRepliedAt: row.requesterRepliedAt ?? undefined,
    restorationStartedAt: row.restorationStartedAt ?? undefined,
    incidentReportAt: row.incidentReportAt ?? undefined,
    ...(row.confidentiality === '3' ? { confidential: true } : {}),
    version: row.version,
  };
}

/** A hold period (保留) during which the resolution clock stops. */
export interface HoldPeriod {
  from: string;
  to?: string;
}

/** Reads the hold periods stored on a ticket row. */
export function holdsOf(row: Pick<TicketRow, 'holds'>): HoldPeriod[] {
  return JSON.parse(row.holds) as HoldPeriod[];
}

function show(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * Converts a patch into row changes and history entries (only fields whose value changes).
 * Status changes to and from on_hold open and close hold periods.
 */
export function diffPatch(
  row: TicketRow,
  patch: TicketPatch,
  at: Date,
): { set: Partial<TicketRow>; changes: { field: string; before: string | null; after: string | null }[] } {
  const set: Partial<TicketRow> = {};
  const changes: { field: string; before: string | null; after: string | null }[] = [];
  const apply = <K extends keyof TicketRow>(field: K, value: TicketRow[K]) => {
    const before = show(row[field]);
    const after = show(value);
    if (before === after) return;
    set[field] = value;
    changes.push({ field, before, after });
  };
  if (patch.status !== undefined) apply('status', patch.status);
  if (patch.type !== undefined) apply('type', patch.type);
  if (patch.priority !== undefined) apply('priority', patch.priority);
  if (patch.category !== undefined) apply('category', patch.category);
  if (patch.title !== undefined) apply('title', patch.title);
  if (patch.assignee !== undefined) apply('assignee', patch.assignee);
  if (patch.firstResponseAt !== undefined) apply('firstResponseAt', patch.firstResponseAt);
  if (patch.resolvedAt !== undefined) apply('resolvedAt', patch.resolvedAt);
  if (patch.closedAt !== undefined) apply('closedAt', patch.closedAt);
  if (patch.requesterRepliedAt !== undefined) apply('requesterRepliedAt', patch.requesterRepliedAt);
  if (patch.restorationStartedAt !== undefined) apply('restorationStartedAt', patch.restorationStartedAt);
  if (patch.incidentReportAt !== undefined) apply('incidentReportAt', patch.incidentReportAt);
  if (patch.confidential !== undefined) apply('confidentiality', patch.confidential ? '3' : null);
  if (patch.incident?.cause !== undefined) apply('incidentCause', patch.incident.cause);
  if (patch.incident?.actions !== undefined) apply('incidentActions', patch.incident.actions);
  if (patch.incident?.prevention !== undefined) apply('incidentPrevention', patch.incident.prevention);
  if (set.status !== undefined) {
    const holds = holdsOf(row);
    const open = holds.find((h) => !h.to);
    if (set.status === 'on_hold' && !open) holds.push({ from: at.toISOString() });
    if (set.status !== 'on_hold' && open) open.to = at.toISOString();
    set.holds = JSON.stringify(holds);
  }
  return { set, changes };
}

/** Maps a comment row to its record. */
export function toComment(r: TicketCommentRow): TicketComment {
  return {
    id: r.id,
    ticketId: r.ticketId,
    kind: r.kind as TicketComment['kind'],
    author: r.author,
    body: r.body,
    createdAt: r.createdAt,
    deliveredAt: r.deliveredAt ?? undefined,
    deliveryError: r.deliveryError ?? undefined,
    readAt: r.readAt ?? undefined,
    ...(r.messageKey ? { messageKey: r.messageKey } : {}),
    ...(r.deletedInChannelAt ? { deletedInChannelAt: r.deletedInChannelAt } : {}),
  };
}

/** Maps a history row to its record. */
export function toEvent(r: TicketEventRow): TicketEvent {
  return {
    id: r.id,
    ticketId: r.ticketId,
    at: r.at,
    actor: r.actor,
    field: r.field,
    before: r.before ?? undefined,
    after: r.after ?? undefined,
  };
}
