/**
 * Routes of the desk's duties on tickets (issue 16): 復旧作業開始, the 機密性3 mark, and the operators'
 * JSON view of tickets (`/console/api/tickets…`, same session as the console) — every one through the
 * viewer-scoped ticket service, so a hidden 機密性3 ticket answers 404 exactly like a missing one.
 */
import { toKotaeError } from '../../../core';
import { parseSearch, type TicketWithSla } from '../../../tickets';
import { SLA_CLOCK_KINDS, type SlaResult } from '../../../calendar';
import { onTicket } from './ticket-routes';
import { done, field, param, query, type ConsoleRoute, type HandlerContext } from './route-types';

/** A ticket as the JSON API shows it. */
function ticketJson(item: TicketWithSla) {
  const t = item.ticket;
  return {
    number: t.number,
    title: t.title,
    status: t.status,
    type: t.type,
    priority: t.priority,
    category: t.category,
    assignee: t.assignee ?? null,
    confidential: Boolean(t.confidential),
    createdAt: t.createdAt.toISOString(),
    restorationStartedAt: t.restorationStartedAt?.toISOString() ?? null,
    sla: slaJson(item.sla),
  };
}

function slaJson(sla: SlaResult) {
  const out: Record<string, { state: string; dueAt: string; remainingBusinessMinutes: number }> = {};
  for (const kind of SLA_CLOCK_KINDS) {
    const c = sla[kind];
    if (c)
      out[kind] = {
        state: c.state,
        dueAt: c.dueAt.toISOString(),
        remainingBusinessMinutes: c.remainingBusinessMinutes,
      };
  }
  return out;
}

/** Answers JSON; errors as `{error: {code, message}}` with the code's status (404 for hidden tickets). */
function json(work: (c: HandlerContext) => Promise<unknown>) {
  return async (c: HandlerContext): Promise<void> => {
    try {
      c.res.status(200).json(await work(c));
    } catch (err) {
      const e = toKotaeError(err);
      if (e.status >= 500) throw err;
      c.res.status(e.status).json({ error: { code: e.code, message: e.userMessage } });
    }
  };
}

/** The duty routes. */
export const DUTY_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'post',
    path: '/tickets/:id/restoration-start',
    role: 'operator',
    handle: onTicket(async (c) => {
      await c.deps.tickets.recordRestorationStart(param(c.req, 'id'), c.auth.operator.username);
      done(c, `/tickets/${encodeURIComponent(param(c.req, 'id'))}`, 'saved');
    }),
  },
  {
    method: 'post',
    path: '/tickets/:id/confidential',
    role: 'operator',
    handle: onTicket(async (c) => {
      const on = field(c.req, 'confidential') === 'on';
      await c.deps.tickets.setConfidential(param(c.req, 'id'), on, c.auth.operator.username);
      done(c, `/tickets/${encodeURIComponent(param(c.req, 'id'))}`, 'saved');
    }),
  },
  {
    method: 'get',
    path: '/api/tickets',
    role: 'operator',
    handle: json(async (c) => {
      const terms = parseSearch(query(c.req, 'q'));
      const page = await c.deps.tickets.queue({ terms: terms.length ? terms : undefined, limit: 100 });
      return { total: page.total, tickets: page.items.map(ticketJson) };
    }),
  },
  {
    method: 'get',
    path: '/api/tickets/:id',
    role: 'operator',
    handle: json(async (c) => {
      const ticket = await c.deps.tickets.get(param(c.req, 'id'));
      const item = { ticket, sla: c.deps.tickets.sla(ticket) };
      return { ticket: { ...ticketJson(item), details: ticket.details } };
    }),
  },
];
