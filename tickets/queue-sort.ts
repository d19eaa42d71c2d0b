/**
 * Sorting the queue by any of its columns: by a plain column in the database (QUEUE_SORT_COLUMNS); by
 * status, priority (their lifecycle / urgency order) or an SLA due time in memory over the filtered
 * tickets, at most 1,000.
 */
import { TICKET_PRIORITIES, TICKET_STATUSES } from './records';
import type { TicketOrderColumn } from './ports';
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

/** The sort keys the database orders by, with their column; the others are sorted in memory. */
export const QUEUE_SORT_COLUMNS: Readonly<Partial<Record<QueueSortKey, TicketOrderColumn>>> = {
  number: 'number',
  title: 'title',
  type: 'type',
  category: 'category',
  requester: 'requesterName',
  department: 'department',
  assignee: 'assignee',
  createdAt: 'createdAt',
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

/** A sorted copy; ties keep the newest first. */
export function sortQueue(items: readonly TicketWithSla[], sort: QueueSort): TicketWithSla[] {
  const value = VALUE[sort.key];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'ja');
    return c !== 0 ? sign * c : b.ticket.createdAt.getTime() - a.ticket.createdAt.getTime();
  });
}
