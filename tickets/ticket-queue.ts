/**
 * The ticket queue as TicketService shows it: a page of tickets with their SLA clocks, filtered by SLA
 * state and sorted by the store or (for the SLA due orders) here, with search excerpts.
 */
import type { SlaResult, SlaState } from '../calendar';
import type { TicketQuery, TicketStore } from './ports';
import { TICKET_STATUSES, type TicketRecord, type TicketStatus } from './records';
import { QUEUE_IN_MEMORY_LIMIT, QUEUE_SORT_COLUMNS, sortQueue, type QueueSort } from './queue-sort';
import { searchExcerpt } from './search';
import { overallSlaState } from './sla-view';
import type { TicketWithSla } from './types';

/** Queue filters: the store's query plus the SLA state. */
export type QueueFilter = TicketQuery & { sla?: SlaState; sort?: QueueSort };

/** A page of the queue and the number of tickets the queue lists. */
export interface QueuePage {
  items: TicketWithSla[];
  total: number;
  /**
   * Set when the SLA filter or an SLA due-time sort looked at only the first QUEUE_IN_MEMORY_LIMIT tickets
   * of a longer filtered queue (then `total` counts what it could list): how many matched the other
   * filters, and whether those first ones were the newest (else the first in the chosen database order).
   */
  partial?: { matching: number; newest: boolean };
}

/** What the queue needs of the ticket service. */
export interface QueueDeps {
  store: Pick<TicketStore, 'list' | 'comments'>;
  /** The store query with 機密性3 tickets left out when the viewer may not see them. */
  scoped<Q extends TicketQuery>(query: Q): Promise<Q>;
  /** The SLA clocks of a ticket now. */
  sla(ticket: TicketRecord): SlaResult;
}

/** The queue with SLA clocks; the SLA filter applies to the more urgent of the two clocks. */
export async function queuePage(d: QueueDeps, filter: QueueFilter): Promise<QueuePage> {
  const { sla, sort, ...unscoped } = filter;
  const query = await d.scoped(unscoped);
  const column = sort && QUEUE_SORT_COLUMNS[sort.key];
  const order = sort && column ? { ...column, dir: sort.dir } : undefined;
  // SLA states and the due orders depend on the business calendar: computed here, over the first tickets.
  const inMemory = Boolean(sla || (sort && !column));
  const page = await d.store.list(
    inMemory ? { ...query, order, limit: QUEUE_IN_MEMORY_LIMIT, offset: 0 } : { ...query, order },
  );
  let items: TicketWithSla[] = page.items.map((ticket) => ({ ticket, sla: d.sla(ticket) }));
  if (!inMemory) {
    if (query.terms?.length) await addExcerpts(d, items, query.terms);
    return { items, total: page.total };
  }
  if (sla) items = items.filter((i) => overallSlaState(i.sla) === sla);
  if (sort && !column) items = sortQueue(items, sort);
  const offset = query.offset ?? 0;
  const shown = items.slice(offset, offset + (query.limit ?? 100));
  if (query.terms?.length) await addExcerpts(d, shown, query.terms);
  if (page.total <= page.items.length) return { items: shown, total: items.length };
  return { items: shown, total: items.length, partial: { matching: page.total, newest: !order } };
}

async function addExcerpts(d: QueueDeps, items: TicketWithSla[], terms: readonly string[]): Promise<void> {
  for (const item of items.slice(0, 200)) {
    const inTicket = searchExcerpt(item.ticket, [], terms);
    item.excerpt = inTicket ?? searchExcerpt(item.ticket, await d.store.comments(item.ticket.id), terms);
  }
}

/** Number of tickets in each status. */
export async function countsByStatus(d: QueueDeps): Promise<Record<TicketStatus, number>> {
  const scope = await d.scoped({});
  const totals = await Promise.all(TICKET_STATUSES.map((s) => d.store.list({ ...scope, status: [s], limit: 1 })));
  const counts = {} as Record<TicketStatus, number>;
  TICKET_STATUSES.forEach((s, i) => (counts[s] = totals[i].total));
  return counts;
}
