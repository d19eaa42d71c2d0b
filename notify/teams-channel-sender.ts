/**
 * Posts notifications to the operators' Teams channel through the bot's proactive messaging (the
 * Teams ChannelSender of adapters/teams), addressed by a configured service URL and conversation id.
 */
import type { ChannelSender } from '../conversations';
import type { ConversationRecord } from '../conversations';
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

  /**
   * `botAppId`: the bot's Microsoft App ID (its Teams account is `28:<app id>`); without credentials the
   * bot talks to loopback emulators only and posts as `kotae-bot`.
   */
  constructor(
    private readonly teams: ChannelSender,
    private readonly target: OperatorsChannel,
    private readonly botAppId?: string,
  ) {}

  async send(m: OutgoingMessage): Promise<void> {
    const reference = {
      channelId: 'msteams',
      serviceUrl: this.target.serviceUrl,
      conversation: { id: this.target.conversationId, isGroup: true, conversationType: 'channel' },
      // The Agents SDK addresses a proactive turn to the reference's agent and refuses one without it.
      agent: { id: this.botAppId ? `28:${this.botAppId}` : 'kotae-bot', role: 'bot' },
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
