/**
 * Whether a message is addressed to the bot, and its text without the bot's @mention.
 */
import type { Activity } from '@microsoft/agents-activity';
import { cleanUserText } from '../../privacy';
import { formattedBody, withoutBotMentions, withoutQuotes } from './message-html';

const GROUP_TYPES = new Set(['channel', 'groupChat']);
// Channel and group-chat threads have ids like 19:…@thread.skype / @thread.tacv2 / @thread.v2;
// older payloads (and some documented examples) carry no conversationType to say so.
const THREAD_ID = /^19:/;

/** A mention entity as clients send it (`mentioned` or `text` may be missing in hostile payloads). */
interface MentionEntity {
  text?: unknown;
  mentioned?: { id?: unknown; name?: unknown };
}

/** The mention entities that name this bot (the activity's recipient). */
function botMentions(activity: Activity): MentionEntity[] {
  const botId = activity.recipient?.id;
  if (!botId) return [];
  return (activity.getMentions(activity) as MentionEntity[]).filter((m) => m.mentioned?.id === botId);
}

/** True for 1:1 chats; in group chats and channels only when the bot is @mentioned. */
export function isAddressedToBot(activity: Activity): boolean {
  const conversation = activity.conversation;
  const type = conversation?.conversationType;
  const isGroup =
    conversation?.isGroup === true || GROUP_TYPES.has(type ?? '') || (!type && THREAD_ID.test(conversation?.id ?? ''));
  if (!isGroup) return true;
  return botMentions(activity).length > 0;
}

/**
 * The question text: undefined when the message is not for the bot, '' when nothing is left after
 * removing the mention. Other `<at>` tags keep their inner text (names of people mentioned).
 */
export function questionText(activity: Activity): string | undefined {
  return isAddressedToBot(activity) ? messageText(activity) : undefined;
}

/**
 * A message's words as the requester wrote them: mentions by their names, no markup, one line. A quoted reply
 * (the quoted message in a `schema.skype.com/Reply` blockquote of the formatted body, where older clients also
 * put the quoted words into `text`) is read without the quote; a message whose `text` is missing is read from
 * its formatted (text/html) body.
 */
export function messageText(activity: Activity): string {
  const names = botNames(activity);
  const html = formattedBody(activity);
  const unquoted = html === undefined ? undefined : withoutQuotes(html);
  if (unquoted !== undefined && unquoted !== html) return words(withoutBotMentions(unquoted, names));
  const text = words(withoutRecipientMention(activity));
  if (text || activity.text || html === undefined) return text;
  return words(withoutBotMentions(html, names));
}

/** The names the bot is mentioned by in this message (`<at>Kotae</at>` → Kotae). */
function botNames(activity: Activity): string[] {
  const names = new Set<string>();
  for (const m of botMentions(activity)) {
    if (typeof m.text === 'string') names.add(m.text.replace(/<\/?at[^>]*>/gi, '').trim());
    if (typeof m.mentioned?.name === 'string') names.add(m.mentioned.name.trim());
  }
  names.delete('');
  return [...names];
}

/**
 * `text` without the first occurrence of each of the bot's mentions (the SDK's removeRecipientMention, which
 * threw on a mention entity without `mentioned`): its `text`, or `<at>name</at>` when the entity has none.
 */
function withoutRecipientMention(activity: Activity): string {
  let text = activity.text ?? '';
  for (const m of botMentions(activity)) {
    const name = typeof m.mentioned?.name === 'string' ? `<at>${m.mentioned.name}</at>` : '';
    const markup = typeof m.text === 'string' && m.text ? m.text : name;
    if (markup) text = text.replace(markup, '');
  }
  return text;
}

/** Markup to words: mentions by their names, paragraphs and line breaks as spaces, entities decoded. */
function words(text: string): string {
  // Zero-width characters are invisible: a message of only these has no words.
  return cleanUserText(
    decodeEntities(
      text
        // `[^<]*`: a name holds no markup, and the match stays linear on text full of unclosed `<at>`.
        .replace(/<at[^>]*>([^<]*)<\/at>/gi, '$1')
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
