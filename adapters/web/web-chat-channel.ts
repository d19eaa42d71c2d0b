/**
 * The web chat as a ChannelSender: messages sent to a web conversation later (operator replies,
 * ticket status changes) are written once into its transcript, where the chat page picks them up
 * (now or when it is opened again). The page's fetch marks them read (既読).
 */
import type { BotReply, ChannelSender, ConversationRecord, ConversationStore } from '../../conversations';
import type { Clock } from '../../core';

/** Delivers proactive messages to web chat conversations through their transcript. */
export class WebChatChannel implements ChannelSender {
  readonly channel = 'web' as const;
  readonly writesTranscript = true;

  constructor(
    private readonly conversations: ConversationStore,
    private readonly clock: Clock,
  ) {}

  async sendToConversation(conversation: ConversationRecord, reply: BotReply): Promise<void> {
    await this.conversations.appendTranscript(conversation.id, {
      role: 'operator',
      text: reply.text,
      at: this.clock.now(),
    });
  }
}
