/**
 * 解決した / 解決しない. The answer must stay in the chat: with Action.Execute the pressed card is
 * replaced by the same answer (buttons removed) with the feedback under it — when the pressed card is the
 * conversation's latest answer, whose text and sources the question log holds. Otherwise (an older
 * answer, an operator reply, or an Action.Submit, which cannot change the card) the card is left as it is
 * and the feedback arrives as a new message.
 */
import type { Activity } from '@microsoft/agents-activity';
import type { Helpdesk } from '../../bot';
import type { ConversationStore } from '../../conversations';
import type { BotReply } from '../../conversations';
import type { CardAction } from './card-actions';
import { feedbackCard, type AdaptiveCard } from './cards';

/** What a feedback press produces. */
export interface FeedbackOutcome {
  /** The pressed card, updated: the answer with the feedback under it (undefined when the answer is unknown). */
  updated?: AdaptiveCard;
  /** The feedback alone, to send as a new message when the card cannot be updated. */
  followUp: AdaptiveCard;
}

/** Records feedback through the Helpdesk and renders what keeps the answer visible. */
export class FeedbackAction {
  constructor(
    private readonly helpdesk: Helpdesk,
    private readonly conversations: Pick<ConversationStore, 'lastQuestion'>,
  ) {}

  /** Records the feedback (idempotent per activity id) and returns the cards to show. */
  async perform(action: Extract<CardAction, { kind: 'feedback' }>, activity: Activity): Promise<FeedbackOutcome> {
    const feedback = await this.helpdesk.feedback({
      conversationId: action.conversationId,
      resolved: action.resolved,
      activityId: activity.id,
    });
    const answer = await this.ratedAnswer(action);
    return {
      updated: answer ? feedbackCard(feedback, action.resolved, answer) : undefined,
      followUp: feedbackCard(feedback, action.resolved),
    };
  }

  private async ratedAnswer(action: Extract<CardAction, { kind: 'feedback' }>): Promise<BotReply | undefined> {
    if (!action.questionId) return undefined;
    const last = await this.conversations.lastQuestion(action.conversationId);
    if (last?.id !== action.questionId) return undefined;
    return {
      conversationId: action.conversationId,
      questionId: last.id,
      text: last.answer,
      sources: last.sources,
      choices: [],
      actions: [],
    };
  }
}
