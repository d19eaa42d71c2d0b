/** The campaign pages: list, new-campaign form, campaign (progress per site, states), 適用結果報告. */
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_KINDS,
  TARGET_STATE_LABELS,
  TARGET_STATES,
  percent,
  patchReportHeader,
  type Campaign,
  type CampaignView,
  type PatchReport,
  type Site,
  type SiteProgress,
} from '../../../../operations';
import { formatJst } from '../format';
import { html, type SafeHtml } from '../html';
import type { HandlerContext } from '../route-types';
import { csrfField, opsNav } from './common';
import { O } from './messages';

/** The list page's body. */
export function campaignListBody(c: HandlerContext, campaigns: readonly Campaign[]): SafeHtml {
  const b = `${c.base}/operations/campaigns`;
  return html`${opsNav(c)}
    <p class="links"><a href="${b}/new">${O.campaigns.add}</a></p>
    ${
      campaigns.length
        ? html`<table id="campaigns">
            <thead>
              <tr>
                <th scope="col">${O.campaigns.titleField}</th>
                <th scope="col">${O.campaigns.kind}</th>
                <th scope="col">${O.campaigns.window}</th>
                <th scope="col">${O.campaigns.releaseDate}</th>
              </tr>
            </thead>
            <tbody>
              ${campaigns.map(
                (x) =>
                  html`<tr>
                    <td><a href="${b}/${x.id}">${x.title}</a></td>
                    <td>${CAMPAIGN_KIND_LABELS[x.kind]}</td>
                    <td>${formatJst(x.windowStart)}〜${formatJst(x.windowEnd)}</td>
                    <td>${x.releaseDate ?? ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${O.campaigns.none}</p>`
    }`;
}

/** The values typed into the new-campaign form. */
export type CampaignFormValues = Record<
  'kind' | 'title' | 'releaseDate' | 'windowStart' | 'windowEnd' | 'description' | 'names',
  string
> & {
  siteIds: string[];
};

/** The new-campaign form. */
export function campaignForm(c: HandlerContext, sites: readonly Site[], v: Partial<CampaignFormValues>): SafeHtml {
  const input = (name: keyof CampaignFormValues, label: string, type = 'text', extra = '') =>
    html`<div class="field">
      <label for="c-${name}">${label}</label
      ><input id="c-${name}" name="${name}" type="${type}" value="${(v[name] as string | undefined) ?? ''}" ${extra} />
    </div>`;
  return html`${opsNav(c)}
    <form method="post" action="${c.base}/operations/campaigns" class="stack">
      ${csrfField(c)}
      <div class="field">
        <label for="c-kind">${O.campaigns.kind}</label
        ><select id="c-kind" name="kind">
          ${CAMPAIGN_KINDS.map((k) => html`<option value="${k}" ${k === v.kind ? 'selected' : ''}>${CAMPAIGN_KIND_LABELS[k]}</option>`)}
        </select>
      </div>
      ${input('title', O.campaigns.titleField, 'text', 'maxlength="200" required')}
      ${input('releaseDate', O.campaigns.releaseDate, 'date')}
      ${input('windowStart', O.campaigns.windowStart, 'datetime-local', 'required')}
      ${input('windowEnd', O.campaigns.windowEnd, 'datetime-local', 'required')}
      <div class="field">
        <label for="c-description">${O.campaigns.description}</label
        ><textarea id="c-description" name="description" rows="3">${v.description ?? ''}</textarea>
      </div>
      <fieldset>
        <legend>${O.campaigns.sites}</legend>
        ${sites.map(
          (s) =>
            html`<label
              ><input type="checkbox" name="siteIds" value="${s.id}" ${v.siteIds?.includes(s.id) ? 'checked' : ''} />
              ${s.name}</label
            >`,
        )}
      </fieldset>
      <div class="field">
        <label for="c-names">${O.campaigns.names}</label
        ><textarea id="c-names" name="names" rows="5">${v.names ?? ''}</textarea>
      </div>
      <button type="submit">${O.campaigns.create}</button>
    </form>`;
}

/** The per-site progress table. */
export function progressTable(progress: { sites: SiteProgress[]; total: SiteProgress }): SafeHtml {
  const row = (p: SiteProgress, total = false) =>
    html`<tr ${total ? 'class="total"' : ''}>
      <th scope="row">${p.siteName}</th>
      <td>${p.total}</td>
      ${TARGET_STATES.map((s) => html`<td>${p.counts[s]}</td>`)}
      <td>${percent(p.rate)}</td>
    </tr>`;
  return html`<table id="progress">
    <thead>
      <tr>
        <th scope="col">${O.terminals.site}</th>
        <th scope="col">${O.campaigns.total}</th>
        ${TARGET_STATES.map((s) => html`<th scope="col">${TARGET_STATE_LABELS[s]}</th>`)}
        <th scope="col">${O.campaigns.rate}</th>
      </tr>
    </thead>
    <tbody>
      ${progress.sites.map((p) => row(p))} ${row(progress.total, true)}
    </tbody>
  </table>`;
}

/** The campaign page's body. */
export function campaignBody(c: HandlerContext, view: CampaignView, numbers: Map<string, string>): SafeHtml {
  const x = view.campaign;
  const b = `${c.base}/operations/campaigns/${x.id}`;
  const sites = new Map(view.progress.sites.map((s) => [s.siteId, s.siteName]));
  return html`${opsNav(c)}
    <dl class="summary">
      <dt>${O.campaigns.kind}</dt>
      <dd>${CAMPAIGN_KIND_LABELS[x.kind]}</dd>
      <dt>${O.campaigns.window}</dt>
      <dd>${formatJst(x.windowStart)}〜${formatJst(x.windowEnd)}</dd>
      <dt>${O.campaigns.releaseDate}</dt>
      <dd>${x.releaseDate ?? '―'}</dd>
      <dt>${O.campaigns.description}</dt>
      <dd>${x.description ?? ''}</dd>
    </dl>
    <p class="links"><a href="${b}/report">${O.campaigns.report}</a></p>
    <h2>${O.campaigns.progress}</h2>
    ${progressTable(view.progress)}
    <h2>${O.campaigns.targets}</h2>
    <form method="post" action="${b}/state" class="stack">
      ${csrfField(c)}
      <table id="targets">
        <thead>
          <tr>
            <th scope="col">${O.campaigns.select}</th>
            <th scope="col">${O.terminals.site}</th>
            <th scope="col">${O.terminals.computerName}</th>
            <th scope="col">${O.campaigns.state}</th>
            <th scope="col">${O.campaigns.finishedAt}</th>
            <th scope="col">${O.campaigns.ticket}</th>
            <th scope="col">${O.campaigns.note}</th>
          </tr>
        </thead>
        <tbody>
          ${view.targets.map(
            (t) =>
              html`<tr>
                <td>
                  <input
                    type="checkbox"
                    name="terminalIds"
                    value="${t.terminalId}"
                    id="tg-${t.terminalId}"
                    aria-label="${t.computerName}"
                  />
                </td>
                <td>${sites.get(t.siteId) ?? ''}</td>
                <td><a href="${c.base}/operations/terminals/${t.terminalId}">${t.computerName}</a></td>
                <td data-state="${t.state}">${TARGET_STATE_LABELS[t.state]}</td>
                <td>${t.finishedAt ? formatJst(t.finishedAt) : ''}</td>
                <td>
                  ${t.ticketId && numbers.get(t.ticketId) ? html`<a href="${c.base}/tickets/${numbers.get(t.ticketId)}">${numbers.get(t.ticketId)}</a>` : ''}
                </td>
                <td>${t.note ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <div class="field">
        <label for="to-state">${O.campaigns.changeTo}</label
        ><select id="to-state" name="state">
          ${TARGET_STATES.map((s) => html`<option value="${s}">${TARGET_STATE_LABELS[s]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="to-note">${O.campaigns.note}</label><input id="to-note" name="note" maxlength="1000" />
      </div>
      <button type="submit" id="apply-state">${O.campaigns.apply}</button>
    </form>`;
}

/** The 適用結果報告 page's body. */
export function reportBody(c: HandlerContext, r: PatchReport): SafeHtml {
  const b = `${c.base}/operations/campaigns/${r.campaign.id}`;
  return html`${opsNav(c)}
    <p class="links">
      <a href="${b}/report/download?format=xlsx">${O.report.xlsx}</a> ・
      <a href="${b}/report/download?format=csv">${O.report.csv}</a> ・ <a href="${b}">${O.report.back}</a>
    </p>
    <dl class="summary" id="report-header">
      ${patchReportHeader(r).map(
        ([k, v]) =>
          html`<dt>${k}</dt>
            <dd>${v}</dd>`,
      )}
    </dl>
    <h2>${O.campaigns.progress}</h2>
    ${progressTable(r.progress)}
    <h2>${O.campaigns.targets}</h2>
    <table id="report-rows">
      <thead>
        <tr>
          ${[
            O.terminals.site,
            O.terminals.computerName,
            O.terminals.ipAddress,
            O.terminals.department,
            O.campaigns.state,
            O.campaigns.finishedAt,
            O.campaigns.ticket,
            O.campaigns.note,
          ].map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${r.rows.map(
          (x) =>
            html`<tr>
              <td>${x.siteName}</td>
              <td>${x.computerName}</td>
              <td>${x.ipAddress}</td>
              <td>${x.department}</td>
              <td>${x.result}</td>
              <td>${x.finishedAt}</td>
              <td>${x.ticketNumber}</td>
              <td>${x.note}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}
