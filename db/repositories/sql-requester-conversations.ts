/** RequesterConversations on TypeORM: a requester's recent bot conversations with their questions and transcript. */
import { In, Not, type DataSource } from 'typeorm';
import type { ChannelKind, Outcome, TranscriptRole } from '../../conversations';
import type { RecentConversation, RequesterConversations } from '../../tickets';
import type { ConversationRow, QuestionRow, TranscriptEntryRow } from '../schema';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';

/** SQL implementation of RequesterConversations (conversation.requesterId is indexed). */
export class SqlRequesterConversations implements RequesterConversations {
  constructor(private readonly ds: DataSource) {}

  recent(
    requesterId: string,
    options: { limit: number; transcriptLines: number; excludeId?: string },
  ): Promise<RecentConversation[]> {
    return runDb(this.ds, async () => {
      const em = managerOf(this.ds);
      const conversations = await em.getRepository<ConversationRow>('conversation').find({
        where: { requesterId, ...(options.excludeId ? { id: Not(options.excludeId) } : {}) },
        order: { lastActivityAt: 'DESC', id: 'ASC' },
        take: options.limit,
      });
      if (conversations.length === 0) return [];
      const questions = await em.getRepository<QuestionRow>('question').find({
        where: { conversationId: In(conversations.map((c) => c.id)) },
        order: { askedAt: 'ASC', id: 'ASC' },
      });
      const lines = em.getRepository<TranscriptEntryRow>('transcript_entry');
      const result: RecentConversation[] = [];
      for (const c of conversations) {
        const [newest, total] = await lines.findAndCount({
          where: { conversationId: c.id },
          order: { seq: 'DESC' },
          take: options.transcriptLines,
        });
        result.push({
          id: c.id,
          channel: c.channel as ChannelKind,
          startedAt: c.startedAt,
          lastActivityAt: c.lastActivityAt,
          questions: questions
            .filter((q) => q.conversationId === c.id)
            .map((q) => ({ askedAt: q.askedAt, text: q.text, outcome: q.outcome as Outcome })),
          transcript: newest.reverse().map((r) => ({ role: r.role as TranscriptRole, text: r.text, at: r.at })),
          earlierLines: total - newest.length,
        });
      }
      return result;
    });
  }
}
