/**
 * Carries out a pressed card button (candidate question, escalation form, ticket submit) and returns the
 * card that replaces or follows the pressed one. Feedback buttons are handled by FeedbackAction.
 */
import type { Activity } from '@microsoft/agents-activity';
import { knowledgeRefusal, type Helpdesk } from '../../bot';
import type { CardAction } from './card-actions';
import { escalationFormCard, replyCard, ticketCreatedCard, type AdaptiveCard } from './cards';
import { channelRefOf, type TeamsConversations } from './teams-conversations';

/** What the handler needs. */
export interface CardActionDeps {
  helpdesk: Helpdesk;
  conversations: TeamsConversations;
  deskHours: string;
  categories: readonly string[];
}

/** Performs card actions against the Helpdesk; the activity id makes redelivery idempotent there. */
export class CardActionHandler {
  constructor(private readonly deps: CardActionDeps) {}

  /** Runs the action and returns the card to show next. */
  async perform(action: Exclude<CardAction, { kind: 'feedback' }>, activity: Activity): Promise<AdaptiveCard> {
    const { helpdesk, conversations, deskHours, categories } = this.deps;
    switch (action.kind) {
      case 'escalate_form':
        return escalationFormCard(action.conversationId, categories, 'normal', action.separate);
      case 'choose': {
        const requester = await conversations.requester(activity);
        const reply = await helpdesk
          .ask({
            conversationId: action.conversationId,
            channel: 'teams',
            requester,
            text: action.text,
            channelRef: channelRefOf(activity),
            intent: action.intent,
          })
          .catch((err: unknown) => {
            // The knowledge base cannot be searched: its refusal, with 担当者に問い合わせる.
            const refused = knowledgeRefusal(action.conversationId, err);
            if (!refused) throw err;
            return refused;
          });
        return replyCard(reply);
      }
      case 'submit_ticket': {
        if (!action.details)
          return escalationFormCard(action.conversationId, categories, action.priority, action.separate);
        const requester = await conversations.requester(activity);
        const { ticket, reply, created } = await helpdesk.escalate({
          conversationId: action.conversationId,
          details: action.details,
          category: action.category,
          priority: action.priority,
          requester,
          activityId: activity.id,
          ...(action.separate ? { separate: true } : {}),
        });
        // Escalating again while the ticket is open adds to it: say so (with 別件として新しく問い合わせる).
        return created === false
          ? replyCard(reply)
          : ticketCreatedCard(ticket.number, deskHours, reply.afterHoursNotice);
      }
    }
  }
}
