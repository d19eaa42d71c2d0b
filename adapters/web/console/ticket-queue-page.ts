/** チケット一覧: the queue with filters, status counts and SLA timers. */
import { TICKET_STATUSES, type TicketRecord, type TicketStatus } from '../../../bot/records';
import type { TicketComment } from '../../../bot/ports';
import { SLA_STATES, type SlaState } from '../../../calendar';
import { parseSearch, type OperatorRecord, type QueueFilter, type TicketWithSla } from '../../../tickets';
import { D } from './desk-messages';
import { highlight } from './highlight';
import { formatJst, slaText } from './format';
import { html, type SafeHtml } from './html';
import { M, PRIORITY_LABELS, SLA_LABELS, STATUS_LABELS, TYPE_LABELS } from './messages';

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
}

/** Turns query values into a queue filter, ignoring unknown values; a bad search is INPUT_INVALID. */
export function queueFilter(p: QueueParams, categories: readonly string[]): QueueFilter {
  const filter: QueueFilter = { limit: 200 };
  const terms = parseSearch(p.q);
  if (terms.length > 0) filter.terms = terms;
  const status = p.status || OPEN_FILTER;
  if (status === OPEN_FILTER) filter.status = OPEN_STATUSES;
  else if ((TICKET_STATUSES as readonly string[]).includes(status)) filter.status = [status as TicketStatus];
  if (categories.includes(p.category)) filter.category = p.category;
  if (p.assignee) filter.assignee = p.assignee.slice(0, 100);
  if ((SLA_STATES as readonly string[]).includes(p.sla)) filter.sla = p.sla as SlaState;
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

/** The queue page body. */
export function queueBody(
  base: string,
  p: QueueParams,
  page: { items: TicketWithSla[]; total: number },
  counts: Record<TicketStatus, number>,
  categories: readonly string[],
  operators: OperatorRecord[],
  undelivered: UndeliveredView = { csrf: '', items: [] },
  marker?: string,
): SafeHtml {
  const statusOptions: [string, string][] = [
    [OPEN_FILTER, '未完了（新規・対応中・保留）'],
    ['all', M.queue.all],
    ...TICKET_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s]]),
  ];
  const terms = safeTerms(p.q);
  const rows = page.items.map(
    ({ ticket: t, sla, excerpt }) =>
      html`<tr>
        <td><a href="${base}/tickets/${t.number}">${highlight(t.number, terms)}</a></td>
        <td>
          ${highlight(t.title, terms)}
          ${excerpt && excerpt.field !== 'title' && excerpt.field !== 'number' ? html`<br /><small class="excerpt">${D.search.foundIn[excerpt.field]}: ${highlight(excerpt.text, terms)}</small>` : ''}
          ${t.requesterRepliedAt ? html` <span class="badge requester-replied">${M.queue.requesterReplied}</span>` : ''}
        </td>
        <td>${STATUS_LABELS[t.status]}</td>
        <td>${TYPE_LABELS[t.type]}</td>
        <td>${PRIORITY_LABELS[t.priority]}</td>
        <td>${t.category}</td>
        <td>${t.assignee ?? M.queue.unassigned}</td>
        <td class="sla-${sla.response.state}">${slaText(sla.response)}</td>
        <td class="sla-${sla.resolution.state}">${slaText(sla.resolution)}</td>
        <td>${formatJst(t.createdAt)}</td>
      </tr>`,
  );
  return html`${searchForm(base, p)}
    <div data-live="${marker === undefined ? '' : `${base}/events`}" data-marker="${marker ?? ''}" hidden></div>
    ${undeliveredSection(base, undelivered)}
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
      ${p.q ? html`<input type="hidden" name="q" value="${p.q}" />` : ''}
      <button type="submit">${M.queue.apply}</button>
    </form>
    <div data-live-part="queue">
      <p id="queue-total">
        ${terms.length ? D.search.results(page.total, terms.join(' ')) : M.queue.total(page.total)}
      </p>
      ${
        page.items.length === 0
          ? html`<p>${M.queue.empty}</p>`
          : html`<table>
              <caption>
                ${M.queue.title}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${M.queue.number}</th>
                  <th scope="col">${M.queue.subject}</th>
                  <th scope="col">${M.queue.status}</th>
                  <th scope="col">${M.queue.type}</th>
                  <th scope="col">${M.queue.priority}</th>
                  <th scope="col">${M.queue.category}</th>
                  <th scope="col">${M.queue.assignee}</th>
                  <th scope="col">${M.queue.responseDue}</th>
                  <th scope="col">${M.queue.resolutionDue}</th>
                  <th scope="col">${M.detail.createdAt}</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }
    </div>`;
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
              <input type="hidden" name="_csrf" value="${v.csrf}" />
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
  const keep = (['status', 'category', 'assignee', 'sla'] as const).filter((k) => p[k]);
  return html`<form method="get" action="${base}/tickets" class="search" role="search">
    <label for="q">${D.search.label}</label>
    <input id="q" name="q" type="search" value="${p.q}" maxlength="1000" aria-describedby="q-hint" />
    ${keep.map((k) => html`<input type="hidden" name="${k}" value="${p[k]}" />`)}
    <button type="submit">${D.search.submit}</button>
    ${p.q ? html`<a href="${base}/tickets">${D.search.clear}</a>` : ''}
    <p id="q-hint" class="hint">${D.search.hint}</p>
  </form>`;
}
