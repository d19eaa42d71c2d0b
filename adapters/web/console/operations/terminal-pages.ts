/** The terminal list and the terminal page (fields, history, its tickets and their files). */
import type { TicketRecord } from '../../../../tickets';
import type { AttachmentMeta } from '../../../../tickets';
import {
  TERMINAL_STATUS_LABELS,
  type FieldChange,
  type Site,
  type Terminal,
  type TerminalChange,
} from '../../../../operations';
import { attachmentList, type ReleaseForms } from '../attachment-section';
import { formatJst } from '../format';
import { html, type SafeHtml } from '../html';
import { STATUS_LABELS } from '../messages';
import type { HandlerContext } from '../route-types';
import { csrfField, opsNav } from './common';
import { O } from './messages';
import { terminalForm, type TerminalFormValues } from './terminal-form';

/** The list page's body. */
export function terminalListBody(
  c: HandlerContext,
  sites: readonly Site[],
  page: { items: Terminal[]; total: number },
  filter: { site: string; q: string; offset: number; pageSize: number },
): SafeHtml {
  const b = `${c.base}/operations`;
  const pageLink = (offset: number, label: string) =>
    html`<a
      href="${b}/terminals?${new URLSearchParams({ site: filter.site, q: filter.q, offset: String(offset) }).toString()}"
      >${label}</a
    >`;
  const pager = html`<p class="links">
    ${filter.offset > 0 ? pageLink(Math.max(0, filter.offset - filter.pageSize), O.terminals.previous) : ''}
    ${filter.offset + page.items.length < page.total ? pageLink(filter.offset + filter.pageSize, O.terminals.next) : ''}
  </p>`;
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  return html`${opsNav(c)}
    <p class="links">
      <a href="${b}/terminals/new">${O.terminals.add}</a> ・
      <a href="${b}/terminals/import">${O.terminals.importLink}</a> ・
      <a href="${b}/terminals/export?encoding=utf8">${O.terminals.exportUtf8}</a> ・
      <a href="${b}/terminals/export?encoding=sjis">${O.terminals.exportSjis}</a>
    </p>
    <form method="get" action="${b}/terminals" class="inline" role="search">
      <label for="f-site">${O.terminals.site}</label
      ><select id="f-site" name="site">
        <option value="">${O.terminals.allSites}</option>
        ${sites.map((s) => html`<option value="${s.id}" ${s.id === filter.site ? 'selected' : ''}>${s.name}</option>`)}
      </select>
      <label for="f-q">${O.terminals.searchLabel}</label><input id="f-q" name="q" value="${filter.q}" maxlength="100" />
      <button type="submit">${O.terminals.filter}</button>
    </form>
    <p>${O.terminals.count(page.items.length, page.total)}</p>
    ${pager}
    ${
      page.items.length
        ? html`<table id="terminals">
            <thead>
              <tr>
                ${[
                  O.terminals.computerName,
                  O.terminals.ipAddress,
                  O.terminals.site,
                  O.terminals.department,
                  O.terminals.userName,
                  O.terminals.os,
                  O.terminals.status,
                ].map((h) => html`<th scope="col">${h}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${page.items.map(
                (t) =>
                  html`<tr>
                    <td><a href="${b}/terminals/${t.id}">${t.computerName}</a></td>
                    <td>${t.ipAddress}</td>
                    <td>${siteName.get(t.siteId) ?? ''}</td>
                    <td>${t.department ?? ''}</td>
                    <td>${t.userName ?? ''}</td>
                    <td>${[t.os, t.osVersion].filter(Boolean).join(' ')}</td>
                    <td>${TERMINAL_STATUS_LABELS[t.status]}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${O.terminals.none}</p>`
    }`;
}

/** The ledger's field names as the pages show them (history lines, the import preview's changes). */
export const TERMINAL_FIELD_LABELS: Readonly<Record<FieldChange['field'], string>> = {
  computerName: O.terminals.computerName,
  ipAddress: O.terminals.ipAddress,
  macAddress: O.terminals.macAddress,
  model: O.terminals.model,
  os: O.terminals.os,
  osVersion: O.terminals.osVersion,
  siteId: O.terminals.site,
  department: O.terminals.department,
  userName: O.terminals.userName,
  status: O.terminals.status,
};
const FIELD_LABELS: Readonly<Record<string, string>> = TERMINAL_FIELD_LABELS;

function historyList(history: readonly TerminalChange[], sites: Map<string, string>): SafeHtml {
  if (history.length === 0) return html`<p>${O.terminals.historyNone}</p>`;
  const value = (field: string, v?: string) =>
    field === 'siteId'
      ? v
        ? (sites.get(v) ?? v)
        : ''
      : field === 'status' && v
        ? (TERMINAL_STATUS_LABELS[v as Terminal['status']] ?? v)
        : (v ?? '');
  return html`<table id="terminal-history">
    <thead>
      <tr>
        <th scope="col">${O.terminals.at}</th>
        <th scope="col">${O.terminals.actor}</th>
        <th scope="col">${O.terminals.changes}</th>
      </tr>
    </thead>
    <tbody>
      ${history.map(
        (h) =>
          html`<tr>
            <td>${formatJst(h.at)}</td>
            <td>${h.actor}</td>
            <td>
              ${O.terminals.historyActions[h.action] ?? h.action}:
              ${h.changes.map(
                (ch, i) =>
                  html`${i ? '、' : ''}${FIELD_LABELS[ch.field] ?? ch.field}
                  ${h.action === 'update' || h.action === 'import_update' ? html`「${value(ch.field, ch.before)}」→` : ''}「${value(ch.field, ch.after)}」`,
              )}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The terminal page's body. */
export function terminalPageBody(
  c: HandlerContext,
  t: Terminal,
  sites: readonly Site[],
  history: readonly TerminalChange[],
  tickets: readonly { ticket: TicketRecord; attachments: AttachmentMeta[] }[],
  typed?: Partial<TerminalFormValues>,
  release?: ReleaseForms,
): SafeHtml {
  const b = `${c.base}/operations`;
  const values: Partial<TerminalFormValues> = typed ?? {
    ...Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'string' ? v : ''])),
    version: String(t.version),
  };
  return html`${opsNav(c)}
    <section aria-labelledby="tk-h">
      <h2 id="tk-h">${O.terminals.tickets}</h2>
      ${
        tickets.length
          ? html`<ul id="terminal-tickets">
              ${tickets.map(
                ({ ticket, attachments }) =>
                  html`<li>
                    <a href="${c.base}/tickets/${ticket.number}">${ticket.number}</a> ${ticket.title}
                    （${STATUS_LABELS[ticket.status]}・${formatJst(ticket.createdAt)}）
                    ${attachments.length ? html`<div>${O.terminals.files}: ${attachmentList(c.base, attachments, release)}</div>` : ''}
                  </li>`,
              )}
            </ul>`
          : html`<p>${O.terminals.ticketsNone}</p>`
      }
    </section>
    <section aria-labelledby="ed-h">
      <h2 id="ed-h">${O.terminals.save}</h2>
      ${terminalForm(c, `${b}/terminals/${t.id}`, sites, values, O.terminals.save)}
      <form method="post" action="${b}/terminals/${t.id}/delete" data-confirm="${O.terminals.confirmDelete}">
        ${csrfField(c)}<button type="submit" class="danger">${O.terminals.delete}</button>
      </form>
    </section>
    <section aria-labelledby="hi-h">
      <h2 id="hi-h">${O.terminals.history}</h2>
      ${historyList(history, new Map(sites.map((s) => [s.id, s.name])))}
    </section>`;
}
