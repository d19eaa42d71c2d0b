/** The inquiries section: what staff asked and what the bot did with it. */
import { CHANNEL_KINDS, type FeedbackRecord, type QuestionRecord } from '../conversations';
import { type TicketRecord } from '../tickets';
import { CHANNEL_LABELS, TEXT } from './labels';
import type { InquirySection } from './model';
import { countBy, rate } from './stats';

/**
 * The questions that were handed to a person: for each ticket, the last question its conversation
 * asked before the ticket was opened (earlier questions of the same conversation were answered or
 * dropped, so they do not count).
 */
function escalatedQuestions(questions: readonly QuestionRecord[], tickets: readonly TicketRecord[]): Set<string> {
  const byConversation = new Map<string, QuestionRecord[]>();
  for (const q of questions) byConversation.set(q.conversationId, [...(byConversation.get(q.conversationId) ?? []), q]);
  const escalated = new Set<string>();
  for (const t of tickets) {
    const asked = (t.conversationId ? byConversation.get(t.conversationId) : undefined) ?? [];
    const before = asked.filter((q) => q.askedAt.getTime() <= t.createdAt.getTime());
    const last = before.reduce<QuestionRecord | undefined>((a, q) => (!a || q.askedAt > a.askedAt ? q : a), undefined);
    if (last) escalated.add(last.id);
  }
  return escalated;
}

/**
 * Deflected questions (resolved without a ticket): the bot answered (outcome `answered` or
 * `tentative`), no ticket of the same conversation was opened at or after the question, and no
 * 「解決しない」 feedback names the question. See README, "Deflection rate".
 */
function deflectedCount(
  questions: readonly QuestionRecord[],
  feedback: readonly FeedbackRecord[],
  tickets: readonly TicketRecord[],
): number {
  const unresolved = new Set(feedback.filter((f) => !f.resolved && f.questionId).map((f) => f.questionId));
  const ticketed = (q: QuestionRecord): boolean =>
    tickets.some((t) => t.conversationId === q.conversationId && t.createdAt.getTime() >= q.askedAt.getTime());
  return questions.filter(
    (q) => (q.outcome === 'answered' || q.outcome === 'tentative') && !unresolved.has(q.id) && !ticketed(q),
  ).length;
}

/** Builds the inquiries section. */
export function buildInquiries(
  questions: readonly QuestionRecord[],
  feedback: readonly FeedbackRecord[],
  conversationTickets: readonly TicketRecord[],
): InquirySection {
  const escalated = escalatedQuestions(questions, conversationTickets).size;
  const asked = questions.length;
  const answered = questions.filter((q) => q.outcome === 'answered').length;
  const feedbackResolved = feedback.filter((f) => f.resolved).length;
  const deflected = deflectedCount(questions, feedback, conversationTickets);
  const channelLabel = (k: string): string => (CHANNEL_LABELS as Record<string, string>)[k] ?? k;
  return {
    asked,
    answered,
    tentative: questions.filter((q) => q.outcome === 'tentative').length,
    clarified: questions.filter((q) => q.outcome === 'clarify').length,
    notAnswered: questions.filter((q) => q.outcome === 'no_answer').length,
    escalated,
    autoAnswerRate: rate(answered, asked),
    deflected,
    deflectionRate: rate(deflected, asked),
    feedbackCount: feedback.length,
    feedbackResolved,
    resolvedRate: rate(feedbackResolved, feedback.length),
    byCategory: countBy(
      questions,
      (q) => q.categoryGuess?.trim() || TEXT.uncategorized,
      (k) => k,
    ),
    byChannel: countBy(questions, (q) => q.channel, channelLabel, CHANNEL_KINDS),
    byDepartment: countBy(
      questions,
      (q) => q.requester.department?.trim() || TEXT.unknownDepartment,
      (k) => k,
    ),
  };
}
