/** The inquiries section: what staff asked and what the bot did with it. */
import { CHANNEL_KINDS, type FeedbackRecord, type QuestionRecord, type TicketRecord } from '../bot/records';
import { CHANNEL_LABELS, TEXT } from './labels';
import type { InquirySection } from './model';
import { countBy, rate } from './stats';

/**
 * Builds the inquiries section. A question counts as escalated when a ticket came out of its
 * conversation at or after the time it was asked.
 */
export function buildInquiries(questions: readonly QuestionRecord[], feedback: readonly FeedbackRecord[], conversationTickets: readonly TicketRecord[]): InquirySection {
  const lastTicketAt = new Map<string, number>();
  for (const t of conversationTickets) {
    if (!t.conversationId) continue;
    lastTicketAt.set(t.conversationId, Math.max(t.createdAt.getTime(), lastTicketAt.get(t.conversationId) ?? -Infinity));
  }
  const escalated = questions.filter((q) => (lastTicketAt.get(q.conversationId) ?? -Infinity) >= q.askedAt.getTime()).length;
  const asked = questions.length;
  const answered = questions.filter((q) => q.outcome === 'answered').length;
  const feedbackResolved = feedback.filter((f) => f.resolved).length;
  const channelLabel = (k: string): string => (CHANNEL_LABELS as Record<string, string>)[k] ?? k;
  return {
    asked,
    answered,
    clarified: questions.filter((q) => q.outcome === 'clarify').length,
    notAnswered: questions.filter((q) => q.outcome === 'no_answer').length,
    escalated,
    autoAnswerRate: rate(answered, asked),
    feedbackCount: feedback.length,
    feedbackResolved,
    resolvedRate: rate(feedbackResolved, feedback.length),
    byCategory: countBy(questions, (q) => q.categoryGuess?.trim() || TEXT.uncategorized, (k) => k),
    byChannel: countBy(questions, (q) => q.channel, channelLabel, CHANNEL_KINDS),
    byDepartment: countBy(questions, (q) => q.requester.department?.trim() || TEXT.unknownDepartment, (k) => k),
  };
}
