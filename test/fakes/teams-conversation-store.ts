/**
 * A minimal in-memory ConversationStore for the Teams adapter tests.
 */
import { AppendWatchers, type AppendListener, type ConversationStore } from '../../conversations';
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
  private readonly watchers = new AppendWatchers();

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
    this.append(conversationId, [entry]);
  }
  /** Appends `entries` together (no other write between them) and tells the watchers where they landed. */
  private append(conversationId: string, entries: readonly TranscriptEntry[]): void {
    const lines = this.transcripts.get(conversationId) ?? [];
    const heard = this.watchers.current();
    for (const entry of entries) {
      lines.push(entry);
      heard({ conversationId, index: lines.length - 1, role: entry.role });
    }
    this.transcripts.set(conversationId, lines);
  }
  async transcript(conversationId: string): Promise<TranscriptEntry[]> {
    return [...(this.transcripts.get(conversationId) ?? [])];
  }
  async transcriptLength(conversationId: string): Promise<number> {
    return this.transcripts.get(conversationId)?.length ?? 0;
  }
  watchAppends<T>(listener: AppendListener, work: () => Promise<T>): Promise<T> {
    return this.watchers.watch(listener, work);
  }
  async hasFeedback(conversationId: string, questionId: string): Promise<boolean> {
    return this.feedbacks.some((f) => f.conversationId === conversationId && f.questionId === questionId);
  }
  async recordQuestion(question: Omit<QuestionRecord, 'id'>): Promise<QuestionRecord> {
    const record = { ...question, id: `q-${this.questions.length + 1}` };
    this.questions.push(record);
    this.append(question.conversationId, [
      { role: 'user', text: question.text, at: question.askedAt },
      { role: 'bot', text: question.answer, at: question.askedAt },
    ]);
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
    this.append(input.conversationId, input.lines ?? []);
    return record;
  }
}
