/**
 * A requester edited, deleted or restored in Teams a message the bot received: `messageUpdate` with
 * `channelData.eventType` `editMessage` or `undeleteMessage`, `messageDelete` with `softDeleteMessage` (the
 * activity `id` is the message's id). When the message went to the conversation's open ticket the desk takes the
 * change (tickets/ RequesterMessageChanges); any other message (a question the bot answered, someone else's,
 * another chat's) and unknown events change nothing and get no reply. An undelete's `text` is not read (Teams'
 * documented payload has none): the desk puts back what it kept.
 */
import { createHash } from 'node:crypto';
import type { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from '../../core';
import type { MessageChange, RequesterMessageChanges } from '../../tickets';
import { noticeCard } from './cards';
import { deliveryKey } from './delivery-key';
import { messageText } from './mentions';
import type { RetryPolicy } from './retry';
import type { TeamsConversations } from './teams-conversations';
import { sendCard } from './turn-io';

/** The changes Kotae acts on. */
export type MessageEvent = 'editMessage' | 'softDeleteMessage' | 'undeleteMessage';

/** The change an activity reports, or undefined (another event, not a Teams message change). */
export function messageEventOf(activity: Activity): MessageEvent | undefined {
  const data: unknown = activity.channelData;
  const eventType = typeof data === 'object' && data !== null ? (data as { eventType?: unknown }).eventType : undefined;
  if (activity.type === 'messageUpdate' && eventType === 'editMessage') return 'editMessage';
  if (activity.type === 'messageUpdate' && eventType === 'undeleteMessage') return 'undeleteMessage';
  if (activity.type === 'messageDelete' && eventType === 'softDeleteMessage') return 'softDeleteMessage';
  return undefined;
}

/** The activity's time as Teams stamped it (the same on a redelivery), or undefined when absent or invalid. */
function stampOf(activity: Activity): string | undefined {
  const at: unknown = activity.timestamp;
  const date = at instanceof Date ? at : typeof at === 'string' ? new Date(at) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/**
 * The key a change is remembered under: the message's key, the event and the time Teams stamped it, so a
 * redelivery is handled once while the same change made again later (a second delete after an undelete) is
 * handled too; an edit adds a digest of its text (a second edit with other text is another change even when
 * the activity carries no timestamp).
 */
export function changeKey(activity: Activity, event: MessageEvent): string | undefined {
  const digest =
    event === 'editMessage' ? `:${createHash('sha256').update(messageText(activity)).digest('hex').slice(0, 16)}` : '';
  const stamp = stampOf(activity);
  return deliveryKey(activity, `${event}${digest}${stamp ? `@${stamp}` : ''}`);
}

/** What the handler needs. */
export interface MessageChangeDeps {
  changes: RequesterMessageChanges;
  conversations: TeamsConversations;
  logger: Logger;
  retry: RetryPolicy;
}

/** Hands a Teams edit, delete or undelete of a requester's message to the desk. */
export class MessageChangeHandler {
  constructor(private readonly deps: MessageChangeDeps) {}

  /** Applies the change; a refused edit (too long) is answered with its notice when the activity can be replied to. */
  async apply(context: TurnContext, event: MessageEvent): Promise<void> {
    const { logger } = this.deps;
    const activity = context.activity;
    const change = await this.change(activity, event);
    if (change.kind === 'none') return;
    logger.info('teams: message change applied', { event, change: change.kind, ticket: change.ticketNumber });
    if (change.kind === 'refused' && typeof activity.serviceUrl === 'string' && activity.serviceUrl)
      await sendCard(context, noticeCard(change.notice), this.deps.retry, logger);
  }

  private async change(activity: Activity, event: MessageEvent): Promise<MessageChange> {
    const { changes, conversations } = this.deps;
    const messageKey = deliveryKey(activity);
    // The conversation of this chat and sender: another member's edit finds none of this member's messages.
    const conversation = messageKey ? await conversations.find(activity) : undefined;
    if (!messageKey || !conversation) return { kind: 'none' };
    if (event === 'editMessage') return changes.edited(conversation, messageKey, messageText(activity));
    if (event === 'undeleteMessage') return changes.undeleted(conversation, messageKey);
    return changes.deleted(conversation, messageKey);
  }
}
