/** Server-rendered HTML of the console's report pages (escaped; the layout wraps them). */
import path from 'node:path';
import { formatJst } from '../../../calendar';
import {
  KIND_LABELS,
  REPORT_KINDS,
  reportTables,
  type ChannelDeliveryStatus,
  type ReportTable,
  type StoredReport,
} from '../../../reports';
import { escapeHtml, writeKeyInput } from '../console';
import { DELIVERY_PAGE_MESSAGES as D, REPORT_PAGE_MESSAGES as M } from './messages';
import { deliveryCell } from './delivery-html';

/** The CSRF field and the form's one-time key (a form posted again is written once). */
const csrfInput = (csrf: string): string =>
  csrf ? `<input type="hidden" name="_csrf" value="${escapeHtml(csrf)}">${writeKeyInput().value}` : '';
const status = (r: StoredReport): string => (r.status === 'final' ? M.final : M.draft);
const reportUrl = (base: string, r: StoredReport): string =>
  `${base}/${encodeURIComponent(r.kind)}/${encodeURIComponent(r.period)}`;

/** Each report's delivery per channel (undefined: delivery not configured) and whether the reader may resend. */
export interface ListDelivery {
  statuses?: readonly ChannelDeliveryStatus[][];
  resend: boolean;
}

/**
 * The list of reports (with a 配信 column when delivery is configured), the conversation log export and,
 * for editors, the generate-now forms; `notice` is the answer of a 再送.
 */
export function listPage(
  base: string,
  csrf: string,
  reports: readonly StoredReport[],
  editable = true,
  delivery: ListDelivery = { resend: false },
  notice?: string,
): string {
  const { statuses } = delivery;
  const deliveryTd = (i: number, r: StoredReport): string =>
    statuses
      ? `<td>${deliveryCell(statuses[i] ?? [], `${reportUrl(base, r)}/redeliver`, delivery.resend ? csrfInput(csrf) : undefined)}</td>`
      : '';
  const rows = reports
    .map(
      (r, i) =>
        `<tr><td>${escapeHtml(KIND_LABELS[r.kind])}</td><td><a href="${escapeHtml(reportUrl(base, r))}">${escapeHtml(r.model.period.label)}</a></td>` +
        `<td>${escapeHtml(status(r))}</td><td>${escapeHtml(formatJst(r.generatedAt))}</td><td>${escapeHtml(M.version(r.version))}</td>${deliveryTd(i, r)}</tr>`,
    )
    .join('');
  const columns = statuses ? [...M.columns, D.column] : M.columns;
  const options = REPORT_KINDS.filter((k) => k !== 'custom')
    .map((k) => `<option value="${k}">${escapeHtml(KIND_LABELS[k])}</option>`)
    .join('');
  const dates = `<label>${M.from} <input type="date" name="from" required></label>
<label>${M.to} <input type="date" name="to" required></label>`;
  const generate = `<section><h2>${M.generateHeading}</h2><form method="post" action="${escapeHtml(base)}/generate">${csrfInput(csrf)}
<label>${M.kind} <select name="kind">${options}</select></label>
<label>${M.period} <input name="period" required pattern="(FY)?\\d{4}(-\\d{2}|[Hh][12])?" placeholder="2026-05"></label>
<button type="submit">${M.generate}</button><p><small>${M.periodHint}。${M.generating}</small></p></form></section>
<section><h2>${M.customHeading}</h2><form method="post" action="${escapeHtml(base)}/generate">${csrfInput(csrf)}
<input type="hidden" name="kind" value="custom">${dates}
<button type="submit">${M.generate}</button><p><small>${M.customHint}</small></p></form></section>`;
  return `<h1>${M.listTitle}</h1>${notice ? `\n<p class="notice" role="status">${escapeHtml(notice)}</p>` : ''}
${editable ? generate : `<p>${M.readOnly}</p>`}
<section><h2>${M.logHeading}</h2><form method="get" action="${escapeHtml(base)}/conversation-log.csv">${dates}
<button type="submit">${M.exportLog}</button><p><small>${M.logHint}${M.customHint}</small></p></form></section>
${reports.length === 0 ? `<p>${M.none}</p>` : `<table><thead><tr>${columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`}
${statuses ? '' : `<p><small>${D.notConfigured}</small></p>`}`;
}

function tableHtml(t: ReportTable): string {
  const body =
    t.rows.length === 0
      ? `<tr><td colspan="${t.columns.length}">${escapeHtml(t.emptyText ?? '')}</td></tr>`
      : t.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<section><h2>${escapeHtml(t.title)}</h2><table><thead><tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table></section>`;
}

/** One report: downloads, 課題・対策 (editable by editors while a draft), and every table of the model. */
export function reportPage(base: string, csrf: string, r: StoredReport, editable = true): string {
  const url = reportUrl(base, r);
  const files = [...r.files].sort((a, b) => path.extname(a).localeCompare(path.extname(b)) || a.localeCompare(b));
  const downloads = files
    .map((f) => `<li><a href="${escapeHtml(`${url}/files/${encodeURIComponent(f)}`)}">${escapeHtml(f)}</a></li>`)
    .join('');
  const issues =
    r.status === 'final'
      ? `<p>${M.finalNote}</p><pre>${escapeHtml(r.issuesText)}</pre>`
      : !editable
        ? `<p>${M.readOnly}</p><pre>${escapeHtml(r.issuesText)}</pre>`
        : `<form method="post" action="${escapeHtml(url)}/issues">${csrfInput(csrf)}<input type="hidden" name="version" value="${r.version}">
<textarea name="issuesText" rows="8" cols="80">${escapeHtml(r.issuesText)}</textarea><br><button type="submit">${M.saveIssues}</button></form>
<p><a href="${escapeHtml(url)}/final?version=${r.version}">${M.markFinal}</a></p>`;
  return `<p><a href="${escapeHtml(base)}/">${M.back}</a></p>
<h1>${escapeHtml(r.model.title)}</h1><p>${escapeHtml(r.model.period.label)}　${escapeHtml(r.model.organization)}　${escapeHtml(status(r))}　${escapeHtml(M.version(r.version))}</p>
<section><h2>${M.downloads}</h2><ul>${downloads}<li><a href="${escapeHtml(url)}/model.json">${M.json}</a></li></ul></section>
<section><h2>${M.issues}</h2>${issues}</section>
${reportTables(r.model).map(tableHtml).join('\n')}`;
}

/**
 * The confirmation before 確定: a form whose required checkbox the server checks too (no inline
 * script, so the console's Content-Security-Policy holds).
 */
export function confirmFinalPage(base: string, csrf: string, r: StoredReport): string {
  const url = reportUrl(base, r);
  return `<p><a href="${escapeHtml(url)}">${M.cancel}</a></p>
<h1>${M.confirmTitle}</h1><p>${escapeHtml(r.model.title)}　${escapeHtml(r.model.period.label)}　${escapeHtml(M.version(r.version))}</p>
<p>${M.confirmFinal}</p>
<form method="post" action="${escapeHtml(url)}/final">${csrfInput(csrf)}<input type="hidden" name="version" value="${r.version}">
<p><label><input type="checkbox" name="confirm" value="yes" required> ${M.confirmCheck}</label></p>
<button type="submit">${M.confirmSubmit}</button> <a href="${escapeHtml(url)}">${M.cancel}</a></form>`;
}
