/** Small typed fakes for the ticket domain tests. */
import type { ChannelSender, ConversationStore } from '../../../conversations';
import type { BotReply, ChannelKind, ConversationRecord, TranscriptEntry } from '../../../conversations';
import type { AttachmentMeta, AttachmentStore, AuditEntry, AuditTrail, NewAttachment } from '../../../tickets';

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

/** Attachment rows in memory; `openTickets` says which ticket a conversation has open. */
export class FakeAttachments implements AttachmentStore {
  readonly items: AttachmentMeta[] = [];
  readonly openTickets = new Map<string, string>();
  async add(meta: NewAttachment): Promise<AttachmentMeta> {
    const item = { ...meta, id: `a${this.items.length + 1}`, createdAt: new Date(0) };
    this.items.push(item);
    return { ...item };
  }
  async get(id: string): Promise<AttachmentMeta | undefined> {
    const item = this.items.find((i) => i.id === id);
    return item && { ...item };
  }
  async list(ticketId: string): Promise<AttachmentMeta[]> {
    return this.items.filter((i) => i.ticketId === ticketId).map((i) => ({ ...i }));
  }
  async listForConversation(conversationId: string): Promise<AttachmentMeta[]> {
    return this.items.filter((i) => i.conversationId === conversationId).map((i) => ({ ...i }));
  }
  async openTicketOf(conversationId: string): Promise<string | undefined> {
    return this.openTickets.get(conversationId);
  }
  async linkHeld(conversationId: string, ticketId: string): Promise<number> {
    const held = this.items.filter((i) => i.conversationId === conversationId && !i.ticketId);
    for (const i of held) i.ticketId = ticketId;
    return held.length;
  }
  async referencedHashes(sha256s: readonly string[]): Promise<Set<string>> {
    return new Set(this.items.flatMap((i) => (i.sha256 && sha256s.includes(i.sha256) ? [i.sha256] : [])));
  }
  async withHash(sha256: string): Promise<AttachmentMeta[]> {
    return this.items.filter((i) => i.sha256 === sha256).map((i) => ({ ...i }));
  }
}

/** Keeps audit entries. */
export class RecordingAudit implements AuditTrail {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
  async atomically<T>(change: () => Promise<T>, entry: (result: T) => AuditEntry | undefined): Promise<T> {
    const result = await change();
    const e = entry(result);
    if (e) this.entries.push(e);
    return result;
  }
}
