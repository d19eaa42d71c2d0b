/**
 * Posts notifications to the operators' Teams channel through the bot's proactive messaging (the
 * Teams ChannelSender of adapters/teams), addressed by a configured service URL and conversation id.
 */
import type { ChannelSender } from '../bot';
import type { ConversationRecord } from '../bot';
import type { NotificationSender } from './ports';
import type { NotifyChannel, OutgoingMessage } from './types';

/** The operators' channel: the Bot Connector service URL and the channel's conversation id. */
export interface OperatorsChannel {
  serviceUrl: string;
  conversationId: string;
}

/** NotificationSender for the operators' Teams channel. */
export class TeamsChannelSender implements NotificationSender {
  readonly channel: NotifyChannel = 'teams';

  constructor(
    private readonly teams: ChannelSender,
    private readonly target: OperatorsChannel,
  ) {}

  async send(m: OutgoingMessage): Promise<void> {
    const reference = {
      channelId: 'msteams',
      serviceUrl: this.target.serviceUrl,
      conversation: { id: this.target.conversationId, isGroup: true, conversationType: 'channel' },
    };
    const conversation: ConversationRecord = {
      id: `operators:${this.target.conversationId}`,
      channel: 'teams',
      requester: {},
      channelRef: JSON.stringify(reference),
      startedAt: new Date(0),
      lastActivityAt: new Date(0),
    };
    await this.teams.sendToConversation(conversation, {
      conversationId: conversation.id,
      text: [m.subject, m.body].join('\n\n'),
      sources: [],
      choices: [],
      actions: [],
    });
  }
}
