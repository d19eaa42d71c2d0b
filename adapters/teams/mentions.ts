/**
 * Whether a message is addressed to the bot, and its text without the bot's @mention.
 */
import type { Activity } from '@microsoft/agents-activity';

const GROUP_TYPES = new Set(['channel', 'groupChat']);

/** True for 1:1 chats; in group chats and channels only when the bot is @mentioned. */
export function isAddressedToBot(activity: Activity): boolean {
  const conversation = activity.conversation;
  const isGroup = conversation?.isGroup === true || GROUP_TYPES.has(conversation?.conversationType ?? '');
  if (!isGroup) return true;
  const botId = activity.recipient?.id;
  return !!botId && activity.getMentions(activity).some((m) => m.mentioned?.id === botId);
}

/**
 * The question text: undefined when the message is not for the bot, '' when nothing is left after
 * removing the mention. Other `<at>` tags keep their inner text (names of people mentioned).
 */
export function questionText(activity: Activity): string | undefined {
  if (!isAddressedToBot(activity)) return undefined;
  const text = activity.removeRecipientMention() || activity.text || '';
  return text
    .replace(/<at[^>]*>(.*?)<\/at>/gi, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
