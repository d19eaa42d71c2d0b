/** チケット一覧: the queue with filters, status counts and SLA timers. */
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketRecord, type TicketStatus } from '../../../tickets';
import type { TicketComment } from '../../../tickets';
import { SLA_STATES, type SlaState } from '../../../calendar';
import {
  QUEUE_IN_MEMORY_LIMIT,
  QUEUE_SORT_KEYS,
  parseSearch,
  ticketSlaRisk,
  type OperatorRecord,
  type QueueFilter,
  type QueuePage,
  type QueueSortKey,
  type TicketWithSla,
} from '../../../tickets';
import { D } from './desk-messages';
import { highlight } from './highlight';
import { formatJst, slaText } from './format';
import { confidentialBadge } from './duty-parts';
import { html, type SafeHtml } from './html';
import { M, PRIORITY_LABELS, SLA_LABELS, STATUS_LABELS, TYPE_LABELS } from './messages';
import { writeKeyInput } from './write-key';

/** Status filter value for the open statuses (the default). */
export const OPEN_FILTER = 'open';
const OPEN_STATUSES: TicketStatus[] = ['new', 'in_progress', 'on_hold'];

/** Raw filter values from the query string. */
export interface QueueParams {
  status: string;
  category: string;
  assignee: string;
  sla: string;
  /** Search input (free text). */
  q: string;
  /** Sort column and direction. */
  sort?: string;
  dir?: string;
  /** Page of the queue, from 1 (QUEUE_PAGE_SIZE tickets each). */
  page?: string;
}

/** Tickets on one page of the queue. */
export const QUEUE_PAGE_SIZE = 200;

/** The page number asked for (1 when absent or not a positive number). */
function pageOf(p: QueueParams): number {
  const n = Number.parseInt(p.page ?? '', 10);
  return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}

/** Turns query values into a queue filter, ignoring unknown values; a bad search is INPUT_INVALID. */
export function queueFilter(p: QueueParams, categories: readonly string[]): QueueFilter {
  const filter: QueueFilter = { limit: QUEUE_PAGE_SIZE, offset: (pageOf(p) - 1) * QUEUE_PAGE_SIZE };
  const terms = parseSearch(p.q);
  if (terms.length > 0) filter.terms = terms;
  const status = p.status || OPEN_FILTER;
  if (status === OPEN_FILTER) filter.status = OPEN_STATUSES;
  else if ((TICKET_STATUSES as readonly string[]).includes(status)) filter.status = [status as TicketStatus];
  if (categories.includes(p.category)) filter.category = p.category;
  if (p.assignee) filter.assignee = p.assignee.slice(0, 100);
  if ((SLA_STATES as readonly string[]).includes(p.sla)) filter.sla = p.sla as SlaState;
  if ((QUEUE_SORT_KEYS as readonly string[]).includes(p.sort ?? ''))
    filter.sort = { key: p.sort as QueueSortKey, dir: p.dir === 'desc' ? 'desc' : 'asc' };
  return filter;
}

function select(name: string, label: string, current: string, options: [string, string][]): SafeHtml {
  return html`<div class="field">
    <label for="f-${name}">${label}</label
    ><select id="f-${name}" name="${name}">
      ${options.map(([v, t]) => html`<option value="${v}" ${v === current ? html` selected` : ''}>${t}</option>`)}
    </select>
  </div>`;
}

/** What the queue page shows besides the tickets. */
export interface QueueView {
  base: string;
  p: QueueParams;
  page: QueuePage;
  counts: Record<TicketStatus, number>;
  categories: readonly string[];
  operators: OperatorRecord[];
  undelivered?: UndeliveredView;
  marker?: string;
  csrf: string;
  me: string;
  views?: SavedViewLink[];
}

/** A saved view shown above the queue. */
export interface SavedViewLink {
  id: string;
  name: string;
  query: string;
}

const COLUMNS: [QueueSortKey, string][] = [
  ['number', M.queue.number],
  ['title', M.queue.subject],
  ['requester', M.queue.requester],
  ['department', D.queue.department],
  ['status', M.queue.status],
  ['type', M.queue.type],
  ['priority', M.queue.priority],
  ['category', M.queue.category],
  ['assignee', M.queue.assignee],
  ['responseDue', M.queue.responseDue],
  ['resolutionDue', M.queue.resolutionDue],
  ['createdAt', M.detail.createdAt],
];

/** The query string of the page with some values replaced. */
export function queueQuery(p: QueueParams, over: Partial<QueueParams> = {}): string {
  const all = { ...p, ...over };
  const pairs = (Object.keys(all) as (keyof QueueParams)[]).filter((k) => all[k]).map((k) => [k, String(all[k])]);
  return new URLSearchParams(pairs).toString();
}

function sortHeader(base: string, p: QueueParams, key: QueueSortKey, label: string): SafeHtml {
  const active = p.sort === key;
  const dir = active && p.dir !== 'desc' ? 'desc' : 'asc';
  const aria = active ? (p.dir === 'desc' ? 'descending' : 'ascending') : undefined;
  return html`<th scope="col" ${aria ? html`aria-sort="${aria}"` : ''}>
    <a href="${base}/tickets?${queueQuery(p, { sort: key, dir, page: '' })}"
      >${label}${active ? (p.dir === 'desc' ? ' ▼' : ' ▲') : ''}</a
    >
  </th>`;
}

function riskBadge(risk: 'at_risk' | 'breached' | undefined): SafeHtml | string {
  if (!risk) return '';
  return html` <span class="badge risk-${risk}">${risk === 'breached' ? D.queue.breached : D.queue.atRisk}</span>`;
}

function row(v: QueueView, item: TicketWithSla, terms: string[], names: Map<string, string>, first: boolean): SafeHtml {
  const { ticket: t, sla, excerpt } = item;
  const risk = ticketSlaRisk(sla);
  const cell = (label: string, value: SafeHtml | string) => html`<td data-label="${label}">${value}</td>`;
  return html`<tr class="${risk ? `risk-${risk}` : ''}" data-ticket="${t.number}">
    <td class="select">
      <input type="checkbox" name="ids" value="${t.number}" form="bulk" aria-label="${D.queue.select(t.number)}" />
    </td>
    ${cell(
      M.queue.number,
      html`<a href="${v.base}/tickets/${t.number}" class="ticket-link" ${first ? html`id="first-ticket"` : ''}
        >${highlight(t.number, terms)}</a
      >`,
    )}
    <td data-label="${M.queue.subject}">
      ${highlight(t.title, terms)}${riskBadge(risk)}${confidentialBadge(t)}
      ${excerpt && excerpt.field !== 'title' && excerpt.field !== 'number' ? html`<br /><small class="excerpt">${D.search.foundIn[excerpt.field]}: ${highlight(excerpt.text, terms)}</small>` : ''}
      ${t.requesterRepliedAt ? html` <span class="badge requester-replied">${M.queue.requesterReplied}</span>` : ''}
    </td>
    ${cell(M.queue.requester, highlight(t.requester.name ?? '', terms))}
    ${cell(D.queue.department, highlight(t.requester.department ?? '', terms))}
    ${cell(M.queue.status, STATUS_LABELS[t.status])} ${cell(M.queue.type, TYPE_LABELS[t.type])}
    ${cell(M.queue.priority, PRIORITY_LABELS[t.priority])} ${cell(M.queue.category, t.category)}
    <td data-label="${M.queue.assignee}">
      ${t.assignee ? (names.get(t.assignee) ?? t.assignee) : M.queue.unassigned}
      ${
        t.assignee === v.me
          ? ''
          : html`<button type="submit" form="bulk" formaction="${v.base}/tickets/${t.number}/assign-me" class="link">
              ${D.queue.assignMe}
            </button>`
      }
    </td>
    <td data-label="${M.queue.responseDue}" class="sla-${sla.response.state}">${slaText(sla.response)}</td>
    <td data-label="${M.queue.resolutionDue}" class="sla-${sla.resolution.state}">${slaText(sla.resolution)}</td>
    ${cell(M.detail.createdAt, formatJst(t.createdAt))}
  </tr>`;
}

function bulkForm(v: QueueView): SafeHtml {
  const keep = (label: string, name: string, options: [string, string][]) =>
    select(`bulk_${name}`, label, '', [['', D.queue.noChange], ...options]);
  return html`<form method="post" action="${v.base}/tickets/bulk" id="bulk" class="bulk" aria-label="${D.queue.bulk}">
    <input type="hidden" name="_csrf" value="${v.csrf}" />${writeKeyInput()}
    <input type="hidden" name="back" value="${queueQuery(v.p)}" />
    ${keep(M.queue.assignee, 'assignee', [
      ['__me', D.queue.toMe],
      ['__none', M.queue.unassigned],
      ...v.operators.map((o): [string, string] => [o.username, o.displayName]),
    ])}
    ${keep(
      M.queue.status,
      'status',
      TICKET_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s]]),
    )}
    ${keep(
      M.queue.category,
      'category',
      v.categories.map((c): [string, string] => [c, c]),
    )}
    ${keep(
      M.queue.priority,
      'priority',
      TICKET_PRIORITIES.map((x): [string, string] => [x, PRIORITY_LABELS[x]]),
    )}
    <button type="submit">${D.queue.bulkApply}</button>
  </form>`;
}

/** The queue page body. */
export function queueBody(v: QueueView): SafeHtml {
  const { base, p, page, counts, categories, operators } = v;
  const statusOptions: [string, string][] = [
    [OPEN_FILTER, '未完了（新規・対応中・保留）'],
    ['all', M.queue.all],
    ...TICKET_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s]]),
  ];
  const terms = safeTerms(p.q);
  const names = new Map(operators.map((o) => [o.username, o.displayName]));
  return html`${searchForm(base, p)}
    <div data-live="${v.marker === undefined ? '' : `${base}/events`}" data-marker="${v.marker ?? ''}" hidden></div>
    <p class="quick">
      <a href="${base}/tickets?${queueQuery(p, { assignee: v.me, page: '' })}">${D.queue.mine}</a>
      ${(v.views ?? []).map((s) => html` ・ <a href="${base}/tickets?${s.query}">${s.name}</a>`)}
    </p>
    ${v.undelivered ? undeliveredSection(base, v.undelivered) : ''}
    <section aria-labelledby="counts-h" data-live-part="counts">
      <h2 id="counts-h">${M.queue.counts}</h2>
      <ul class="counts">
        ${TICKET_STATUSES.map((s) => html`<li><a href="${base}/tickets?status=${s}">${STATUS_LABELS[s]}: ${counts[s]}</a></li>`)}
      </ul>
    </section>
    <form method="get" action="${base}/tickets" class="filters" aria-label="${M.queue.filter}">
      ${select('status', M.queue.status, p.status || OPEN_FILTER, statusOptions)}
      ${select('category', M.queue.category, p.category, [['', M.queue.all], ...categories.map((c): [string, string] => [c, c])])}
      ${select('assignee', M.queue.assignee, p.assignee, [['', M.queue.all], ...operators.map((o): [string, string] => [o.username, o.displayName])])}
      ${select('sla', M.queue.sla, p.sla, [['', M.queue.all], ...SLA_STATES.map((s): [string, string] => [s, SLA_LABELS[s]])])}
      ${(['q', 'sort', 'dir'] as const).map((k) => (p[k] ? html`<input type="hidden" name="${k}" value="${p[k]}" />` : ''))}
      <button type="submit">${M.queue.apply}</button>
    </form>
    ${v.views ? saveViewForm(v) : ''}
    <div data-live-part="queue">
      ${page.partial ? html`<p class="notice" id="queue-partial">${D.queue.slaLimited(QUEUE_IN_MEMORY_LIMIT, page.partial.matching, page.partial.newest)}</p>` : ''}
      <p id="queue-total">
        ${terms.length ? D.search.results(page.total, terms.join(' ')) : M.queue.total(page.total)}
      </p>
      ${
        page.items.length === 0
          ? html`<p>${M.queue.empty}</p>`
          : html`<table class="queue" id="queue-table">
              <caption>
                ${M.queue.title}
              </caption>
              <thead>
                <tr>
                  <th scope="col"><span class="visually-hidden">${D.queue.selectColumn}</span></th>
                  ${COLUMNS.map(([k, label]) => sortHeader(base, p, k, label))}
                </tr>
              </thead>
              <tbody>
                ${page.items.map((i, n) => row(v, i, terms, names, n === 0))}
              </tbody>
            </table>`
      }
      ${pager(v)}
    </div>
    ${bulkForm(v)}${shortcutHelp()}`;
}

/** 「210件中1〜200件を表示」 and links to the pages before and after, when the queue has more than one page. */
function pager(v: QueueView): SafeHtml | string {
  const n = pageOf(v.p);
  const first = (n - 1) * QUEUE_PAGE_SIZE;
  if (n === 1 && v.page.total <= QUEUE_PAGE_SIZE) return '';
  const link = (to: number, label: string, rel: string) => {
    const q = queueQuery(v.p, { page: to === 1 ? '' : String(to) });
    return html`<a href="${v.base}/tickets${q ? `?${q}` : ''}" rel="${rel}">${label}</a>`;
  };
  return html`<nav class="pager" aria-label="${D.queue.pages}">
    <p id="queue-range">${D.queue.range(v.page.total, first + 1, first + v.page.items.length)}</p>
    ${n > 1 ? link(n - 1, D.queue.previous(QUEUE_PAGE_SIZE), 'prev') : ''}
    ${first + v.page.items.length < v.page.total ? link(n + 1, D.queue.next(QUEUE_PAGE_SIZE), 'next') : ''}
  </nav>`;
}

/** The list of keyboard shortcuts (`?` shows it; console.js handles the keys). */
export function shortcutHelp(): SafeHtml {
  return html`<div id="shortcuts" class="shortcuts" role="dialog" aria-labelledby="shortcuts-h" hidden>
    <h2 id="shortcuts-h">${D.keys.title}</h2>
    <dl>
      ${D.keys.list.map(
        ([k, what]) =>
          html`<dt><kbd>${k}</kbd></dt>
            <dd>${what}</dd>`,
      )}
    </dl>
    <button type="button" id="shortcuts-close">${D.keys.close}</button>
  </div>`;
}

function saveViewForm(v: QueueView): SafeHtml {
  return html`<form method="post" action="${v.base}/views" class="save-view">
    <input type="hidden" name="_csrf" value="${v.csrf}" />${writeKeyInput()}
    <input type="hidden" name="query" value="${queueQuery(v.p, { page: '' })}" />
    <label for="view-name">${D.queue.viewName}</label>
    <input id="view-name" name="name" maxlength="50" required />
    <button type="submit">${D.queue.saveView}</button>
  </form>`;
}

/** Replies not delivered yet, and the form that retries them now. */
export interface UndeliveredView {
  csrf: string;
  items: { ticket: TicketRecord; comment: TicketComment }[];
}

/** 未送信の返信: listed with their error; 「今すぐ再送する」 retries them (the scheduler also does every 5 minutes). */
function undeliveredSection(base: string, v: UndeliveredView): SafeHtml {
  return html`<section aria-labelledby="undelivered-h" class="undelivered" data-live-part="undelivered">
    <h2 id="undelivered-h">${M.queue.undelivered}（${v.items.length}）</h2>
    ${
      v.items.length === 0
        ? html`<p>${M.queue.undeliveredNone}</p>`
        : html`<ul>
              ${v.items.map(
                ({ ticket, comment }) =>
                  html`<li>
                    <a href="${base}/tickets/${ticket.number}">${ticket.number}</a> ・ ${formatJst(comment.createdAt)}
                    ・ ${comment.deliveryError ? M.queue.undeliveredError(comment.deliveryError) : M.detail.pending}
                  </li>`,
              )}
            </ul>
            <form method="post" action="${base}/tickets/retry-undelivered">
              <input type="hidden" name="_csrf" value="${v.csrf}" />${writeKeyInput()}
              <button type="submit">${M.queue.undeliveredRetry}</button>
            </form>`
    }
  </section>`;
}

function safeTerms(q: string): string[] {
  try {
    return parseSearch(q);
  } catch {
    return [];
  }
}

/** The search box: a GET form keeping the other filters. */
export function searchForm(base: string, p: QueueParams): SafeHtml {
  const keep = (['status', 'category', 'assignee', 'sla', 'sort', 'dir'] as const).filter((k) => p[k]);
  return html`<form method="get" action="${base}/tickets" class="search" role="search">
    <label for="q">${D.search.label}</label>
    <input id="q" name="q" type="search" value="${p.q}" maxlength="1000" aria-describedby="q-hint" />
    ${keep.map((k) => html`<input type="hidden" name="${k}" value="${p[k]}" />`)}
    <button type="submit">${D.search.submit}</button>
    ${p.q ? html`<a href="${base}/tickets">${D.search.clear}</a>` : ''}
    <p id="q-hint" class="hint">${D.search.hint}</p>
  </form>`;
}
