/**
 * Parts of the ticket page and the queue for the desk's duties (issue 16): the incident clocks
 * (復旧作業開始, 障害報告書), the 復旧作業開始 button and the 機密性3 mark. Kept apart from the ticket page
 * so that page only places them.
 */
import { SLA_CLOCK_LABELS, type SlaResult } from '../../../calendar';
import type { TicketRecord } from '../../../tickets';
import { formatJst, slaText } from './format';
import { html, type SafeHtml } from './html';
import { writeKeyInput } from './write-key';

/** Japanese texts of these parts. */
export const DUTY_TEXT = {
  confidentialBadge: '機密性3',
  confidential: '機密性3',
  confidentialOn: 'このチケットは機密性3です（名簿に登録された担当者と管理者のみ表示されます）。',
  confidentialOff: '機密性3ではありません。',
  markConfidential: '機密性3に指定する',
  unmarkConfidential: '機密性3の指定を解除する',
  restorationStart: '復旧作業開始を記録する',
  restorationStartedAt: (at: Date) => `復旧作業開始: ${formatJst(at)}`,
  restorationAtResolve: (at: Date) =>
    `復旧作業開始: ${formatJst(at)}（記録がないまま解決したため、解決日時を復旧作業開始としました）`,
  dueAt: '期限',
  duties: '障害対応・機密性',
} as const;

/** The incident clocks as rows of the summary list (nothing for other types). */
export function incidentClockRows(sla: SlaResult): SafeHtml {
  const rows = (['restorationStart', 'incidentReport'] as const).flatMap((kind) => {
    const clock = sla[kind];
    if (!clock) return [];
    return [
      html`<dt>${SLA_CLOCK_LABELS[kind]}</dt>
        <dd class="sla-${clock.state}" data-clock="${kind}">
          ${slaText(clock)}（${DUTY_TEXT.dueAt} ${formatJst(clock.dueAt)}）
        </dd>`,
    ];
  });
  return html`${rows}`;
}

/** The 機密性3 badge of a queue row. */
export function confidentialBadge(t: TicketRecord): SafeHtml | string {
  return t.confidential ? html` <span class="badge confidential">${DUTY_TEXT.confidentialBadge}</span>` : '';
}

/** The duties section: 復旧作業開始 for incidents and the 機密性3 mark (its switch when `editable`). */
export function dutySection(v: { base: string; csrf: string; ticket: TicketRecord; editable: boolean }): SafeHtml {
  const t = v.ticket;
  const post = (path: string) => `${v.base}/tickets/${encodeURIComponent(t.number)}/${path}`;
  // Resolved or closed without a recorded start: the resolve time is the start (tickets/incident-rule.ts).
  const started =
    t.restorationStartedAt ?? (t.status === 'resolved' || t.status === 'closed' ? t.resolvedAt : undefined);
  const restoration =
    t.type !== 'incident'
      ? ''
      : started
        ? html`<p id="restoration-started">
            ${
              started.getTime() === t.resolvedAt?.getTime()
                ? DUTY_TEXT.restorationAtResolve(started)
                : DUTY_TEXT.restorationStartedAt(started)
            }
          </p>`
        : html`<form method="post" action="${post('restoration-start')}" class="inline">
            <input type="hidden" name="_csrf" value="${v.csrf}" />${writeKeyInput()}
            <button type="submit" id="restoration-start">${DUTY_TEXT.restorationStart}</button>
          </form>`;
  const mark = v.editable
    ? html`<form method="post" action="${post('confidential')}" class="inline">
        <input type="hidden" name="_csrf" value="${v.csrf}" />${writeKeyInput()}
        <input type="hidden" name="confidential" value="${t.confidential ? 'off' : 'on'}" />
        <button type="submit" id="confidential-toggle">
          ${t.confidential ? DUTY_TEXT.unmarkConfidential : DUTY_TEXT.markConfidential}
        </button>
      </form>`
    : '';
  return html`<section aria-labelledby="duty-h">
    <h2 id="duty-h">${DUTY_TEXT.duties}</h2>
    ${restoration}
    <p id="confidentiality">${t.confidential ? DUTY_TEXT.confidentialOn : DUTY_TEXT.confidentialOff}</p>
    ${mark}
  </section>`;
}
