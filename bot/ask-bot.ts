/**
 * ボットに質問する after a message went to the conversation's open ticket: the message is answered by the bot
 * and comes off the ticket (tickets/ RequesterDesk.withdrawForBot) in the one transaction that records the
 * answer, so the operator never sees a question that was not for them, and a failed answer withdraws nothing.
 */
import type { AuditEntry } from '../core';
import type { ConversationRecord, TakenBack } from '../conversations';
import type { BotQuestionWithdrawal, TicketDesk } from '../tickets';
import type { AskInput } from './helpdesk';

/** Withdraws the message from its ticket (run inside the answer's transaction). */
export type TakeBack = () => Promise<BotQuestionWithdrawal>;

/** Runs a change and its audit entry in one transaction. */
export type Atomically = <T>(change: () => Promise<T>, entry: (result: T) => AuditEntry | undefined) => Promise<T>;

/** The withdrawal a question asks for: ボットに質問する (intent `question`) in an existing conversation with a desk. */
export function takeBackFor(
  desk: TicketDesk | undefined,
  input: AskInput,
  conversation: ConversationRecord,
  text: string,
  created: boolean,
): TakeBack | undefined {
  if (!desk || input.intent !== 'question' || !input.conversationId || created) return undefined;
  return () => desk.withdrawForBot(conversation, text);
}

/**
 * Runs `change` (the bot's part: the question log, transcript lines, feedback) with its audit entry and the
 * withdrawal in one transaction; `change` is told what the withdrawal did (for the question log), `notice` tells
 * the requester what happened to the message on the ticket.
 */
export async function recordedWith<T>(
  atomically: Atomically,
  takeBack: TakeBack | undefined,
  change: (takenBack?: TakenBack) => Promise<T>,
  entry: (result: T) => AuditEntry | undefined = () => undefined,
): Promise<{ result: T; notice?: string }> {
  return atomically(
    async () => {
      const withdrawal = takeBack ? await takeBack() : undefined;
      if (!withdrawal || withdrawal.kind === 'none') return { result: await change() };
      const { kind, ticketNumber, notice } = withdrawal;
      return { result: await change({ kind, ticketNumber }), notice };
    },
    ({ result }) => entry(result),
  );
}

/** The notices shown above a reply (personal data masked, a message withdrawn from a ticket), then the reply. */
export function withNotices(text: string, ...notices: (string | undefined)[]): string {
  return [...notices.filter(Boolean), text].join('\n\n');
}
