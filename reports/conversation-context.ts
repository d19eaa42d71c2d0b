/**
 * What a question's conversation adds to it in the reports: the department given at escalation (the
 * question log keeps the department known when the question was asked) and whether the conversation
 * led to a ticket marked 機密性3 (its questions are then as confidential as the ticket).
 */
import type { QuestionRecord } from '../conversations';
import type { TicketRecord } from '../tickets';
import { CONFIDENTIAL_TEXT } from './confidential';

/** Conversations that produced a ticket marked 機密性3. */
export function confidentialConversations(tickets: readonly TicketRecord[]): Set<string> {
  return new Set(tickets.filter((t) => t.confidential && t.conversationId).map((t) => t.conversationId as string));
}

/**
 * The question's department, or the one its conversation's escalation recorded when the question row
 * has none (a department asked for at escalation is not written back to earlier questions). The
 * ticket of the question itself wins, then the conversation's earliest ticket with a department.
 */
export function conversationDepartment(
  q: QuestionRecord,
  tickets: readonly TicketRecord[],
  own?: TicketRecord,
): string | undefined {
  const asked = q.requester.department?.trim();
  if (asked) return asked;
  const fromTicket = (t: TicketRecord | undefined) => t?.requester.department?.trim() || undefined;
  const candidates = tickets
    .filter((t) => t.conversationId === q.conversationId)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return fromTicket(own) ?? candidates.map(fromTicket).find((d) => d !== undefined);
}

/**
 * The questions as a periodic report prints them: the department completed from the escalation, and
 * the text of a question whose conversation led to a 機密性3 ticket replaced (it is still counted).
 */
export function reportQuestions(
  questions: readonly QuestionRecord[],
  tickets: readonly TicketRecord[],
): QuestionRecord[] {
  const hidden = confidentialConversations(tickets);
  return questions.map((q) => {
    const department = conversationDepartment(q, tickets);
    const text = hidden.has(q.conversationId) ? CONFIDENTIAL_TEXT : q.text;
    if (department === q.requester.department && text === q.text) return q;
    return { ...q, text, requester: { ...q.requester, department } };
  });
}
