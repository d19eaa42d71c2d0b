/** The 経過 of an incident: requester chat lines, history events and replies, oldest first. */
import type { TicketComment, TicketEvent } from '../../tickets';
import type { TranscriptEntry } from '../../conversations';
import type { TicketRecord } from '../../tickets';
import { formatJst } from '../../calendar';
import { PRIORITY_LABELS, STATUS_LABELS, TYPE_LABELS } from '../labels';
import {
  ACTOR_LABELS,
  HISTORY_FIELD_LABELS,
  INCIDENT_HISTORY_FIELDS,
  INCIDENT_TEXT,
  TIMELINE_TEXT as T,
} from './labels';

/** One row of the 経過 table. */
export interface TimelineRow {
  /** 'YYYY/MM/DD HH:MM' (JST). */
  at: string;
  /** What happened, in Japanese, with the person in brackets. */
  text: string;
}

/** Longest chat or reply text quoted in the timeline (the full text stays in the ticket). */
const MAX_QUOTE = 300;

const quote = (s: string): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE)}…` : flat;
};

/** Japanese value of a history field (status, type and priority codes become labels). */
function valueOf(field: string, value: string | undefined): string {
  if (value === undefined || value === '') return field === 'assignee' ? INCIDENT_TEXT.unassigned : T.none;
  const labels: Readonly<Record<string, string>> | undefined =
    field === 'status'
      ? STATUS_LABELS
      : field === 'type'
        ? TYPE_LABELS
        : field === 'priority'
          ? PRIORITY_LABELS
          : undefined;
  return labels?.[value] ?? value;
}

/** Text of a history event, or undefined for events the timeline leaves out (timestamps the status already shows). */
function eventText(e: TicketEvent, ticket: TicketRecord): string | undefined {
  if (e.field === 'created') return T.created(e.after ?? ticket.number);
  if (e.field === 'title') return T.titleChanged;
  const label = HISTORY_FIELD_LABELS[e.field];
  if (label) return T.changed(label, valueOf(e.field, e.before), valueOf(e.field, e.after));
  const incident = INCIDENT_HISTORY_FIELDS[e.field];
  if (incident) return T.recorded(incident);
  if (e.field.endsWith('At')) return undefined;
  return T.field(e.field);
}

const withActor = (text: string, actor: string | undefined): string =>
  actor ? `${text}（${ACTOR_LABELS[actor] ?? actor}）` : text;

/** Builds the timeline rows; chat lines only up to the ticket's creation (what was reported). */
export function buildTimeline(
  ticket: TicketRecord,
  history: readonly TicketEvent[],
  comments: readonly TicketComment[],
  transcript: readonly TranscriptEntry[],
): TimelineRow[] {
  const items: { at: Date; order: number; text: string }[] = [];
  for (const line of transcript) {
    if (line.role === 'user' && line.at.getTime() <= ticket.createdAt.getTime()) {
      items.push({ at: line.at, order: 0, text: withActor(T.chat(quote(line.text)), ticket.requester.name) });
    }
  }
  for (const e of history) {
    const text = eventText(e, ticket);
    if (text) items.push({ at: e.at, order: 1, text: withActor(text, e.actor) });
  }
  for (const c of comments) {
    if (c.kind === 'reply')
      items.push({ at: c.createdAt, order: 2, text: withActor(T.reply(quote(c.body)), c.author) });
  }
  items.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  return items.map((i) => ({ at: formatJst(i.at), text: i.text }));
}
