/**
 * Renders channel-neutral replies as Adaptive Cards v1.5 (Teams' Universal Actions: Action.Execute).
 */
import type { BotAction, BotReply, SourceRef } from '../../conversations';
import type { TicketPriority } from '../../tickets';
import { TICKET_PRIORITIES } from '../../tickets';
import { actionData, SEPARATE, type CardVerb } from './card-actions';
import { PRIORITY_LABELS, TEAMS_MESSAGES as M } from './messages';
import { textBlocks } from './text-blocks';

/** One element (TextBlock, Input.*, Action.*) of a card, as JSON. */
export type CardElement = { type: string } & Record<string, unknown>;

/** An Adaptive Card as sent to Teams. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

function card(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  const c: AdaptiveCard = { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', body, msteams: { width: 'Full' } };
  if (actions.length > 0) c.actions = actions;
  return c;
}

function text(value: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

function execute(title: string, verb: CardVerb, conversationId: string, value?: string): CardElement {
  return { type: 'Action.Execute', title, verb, data: actionData(verb, conversationId, value) };
}

function escapeMarkdown(value: string): string {
  return value.replace(/([\\[\]()*_`])/g, '\\$1');
}

function sourceLine(source: SourceRef): string {
  const title = escapeMarkdown(source.title);
  const safeUrl =
    source.url && /^https?:\/\//i.test(source.url) ? source.url.replace(/[()\s]/g, encodeURIComponent) : undefined;
  return safeUrl ? `- [${title}](${safeUrl})` : `- ${title}`;
}

/** Each action's button; `value` is what it sends back (the pending message, a fixed text). */
const ACTION_BUTTONS: Readonly<
  Record<BotAction, { title: string; verb: CardVerb; value?: (reply: BotReply) => string | undefined }>
> = {
  resolved: { title: M.buttonResolved, verb: 'kotae.resolved' },
  not_resolved: { title: M.buttonNotResolved, verb: 'kotae.not_resolved' },
  escalate: { title: M.buttonEscalate, verb: 'kotae.escalate' },
  ask_bot: { title: M.buttonAskBot, verb: 'kotae.ask_bot', value: (r) => r.pendingText },
  reopen: { title: M.buttonReopen, verb: 'kotae.reopen', value: (r) => r.pendingText },
  status: { title: M.buttonStatus, verb: 'kotae.choose', value: () => M.statusRequest },
  new_ticket: { title: M.buttonNewTicket, verb: 'kotae.escalate', value: () => SEPARATE },
};

/** Answer, proposal (tentative), clarification or notice card: text, sources as links, candidate questions and the action buttons. */
export function replyCard(reply: BotReply): AdaptiveCard {
  const body: CardElement[] = textBlocks(reply.text);
  if (reply.sources.length > 0) {
    body.push(text(M.sourcesHeading, { weight: 'Bolder', spacing: 'Medium', size: 'Small' }));
    body.push(text(reply.sources.map(sourceLine).join('\n'), { size: 'Small' }));
  }
  if (reply.choices.length > 0) {
    const heading = reply.outcome === 'tentative' ? M.otherCandidatesHeading : M.clarifyHeading;
    body.push(text(heading, { spacing: 'Medium', isSubtle: true }));
    body.push({
      type: 'ActionSet',
      actions: reply.choices.map((c) => execute(c.label, 'kotae.choose', reply.conversationId, c.value)),
    });
  }
  return card(body, actionButtons(reply));
}

/** The reply's buttons; the feedback buttons also name the answer they rate (see feedbackCard). */
function actionButtons(reply: BotReply): CardElement[] {
  return reply.actions.map((a) => {
    const spec = ACTION_BUTTONS[a];
    const button = execute(spec.title, spec.verb, reply.conversationId, spec.value?.(reply));
    if ((a !== 'resolved' && a !== 'not_resolved') || !reply.questionId) return button;
    return { ...button, data: { ...(button.data as Record<string, string>), questionId: reply.questionId } };
  });
}

/** Form to hand the conversation to a person: category, urgency and details; submit creates the ticket. */
export function escalationFormCard(
  conversationId: string,
  categories: readonly string[],
  defaultPriority: TicketPriority = 'normal',
  separate = false,
): AdaptiveCard {
  return card(
    [
      text(M.escalateTitle, { weight: 'Bolder', size: 'Medium' }),
      text(M.escalateIntro, { isSubtle: true }),
      {
        type: 'Input.ChoiceSet',
        id: 'category',
        label: M.categoryLabel,
        style: 'compact',
        placeholder: M.categoryPlaceholder,
        choices: categories.map((c) => ({ title: c, value: c })),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'urgency',
        label: M.urgencyLabel,
        style: 'compact',
        value: defaultPriority,
        choices: TICKET_PRIORITIES.map((p) => ({ title: PRIORITY_LABELS[p], value: p })),
      },
      {
        type: 'Input.Text',
        id: 'details',
        label: M.detailsLabel,
        placeholder: M.detailsPlaceholder,
        isMultiline: true,
        isRequired: true,
        errorMessage: M.detailsRequired,
        maxLength: 4000,
      },
    ],
    [
      {
        ...execute(M.submitTicket, 'kotae.submit_ticket', conversationId, separate ? SEPARATE : undefined),
        style: 'positive',
        associatedInputs: 'auto',
      },
    ],
  );
}

/** Confirmation after a ticket was created: its number, when the desk answers (out of hours: from when). */
export function ticketCreatedCard(ticketNumber: string, deskHours: string, afterHoursNotice?: string): AdaptiveCard {
  return card([
    text(M.ticketCreated(ticketNumber), { weight: 'Bolder' }),
    ...(afterHoursNotice ? [text(afterHoursNotice)] : []),
    text(M.ticketFollowUp(deskHours)),
  ]);
}

/** Greeting when the bot is added: what to ask, the desk's hours, how to reach a person. */
export function welcomeCard(welcomeText: string, deskHours: string): AdaptiveCard {
  return card([
    text(M.welcomeTitle, { weight: 'Bolder', size: 'Medium' }),
    text(welcomeText),
    text(M.welcomeWhatToAsk),
    text(M.welcomeInGroups, { isSubtle: true }),
    text(M.welcomeHours(deskHours)),
    text(M.welcomeReachPerson),
  ]);
}

/** The short prompt for a message without words (a bare @mention or only spaces): no search, no greeting. */
export function emptyQuestionCard(deskHours: string): AdaptiveCard {
  return card([text(M.emptyQuestionPrompt), text(M.welcomeHours(deskHours), { isSubtle: true, spacing: 'None' })]);
}

/** A card with one plain notice (errors, unsupported actions). */
export function noticeCard(message: string): AdaptiveCard {
  return card(textBlocks(message));
}

/**
 * After 解決した / 解決しない: the rated answer again without its buttons (when known), the feedback
 * acknowledgement under it, then the helpdesk's follow-up (e.g. the escalation button after 解決しない).
 */
export function feedbackCard(feedback: BotReply, resolved: boolean, answer?: BotReply): AdaptiveCard {
  const rated = answer ? replyCard({ ...answer, choices: [], actions: [] }).body : [];
  const label = resolved ? M.buttonResolved : M.buttonNotResolved;
  const acknowledgement = text(M.feedbackThanks(label), {
    isSubtle: true,
    ...(answer ? { separator: true, spacing: 'Medium' } : {}),
  });
  return card([...rated, acknowledgement, ...textBlocks(feedback.text)], actionButtons(feedback));
}
