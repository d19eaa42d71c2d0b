/**
 * 隔離ファイル (administrators and 監査担当, read-only): every quarantined attachment row and uploaded manual,
 * newest quarantine first, 100 a page, with whether its stored file is still kept and until when. One query on
 * file_scan (QuarantineList); the kept check is one look-up per row in this instance's attachment folder or
 * quarantine/manuals. An administrator releases a quarantined manual here (its form in the row, while its copy is
 * kept here); attachments are released on the ticket page.
 */
import { KotaeError } from '../../../core';
import { quarantineEndsAt, type ListedQuarantine } from '../../../tickets';
import type { QuarantinedFilesConsole } from './deps';
import { formatJst } from './format';
import { html, type SafeHtml } from './html';
import { releaseForm } from './attachment-section';
import { noticeFor, sendPage } from './layout';
import { QUARANTINE_LIST_TEXT as T } from './quarantine-messages';
import { manualReleaseCsrf } from './quarantine-routes';
import { query, type ConsoleRoute, type HandlerContext } from './route-types';

/** Files a page lists. */
export const QUARANTINE_PAGE_SIZE = 100;

/** Where the file is (ticket linked, conversation or manual). */
function where(c: HandlerContext, f: ListedQuarantine): SafeHtml | string {
  if (f.kind === 'manual') return T.manual(f.fileName);
  if (f.ticketNumber)
    return html`<a href="${c.base}/tickets/${encodeURIComponent(f.ticketNumber)}">${f.ticketNumber}</a>`;
  return T.heldConversation(f.conversationId ?? '');
}

/** Whether the stored file is still kept here and when the keeping period ends; a manual kept here is releasable. */
async function fileState(
  q: QuarantinedFilesConsole,
  f: ListedQuarantine,
  now: Date,
): Promise<{ text: string; releasable?: boolean }> {
  if (f.released) return { text: T.releasedKept };
  if (!f.quarantinedAt) return { text: T.missing };
  const endsAt = quarantineEndsAt(f.quarantinedAt, q.keepDays);
  const removeAt = formatJst(endsAt);
  if (now >= endsAt) return { text: T.removed(removeAt) };
  if (f.kind === 'manual') {
    // One look-up of the copy's exact name; quarantines recorded before the instance was kept are not looked up.
    const recorded = { fileName: f.fileName, at: f.quarantinedAt, instance: f.quarantinedOn };
    const place = q.manualPlace ? await q.manualPlace(recorded) : 'unrecorded';
    if (place === 'gone') return { text: T.manualGone };
    if (place === 'elsewhere') return { text: T.manualElsewhere(f.quarantinedOn ?? '', removeAt) };
    return { text: T.kept(removeAt), releasable: true };
  }
  if (await q.kept(f.sha256)) return { text: T.kept(removeAt) };
  return { text: q.perInstance ? T.elsewhere(removeAt) : T.missing };
}

/** The release form of a quarantined manual kept here, for an administrator (`csrf`); none otherwise. */
function manualForm(c: HandlerContext, f: ListedQuarantine, releasable?: boolean, csrf?: string) {
  if (!csrf || f.kind !== 'manual' || !releasable) return '';
  return releaseForm(`${c.base}/quarantine/manuals/${f.sha256}/release`, `release-reason-${f.sha256}`, csrf);
}

async function row(
  c: HandlerContext,
  q: QuarantinedFilesConsole,
  f: ListedQuarantine,
  csrf?: string,
): Promise<SafeHtml> {
  const r = f.released;
  const status = r ? T.released(r.by ?? T.releasedByUnknown, formatJst(r.at), r.version) : T.quarantinedState;
  const state = await fileState(q, f, c.deps.clock.now());
  return html`<tr${r ? '' : html` class="warn"`}>
    <td>${q.maskText(f.fileName)}</td>
    <td>${f.signature}</td>
    <td>
      ${f.quarantinedAt ? formatJst(f.quarantinedAt) : T.unknownAt} ・
      ${f.quarantineVersion ? T.byRescan(f.quarantineVersion) : T.byRescanUnknown}
    </td>
    <td>${where(c, f)}</td>
    <td>${state.text}</td>
    <td>${status} ${manualForm(c, f, state.releasable, csrf)}</td>
  </tr>`;
}

function pager(c: HandlerContext, page: number, more: boolean): SafeHtml {
  const link = (p: number, label: string) => html`<a href="${c.base}/quarantine?page=${p}">${label}</a>`;
  return html`<p class="pager">${page > 1 ? link(page - 1, T.prev) : ''} ${more ? link(page + 1, T.next) : ''}</p>`;
}

/** Routes of the 隔離ファイル page. */
export const QUARANTINE_LIST_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/quarantine',
    role: 'auditor',
    handle: async (c) => {
      const q = c.deps.quarantinedFiles;
      if (!q) throw new KotaeError('NOT_FOUND', 'quarantine list not configured', { userMessage: T.notFound });
      const n = Number.parseInt(query(c.req, 'page'), 10);
      const page = Number.isSafeInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
      // One row more than shown says whether there is a next page.
      const files = await q.list.page({
        offset: (page - 1) * QUARANTINE_PAGE_SIZE,
        limit: QUARANTINE_PAGE_SIZE + 1,
        hideConfidential: !(await c.deps.tickets.maySeeConfidential()),
      });
      const shown = files.slice(0, QUARANTINE_PAGE_SIZE);
      const rows: SafeHtml[] = [];
      const csrf = manualReleaseCsrf(c);
      for (const f of shown) rows.push(await row(c, q, f, csrf));
      const table = html`<table>
        <thead>
          <tr>
            <th scope="col">${T.fileName}</th>
            <th scope="col">${T.signature}</th>
            <th scope="col">${T.quarantined}</th>
            <th scope="col">${T.where}</th>
            <th scope="col">${T.file}</th>
            <th scope="col">${T.status}</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`;
      const body = html`<p>${T.lead(QUARANTINE_PAGE_SIZE, q.keepDays)}</p>
        ${shown.length ? table : html`<p>${T.empty}</p>`} ${pager(c, page, files.length > QUARANTINE_PAGE_SIZE)}`;
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: T.title,
        body,
        notice: noticeFor(query(c.req, 'notice')),
      });
    },
  },
];
