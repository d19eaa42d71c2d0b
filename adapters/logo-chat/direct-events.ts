/**
 * Turns what the direct-js child received into a LogoEvent. direct-js gives every message that is not
 * plain text as JSON text, prefixed in 1:1 talks with the bot's name like any message: stamps
 * `{stamp_set, stamp_index, text?}`, files `{file_id, name, …}` or `{text?, files}`, locations
 * `{lat, lng, place}`, tasks `{title}`, answers `{in_reply_to, question, options?, response}`, task
 * completions `{in_reply_to, done}` and closings `{in_reply_to}`. A location shared from the app arrives as
 * text 「今ココ： <place> <map URL>」 (lisb/hubot-direct src/robot-direct.js).
 */
import type { ReceivedMessage } from './ipc';
import { stripPairPrefix } from './mentions';
import type { LogoEvent, LogoTalk, LogoUser } from './transport';

const LOCATION_TEXT = /^(?:今ココ|I'm here)[:：]\s.*\shttps?:\/\/\S+$/su;
/** Types that record something done to an earlier message or note: nothing was sent to the bot. */
const IGNORED_TYPES = new Set(['deleted', 'noteDeleted', 'noteUpdated', 'unused']);

/** The event a received message stands for. */
export function toLogoEvent(m: ReceivedMessage, botName: string): LogoEvent {
  const talk: LogoTalk = { id: m.talkId, type: m.talkType === 'pair' ? 'pair' : 'group', domainId: m.domainId };
  const user: LogoUser = { id: m.userId, name: m.userName || undefined, department: m.department };
  const base = { messageId: m.messageId, talk, user };
  const content = stripPairPrefix(m.content, botName);
  const type = m.messageType;
  if (type !== undefined && IGNORED_TYPES.has(type)) return { kind: 'ignored', ...base, what: type };
  // A text is what the member typed, even when it looks like JSON; other types are JSON from direct-js.
  const json = type === 'text' ? undefined : parseObject(content);
  if (!json) {
    if (LOCATION_TEXT.test(content)) return { kind: 'unsupported', ...base, what: 'location' };
    // A type direct-js does not know (or that has no object content) is not a question, whatever its content.
    if (type !== undefined && type !== 'text') return { kind: 'unsupported', ...base, what: type };
    return { kind: 'message', ...base, text: content, mentionMe: m.mentionMe };
  }
  const response = json.response;
  if (typeof json.in_reply_to === 'string') {
    if (typeof response === 'number' || typeof response === 'boolean') {
      return { kind: 'answer', ...base, inReplyTo: json.in_reply_to, response };
    }
    // A task marked done or a stamp closed: an event about a stamp, never a question.
    return { kind: 'ignored', ...base, what: 'done' in json ? 'task_done' : 'closed' };
  }
  // Stamps and files may carry a comment: the comment is the question.
  const files = Array.isArray(json.files) ? json.files.length : 'file_id' in json ? 1 : 0;
  if (typeof json.text === 'string' && json.text.trim() !== '') {
    return { kind: 'message', ...base, text: json.text, mentionMe: m.mentionMe, ...(files ? { files } : {}) };
  }
  const what = ['stamp_set', 'stampset_id', 'file_id', 'files', 'question', 'title', 'lat', 'note_id'].find(
    (k) => k in json,
  );
  return { kind: 'unsupported', ...base, what: what ?? 'unknown' };
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
