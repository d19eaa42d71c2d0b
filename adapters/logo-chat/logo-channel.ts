/** ChannelSender for LoGoチャット: operator replies and notices go to the requester's pair talk. */
import type { BotReply, ChannelKind, ChannelSender, ConversationRecord } from '../../conversations';
import type { LogoConversation } from './logo-conversation';

/** Proactive sends through the LoGo conversation (stored pair talk, or a new one). */
export class LogoChannel implements ChannelSender {
  readonly channel: ChannelKind = 'logo';

  constructor(private readonly conversation: Pick<LogoConversation, 'deliver'>) {}

  sendToConversation(conversation: ConversationRecord, reply: BotReply): Promise<void> {
    return this.conversation.deliver(conversation, reply);
  }
}
