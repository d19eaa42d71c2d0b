/** 端末 (terminals): list, register, edit, delete, CSV import and export, the terminal page. */
import type { TicketRecord } from '../../../../tickets';
import type { AttachmentMeta } from '../../../../tickets';
import { contentDisposition } from '../../attachment-download';
import { html } from '../html';
import { sendPage } from '../layout';
import { done, param, query, type ConsoleRoute, type HandlerContext } from '../route-types';
import { opsNav, opsOf, orShowError } from './common';
import { TERMINAL_IMPORT_ROUTES } from './terminal-import-routes';
import { O } from './messages';
import { rawTerminal, terminalForm, typedTerminal, type TerminalFormValues } from './terminal-form';
import { terminalListBody, terminalPageBody } from './terminal-pages';
import { releaseFormsFor } from '../quarantine-routes';

const NOTICES: Record<string, string> = {
  terminalCreated: O.terminals.created,
  terminalSaved: O.terminals.saved,
  terminalDeleted: O.terminals.deleted,
};
const PAGE_SIZE = 200;

async function listPage(c: HandlerContext) {
  const ops = opsOf(c);
  const filter = { site: query(c.req, 'site'), q: query(c.req, 'q').slice(0, 100) };
  const offset = Math.max(0, Number.parseInt(query(c.req, 'offset'), 10) || 0);
  const [sites, page] = await Promise.all([
    ops.sites.list(),
    ops.terminals.list({ siteId: filter.site || undefined, text: filter.q, limit: PAGE_SIZE, offset }),
  ]);
  const count = (name: string) => Number.parseInt(query(c.req, name), 10) || 0;
  const notice =
    NOTICES[query(c.req, 'notice')] ??
    (query(c.req, 'imported')
      ? O.importPage.done(count('imported'))
      : query(c.req, 'added')
        ? O.importPage.imported(count('added'), count('updated'), count('unchanged'))
        : undefined);
  sendPage(c.res, 200, {
    base: c.base,
    auth: c.auth,
    title: O.terminals.title,
    notice,
    body: terminalListBody(c, sites, page, { ...filter, offset, pageSize: PAGE_SIZE }),
  });
}

async function newPage(c: HandlerContext, status = 200, error?: string, typed: Partial<TerminalFormValues> = {}) {
  const sites = await opsOf(c).sites.list();
  const body = sites.length
    ? terminalForm(c, `${c.base}/operations/terminals`, sites, typed, O.terminals.add)
    : html`<p>${O.terminals.needSite} <a href="${c.base}/operations/sites">${O.terminals.sitesLink}</a></p>`;
  sendPage(c.res, status, {
    base: c.base,
    auth: c.auth,
    title: O.terminals.newTitle,
    error,
    body: html`${opsNav(c)}${body}`,
  });
}

async function terminalPage(c: HandlerContext, status = 200, error?: string, typed?: Partial<TerminalFormValues>) {
  const ops = opsOf(c);
  const t = await ops.terminals.get(param(c.req, 'id'));
  const [sites, history, ticketIds] = await Promise.all([
    ops.sites.list(),
    ops.terminals.history(t.id),
    ops.terminals.ticketsOf(t.id),
  ]);
  const tickets: { ticket: TicketRecord; attachments: AttachmentMeta[] }[] = [];
  for (const id of ticketIds) {
    // A ticket purged by retention leaves its link behind; it is simply not shown.
    const ticket = await c.deps.tickets.get(id).catch(() => undefined);
    if (ticket) tickets.push({ ticket, attachments: await c.deps.tickets.attachments(ticket.id) });
  }
  sendPage(c.res, status, {
    base: c.base,
    auth: c.auth,
    title: O.terminals.editTitle(t.computerName),
    notice: NOTICES[query(c.req, 'notice')],
    error,
    body: terminalPageBody(
      c,
      t,
      sites,
      history,
      tickets,
      typed,
      await releaseFormsFor(
        c,
        tickets.flatMap((k) => k.attachments),
      ),
    ),
  });
}

async function exportCsv(c: HandlerContext) {
  const encoding = query(c.req, 'encoding') === 'sjis' ? 'sjis' : 'utf8';
  const name = `terminals-${encoding === 'sjis' ? 'sjis' : 'utf8'}.csv`;
  c.res.status(200);
  c.res.setHeader('Content-Type', `text/csv; charset=${encoding === 'sjis' ? 'Shift_JIS' : 'utf-8'}`);
  c.res.setHeader('Content-Disposition', contentDisposition('attachment', name));
  for await (const chunk of opsOf(c).terminals.export(encoding)) {
    if (!c.res.write(chunk)) await new Promise((resolve) => c.res.once('drain', resolve));
  }
  c.res.end();
}

/** Routes of the terminal pages. */
export const TERMINAL_ROUTES: readonly ConsoleRoute[] = [
  { method: 'get', path: '/operations/terminals', role: 'operator', handle: listPage },
  { method: 'get', path: '/operations/terminals/new', role: 'operator', handle: (c) => newPage(c) },
  { method: 'get', path: '/operations/terminals/export', role: 'operator', handle: exportCsv },
  ...TERMINAL_IMPORT_ROUTES,
  {
    method: 'post',
    path: '/operations/terminals',
    role: 'operator',
    handle: (c) =>
      orShowError(
        async () => {
          const t = await opsOf(c).terminals.create(rawTerminal(typedTerminal(c)), c.auth.operator.username);
          done(c, `/operations/terminals/${t.id}`, 'terminalCreated');
        },
        (status, message) => newPage(c, status, message, typedTerminal(c)),
      ),
  },
  { method: 'get', path: '/operations/terminals/:id', role: 'operator', handle: (c) => terminalPage(c) },
  {
    method: 'post',
    path: '/operations/terminals/:id',
    role: 'operator',
    handle: (c) =>
      orShowError(
        async () => {
          const typed = typedTerminal(c);
          const id = param(c.req, 'id');
          await opsOf(c).terminals.update(id, Number(typed.version), rawTerminal(typed), c.auth.operator.username);
          done(c, `/operations/terminals/${id}`, 'terminalSaved');
        },
        (status, message) => terminalPage(c, status, message, typedTerminal(c)),
      ),
  },
  {
    method: 'post',
    path: '/operations/terminals/:id/delete',
    role: 'operator',
    handle: (c) =>
      orShowError(
        async () => {
          await opsOf(c).terminals.remove(param(c.req, 'id'), c.auth.operator.username);
          done(c, '/operations/terminals', 'terminalDeleted');
        },
        (status, message) => terminalPage(c, status, message),
      ),
  },
];
