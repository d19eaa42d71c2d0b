/**
 * What the usage and gap views read from the question log: questions since a date with their outcome
 * and top source, the feedback on them, the tickets of their conversations, and the unanswered
 * questions not yet marked 対応済み.
 */
import { In, MoreThanOrEqual, type DataSource } from 'typeorm';
import { runDb } from '../run-db';
import type { QuestionRow } from '../schema';

/** A question with its top source. */
export interface UsageQuestion {
  id: string;
  conversationId: string;
  askedAt: Date;
  text: string;
  outcome: string;
  top?: { documentId: string; title: string };
}

/** SQL reads for the knowledge usage and gaps. */
export class SqlKnowledgeUsage {
  constructor(private readonly ds: DataSource) {}

  /** Questions asked since `since`, oldest first (at most `limit`). */
  async questions(since: Date, limit = 50_000): Promise<UsageQuestion[]> {
    const rows = await runDb(this.ds, () =>
      this.ds.getRepository<QuestionRow>('question').find({
        where: { askedAt: MoreThanOrEqual(since) },
        order: { askedAt: 'ASC' },
        take: limit,
      }),
    );
    return rows.map((r) => {
      const sources = safeJson(r.sources) as { documentId?: string; title?: string }[] | undefined;
      const first = Array.isArray(sources) ? sources[0] : undefined;
      return {
        id: r.id,
        conversationId: r.conversationId,
        askedAt: r.askedAt,
        text: r.text,
        outcome: r.outcome,
        top: first?.documentId ? { documentId: first.documentId, title: first.title ?? first.documentId } : undefined,
      };
    });
  }

  /** Conversations that led to a ticket marked 機密性3 (their questions are as confidential as the ticket). */
  async confidentialConversations(): Promise<Set<string>> {
    const rows = await runDb(this.ds, () =>
      this.ds
        .getRepository<{ conversationId: string | null; confidentiality: string | null }>('ticket')
        .find({ select: { conversationId: true }, where: { confidentiality: '3' } }),
    );
    return new Set(rows.map((r) => r.conversationId).filter((id): id is string => Boolean(id)));
  }

  /** Feedback (解決した / 解決しない) on these questions. */
  async feedback(questionIds: readonly string[]): Promise<{ questionId: string; resolved: boolean }[]> {
    const out: { questionId: string; resolved: boolean }[] = [];
    for (let i = 0; i < questionIds.length; i += 500) {
      const rows = await runDb(this.ds, () =>
        this.ds
          .getRepository<{ questionId: string | null; resolved: boolean }>('feedback')
          .find({ where: { questionId: In(questionIds.slice(i, i + 500)) } }),
      );
      for (const r of rows) if (r.questionId) out.push({ questionId: r.questionId, resolved: Boolean(r.resolved) });
    }
    return out;
  }

  /** When each of these conversations' tickets were opened. */
  async tickets(conversationIds: readonly string[]): Promise<{ conversationId: string; createdAt: Date }[]> {
    const out: { conversationId: string; createdAt: Date }[] = [];
    for (let i = 0; i < conversationIds.length; i += 500) {
      const rows = await runDb(this.ds, () =>
        this.ds
          .getRepository<{ conversationId: string | null; createdAt: Date }>('ticket')
          .find({ where: { conversationId: In(conversationIds.slice(i, i + 500)) } }),
      );
      for (const r of rows)
        if (r.conversationId) out.push({ conversationId: r.conversationId, createdAt: r.createdAt });
    }
    return out;
  }

  /** Ids of questions marked 対応済み. */
  async closedIds(): Promise<Set<string>> {
    const rows = await runDb(this.ds, () =>
      this.ds.getRepository<{ questionId: string }>('question_gap_closed').find(),
    );
    return new Set(rows.map((r) => r.questionId));
  }

  /**
   * Marks questions 対応済み: ids already marked, and ids of no logged question, are left out. In pieces of
   * CLOSE_CHUNK (SQL Server takes at most 2,100 parameters a statement), in one transaction.
   */
  async close(ids: readonly string[], by: string, at: Date): Promise<void> {
    const closed = await this.closedIds();
    const wanted = [...new Set(ids)].filter((id) => !closed.has(id));
    if (wanted.length === 0) return;
    await runDb(this.ds, () =>
      this.ds.transaction(async (em) => {
        for (let i = 0; i < wanted.length; i += CLOSE_CHUNK) {
          const piece = wanted.slice(i, i + CLOSE_CHUNK);
          const known = await em
            .getRepository<{ id: string }>('question')
            .find({ select: { id: true }, where: { id: In(piece) } });
          if (known.length === 0) continue;
          await em
            .getRepository('question_gap_closed')
            .insert(known.map(({ id }) => ({ questionId: id, closedAt: at, closedBy: by })));
        }
      }),
    );
  }
}

/** Question ids looked up and marked per statement (3 parameters a row stay far below SQL Server's 2,100). */
const CLOSE_CHUNK = 500;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
