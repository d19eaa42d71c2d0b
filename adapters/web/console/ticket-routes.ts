/** Ticket routes: queue, detail, update (optimistic locking), reply (with files), note, attachment download, FAQ promotion. */
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketPriority,
  type TicketRecord,
  type TicketStatus,
  type TicketType,
} from '../../../tickets';
import { KotaeError } from '../../../core';
import {
  INCIDENT_FIELDS,
  fillTemplate,
  hasRole,
  proposeFaqFromTicket,
  worksTickets,
  type QueueFilter,
  type RecentConversation,
  type TicketChanges,
} from '../../../tickets';
import { RECENT_CONVERSATIONS } from './requester-conversations';
import { detailBody, type TypedForm } from './ticket-detail-page';
import { sendAttachment } from '../attachment-download';
import { uploadedFiles } from './upload';
import { faqForm } from './faq-pages';
import { html } from './html';
import { noticeFor, sendPage } from './layout';
import { M } from './messages';
import { queueBody, queueFilter, searchForm, type QueueParams } from './ticket-queue-page';
import { D } from './desk-messages';
import { done, field, param, query, type ConsoleRoute, type HandlerContext } from './route-types';
import { ticketTerminalPanel } from './operations';
import { writeKeyOf } from './write-key';
import { releaseFormsFor } from './quarantine-routes';

/** Errors shown on the page the operator was working on instead of an error page. */
export const INLINE_CODES = new Set(['INPUT_INVALID', 'INPUT_TOO_LARGE', 'CONFLICT', 'TICKET_TRANSITION_INVALID']);

/**
 * Renders the detail page. A save of this session that failed on this ticket (post/redirect/get) is shown
 * once: its error, its status and everything typed.
 */
async function renderDetail(c: HandlerContext): Promise<void> {
  const { tickets, workLogs, accounts, clock } = c.deps;
  const detail = await tickets.detail(param(c.req, 'id'));
  const failed = await c.deps.failedSaves.take(c.auth.session.id, detail.ticket.id, clock.now());
  let typed: TypedForm | undefined = failed && { form: typedFormName(failed.form), values: failed.fields };
  const marker = await c.deps.changes?.ticketMarker(detail.ticket.id);
  const [logs, operators, others, templates, related, conversations, confidentialEditable] = await Promise.all([
    workLogs.listByTicket(detail.ticket.id),
    accounts.list(),
    tickets.requesterHistory(detail.ticket),
    c.deps.templates?.list(),
    c.deps.links?.related(detail.ticket.id),
    recentConversations(c, detail.ticket),
    tickets.maySeeConfidential(),
  ]);
  const chosen = templates?.find((t) => t.id === query(c.req, 'template'));
  if (chosen && !typed) {
    const assignee =
      operators.find((o) => o.username === detail.ticket.assignee)?.displayName ?? c.auth.operator.displayName;
    typed = { form: 'reply', values: { body: fillTemplate(chosen.body, detail.ticket, assignee) } };
  }
  sendPage(c.res, failed?.status ?? 200, {
    base: c.base,
    auth: c.auth,
    title: M.detail.title(detail.ticket.number),
    notice: failed ? undefined : (noticeFor(query(c.req, 'notice')) ?? deskNotice(query(c.req, 'notice'), '')),
    error: failed?.error,
    body: detailBody({
      base: c.base,
      csrf: c.auth.session.csrfToken,
      detail,
      workLogs: logs,
      operators,
      categories: tickets.categories,
      now: clock.now(),
      attachmentMaxBytes: c.deps.attachments?.maxBytes,
      marker,
      typed,
      others,
      templates,
      related,
      conversations,
      terminal: await ticketTerminalPanel(c, detail.ticket),
      confidentialEditable,
      release: await releaseFormsFor(c, detail.attachments),
    }),
  });
}

/** The requester's other recent conversations (not the ticket's own), when the console has the port. */
async function recentConversations(
  c: HandlerContext,
  ticket: TicketRecord,
): Promise<{ recent?: RecentConversation[] } | undefined> {
  const source = c.deps.conversations;
  if (!source) return undefined;
  if (!ticket.requester.id) return {};
  const recent = await source.recent(ticket.requester.id, {
    ...RECENT_CONVERSATIONS,
    excludeId: ticket.conversationId,
  });
  return { recent };
}

const TYPED_FORMS: readonly TypedForm['form'][] = ['update', 'reply', 'note', 'merge', 'link', 'worklog'];

/** The ticket-page form a posted path belongs to (the update form for anything else). */
function typedFormName(name: string | undefined): TypedForm['form'] {
  return oneOf(TYPED_FORMS, name ?? '') ?? 'update';
}

/** What the operator typed in the form that was posted (shown again after an error); files cannot be kept. */
function typedForm(c: HandlerContext): TypedForm {
  const form = typedFormName(/\/(update|reply|note|merge|link)$/.exec(c.req.path)?.[1]);
  const body = (c.req.body ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (k !== '_csrf' && typeof v === 'string') values[k] = v;
  return { form, values };
}

/** The queue page (filters, search, sort, saved views, bulk form), or the search error with status 400. */
async function renderQueue(c: HandlerContext): Promise<void> {
  const p: QueueParams = {
    status: query(c.req, 'status'),
    category: query(c.req, 'category'),
    assignee: query(c.req, 'assignee'),
    sla: query(c.req, 'sla'),
    q: query(c.req, 'q').slice(0, 2000),
    sort: query(c.req, 'sort').slice(0, 20),
    dir: query(c.req, 'dir').slice(0, 4),
    page: query(c.req, 'page').slice(0, 6),
  };
  const { tickets, accounts } = c.deps;
  let filter: QueueFilter;
  try {
    filter = queueFilter(p, tickets.categories);
  } catch (err) {
    if (!(err instanceof KotaeError) || err.code !== 'INPUT_INVALID') throw err;
    return sendPage(c.res, 400, {
      base: c.base,
      auth: c.auth,
      title: M.queue.title,
      error: err.userMessage,
      body: searchForm(c.base, p),
    });
  }
  const marker = await c.deps.changes?.deskMarker();
  const [page, counts, operators, undelivered, views] = await Promise.all([
    tickets.queue(filter),
    tickets.countsByStatus(),
    accounts.list(),
    tickets.undelivered(),
    c.deps.views?.list(c.auth.operator.username),
  ]);
  sendPage(c.res, 200, {
    base: c.base,
    auth: c.auth,
    title: M.queue.title,
    docTitle: `(${page.total}) ${M.queue.title}`,
    notice: noticeFor(query(c.req, 'notice')) ?? deskNotice(query(c.req, 'notice'), query(c.req, 'failed')),
    skipTo: page.items.length ? { href: '#first-ticket', label: D.queue.skipToFirst } : undefined,
    body: queueBody({
      base: c.base,
      p,
      page,
      counts,
      categories: tickets.categories,
      operators: operators.filter(worksTickets),
      undelivered: { csrf: c.auth.session.csrfToken, items: undelivered },
      marker,
      csrf: c.auth.session.csrfToken,
      me: c.auth.operator.username,
      views,
    }),
  });
}

/** Notices of the queue's own actions (`?notice=bulk&ok=…&failed=…`). */
function deskNotice(key: string, failed: string): string | undefined {
  if (key === 'assignedMe') return D.queue.assigned;
  if (key === 'viewSaved') return D.queue.viewSaved;
  if (key === 'merged') return D.merge.done;
  if (key === 'linked') return D.links.done;
  if (key.startsWith('bulk')) {
    const ok = Number.parseInt(key.slice(4), 10);
    return Number.isSafeInteger(ok) ? D.queue.bulkDone(ok, Number.parseInt(failed, 10) || 0) : undefined;
  }
  return undefined;
}

/**
 * Runs a ticket action. A user error (post/redirect/get): what was typed and the message are kept for this
 * session and ticket, and the browser is sent (303) to the ticket page, which shows them once; a refresh
 * there reads the ticket and never posts again.
 */
export function onTicket(action: (c: HandlerContext) => Promise<void>) {
  return async (c: HandlerContext): Promise<void> => {
    try {
      await action(c);
    } catch (err) {
      if (!(err instanceof KotaeError) || !INLINE_CODES.has(err.code)) throw err;
      const ticket = await c.deps.tickets.get(param(c.req, 'id'));
      const typed = typedForm(c);
      await c.deps.failedSaves.put(
        c.auth.session.id,
        ticket.id,
        { form: typed.form, fields: typed.values, error: err.userMessage, status: err.status },
        c.deps.clock.now(),
      );
      c.res.redirect(303, `${c.base}/tickets/${encodeURIComponent(ticket.number)}`);
    }
  };
}

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function changesFrom(c: HandlerContext, current: { incident?: Record<string, string | undefined> }): TicketChanges {
  const changes: TicketChanges = {
    status: oneOf<TicketStatus>(TICKET_STATUSES, field(c.req, 'status')),
    type: oneOf<TicketType>(TICKET_TYPES, field(c.req, 'type')),
    priority: oneOf<TicketPriority>(TICKET_PRIORITIES, field(c.req, 'priority')),
    category: field(c.req, 'category') || undefined,
    title: field(c.req, 'title').trim() || undefined,
    assignee: field(c.req, 'assignee') || null,
  };
  const incident: Record<string, string> = {};
  for (const f of INCIDENT_FIELDS) {
    const value = field(c.req, f).trim();
    if (value !== (current.incident?.[f] ?? '')) incident[f] = value;
  }
  if (Object.keys(incident).length > 0) changes.incident = incident;
  return changes;
}

/** Routes of the ticket pages. */
export const TICKET_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/',
    role: 'staff',
    handle: async (c) => {
      if (hasRole(c.auth.operator.role, 'operator')) return c.res.redirect(302, `${c.base}/tickets`);
      // An auditor's first page is the audit log (it sees no tickets).
      if (hasRole(c.auth.operator.role, 'auditor')) return c.res.redirect(302, `${c.base}/audit`);
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: M.staffNotice.title,
        body: html`<p>${M.staffNotice.body}</p>`,
      });
    },
  },
  { method: 'get', path: '/tickets', role: 'operator', handle: renderQueue },
  {
    method: 'post',
    path: '/tickets/retry-undelivered',
    role: 'operator',
    handle: async (c) => {
      await c.deps.tickets.retryUndelivered();
      done(c, '/tickets', 'retried');
    },
  },
  { method: 'get', path: '/tickets/:id', role: 'operator', handle: renderDetail },
  {
    method: 'post',
    path: '/tickets/:id/update',
    role: 'operator',
    handle: onTicket(async (c) => {
      const version = Number.parseInt(field(c.req, 'version'), 10);
      if (!Number.isSafeInteger(version)) throw new KotaeError('INPUT_INVALID', 'missing version');
      const current = await c.deps.tickets.get(param(c.req, 'id'));
      const updated = await c.deps.tickets.update(
        current.id,
        version,
        changesFrom(c, current),
        c.auth.operator.username,
      );
      done(c, `/tickets/${updated.number}`, 'saved');
    }),
  },
  {
    method: 'post',
    path: '/tickets/:id/reply',
    role: 'operator',
    ownKey: true,
    handle: async (c) => {
      // A malformed key is refused with 400 before anything is written (not shown inline).
      const writeKey = writeKeyOf(c);
      await onTicket(async () => {
        const files = uploadedFiles(c);
        const comment = await c.deps.tickets.reply(
          param(c.req, 'id'),
          field(c.req, 'body'),
          c.auth.operator.username,
          files,
          writeKey,
        );
        done(c, `/tickets/${encodeURIComponent(param(c.req, 'id'))}`, comment.deliveredAt ? 'replied' : 'replyQueued');
      })(c);
    },
  },
  {
    method: 'post',
    path: '/tickets/:id/note',
    role: 'operator',
    ownKey: true,
    handle: async (c) => {
      const writeKey = writeKeyOf(c);
      await onTicket(async () => {
        await c.deps.tickets.note(param(c.req, 'id'), field(c.req, 'body'), c.auth.operator.username, writeKey);
        done(c, `/tickets/${encodeURIComponent(param(c.req, 'id'))}`, 'noted');
      })(c);
    },
  },
  {
    method: 'get',
    path: '/attachments/:attachmentId',
    role: 'operator',
    handle: async (c) => {
      const service = c.deps.attachments;
      if (!service) throw new KotaeError('NOT_FOUND', 'attachments not configured');
      const meta = await service.forOperator(param(c.req, 'attachmentId'));
      if (meta.ticketId) await c.deps.tickets.get(meta.ticketId); // NOT_FOUND on a hidden 機密性3 ticket
      await sendAttachment(c.res, meta, await service.content(meta), { download: query(c.req, 'download') === '1' });
    },
  },
  {
    method: 'get',
    path: '/tickets/:id/faq',
    role: 'operator',
    handle: async (c) => {
      const detail = await c.deps.tickets.detail(param(c.req, 'id'));
      const draft = proposeFaqFromTicket(detail.ticket, detail.comments);
      const body = faqForm({
        base: c.base,
        csrf: c.auth.session.csrfToken,
        action: `/tickets/${detail.ticket.number}/faq`,
        input: draft,
        categories: c.deps.tickets.categories,
        submit: M.faq.saveDraft,
      });
      sendPage(c.res, 200, { base: c.base, auth: c.auth, title: M.faq.promoteTitle, body });
    },
  },
  {
    method: 'post',
    path: '/tickets/:id/faq',
    role: 'operator',
    handle: async (c) => {
      const ticket = await c.deps.tickets.get(param(c.req, 'id'));
      const input = {
        category: field(c.req, 'category'),
        question: field(c.req, 'question'),
        alternateQuestions: field(c.req, 'alternates').split(/\r?\n/),
        answer: field(c.req, 'answer'),
        sourceUrl: field(c.req, 'sourceUrl'),
      };
      await c.deps.faqs.saveDraft(input, ticket.id, c.auth.operator.username);
      done(c, '/faqs/drafts', 'faqDraft');
    },
  },
];
