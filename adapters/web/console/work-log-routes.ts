/** 作業実績: list by period and record entries (on a ticket or standalone planned work). */
import { workLogFields } from './work-log-form';
import { html } from './html';
import { parseJstDateTime } from '../../../calendar';
import { KotaeError } from '../../../core';
import { formatJst, toDateInput, toDateTimeLocal, typedJstDateTime } from './format';
import { noticeFor, sendPage } from './layout';
import { M } from './messages';
import { done, field, query, type ConsoleRoute, type HandlerContext } from './route-types';
import { INLINE_CODES } from './ticket-routes';
import { writeKeyInput } from './write-key';

const DAY = 86_400_000;
/** The fields of an entry kept when a save is refused. */
const WORK_LOG_FIELDS = ['ticket', 'startedAt', 'endedAt', 'operatorName', 'title', 'content', 'remarks'] as const;

/** The 作業実績 page; after a refused entry with its status, message and what was typed. */
async function renderWorkLogs(c: HandlerContext, status = 200, error?: string, typed?: Record<string, string>) {
  const now = c.deps.clock.now();
  const monthStart = parseJstDateTime(`${toDateInput(now).slice(0, 7)}-01`);
  const fromQ = parseJstDateTime(query(c.req, 'from'));
  const toQ = parseJstDateTime(query(c.req, 'to'));
  const from = Number.isNaN(fromQ.getTime()) ? monthStart : fromQ;
  const toDay = Number.isNaN(toQ.getTime()) ? parseJstDateTime(toDateInput(now)) : toQ;
  const to = new Date(Math.max(toDay.getTime(), from.getTime()) + DAY);
  const entries = await c.deps.workLogs.list(from, to);
  const start = toDateTimeLocal(now);
  const body = html`<form method="get" action="${c.base}/worklogs" class="inline">
      <div class="field">
        <label for="p-from">${M.worklog.from}</label
        ><input type="date" id="p-from" name="from" value="${toDateInput(from)}" />
      </div>
      <div class="field">
        <label for="p-to">${M.worklog.to}</label><input type="date" id="p-to" name="to" value="${toDateInput(toDay)}" />
      </div>
      <button type="submit">${M.worklog.show}</button>
    </form>
    ${
      entries.length === 0
        ? html`<p>${M.worklog.empty}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${M.worklog.startedAt}</th>
                <th scope="col">${M.worklog.endedAt}</th>
                <th scope="col">${M.worklog.operatorName}</th>
                <th scope="col">${M.worklog.workTitle}</th>
                <th scope="col">${M.worklog.content}</th>
                <th scope="col">${M.worklog.remarks}</th>
                <th scope="col">チケット</th>
              </tr>
            </thead>
            <tbody>
              ${entries.map(
                (w) =>
                  html`<tr>
                    <td>${formatJst(w.startedAt)}</td>
                    <td>${formatJst(w.endedAt)}</td>
                    <td>${w.operatorName}</td>
                    <td>${w.title}</td>
                    <td class="body">${w.content}</td>
                    <td class="body">${w.remarks ?? ''}</td>
                    <td>
                      ${w.ticketId ? html`<a href="${c.base}/tickets/${w.ticketId}">${M.detail.title('')}</a>` : M.worklog.standalone}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <h2>${M.worklog.submit}</h2>
    <form method="post" action="${c.base}/worklogs" class="stack">
      <input type="hidden" name="_csrf" value="${c.auth.session.csrfToken}" />${writeKeyInput()}
      <div class="field">
        <label for="w-ticket">${M.worklog.ticket}</label
        ><input id="w-ticket" name="ticket" value="${typed?.ticket ?? ''}" />
      </div>
      ${workLogFields(start, c.auth.operator.displayName, typed)}
      <button type="submit">${M.worklog.submit}</button>
    </form>`;
  sendPage(c.res, status, {
    base: c.base,
    auth: c.auth,
    title: M.worklog.title,
    body,
    error,
    notice: error ? undefined : noticeFor(query(c.req, 'notice')),
  });
}

/** Routes of the work log pages. */
export const WORK_LOG_ROUTES: readonly ConsoleRoute[] = [
  { method: 'get', path: '/worklogs', role: 'operator', handle: (c) => renderWorkLogs(c) },
  {
    method: 'post',
    path: '/worklogs',
    role: 'operator',
    handle: async (c) => {
      const ticketRef = field(c.req, 'ticket').trim();
      const ticket = ticketRef ? await c.deps.tickets.get(ticketRef) : undefined;
      try {
        await c.deps.workLogs.add({
          ticketId: ticket?.id,
          startedAt: typedJstDateTime(field(c.req, 'startedAt'), M.worklog.startedAt),
          endedAt: typedJstDateTime(field(c.req, 'endedAt'), M.worklog.endedAt),
          operatorName: field(c.req, 'operatorName'),
          title: field(c.req, 'title'),
          content: field(c.req, 'content'),
          remarks: field(c.req, 'remarks'),
          createdBy: c.auth.operator.username,
        });
      } catch (err) {
        if (!(err instanceof KotaeError) || !INLINE_CODES.has(err.code)) throw err;
        const typed: Record<string, string> = {};
        for (const k of WORK_LOG_FIELDS) typed[k] = field(c.req, k);
        if (!ticket) return renderWorkLogs(c, err.status, err.userMessage, typed);
        // From the ticket page: shown there once (post/redirect/get), like its other forms.
        const save = { form: 'worklog', fields: typed, error: err.userMessage, status: err.status };
        await c.deps.failedSaves.put(c.auth.session.id, ticket.id, save, c.deps.clock.now());
        return c.res.redirect(303, `${c.base}/tickets/${encodeURIComponent(ticket.number)}`);
      }
      done(c, ticket ? `/tickets/${ticket.number}` : '/worklogs', 'worklog');
    },
  },
];
