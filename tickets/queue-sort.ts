/**
 * Sorting the queue by any of its columns: in the database over the whole filtered queue by a plain
 * column or by status and priority in their lifecycle / urgency order (QUEUE_SORT_COLUMNS); by an SLA due
 * time in memory over the filtered tickets, at most QUEUE_IN_MEMORY_LIMIT.
 */
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketRecord } from './records';
import type { TicketOrder } from './ports';
import type { TicketWithSla } from './types';

/** The sortable columns of the queue. */
export const QUEUE_SORT_KEYS = [
  'number',
  'title',
  'status',
  'type',
  'priority',
  'category',
  'requester',
  'department',
  'assignee',
  'responseDue',
  'resolutionDue',
  'createdAt',
] as const;
export type QueueSortKey = (typeof QUEUE_SORT_KEYS)[number];

/** A sort order. */
export interface QueueSort {
  key: QueueSortKey;
  dir: 'asc' | 'desc';
}

/** The most tickets the SLA due-time sorts and the SLA filter look at (the first of the filtered queue). */
export const QUEUE_IN_MEMORY_LIMIT = 1000;

/** A database order without its direction. */
export type QueueColumnOrder = Omit<TicketOrder, 'dir'>;

/**
 * The sort keys the database orders by, with their column (status and priority ranked by the order of
 * TICKET_STATUSES / TICKET_PRIORITIES, as sortQueue ranks them); the others are sorted in memory.
 */
export const QUEUE_SORT_COLUMNS: Readonly<Partial<Record<QueueSortKey, QueueColumnOrder>>> = {
  number: { column: 'number' },
  title: { column: 'title' },
  status: { column: 'status', ranks: TICKET_STATUSES },
  type: { column: 'type' },
  priority: { column: 'priority', ranks: TICKET_PRIORITIES },
  category: { column: 'category' },
  requester: { column: 'requesterName' },
  department: { column: 'department' },
  assignee: { column: 'assignee' },
  createdAt: { column: 'createdAt' },
};

type Value = string | number;

const VALUE: Record<QueueSortKey, (i: TicketWithSla) => Value> = {
  number: (i) => i.ticket.number,
  title: (i) => i.ticket.title,
  status: (i) => TICKET_STATUSES.indexOf(i.ticket.status),
  type: (i) => i.ticket.type,
  priority: (i) => TICKET_PRIORITIES.indexOf(i.ticket.priority),
  category: (i) => i.ticket.category,
  requester: (i) => i.ticket.requester.name ?? '',
  department: (i) => i.ticket.requester.department ?? '',
  assignee: (i) => i.ticket.assignee ?? '',
  responseDue: (i) => i.sla.response.dueAt.getTime(),
  resolutionDue: (i) => i.sla.resolution.dueAt.getTime(),
  createdAt: (i) => i.ticket.createdAt.getTime(),
};

/**
 * The order of two tickets that tie on the sort key, as the database orders them: newest first, then the larger
 * number first (the number is unique, so the order is total and pages never repeat or skip a ticket); under
 * 受付日時 ascending (`oldestFirst`), oldest first, then the smaller number.
 */
export function compareTies(a: TicketRecord, b: TicketRecord, oldestFirst = false): number {
  const c = a.createdAt.getTime() - b.createdAt.getTime() || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
  return oldestFirst ? c : -c;
}

/** A sorted copy; ties keep the newest first, then the larger number (see compareTies). */
export function sortQueue(items: readonly TicketWithSla[], sort: QueueSort): TicketWithSla[] {
  const value = VALUE[sort.key];
  const sign = sort.dir === 'asc' ? 1 : -1;
  const oldestFirst = sort.key === 'createdAt' && sort.dir === 'asc';
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'ja');
    return c !== 0 ? sign * c : compareTies(a.ticket, b.ticket, oldestFirst);
  });
}
