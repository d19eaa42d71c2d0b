/**
 * Turns what the direct-js child received into a LogoEvent. direct-js gives stamps and their
 * answers as JSON text (`{in_reply_to, question, options, response}`), prefixed in 1:1 talks with
 * the bot's name like any message.
 */
import type { ReceivedMessage } from './ipc';
import { stripPairPrefix } from './mentions';
import type { LogoEvent, LogoTalk, LogoUser } from './transport';

/** The event a received message stands for. */
export function toLogoEvent(m: ReceivedMessage, botName: string): LogoEvent {
  const talk: LogoTalk = { id: m.talkId, type: m.talkType === 'pair' ? 'pair' : 'group', domainId: m.domainId };
  const user: LogoUser = { id: m.userId, name: m.userName, department: m.department };
  const content = stripPairPrefix(m.content, botName);
  const json = parseObject(content);
  if (!json) return { kind: 'message', messageId: m.messageId, talk, user, text: content, mentionMe: m.mentionMe };
  const response = json.response;
  if (typeof json.in_reply_to === 'string' && (typeof response === 'number' || typeof response === 'boolean')) {
    return { kind: 'answer', messageId: m.messageId, talk, user, inReplyTo: json.in_reply_to, response };
  }
  const what = ['stamp_set', 'file_id', 'question', 'title', 'lat', 'files'].find((k) => k in json) ?? 'unknown';
  return { kind: 'unsupported', messageId: m.messageId, talk, user, what };
}

/** A JSON object, or undefined for ordinary text (which may well start with "{"). */
function parseObject(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
