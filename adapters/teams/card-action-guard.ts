/**
 * Who may press a card's buttons. Every card of ours names, in its button data, the Kotae conversation it
 * was shown in, and a Kotae conversation belongs to one staff member (Teams chat or thread + user, see
 * channelKey). In a group chat or channel everybody sees the card, so a press is accepted only from the
 * conversation's requester, checked against the stored record (the button data alone could be replayed).
 */
import type { Activity } from '@microsoft/agents-activity';
import type { ConversationStore } from '../../conversations';
import type { Logger } from '../../core';
import type { CardAction } from './card-actions';
import { TEAMS_MESSAGES as M } from './messages';
import { senderId } from './teams-conversations';

/** Checks card presses against the conversation the card belongs to. */
export class CardActionGuard {
  constructor(
    private readonly conversations: Pick<ConversationStore, 'getConversation'>,
    private readonly logger: Logger,
  ) {}

  /**
   * Undefined when the sender of `activity` may perform `action`; otherwise the polite Japanese refusal to
   * show (nothing is written then). A conversation that no longer exists (erased after the retention period,
   * or a card from another installation) makes the card expired, whoever presses; a conversation of another
   * channel or person is refused as not theirs.
   */
  async refusal(action: CardAction, activity: Activity): Promise<string | undefined> {
    const record = await this.conversations.getConversation(action.conversationId);
    if (!record) {
      this.logger.info('teams: card action refused: its conversation no longer exists', {
        activityId: activity.id,
        conversationId: action.conversationId,
        kind: action.kind,
      });
      return M.cardExpired;
    }
    const sender = senderId(activity);
    const owner = record.channel === 'teams' ? record.requester.id : undefined;
    if (sender !== undefined && owner === sender) return undefined;
    this.logger.info('teams: card action refused: not the requester of its conversation', {
      activityId: activity.id,
      conversationId: action.conversationId,
      kind: action.kind,
    });
    return M.notYourCard;
  }
}
