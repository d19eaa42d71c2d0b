/**
 * A minimal in-memory ConversationStore for the Teams adapter tests.
 */
import type { ConversationStore } from '../../conversations';
import type {
  ChannelKind,
  ConversationRecord,
  FeedbackRecord,
  QuestionRecord,
  Requester,
  TranscriptEntry,
} from '../../conversations';

/** Keeps conversations and transcripts in maps; ids are conv-1, conv-2, … */
export class FakeConversationStore implements ConversationStore {
  readonly records = new Map<string, ConversationRecord>();
  private readonly transcripts = new Map<string, TranscriptEntry[]>();
  private readonly questions: QuestionRecord[] = [];
  readonly feedbacks: FeedbackRecord[] = [];

  private readonly byKey = new Map<string, string>();

  async createConversation(input: {
    channel: ChannelKind;
    requester: Requester;
    channelRef?: string;
    channelKey?: string;
  }): Promise<ConversationRecord> {
    const at = new Date('2026-04-01T00:00:00Z');
    const { channelKey, ...rest } = input;
    const record: ConversationRecord = {
      id: `conv-${this.records.size + 1}`,
      ...rest,
      startedAt: at,
      lastActivityAt: at,
    };
    this.records.set(record.id, record);
    if (channelKey) this.byKey.set(`${input.channel}|${channelKey}`, record.id);
    return record;
  }
  async findByChannelKey(channel: ChannelKind, channelKey: string): Promise<ConversationRecord | undefined> {
    const id = this.byKey.get(`${channel}|${channelKey}`);
    return id ? this.records.get(id) : undefined;
  }
  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    return this.records.get(id);
  }
  async touchConversation(id: string, patch: { requester?: Requester; channelRef?: string }): Promise<void> {
    const record = this.records.get(id);
    if (record) this.records.set(id, { ...record, ...patch });
  }
  async appendTranscript(conversationId: string, entry: TranscriptEntry): Promise<void> {
    this.transcripts.set(conversationId, [...(this.transcripts.get(conversationId) ?? []), entry]);
  }
  async transcript(conversationId: string): Promise<TranscriptEntry[]> {
    return this.transcripts.get(conversationId) ?? [];
  }
  async hasFeedback(conversationId: string, questionId: string): Promise<boolean> {
    return this.feedbacks.some((f) => f.conversationId === conversationId && f.questionId === questionId);
  }
  async recordQuestion(question: Omit<QuestionRecord, 'id'>): Promise<QuestionRecord> {
    const record = { ...question, id: `q-${this.questions.length + 1}` };
    this.questions.push(record);
    return record;
  }
  async lastQuestion(conversationId: string): Promise<QuestionRecord | undefined> {
    return [...this.questions].reverse().find((q) => q.conversationId === conversationId);
  }
  async questionLog(conversationId: string): Promise<QuestionRecord[]> {
    return this.questions.filter((q) => q.conversationId === conversationId);
  }
  async recordFeedback(
    input: Omit<FeedbackRecord, 'id' | 'createdAt'> & { activityId?: string; lines?: readonly TranscriptEntry[] },
  ): Promise<FeedbackRecord> {
    const record: FeedbackRecord = {
      id: `f-${this.feedbacks.length + 1}`,
      conversationId: input.conversationId,
      questionId: input.questionId,
      resolved: input.resolved,
      comment: input.comment,
      createdAt: new Date('2026-04-01T00:00:00Z'),
    };
    this.feedbacks.push(record);
    for (const line of input.lines ?? []) await this.appendTranscript(input.conversationId, line);
    return record;
  }
}
