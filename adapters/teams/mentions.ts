/**
 * Whether a message is addressed to the bot, and its text without the bot's @mention.
 */
import type { Activity } from '@microsoft/agents-activity';
import { cleanUserText } from '../../privacy';

const GROUP_TYPES = new Set(['channel', 'groupChat']);
// Channel and group-chat threads have ids like 19:…@thread.skype / @thread.tacv2 / @thread.v2;
// older payloads (and some documented examples) carry no conversationType to say so.
const THREAD_ID = /^19:/;

/** True for 1:1 chats; in group chats and channels only when the bot is @mentioned. */
export function isAddressedToBot(activity: Activity): boolean {
  const conversation = activity.conversation;
  const type = conversation?.conversationType;
  const isGroup =
    conversation?.isGroup === true || GROUP_TYPES.has(type ?? '') || (!type && THREAD_ID.test(conversation?.id ?? ''));
  if (!isGroup) return true;
  const botId = activity.recipient?.id;
  return !!botId && activity.getMentions(activity).some((m) => m.mentioned?.id === botId);
}

/**
 * The question text: undefined when the message is not for the bot, '' when nothing is left after
 * removing the mention. Other `<at>` tags keep their inner text (names of people mentioned).
 */
export function questionText(activity: Activity): string | undefined {
  return isAddressedToBot(activity) ? messageText(activity) : undefined;
}

/** A message's words as the requester wrote them: mentions by their names, no markup, one line. */
export function messageText(activity: Activity): string {
  const text = activity.removeRecipientMention() || activity.text || '';
  // Zero-width characters are invisible: a message of only these has no words.
  return cleanUserText(
    decodeEntities(
      text
        .replace(/<at[^>]*>(.*?)<\/at>/gi, '$1')
        // Some clients send the formatted (HTML) body as text: keep the words, drop the markup.
        .replace(/<(?:br|\/p|\/div|\/li)\s*\/?>/gi, ' ')
        .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, ''),
    ),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

const ENTITIES: Readonly<Record<string, string>> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(nbsp|amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? m;
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? m;
    return ENTITIES[lower] ?? m;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** True when the message carries files or images (not just its own HTML body or a card). */
export function hasFileAttachments(activity: Activity): boolean {
  return (activity.attachments ?? []).some((a) => {
    const type = typeof a.contentType === 'string' ? a.contentType : '';
    return type !== 'text/html' && !type.startsWith('application/vnd.microsoft.card.');
  });
}
