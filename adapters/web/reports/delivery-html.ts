/**
 * The list page's 配信 cell of a report (each configured channel: sent, pending, failed with a short
 * reason; a 再送 form for administrators while a channel is not sent) and the notice after a 再送.
 */
import { formatJst } from '../../../calendar';
import type { ChannelDeliveryStatus, DeliveryChannel, DeliveryFailure, RedeliveryOutcome } from '../../../reports';
import { escapeHtml } from '../console';
import { DELIVERY_PAGE_MESSAGES as D } from './messages';

const CHANNELS: readonly DeliveryChannel[] = ['email', 'teams'];
const REASONS: readonly DeliveryFailure[] = ['unreachable', 'refused', 'database', 'other'];

function statusText(s: ChannelDeliveryStatus): string {
  const state =
    s.state === 'sent'
      ? D.sent(formatJst(s.sentAt))
      : s.state === 'pending'
        ? D.pending
        : D.failed(s.attempts, D.reasons[s.reason]);
  return `${D.channels[s.channel]}: ${state}`;
}

/**
 * The 配信 cell: one line per channel; `resendForm` (the CSRF field and a one-time key) is shown to
 * administrators when a channel is not sent.
 */
export function deliveryCell(statuses: readonly ChannelDeliveryStatus[], action: string, resendForm?: string): string {
  const lines = statuses.map((s) => `<li>${escapeHtml(statusText(s))}</li>`).join('');
  const open = statuses.some((s) => s.state !== 'sent');
  const form =
    resendForm !== undefined && open
      ? `<form method="post" action="${escapeHtml(action)}">${resendForm}<button type="submit">${D.resend}</button></form>`
      : '';
  return `<ul class="delivery">${lines}</ul>${form}`;
}

/** The notice key of a 再送's outcome (`sent:email+teams`, `failed:email:refused`, `busy`, `nothing`). */
export function redeliveryNotice(o: RedeliveryOutcome): string {
  if (o.result === 'sent') return `sent:${o.channels.join('+')}`;
  if (o.result === 'failed') return `failed:${o.channel}:${o.reason}`;
  return o.result;
}

const isChannel = (v: string | undefined): v is DeliveryChannel => CHANNELS.includes(v as DeliveryChannel);
const isReason = (v: string | undefined): v is DeliveryFailure => REASONS.includes(v as DeliveryFailure);

/** The Japanese notice of a key from the query string; unknown keys show nothing. */
export function redeliveryNoticeText(key: string): string | undefined {
  if (key === 'busy') return D.noticeBusy;
  if (key === 'nothing') return D.noticeNothing;
  const [result, a, b] = key.split(':');
  if (result === 'sent' && a) {
    const channels = a.split('+');
    if (channels.every(isChannel)) return D.noticeSent(channels.map((c) => D.channels[c]).join('・'));
  }
  if (result === 'failed' && isChannel(a) && isReason(b)) return D.noticeFailed(D.channels[a], D.reasons[b]);
  return undefined;
}
