/** Small typed fakes for the ticket domain tests. */
import type { ChannelSender, ConversationStore } from '../../../bot/ports';
import type { BotReply, ChannelKind, ConversationRecord, TranscriptEntry } from '../../../bot/records';
import type { AttachmentMeta, AttachmentStore, AuditEntry, AuditTrail } from '../../../tickets';

/** Records what it sends; fails while `failing` is set. */
export class RecordingSender implements ChannelSender {
  readonly sent: { conversation: ConversationRecord; reply: BotReply }[] = [];
  failing = false;
  constructor(readonly channel: ChannelKind = 'web') {}
  async sendToConversation(conversation: ConversationRecord, reply: BotReply): Promise<void> {
    if (this.failing) throw new Error('channel down');
    this.sent.push({ conversation, reply });
  }
}

/** Conversations and transcripts in memory. */
export class FakeConversations implements Pick<ConversationStore, 'getConversation' | 'appendTranscript'> {
  readonly conversations = new Map<string, ConversationRecord>();
  readonly lines: { conversationId: string; entry: TranscriptEntry }[] = [];
  add(id: string, channel: ChannelKind): ConversationRecord {
    const at = new Date('2026-04-01T00:00:00Z');
    const c: ConversationRecord = { id, channel, requester: { name: '山田 花子' }, startedAt: at, lastActivityAt: at };
    this.conversations.set(id, c);
    return c;
  }
  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    return this.conversations.get(id);
  }
  async appendTranscript(conversationId: string, entry: TranscriptEntry): Promise<void> {
    this.lines.push({ conversationId, entry });
  }
}

/** Attachment metadata in memory. */
export class FakeAttachments implements AttachmentStore {
  private readonly items: AttachmentMeta[] = [];
  async add(meta: Omit<AttachmentMeta, 'id' | 'createdAt'>): Promise<AttachmentMeta> {
    const item = { ...meta, id: `a${this.items.length + 1}`, createdAt: new Date(0) };
    this.items.push(item);
    return item;
  }
  async list(ticketId: string): Promise<AttachmentMeta[]> {
    return this.items.filter((i) => i.ticketId === ticketId);
  }
}

/** Keeps audit entries. */
export class RecordingAudit implements AuditTrail {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
}
