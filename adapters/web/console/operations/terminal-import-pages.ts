/**
 * The terminal CSV import pages: the upload form, the refused file's rows with their problems, and the
 * preview of a file that touches terminals already in the ledger (追加・更新・変更なし・エラー, the fields
 * each update changes) with the one-click confirmation (the file is kept on the server: the form posts the
 * preview's token only) and 「取り消す」.
 */
import {
  CSV_ENCODING_CHOICES,
  CSV_ENCODING_LABELS,
  TERMINAL_CSV_COLUMNS,
  TERMINAL_STATUS_LABELS,
  type FieldChange,
  type ImportResult,
  type Site,
  type TerminalStatus,
} from '../../../../operations';
import { html, type SafeHtml } from '../html';
import { sendPage } from '../layout';
import { field, type HandlerContext } from '../route-types';
import { csrfField, opsNav } from './common';
import { O } from './messages';
import { TERMINAL_FIELD_LABELS as FIELD_LABELS } from './terminal-pages';

/** A result shown on a page: rows refused, or a preview to confirm. */
export type ShownImport = Extract<ImportResult, { kind: 'refused' | 'preview' }>;

function importForm(c: HandlerContext, choice: string): SafeHtml {
  return html`<form
    method="post"
    action="${c.base}/operations/terminals/import"
    enctype="multipart/form-data"
    class="stack"
  >
    ${csrfField(c)}
    <p class="hint" id="imp-hint">${O.importPage.hint(TERMINAL_CSV_COLUMNS.map((col) => col.label).join('、'))}</p>
    <p class="hint">${O.importPage.updateHint}</p>
    <div class="field">
      <label for="imp-file">${O.importPage.file}</label
      ><input id="imp-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="imp-hint" />
    </div>
    <div class="field">
      <label for="imp-enc">${O.importPage.encoding}</label
      ><select id="imp-enc" name="encoding">
        ${CSV_ENCODING_CHOICES.map((e) => html`<option value="${e}" ${e === choice ? 'selected' : ''}>${CSV_ENCODING_LABELS[e]}</option>`)}
      </select>
    </div>
    <button type="submit">${O.importPage.submit}</button>
  </form>`;
}

function summary(r: ShownImport): SafeHtml {
  const s = O.importPage.summary;
  return html`<ul id="import-summary">
      <li>${s.added(r.added)}</li>
      <li>${s.updated(r.updated)}</li>
      <li>${s.unchanged(r.unchanged)}</li>
      <li>${s.errors(r.errorRows)}</li>
    </ul>
    <p id="import-keep">${O.importPage.notDeleted}</p>`;
}

function errorTable(r: ShownImport): SafeHtml {
  if (r.errors.length === 0) return html``;
  return html`<h2>${O.importPage.errorsTitle}</h2>
    <table id="import-errors">
      <thead>
        <tr>
          <th scope="col">${O.importPage.line}</th>
          <th scope="col">${O.terminals.computerName}</th>
          <th scope="col">${O.importPage.problems}</th>
        </tr>
      </thead>
      <tbody>
        ${r.errors.map(
          (e) =>
            html`<tr>
              <td>${e.line}</td>
              <td>${e.computerName ?? ''}</td>
              <td>${e.messages.join(' ')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${r.errorRows > r.errors.length ? html`<p>${O.importPage.more(r.errorRows - r.errors.length)}</p>` : ''}`;
}

function changeTable(r: ShownImport, sites: readonly Site[]): SafeHtml {
  if (r.changes.length === 0) return html``;
  const siteNames = new Map(sites.map((s) => [s.id, s.name]));
  const shown = (f: FieldChange['field'], v: string | undefined) =>
    v === undefined
      ? O.importPage.blank
      : f === 'siteId'
        ? (siteNames.get(v) ?? v)
        : f === 'status'
          ? (TERMINAL_STATUS_LABELS[v as TerminalStatus] ?? v)
          : v;
  return html`<h2>${O.importPage.changesTitle}</h2>
    <table id="import-changes">
      <thead>
        <tr>
          <th scope="col">${O.importPage.line}</th>
          <th scope="col">${O.terminals.computerName}</th>
          <th scope="col">${O.importPage.changedFields}</th>
        </tr>
      </thead>
      <tbody>
        ${r.changes.map(
          (ch) =>
            html`<tr>
              <td>${ch.line}</td>
              <td>${ch.computerName}</td>
              <td>
                ${ch.changes.map(
                  (x, i) =>
                    html`${i ? '、' : ''}${FIELD_LABELS[x.field]}: ${shown(x.field, x.before)} →
                    ${shown(x.field, x.after)}`,
                )}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${r.updated > r.changes.length ? html`<p>${O.importPage.moreChanges(r.updated - r.changes.length)}</p>` : ''}`;
}

function confirmForm(c: HandlerContext, r: ShownImport): SafeHtml {
  if (r.added + r.updated === 0) return html`<p id="import-nothing">${O.importPage.nothingToDo}</p>`;
  const action = `${c.base}/operations/terminals/import`;
  return html`<p class="hint" id="imp-confirm-hint">${O.importPage.confirmHint}</p>
    <div class="links">
      <form method="post" action="${action}/confirm" id="import-confirm">
        ${csrfField(c)}
        <input type="hidden" name="token" value="${r.token}" />
        <button type="submit">${O.importPage.confirm}</button>
      </form>
      <form method="post" action="${action}/cancel" id="import-cancel">
        ${csrfField(c)}
        <input type="hidden" name="token" value="${r.token}" />
        <button type="submit" class="secondary">${O.importPage.cancel}</button>
      </form>
    </div>`;
}

/** The import page: the form, and the refused rows or the preview of the file just read. */
export function importPage(
  c: HandlerContext,
  status = 200,
  error?: string,
  result?: ShownImport,
  sites: readonly Site[] = [],
  notice?: string,
): void {
  const shown =
    result?.kind === 'preview'
      ? html`<h2>${O.importPage.previewTitle}</h2>
          ${summary(result)}${changeTable(result, sites)}${confirmForm(c, result)}
          <h2>${O.importPage.another}</h2>`
      : result
        ? html`${summary(result)}${errorTable(result)}`
        : '';
  sendPage(c.res, status, {
    base: c.base,
    auth: c.auth,
    title: O.importPage.title,
    notice,
    error,
    body: html`${opsNav(c)}${shown}${importForm(c, result?.kind === 'preview' ? 'auto' : field(c.req, 'encoding') || 'auto')}`,
  });
}
