/**
 * Which knowledge helps and what is missing: per FAQ and document, how often it was the top source, how
 * often the bot answered (or answered tentatively) with it, the 解決した / 解決しない feedback and the
 * escalations that followed; the FAQs that do not help and those never used; and the unanswered
 * questions grouped into clusters of similar questions with the knowledge layer's analysis.
 */
import type { TextAnalyzer } from '../knowledge';
import { clusterQuestions } from '../knowledge';
import type { QueryExpander } from '../knowledge';
import type { SqlKnowledgeUsage } from '../db';
import type { FaqService } from '../tickets';
import { countUsage, type DocumentUsage } from '../reports';

export type { DocumentUsage } from '../reports';

/** A group of similar unanswered questions. */
export interface GapCluster {
  representative: string;
  count: number;
  examples: string[];
  questionIds: string[];
  lastAskedAt: Date;
}

/** What the insights need. */
export interface KnowledgeInsightsDeps {
  usage: SqlKnowledgeUsage;
  faqs: FaqService;
  analyzer: TextAnalyzer;
  expander?: QueryExpander;
  now: () => Date;
  /** The period the views cover (default 90 days). */
  days?: number;
}

const UNANSWERED = new Set(['no_answer', 'clarify']);

/** The usage and gap views. */
export class KnowledgeInsights {
  constructor(private readonly deps: KnowledgeInsightsDeps) {}

  private since(): Date {
    return new Date(this.deps.now().getTime() - (this.deps.days ?? 90) * 86_400_000);
  }

  /** Every FAQ and document used as a top source in the period. */
  async documents(): Promise<DocumentUsage[]> {
    const questions = await this.deps.usage.questions(this.since());
    const ids = questions.map((q) => q.id);
    const [feedback, tickets, faqIds] = await Promise.all([
      this.deps.usage.feedback(ids),
      this.deps.usage.tickets([...new Set(questions.map((q) => q.conversationId))]),
      this.faqIds(),
    ]);
    return countUsage(questions, feedback, tickets, (id) => faqIds.has(id));
  }

  /** 役に立っていないFAQ: more 解決しない and escalations than 解決した. */
  async unhelpfulFaqs(): Promise<DocumentUsage[]> {
    return (await this.documents())
      .filter((u) => u.kind === 'faq' && u.unresolved + u.escalated > u.resolved)
      .sort((a, b) => b.unresolved + b.escalated - (a.unresolved + a.escalated));
  }

  /** 使われていないFAQ: published FAQs never the top source in the period. */
  async unusedFaqs(): Promise<{ documentId: string; question: string; origin: string }[]> {
    const used = new Set((await this.documents()).map((u) => u.documentId));
    return (await this.deps.faqs.catalogue())
      .map((i) => ({ documentId: faqIdOf(i.key), question: i.content.question, origin: i.origin }))
      .filter((f) => !used.has(f.documentId));
  }

  /**
   * 未回答の質問 in clusters of similar questions, largest first; `hideConfidential`: without the questions of
   * conversations that led to a 機密性3 ticket (for a reader who may not see such tickets).
   */
  async gaps(options: { hideConfidential?: boolean } = {}): Promise<GapCluster[]> {
    const [questions, closed, hidden] = await Promise.all([
      this.deps.usage.questions(this.since()),
      this.deps.usage.closedIds(),
      options.hideConfidential ? this.deps.usage.confidentialConversations() : new Set<string>(),
    ]);
    const open = questions.filter(
      (q) => UNANSWERED.has(q.outcome) && !closed.has(q.id) && !hidden.has(q.conversationId),
    );
    return clusterQuestions(open, this.deps.analyzer, { expander: this.deps.expander }).map((c) => ({
      representative: c.representative,
      count: c.members.length,
      examples: [...new Set(c.members.map((m) => m.text))].slice(0, 5),
      questionIds: c.members.map((m) => m.id),
      lastAskedAt: c.members.reduce((a, m) => (m.askedAt > a ? m.askedAt : a), c.members[0].askedAt),
    }));
  }

  /** Marks questions 対応済み. */
  close(questionIds: readonly string[], by: string): Promise<void> {
    return this.deps.usage.close(questionIds, by, this.deps.now());
  }

  private async faqIds(): Promise<Set<string>> {
    return new Set((await this.deps.faqs.catalogue()).map((i) => faqIdOf(i.key)));
  }
}

/** The FAQ's id in the index from a catalogue key (`indexed:<id>` or `entry:<faq_entry id>`). */
function faqIdOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}
