/**
 * Usage per FAQ and document (pure): how often each was the top source of a question, how often the bot
 * answered (or answered tentatively) with it, the 解決した / 解決しない feedback on those questions and the
 * tickets opened after them. Shared by the console's usage views and the reports' section.
 */

/** A question with its top source, as the counting needs it. */
export interface UsageQuestion {
  id: string;
  conversationId: string;
  askedAt: Date;
  outcome: string;
  top?: { documentId: string; title: string };
}

/** Usage of one FAQ or document. */
export interface DocumentUsage {
  documentId: string;
  title: string;
  kind: 'faq' | 'document';
  top: number;
  answered: number;
  tentative: number;
  resolved: number;
  unresolved: number;
  escalated: number;
}

/** A manual's id is its path (with an extension); an FAQ's id is the sheet's id. */
export function looksLikeDocument(documentId: string): boolean {
  return /\.[A-Za-z0-9]{1,8}$/.test(documentId);
}

/** Counts usage per top source; a ticket counts for the last question of its conversation before it. */
export function countUsage(
  questions: readonly UsageQuestion[],
  feedback: readonly { questionId?: string; resolved: boolean }[],
  tickets: readonly { conversationId?: string; createdAt: Date }[],
  isFaq: (documentId: string) => boolean = (id) => !looksLikeDocument(id),
): DocumentUsage[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const usage = new Map<string, DocumentUsage>();
  const row = (q: UsageQuestion) => {
    const top = q.top as NonNullable<UsageQuestion['top']>;
    let u = usage.get(top.documentId);
    if (!u) {
      u = {
        documentId: top.documentId,
        title: top.title,
        kind: isFaq(top.documentId) ? 'faq' : 'document',
        top: 0,
        answered: 0,
        tentative: 0,
        resolved: 0,
        unresolved: 0,
        escalated: 0,
      };
      usage.set(top.documentId, u);
    }
    return u;
  };
  for (const q of questions) {
    if (!q.top) continue;
    const u = row(q);
    u.top += 1;
    if (q.outcome === 'answered') u.answered += 1;
    if (q.outcome === 'tentative') u.tentative += 1;
  }
  for (const f of feedback) {
    const q = f.questionId ? byId.get(f.questionId) : undefined;
    if (!q?.top) continue;
    if (f.resolved) row(q).resolved += 1;
    else row(q).unresolved += 1;
  }
  const byConversation = new Map<string, UsageQuestion[]>();
  for (const q of questions) byConversation.set(q.conversationId, [...(byConversation.get(q.conversationId) ?? []), q]);
  for (const t of tickets) {
    if (!t.conversationId) continue;
    const before = (byConversation.get(t.conversationId) ?? []).filter(
      (q) => q.askedAt.getTime() <= t.createdAt.getTime(),
    );
    const last = before[before.length - 1];
    if (last?.top) row(last).escalated += 1;
  }
  return [...usage.values()].sort((a, b) => b.top - a.top || (a.documentId < b.documentId ? -1 : 1));
}
