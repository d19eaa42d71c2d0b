/** The usage view (利用状況, 役に立っていないFAQ, 使われていないFAQ) and the 未回答の質問 clusters. */
import { formatJst } from './format';
import { html, type SafeHtml } from './html';
import type { DocumentUsageView, GapClusterView } from './knowledge-deps';
import { K, ORIGIN_LABELS } from './knowledge-messages';
import type { FaqOrigin } from '../../../tickets';
import { writeKeyInput } from './write-key';

const VIEWS = ['all', 'unhelpful', 'unused'] as const;
/** The usage views. */
export type UsageViewName = (typeof VIEWS)[number];

/** The view named in the query (all by default). */
export function usageView(name: string): UsageViewName {
  return (VIEWS as readonly string[]).includes(name) ? (name as UsageViewName) : 'all';
}

function tabs(base: string, current: UsageViewName): SafeHtml {
  return html`<nav aria-label="${K.usage.title}" class="tabs">
    <ul>
      ${VIEWS.map(
        (v) =>
          html`<li>
            ${
              v === current
                ? html`<strong aria-current="page">${K.usage.views[v]}</strong>`
                : html`<a href="${base}/knowledge/usage?view=${v}">${K.usage.views[v]}</a>`
            }
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** The usage table of FAQs and documents. */
export function usageTable(
  base: string,
  view: UsageViewName,
  rows: readonly DocumentUsageView[],
  days: number,
): SafeHtml {
  const body =
    rows.length === 0
      ? html`<p>${K.usage.none}</p>`
      : html`<table class="usage">
          <thead>
            <tr>
              <th scope="col">${K.usage.name}</th>
              <th scope="col">${K.usage.kind}</th>
              <th scope="col">${K.usage.top}</th>
              <th scope="col">${K.usage.answered}</th>
              <th scope="col">${K.usage.tentative}</th>
              <th scope="col">${K.usage.resolved}</th>
              <th scope="col">${K.usage.unresolved}</th>
              <th scope="col">${K.usage.escalated}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr data-document="${r.documentId}">
                  <td>${r.title}<br /><small>${r.documentId}</small></td>
                  <td>${K.usage.kinds[r.kind]}</td>
                  <td>${r.top}</td>
                  <td>${r.answered}</td>
                  <td>${r.tentative}</td>
                  <td>${r.resolved}</td>
                  <td>${r.unresolved}</td>
                  <td>${r.escalated}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return html`${tabs(base, view)}
    <p>${K.usage.period(days)}</p>
    ${view === 'unhelpful' ? html`<p>${K.usage.unhelpfulHelp}</p>` : ''} ${body}`;
}

/** 使われていないFAQ. */
export function unusedTable(
  base: string,
  rows: readonly { documentId: string; question: string; origin: string }[],
  days: number,
): SafeHtml {
  const body =
    rows.length === 0
      ? html`<p>${K.usage.none}</p>`
      : html`<table class="unused">
          <thead>
            <tr>
              <th scope="col">${K.usage.origin}</th>
              <th scope="col">ID</th>
              <th scope="col">${K.usage.question}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr data-document="${r.documentId}">
                  <td>${ORIGIN_LABELS[r.origin as FaqOrigin] ?? r.origin}</td>
                  <td>${r.documentId}</td>
                  <td>${r.question}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return html`${tabs(base, 'unused')}
    <p>${K.usage.period(days)}</p>
    <p>${K.usage.unusedHelp}</p>
    ${body}`;
}

/** 未回答の質問 grouped into clusters, with 「FAQを作成」 and 「対応済み」. */
export function gapList(base: string, csrf: string, clusters: readonly GapClusterView[]): SafeHtml {
  if (clusters.length === 0) return html`<p>${K.gaps.empty}</p>`;
  return html`<p>${K.gaps.help}</p>
    <table class="gaps">
      <thead>
        <tr>
          <th scope="col">${K.gaps.count}</th>
          <th scope="col">${K.gaps.representative}</th>
          <th scope="col">${K.gaps.examples}</th>
          <th scope="col">${K.gaps.last}</th>
          <th scope="col">${K.gaps.actions}</th>
        </tr>
      </thead>
      <tbody>
        ${clusters.map(
          (c) =>
            html`<tr class="gap">
              <td class="gap-count">${c.count}</td>
              <td>${c.representative}</td>
              <td>
                <ul>
                  ${c.examples.map((e) => html`<li>${e}</li>`)}
                </ul>
              </td>
              <td>${formatJst(c.lastAskedAt)}</td>
              <td class="actions">
                <a href="${base}/faqs/new?question=${encodeURIComponent(c.representative)}">${K.gaps.createFaq}</a>
                <form method="post" action="${base}/unanswered/close">
                  <input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}
                  <input type="hidden" name="ids" value="${c.questionIds.join(',')}" />
                  <button type="submit">${K.gaps.close}</button>
                </form>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}
