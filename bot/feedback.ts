/**
 * 解決した / 解決しない (the buttons, or はい / いいえ typed right after an answer): the feedback row on the latest
 * question, its audit entry, and the lines the requester saw, written together so a reloaded chat shows the
 * acknowledgement exactly once (a redelivered activity writes nothing again).
 */
import { cutText } from '../core';
import type { PiiMasker } from '../privacy';
import type { BotReply, ConversationStore, TranscriptEntry } from '../conversations';
import type { Atomically } from './ask-bot';
import type { FeedbackInput } from './helpdesk';
import { BOT_MESSAGES } from './messages';
import { redactPersonalData } from './redact';

/** What recording feedback needs. */
export interface FeedbackDeps {
  conversations: Pick<ConversationStore, 'lastQuestion' | 'recordFeedback'>;
  /** Runs the change and its audit entry in one transaction. */
  atomically: Atomically;
  masker?: PiiMasker;
}

/** The reply to 解決した (`resolved`) or 解決しない. */
export function feedbackReply(conversationId: string, resolved: boolean): BotReply {
  return {
    conversationId,
    text: resolved ? BOT_MESSAGES.thanks : BOT_MESSAGES.sorry,
    sources: [],
    choices: [],
    actions: resolved ? [] : ['escalate'],
  };
}

/** Records feedback on the conversation's latest question with `lines` (what the requester saw), audited once. */
export async function recordFeedback(
  deps: FeedbackDeps,
  conversationId: string,
  input: Omit<FeedbackInput, 'conversationId'>,
  lines: readonly TranscriptEntry[],
): Promise<void> {
  const last = await deps.conversations.lastQuestion(conversationId);
  const comment =
    input.comment === undefined ? undefined : redactPersonalData(cutText(input.comment, 2000), deps.masker).text;
  // A redelivered activity returns the earlier row: audited once, with that row, and its lines are not written again.
  await deps.atomically(
    () =>
      deps.conversations.recordFeedback({
        conversationId,
        questionId: last?.id,
        resolved: input.resolved,
        comment,
        activityId: input.activityId,
        lines,
      }),
    (f) =>
      f.duplicate
        ? undefined
        : {
            actor: 'requester',
            action: 'bot.feedback',
            target: f.id,
            detail: { conversationId, questionId: last?.id ?? null, resolved: input.resolved },
          },
  );
}
