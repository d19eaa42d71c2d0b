/** チケット詳細の回答・メモ・依頼者のメッセージ: kind, author, time and the delivery state of each. */
import { type ChannelKind } from '../../../conversations';
import type { TicketComment, TicketDetail } from '../../../tickets';
import { formatJst } from './format';
import { historyActor } from './history-labels';
import { html, type SafeHtml } from './html';
import { M } from './messages';

/**
 * The honest delivery state of a reply: 送信失敗 / 未送信 until the channel took it; then Teams and LoGo
 * say 送信済み, the web chat 未読 until the requester's page fetched it, then 既読.
 */
function deliveryState(c: TicketComment, channel: ChannelKind): string {
  if (c.kind !== 'reply') return '';
  if (!c.deliveredAt) return c.deliveryError ? M.detail.deliveryFailed(c.deliveryError) : M.detail.pending;
  if (channel !== 'web') return M.detail.delivered;
  return c.readAt ? M.detail.read(formatJst(c.readAt)) : M.detail.unread;
}

const KIND_LABELS: Readonly<Record<TicketComment['kind'], string>> = {
  reply: M.detail.kindReply,
  note: M.detail.kindNote,
  requester: M.detail.kindRequester,
  withdrawn: M.detail.kindWithdrawn,
  deleted: M.detail.kindDeleted,
};

/** Comments written by the requester (still on the ticket or not): signed with the requester's name as given. */
const REQUESTER_KINDS: ReadonlySet<TicketComment['kind']> = new Set(['requester', 'withdrawn', 'deleted']);

/**
 * The ticket's replies, notes and requester messages, oldest first, each with its kind, author, time and state; a
 * requester message deleted in Teams but kept (an operator had replied) says so in words beside it.
 */
export function commentList(d: TicketDetail, names: ReadonlyMap<string, string>): SafeHtml {
  if (d.comments.length === 0) return html`<p>${M.detail.none}</p>`;
  return html`<ol class="comments">
    ${d.comments.map((c) => {
      const state = deliveryState(c, d.ticket.channel);
      const who = REQUESTER_KINDS.has(c.kind) ? c.author : historyActor(c.author, names);
      return html`<li class="${c.kind}">
        <p class="meta">
          ${KIND_LABELS[c.kind]} ・ ${who} ・ ${formatJst(c.createdAt)}
          ${state ? html`・ <span class="delivery ${c.deliveryError && !c.deliveredAt ? 'warn' : ''}">${state}</span>` : ''}
          ${c.deletedInChannelAt ? html`・ <span class="channel-deleted">${M.detail.keptAfterChannelDelete}</span>` : ''}
        </p>
        <p class="body">${c.body}</p>
      </li>`;
    })}
  </ol>`;
}
