/**
 * SqlTicketStore's `list`: the filtered queue in one order over all its tickets, a page of it and the
 * total. A ranked order (status in lifecycle order, priority in urgency order) is a CASE expression whose
 * values are bound parameters; the column comes from the fixed TICKET_ORDER_COLUMNS.
 */
import {
  Between,
  In,
  IsNull,
  type DataSource,
  type FindOptionsOrder,
  type FindOptionsWhere,
  type SelectQueryBuilder,
} from 'typeorm';
import type { TicketOrder, TicketQuery, TicketRecord } from '../../tickets';
import type { TicketRow } from '../schema';
import { dialectOfDriver } from '../schema';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';
import { SqliteStatements } from '../sqlite-statements';
import { ticketSearchCondition } from './ticket-search-sql';
import { toTicket } from './ticket-mapping';

/** The most tickets one call lists. */
const MAX_LIMIT = 1000;

/** A page of the tickets matching `query` in its order, and how many match. */
export async function listTickets(
  ds: DataSource,
  query: TicketQuery,
): Promise<{ items: TicketRecord[]; total: number }> {
  const sqlite = SqliteStatements.of(ds);
  if (sqlite && query.conversationId && byConversationOnly(query)) {
    return runDb(ds, async () => listOfConversation(sqlite, query.conversationId!, query));
  }
  const [rows, total] = await runDb(ds, () => {
    const qb = managerOf(ds).getRepository<TicketRow>('ticket').createQueryBuilder('ticket');
    // The rank goes first: setFindOptions appends its order (the column, then newest first) after it.
    if (query.order?.ranks) orderByRank(ds, qb, query.order, query.order.ranks);
    return qb
      .setFindOptions({
        where: whereOf(ds, query),
        order: orderOf(ds, query.order),
        take: Math.min(query.limit ?? 100, MAX_LIMIT),
        skip: query.offset ?? 0,
      })
      .getManyAndCount();
  });
  return { items: rows.map(toTicket), total };
}

function whereOf(ds: DataSource, query: TicketQuery): FindOptionsWhere<TicketRow> {
  const where: FindOptionsWhere<TicketRow> = {};
  if (query.status?.length) where.status = In(query.status);
  if (query.category) where.category = query.category;
  if (query.assignee) where.assignee = query.assignee;
  if (query.type) where.type = query.type;
  if (query.priority) where.priority = query.priority;
  if (query.conversationId) where.conversationId = query.conversationId;
  if (query.requesterId) where.requesterId = query.requesterId;
  if (query.hideConfidential) where.confidentiality = IsNull();
  if (query.terms?.length) where.id = ticketSearchCondition(query.terms, dialectOfDriver(ds.options.type));
  if (query.createdFrom || query.createdTo) {
    where.createdAt = Between(query.createdFrom ?? new Date(0), query.createdTo ?? new Date(8.64e15));
  }
  return where;
}

/**
 * ORDER BY the column, then newest first (a ranked column: newest first after its rank), then the larger number:
 * the number is unique, so the order is total and pages never repeat or skip a ticket (compareTies; by 受付日時
 * ascending, the smaller number first). A missing value sorts as '' (first ascending): SQLite and SQL Server
 * put NULL first ascending already; PostgreSQL is told so.
 */
function orderOf(ds: DataSource, order: TicketQuery['order']): FindOptionsOrder<TicketRow> {
  if (!order || order.column === 'createdAt') {
    const direction = order?.dir === 'asc' ? 'ASC' : 'DESC';
    return { createdAt: direction, number: direction };
  }
  if (order.ranks) return { createdAt: 'DESC', number: 'DESC' };
  const direction = order.dir === 'asc' ? 'ASC' : 'DESC';
  // Ordered by the number itself (never missing), nothing ties.
  if (order.column === 'number') return { number: direction };
  const nulls = order.dir === 'asc' ? 'FIRST' : 'LAST';
  const value = ds.options.type === 'postgres' ? { direction, nulls } : direction;
  return { [order.column]: value, createdAt: 'DESC', number: 'DESC' } as FindOptionsOrder<TicketRow>;
}

/**
 * ORDER BY `CASE column WHEN :rank0 THEN 0 WHEN :rank1 THEN 1 … ELSE -1 END`: a value's place in `ranks`
 * (one not listed ranks before the first, as `indexOf` gives -1).
 */
function orderByRank(
  ds: DataSource,
  qb: SelectQueryBuilder<TicketRow>,
  order: TicketOrder,
  ranks: readonly string[],
): void {
  const column = `${ds.driver.escape('ticket')}.${ds.driver.escape(order.column)}`;
  const whens = ranks.map((_, i) => `WHEN :orderRank${i} THEN ${i}`).join(' ');
  qb.orderBy(`CASE ${column} ${whens} ELSE -1 END`, order.dir === 'asc' ? 'ASC' : 'DESC');
  ranks.forEach((value, i) => qb.setParameter(`orderRank${i}`, value));
}

/**
 * True when a query filters by nothing but the conversation and keeps the default order (every question
 * asks it; see listOfConversation).
 */
function byConversationOnly(q: TicketQuery): boolean {
  return (
    !q.order &&
    !q.status?.length &&
    !q.category &&
    !q.assignee &&
    !q.type &&
    !q.priority &&
    !q.requesterId &&
    !q.terms?.length &&
    !q.createdFrom &&
    !q.createdTo
  );
}

/**
 * SQLite: a conversation's tickets, newest first, as prepared statements (the requester desk looks at
 * them for every question); the same rows and total as the TypeORM query of `listTickets`.
 */
function listOfConversation(
  sqlite: SqliteStatements,
  conversationId: string,
  query: TicketQuery,
): { items: TicketRecord[]; total: number } {
  const take = Math.min(query.limit ?? 100, MAX_LIMIT);
  const skip = query.offset ?? 0;
  const rows = sqlite.rows<TicketRow>(
    'ticket',
    'SELECT * FROM "ticket" WHERE "conversationId" = ? ORDER BY "createdAt" DESC, "number" DESC LIMIT ? OFFSET ?',
    [conversationId, take, skip],
  );
  const total =
    skip === 0 && rows.length < take
      ? rows.length
      : Number(sqlite.value('SELECT COUNT(*) FROM "ticket" WHERE "conversationId" = ?', [conversationId]));
  return { items: rows.map(toTicket), total };
}
