/** 依頼者の最近の会話 on the ticket page: each conversation's questions and outcome, and its transcript on demand. */
import type { RecentConversation } from '../../../tickets';
import { CHANNEL_LABELS } from '../../../reports';
import { formatJst } from './format';
import { html, type SafeHtml } from './html';
import { M } from './messages';
import { D } from './desk-messages';

/** How many conversations the ticket page shows, and how many transcript lines of each. */
export const RECENT_CONVERSATIONS = { limit: 5, transcriptLines: 40 } as const;

function questionTable(c: RecentConversation): SafeHtml {
  if (c.questions.length === 0) return html`<p>${D.conversations.noQuestions}</p>`;
  return html`<table class="recent-questions">
    <thead>
      <tr>
        <th scope="col">${D.conversations.askedAt}</th>
        <th scope="col">${D.conversations.question}</th>
        <th scope="col">${D.conversations.outcome}</th>
      </tr>
    </thead>
    <tbody>
      ${c.questions.map(
        (q) =>
          html`<tr>
            <td>${formatJst(q.askedAt)}</td>
            <td>${q.text}</td>
            <td>${D.conversations.outcomes[q.outcome] ?? q.outcome}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function transcript(c: RecentConversation): SafeHtml {
  return html`<details>
    <summary>${D.conversations.transcript(formatJst(c.startedAt), c.transcript.length + c.earlierLines)}</summary>
    ${c.earlierLines > 0 ? html`<p>${D.conversations.earlier(c.earlierLines)}</p>` : ''}
    <ol class="transcript">
      ${c.transcript.map(
        (e) =>
          html`<li>
            <span class="meta">${M.detail.roleLabels[e.role] ?? e.role} ${formatJst(e.at)}</span> ${e.text}
          </li>`,
      )}
    </ol>
  </details>`;
}

/**
 * The section: undefined `recent` means the requester has no channel identity (nothing to look up by);
 * texts are shown as stored, i.e. already masked.
 */
export function recentConversationsSection(recent: RecentConversation[] | undefined): SafeHtml {
  const body =
    recent === undefined
      ? html`<p>${D.conversations.noRequesterId}</p>`
      : recent.length === 0
        ? html`<p>${D.conversations.none}</p>`
        : html`<ol class="recent-conversations">
            ${recent.map(
              (c) =>
                html`<li>
                  <h3>${CHANNEL_LABELS[c.channel]}・${formatJst(c.lastActivityAt)}</h3>
                  ${questionTable(c)} ${transcript(c)}
                </li>`,
            )}
          </ol>`;
  return html`<section aria-labelledby="rc-h">
    <h2 id="rc-h">${D.conversations.title}</h2>
    ${body}
  </section>`;
}
