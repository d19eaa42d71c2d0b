/** The register page: the issue form, the filter, the history table with withdraw forms, CSV export links. */
import { formatJst } from '../../../calendar';
import { REGISTER_KINDS, REGISTER_LABELS, type RegisterEntry, type RegisterFilter } from '../../../registers';
import { html, writeKeyInput, type SafeHtml } from '../console';
import { R } from './messages';

const T = R.registers;

/** Values typed into the issue form (shown again after an error). */
export type IssueForm = Partial<
  Record<'kind' | 'value' | 'department' | 'requester' | 'site' | 'terminalRef' | 'reason', string>
>;

/** The CSRF field and the form's one-time key (a form posted again is written once). */
const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}`;

function issueForm(base: string, csrf: string, hint: string, typed: IssueForm): SafeHtml {
  const input = (name: keyof IssueForm, label: string, max: number, required = true) =>
    html`<div class="field">
      <label for="r-${name}">${label}</label
      ><input
        id="r-${name}"
        name="${name}"
        maxlength="${max}"
        value="${typed[name] ?? ''}"
        ${required ? html`required` : ''}
      />
    </div>`;
  return html`<section>
    <h2>${T.issueHeading}</h2>
    <form method="post" action="${base}/issue" class="stack">
      ${csrfField(csrf)}
      <div class="field">
        <label for="r-kind">${T.kind}</label
        ><select id="r-kind" name="kind">
          ${REGISTER_KINDS.map(
            (k) => html`<option value="${k}" ${typed.kind === k ? html`selected` : ''}>${REGISTER_LABELS[k]}</option>`,
          )}
        </select>
      </div>
      ${input('value', T.value, 100)} ${input('department', T.department, 200)} ${input('requester', T.requester, 200)}
      ${input('site', T.site, 200, false)} ${input('terminalRef', T.terminal, 100, false)}
      ${input('reason', T.reason, 1000)}
      <p class="hint">${T.nameHint(hint)}</p>
      <button type="submit">${T.issue}</button>
    </form>
  </section>`;
}

function filterForm(base: string, f: RegisterFilter): SafeHtml {
  const q = new URLSearchParams({ kind: f.kind ?? '', status: f.status ?? '', text: f.text ?? '' }).toString();
  return html`<form method="get" action="${base}/" class="filters">
      <label
        >${T.kind}
        <select name="kind">
          <option value="">${T.all}</option>
          ${REGISTER_KINDS.map(
            (k) => html`<option value="${k}" ${f.kind === k ? html`selected` : ''}>${REGISTER_LABELS[k]}</option>`,
          )}
        </select></label
      >
      <label
        >${T.status}
        <select name="status">
          <option value="">${T.all}</option>
          <option value="issued" ${f.status === 'issued' ? html`selected` : ''}>${T.issued}</option>
          <option value="withdrawn" ${f.status === 'withdrawn' ? html`selected` : ''}>${T.withdrawn}</option>
        </select></label
      >
      <label>${T.text} <input type="search" name="text" value="${f.text ?? ''}" maxlength="100" /></label>
      <button type="submit">${T.filter}</button>
    </form>
    <p>
      ${T.export}: <a href="${base}/export.csv?${q}&amp;encoding=utf8">${T.exportUtf8}</a> /
      <a href="${base}/export.csv?${q}&amp;encoding=sjis">${T.exportSjis}</a>
    </p>`;
}

function row(base: string, csrf: string, e: RegisterEntry): SafeHtml {
  const withdraw =
    e.status === 'issued'
      ? html`<form
          method="post"
          action="${base}/entries/${e.id}/withdraw"
          data-confirm="${T.confirmWithdraw}"
          class="inline"
        >
          ${csrfField(csrf)}<label>${T.withdrawReason} <input name="reason" maxlength="1000" required /></label>
          <button type="submit" class="danger">${T.withdraw}</button>
        </form>`
      : html`${formatJst(e.withdrawnAt ?? e.issuedAt)} ${e.withdrawnBy}<br />${e.withdrawReason}`;
  return html`<tr>
    <td>${REGISTER_LABELS[e.kind]}</td>
    <td><code>${e.value}</code></td>
    <td>${e.status === 'issued' ? T.issued : T.withdrawn}</td>
    <td>${e.department}<br />${e.requester}</td>
    <td>${e.site ?? ''}${e.terminalRef ? html`<br />${e.terminalRef}` : ''}</td>
    <td>${formatJst(e.issuedAt)} ${e.issuedBy}<br />${e.issueReason}</td>
    <td>${withdraw}</td>
  </tr>`;
}

/** The whole register page. */
export function registerPage(o: {
  base: string;
  csrf: string;
  hint: string;
  filter: RegisterFilter;
  entries: RegisterEntry[];
  typed?: IssueForm;
}): SafeHtml {
  const table = o.entries.length
    ? html`<table>
        <caption>
          ${T.history}
        </caption>
        <thead>
          <tr>
            <th>${T.kind}</th>
            <th>${T.value}</th>
            <th>${T.status}</th>
            <th>${T.department}・${T.requester}</th>
            <th>${T.site}・${T.terminal}</th>
            <th>${T.issuedAt}</th>
            <th>${T.withdrawnAt}</th>
          </tr>
        </thead>
        <tbody>
          ${o.entries.map((e) => row(o.base, o.csrf, e))}
        </tbody>
      </table>`
    : html`<p>${T.none}</p>`;
  return html`<p><a href="${o.base}/lending">${R.lending.title}</a></p>
    ${issueForm(o.base, o.csrf, o.hint, o.typed ?? {})}
    <section>${filterForm(o.base, o.filter)} ${table}</section>`;
}
