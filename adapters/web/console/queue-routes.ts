/** Queue actions: 「自分に割り当て」, bulk changes of selected tickets, saving a view. */
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '../../../tickets';
import { KotaeError } from '../../../core';
import type { TicketChanges } from '../../../tickets';
import { D } from './desk-messages';
import { onTicket } from './ticket-routes';
import { done, field, param, query, type ConsoleRoute, type HandlerContext } from './route-types';

const QUERY_KEYS = ['status', 'category', 'assignee', 'sla', 'q', 'sort', 'dir'];
const MAX_BULK = 200;

/** The queue's query string from a form, keeping only the queue's own keys. */
function backQuery(raw: string): string {
  const given = new URLSearchParams(raw.slice(0, 3000));
  const kept = new URLSearchParams();
  for (const k of QUERY_KEYS) {
    const v = given.get(k);
    if (v) kept.set(k, v);
  }
  return kept.toString();
}

function selectedIds(c: HandlerContext): string[] {
  const raw: unknown = (c.req.body as Record<string, unknown> | undefined)?.ids;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return [...new Set(list.filter((x): x is string => typeof x === 'string' && x.length <= 64))].slice(0, MAX_BULK);
}

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function bulkChanges(c: HandlerContext): TicketChanges {
  const changes: TicketChanges = {};
  const assignee = field(c.req, 'bulk_assignee');
  if (assignee === '__me') changes.assignee = c.auth.operator.username;
  else if (assignee === '__none') changes.assignee = null;
  else if (assignee) changes.assignee = assignee.slice(0, 100);
  const status = oneOf<TicketStatus>(TICKET_STATUSES, field(c.req, 'bulk_status'));
  if (status) changes.status = status;
  const priority = oneOf<TicketPriority>(TICKET_PRIORITIES, field(c.req, 'bulk_priority'));
  if (priority) changes.priority = priority;
  const category = field(c.req, 'bulk_category');
  if (category) changes.category = category;
  return changes;
}

/** The routes. */
export const QUEUE_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'post',
    path: '/tickets/:id/assign-me',
    role: 'operator',
    handle: async (c) => {
      const ticket = await c.deps.tickets.get(param(c.req, 'id'));
      await c.deps.tickets.update(
        ticket.id,
        ticket.version,
        { assignee: c.auth.operator.username },
        c.auth.operator.username,
      );
      if (field(c.req, 'from') === 'detail') return done(c, `/tickets/${ticket.number}`, 'assignedMe');
      const back = backQuery(field(c.req, 'back'));
      done(c, `/tickets${back ? `?${back}` : ''}`, 'assignedMe');
    },
  },
  {
    method: 'post',
    path: '/tickets/bulk',
    role: 'operator',
    handle: async (c) => {
      const ids = selectedIds(c);
      if (ids.length === 0)
        throw new KotaeError('INPUT_INVALID', 'bulk without tickets', { userMessage: D.queue.bulkNone });
      const changes = bulkChanges(c);
      if (Object.keys(changes).length === 0)
        throw new KotaeError('INPUT_INVALID', 'bulk without changes', { userMessage: D.queue.bulkNothing });
      let ok = 0;
      let failed = 0;
      for (const id of ids) {
        try {
          const ticket = await c.deps.tickets.get(id);
          await c.deps.tickets.update(ticket.id, ticket.version, changes, c.auth.operator.username);
          ok += 1;
        } catch (err) {
          if (!(err instanceof KotaeError) || err.status >= 500) throw err;
          failed += 1;
        }
      }
      const back = backQuery(field(c.req, 'back'));
      done(c, `/tickets?${back ? `${back}&` : ''}failed=${failed}`, `bulk${ok}`);
    },
  },
  {
    method: 'post',
    path: '/tickets/:id/merge',
    role: 'operator',
    handle: onTicket(async (c) => {
      const target = field(c.req, 'target').trim().slice(0, 64);
      if (!target) throw new KotaeError('INPUT_INVALID', 'merge target', { userMessage: D.merge.targetRequired });
      const survivor = await c.deps.tickets.merge(param(c.req, 'id'), target, c.auth.operator.username);
      done(c, `/tickets/${survivor.number}`, 'merged');
    }),
  },
  {
    method: 'get',
    path: '/tickets/:id/incident-report',
    role: 'operator',
    handle: async (c) => {
      const make = c.deps.incidentReport;
      if (!make) throw new KotaeError('NOT_FOUND', 'incident report not configured');
      const format = query(c.req, 'format') === 'pdf' ? 'pdf' : 'xlsx';
      await c.deps.tickets.get(param(c.req, 'id')); // NOT_FOUND on a hidden 機密性3 ticket
      const file = await make(param(c.req, 'id'), format);
      c.res
        .status(200)
        .type(
          format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .attachment(file.name)
        .send(file.content);
    },
  },
  {
    method: 'post',
    path: '/tickets/:id/link',
    role: 'operator',
    handle: onTicket(async (c) => {
      const links = c.deps.links;
      if (!links) throw new KotaeError('NOT_FOUND', 'links not configured');
      const ticket = await c.deps.tickets.get(param(c.req, 'id'));
      const otherRef = field(c.req, 'other').trim().slice(0, 64);
      if (!otherRef) throw new KotaeError('INPUT_INVALID', 'link target', { userMessage: D.links.required });
      const other = await c.deps.tickets.get(otherRef);
      if (other.id === ticket.id)
        throw new KotaeError('INPUT_INVALID', 'link to itself', { userMessage: D.links.self });
      await links.link(ticket.id, other.id, c.auth.operator.username, c.deps.clock.now());
      done(c, `/tickets/${ticket.number}`, 'linked');
    }),
  },
  {
    method: 'post',
    path: '/views',
    role: 'operator',
    handle: async (c) => {
      const views = c.deps.views;
      if (!views) throw new KotaeError('NOT_FOUND', 'saved views not configured');
      const name = field(c.req, 'name').trim();
      if (!name || name.length > 50)
        throw new KotaeError('INPUT_INVALID', 'view name', { userMessage: D.queue.viewNameRequired });
      const query = backQuery(field(c.req, 'query'));
      await views.save(c.auth.operator.username, name, query);
      done(c, `/tickets${query ? `?${query}` : ''}`, 'viewSaved');
    },
  },
];
