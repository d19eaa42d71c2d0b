/** 作業実績: list by period and record entries (on a ticket or standalone planned work). */
import { workLogFields } from './work-log-form';
import { html } from './html';
import { parseJstDateTime } from '../../../calendar';
import { formatJst, toDateInput, toDateTimeLocal } from './format';
import { noticeFor, sendPage } from './layout';
import { M } from './messages';
import { done, field, query, type ConsoleRoute } from './route-types';
import { writeKeyInput } from './write-key';

const DAY = 86_400_000;

/** Routes of the work log pages. */
export const WORK_LOG_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/worklogs',
    role: 'operator',
    handle: async (c) => {
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
            <label for="p-to">${M.worklog.to}</label
            ><input type="date" id="p-to" name="to" value="${toDateInput(toDay)}" />
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
            <label for="w-ticket">${M.worklog.ticket}</label><input id="w-ticket" name="ticket" />
          </div>
          ${workLogFields(start, c.auth.operator.displayName)}
          <button type="submit">${M.worklog.submit}</button>
        </form>`;
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: M.worklog.title,
        body,
        notice: noticeFor(query(c.req, 'notice')),
      });
    },
  },
  {
    method: 'post',
    path: '/worklogs',
    role: 'operator',
    handle: async (c) => {
      const ticketRef = field(c.req, 'ticket').trim();
      const ticket = ticketRef ? await c.deps.tickets.get(ticketRef) : undefined;
      await c.deps.workLogs.add({
        ticketId: ticket?.id,
        startedAt: parseJstDateTime(field(c.req, 'startedAt')),
        endedAt: parseJstDateTime(field(c.req, 'endedAt')),
        operatorName: field(c.req, 'operatorName'),
        title: field(c.req, 'title'),
        content: field(c.req, 'content'),
        remarks: field(c.req, 'remarks'),
        createdBy: c.auth.operator.username,
      });
      done(c, ticket ? `/tickets/${ticket.number}` : '/worklogs', 'worklog');
    },
  },
];
