/**
 * The key under which a Teams activity is remembered as handled (in memory and in the shared table).
 * The Bot Framework makes an activity id unique only within its conversation (Teams message ids are
 * epoch milliseconds), so the key names the conversation too: two chats may carry the same id.
 * The same key names a message kept on a ticket (`messageKey`): its edit and delete carry the message's id.
 */
import { createHash } from 'node:crypto';

/** The shared table keeps this many characters of a key (longer ones are cut there). */
const MAX_KEY_CHARS = 200;

/**
 * `teams:<conversation id>|<activity id>`, or undefined when the activity has no id (nothing to dedupe).
 * `event` names one change of that message (an edit, a delete), remembered apart from the message itself:
 * `teams:<conversation id>|<activity id>#<event>`.
 */
export function deliveryKey(
  activity: { id?: string; conversation?: { id?: string } },
  event?: string,
): string | undefined {
  const id = activity.id;
  if (!id) return undefined;
  const conversation = activity.conversation?.id ?? '';
  const tail = event ? `|${id}#${event}` : `|${id}`;
  const key = `teams:${conversation}${tail}`;
  if (key.length <= MAX_KEY_CHARS) return key;
  // Too long to keep whole: a digest of the conversation id, so that cutting never drops the activity id.
  const digest = createHash('sha256').update(conversation).digest('hex').slice(0, 32);
  return `teams:#${digest}${tail}`.slice(0, MAX_KEY_CHARS);
}
