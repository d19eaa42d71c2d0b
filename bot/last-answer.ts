/**
 * The conversation's last answer as a reloaded chat shows it again: from the question log, with its sources,
 * and with its buttons (candidate questions, 解決した / 解決しない / 担当者に問い合わせる) only while they still
 * apply — the answer is still the conversation's latest exchange (nothing asked, escalated or added to a
 * ticket since) and no feedback was given on it.
 */
import type {
  BotAction,
  BotReply,
  ConversationStore,
  Outcome,
  QuestionRecord,
  SourceRef,
  TranscriptEntry,
} from '../conversations';
import { BOT_MESSAGES } from './messages';

/** The buttons an answer of each outcome offers (as composeAnswer gives them). */
export const ANSWER_ACTIONS: Readonly<Record<Outcome, readonly BotAction[]>> = {
  answered: ['resolved', 'not_resolved', 'escalate'],
  tentative: ['resolved', 'not_resolved', 'escalate'],
  clarify: ['escalate'],
  no_answer: ['escalate'],
};

/** The last answer of a conversation, to render again. */
export interface RestoredAnswer {
  /** Its line in the transcript. */
  index: number;
  questionId: string;
  outcome: Outcome;
  sources: SourceRef[];
  /** Whether its buttons still apply; when false `choices` and `actions` are empty. */
  current: boolean;
  choices: NonNullable<QuestionRecord['choices']>;
  actions: BotAction[];
}

/** The last answer in `lines` (the conversation's transcript), if the question log still holds it. */
export async function restoredAnswer(
  conversations: Pick<ConversationStore, 'lastQuestion' | 'hasFeedback'>,
  conversationId: string,
  lines: readonly TranscriptEntry[],
): Promise<RestoredAnswer | undefined> {
  const index = lines.findLastIndex((l) => l.role === 'bot');
  if (index < 0) return undefined;
  const last = await conversations.lastQuestion(conversationId);
  // The question log's latest answer is written as a 'bot' line (recordQuestion writes both); a 'bot' line with
  // another text after it is a refused question's (refused-question.ts), which restores nothing.
  if (!last || last.answer !== lines[index].text) return undefined;
  const movedOn = lines.slice(index + 1).some((l) => l.role === 'user' || l.role === 'system');
  const current = !movedOn && !(await conversations.hasFeedback(conversationId, last.id));
  return {
    index,
    questionId: last.id,
    outcome: last.outcome,
    sources: last.sources,
    current,
    choices: current ? (last.choices ?? []) : [],
    actions: current ? [...ANSWER_ACTIONS[last.outcome]] : [],
  };
}

/** Whether question `questionId`'s buttons still apply (see restoredAnswer). */
export async function answerStillCurrent(
  conversations: Pick<ConversationStore, 'lastQuestion' | 'hasFeedback' | 'transcript'>,
  conversationId: string,
  questionId: string,
): Promise<boolean> {
  const restored = await restoredAnswer(conversations, conversationId, await conversations.transcript(conversationId));
  return restored?.questionId === questionId && restored.current;
}

/**
 * The reply to a candidate or 解決した / 解決しない that names question `questionId` when that answer's buttons no
 * longer apply (said so; the caller asks and writes nothing); undefined while they still do.
 */
export async function expiredChoice(
  conversations: Pick<ConversationStore, 'lastQuestion' | 'hasFeedback' | 'transcript'>,
  conversationId: string,
  questionId: string,
): Promise<BotReply | undefined> {
  if (await answerStillCurrent(conversations, conversationId, questionId)) return undefined;
  return { conversationId, text: BOT_MESSAGES.choiceExpired, sources: [], choices: [], actions: [] };
}
