/**
 * Proactive sends to Teams (ticket replies, status changes) through the stored ConversationReference.
 */
import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import type { ChannelSender } from '../../conversations';
import type { BotReply, ChannelKind, ConversationRecord } from '../../conversations';
import { KotaeError } from '../../core';
import type { Logger } from '../../core';
import { replyCard } from './cards';
import { replyFileActivities, type ReplyFiles } from './reply-files';
import { sendWithRetry, type RetryPolicy } from './retry';
import { cardActivity } from './turn-io';

/** The bot identity given to continueConversation: the app id, or an anonymous identity (loopback only). */
export type BotIdentity = Parameters<CloudAdapter['continueConversation']>[0];

function parseReference(conversation: ConversationRecord): ConversationReference {
  let parsed: unknown;
  try {
    parsed = conversation.channelRef ? JSON.parse(conversation.channelRef) : undefined;
  } catch (err) {
    throw new KotaeError('CHANNEL_SEND_FAILED', `channelRef of ${conversation.id} is not JSON`, { cause: err });
  }
  const ref = parsed as Partial<ConversationReference> | undefined;
  if (!ref || typeof ref.serviceUrl !== 'string' || typeof ref.conversation?.id !== 'string') {
    throw new KotaeError('CHANNEL_SEND_FAILED', `conversation ${conversation.id} has no Teams conversation reference`);
  }
  return ref as ConversationReference;
}

/** ChannelSender for Teams: posts the reply card, retrying a failing or slow Bot Connector. */
export class TeamsChannel implements ChannelSender {
  readonly channel: ChannelKind = 'teams';

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly identity: BotIdentity,
    private readonly retry: RetryPolicy,
    private readonly logger: Logger,
    /** The operator's files of a reply (sent after its card); without it only the card goes. */
    private readonly files?: ReplyFiles,
  ) {}

  /** Sends `reply` to the conversation; throws KotaeError CHANNEL_SEND_FAILED when it finally fails. */
  async sendToConversation(conversation: ConversationRecord, reply: BotReply): Promise<void> {
    if (conversation.channel !== 'teams') {
      throw new KotaeError(
        'CHANNEL_UNSUPPORTED',
        `conversation ${conversation.id} is on channel ${conversation.channel}`,
      );
    }
    const reference = parseReference(conversation);
    const files = this.files && reply.commentId ? await this.files.filesOf(conversation.id, reply.commentId) : [];
    const extra =
      files.length && this.files
        ? await replyFileActivities(files, reference.conversation.conversationType, this.files)
        : [];
    // One retried send per activity: a failing file does not send the card twice.
    for (const activity of [cardActivity(replyCard(reply)), ...extra]) {
      await sendWithRetry(
        () => this.sendOnce(reference, activity),
        this.retry,
        (attempt, err) =>
          this.logger.warn('teams: proactive send failed, retrying', {
            attempt,
            conversationId: conversation.id,
            error: err instanceof Error ? err.message : String(err),
          }),
      );
    }
  }

  private async sendOnce(reference: ConversationReference, activity: Activity): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversation(this.identity, reference, async (context) => {
      try {
        await context.sendActivity(activity);
      } catch (err) {
        failure = err; // surfaced below, so that the adapter's onTurnError does not swallow it
      }
    });
    if (failure !== undefined) throw failure;
  }
}
