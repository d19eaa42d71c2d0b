/**
 * The bot logic of one Teams turn: messages (questions, Action.Submit), Universal Action invokes, the welcome
 * when the bot is added, edits, deletes and undeletes of messages; everything else is acknowledged and ignored.
 */
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { hasWords, knowledgeRefusal, type Helpdesk } from '../../bot';
import type { ProcessedDeliveries } from '../../bot';
import type { BotReply } from '../../conversations';
import { toKotaeError } from '../../core';
import type { Logger } from '../../core';
import { ActivityDedupe } from './activity-dedupe';
import { parseCardAction, type CardAction } from './card-actions';
import { deliveryKey } from './delivery-key';
import type { CardActionGuard } from './card-action-guard';
import type { CardActionHandler } from './card-action-handler';
import type { FeedbackAction } from './feedback-action';
import { emptyQuestionCard, noticeCard, replyCard, welcomeCard, type AdaptiveCard } from './cards';
import { TEAMS_MESSAGES as M } from './messages';
import { hasFileAttachments, questionText } from './mentions';
import type { RetryPolicy } from './retry';
import type { TeamsAttachmentIntake } from './attachment-intake';
import { channelRefOf, type TeamsConversations } from './teams-conversations';
import type { FileConsentHandler } from './reply-files';
import { changeKey, messageEventOf, type MessageChangeHandler } from './message-changes';
import { adaptiveCardInvokeBody, messageInvokeBody, sendCard, sendInvokeResponse } from './turn-io';

/** What the turn handler needs. */
export interface TurnHandlerDeps {
  helpdesk: Helpdesk;
  conversations: TeamsConversations;
  actions: CardActionHandler;
  feedback: FeedbackAction;
  /** Accepts card presses only from the person the card was shown to. */
  guard: CardActionGuard;
  logger: Logger;
  deskHours: string;
  retry: RetryPolicy;
  /** Ids that mean "this bot" in membersAdded besides the recipient id (e.g. `28:<app id>`). */
  botIds: readonly string[];
  /** Keeps the files and images of messages (see attachment-intake.ts). */
  intake?: TeamsAttachmentIntake;
  /** Activity ids handled by any instance on the shared database (a redelivery to another instance is ignored). */
  processed?: ProcessedDeliveries;
  /** Uploads an operator's file the requester accepted (FileConsentCard → `fileConsent/invoke`). */
  fileConsent?: FileConsentHandler;
  /** Edits, deletes and undeletes of requester messages on tickets; without it they are acknowledged only. */
  messageChanges?: MessageChangeHandler;
}

type InvokeBody = ReturnType<typeof adaptiveCardInvokeBody> | ReturnType<typeof messageInvokeBody>;

/** Sign-in invokes (OAuth card flow); the Agents SDK's ActivityHandler answers them 200 by default. */
const SIGNIN_INVOKES = new Set(['signin/verifyState', 'signin/tokenExchange']);

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Handles Teams turns; one instance per endpoint (it keeps the redelivery memory). */
export class TeamsTurnHandler {
  private readonly messages = new ActivityDedupe<void>();
  private readonly invokes = new ActivityDedupe<InvokeBody>();

  constructor(private readonly deps: TurnHandlerDeps) {}

  /** Entry point given to CloudAdapter.process. */
  async onTurn(context: TurnContext): Promise<void> {
    switch (context.activity.type) {
      case ActivityTypes.Message:
        return this.onMessage(context);
      case ActivityTypes.Invoke:
        return this.onInvoke(context);
      case ActivityTypes.ConversationUpdate:
        return this.onConversationUpdate(context);
      case ActivityTypes.MessageUpdate:
      case ActivityTypes.MessageDelete:
        return this.onMessageChange(context);
      default:
        // messageReaction, installationUpdate, typing, …: acknowledged (HTTP 200), nothing to do.
        return;
    }
  }

  private async onMessage(context: TurnContext): Promise<void> {
    await this.once(context, () => this.answerMessage(context), deliveryKey(context.activity));
  }

  /**
   * An edit, delete or undelete in Teams, once per change (a redelivery is ignored): the desk takes it when the
   * message is on an open ticket. Nothing is said on failure (the requester asked nothing), unless the database is
   * busy: then the turn fails (503) so that the Bot Connector delivers it again.
   */
  private async onMessageChange(context: TurnContext): Promise<void> {
    const { messageChanges, logger } = this.deps;
    const event = messageEventOf(context.activity);
    if (!messageChanges || !event) return; // other events: acknowledged (200), nothing to do
    const work = () =>
      messageChanges.apply(context, event).catch((err: unknown) => {
        if (isStorageBusy(err)) throw err;
        const error = toKotaeError(err);
        logger.error('teams: message change failed', { event, code: error.code, error: error.message });
      });
    await this.once(context, work, changeKey(context.activity, event));
  }

  /**
   * Runs `work` once per `key` (the activity's conversation + id, or a change of a message): a redelivery to this
   * instance or another one sharing the database is ignored; a failure forgets the key so that a redelivery runs again.
   */
  private async once(context: TurnContext, work: () => Promise<void>, key: string | undefined): Promise<void> {
    const { isFirst, result } = this.messages.run(key, () => this.onceAcrossInstances(context, work, key));
    if (!isFirst) {
      this.deps.logger.info('teams: redelivered activity ignored', { activityId: context.activity.id });
      return;
    }
    await result;
  }

  /** Runs `work` unless another instance already handled the activity; a failure forgets it. */
  private async onceAcrossInstances(
    context: TurnContext,
    work: () => Promise<void>,
    key: string | undefined,
  ): Promise<void> {
    const { processed, logger } = this.deps;
    if (!processed || !key) return work();
    if (!(await processed.claim(key))) {
      logger.info('teams: activity already handled by another instance', { activityId: context.activity.id });
      return;
    }
    try {
      await work();
    } catch (err) {
      await processed.forget(key).catch(() => undefined);
      throw err;
    }
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const { helpdesk, conversations, logger, retry, deskHours } = this.deps;
    const activity = context.activity;
    try {
      const action = parseCardAction(undefined, activity.value);
      if (action) {
        await sendCard(context, await this.submittedCard(action, activity), retry, logger);
        return;
      }
      const text = questionText(activity);
      if (text === undefined) return; // group chat or channel message not addressed to the bot
      const kept = hasFileAttachments(activity) ? await this.keepFiles(context) : [];
      if (text === '' && hasFileAttachments(activity)) {
        await sendCard(context, noticeCard([...kept, M.attachmentsOnly].join('\n')), retry, logger);
        return;
      }
      if (kept.length > 0) await sendCard(context, noticeCard(kept.join('\n')), retry, logger);
      if (!hasWords(text)) {
        // Only the @mention, spaces, line breaks, emoji or punctuation: a short prompt, never an empty search.
        await sendCard(context, emptyQuestionCard(deskHours), retry, logger);
        return;
      }
      await context.sendActivity(Activity.fromObject({ type: ActivityTypes.Typing })).catch(() => undefined); // best effort
      const requester = await conversations.requester(activity);
      const conversationId = await conversations.resolve(activity, requester);
      const channelRef = channelRefOf(activity);
      const reply = await helpdesk
        .ask({ conversationId, channel: 'teams', requester, text, channelRef, messageKey: deliveryKey(activity) })
        .catch((err: unknown) => this.refused(conversationId, err));
      await sendCard(context, replyCard(reply), retry, logger);
    } catch (err) {
      // Nothing was recorded: fail the turn (503) so the Bot Connector delivers the message again.
      if (isStorageBusy(err)) throw err;
      await this.tellFailure(context, err);
    }
  }

  /**
   * A question the knowledge base refused (its index cannot be loaded, or none is built): the refusal's own
   * message with 担当者に問い合わせる, as a reply card; any other error is thrown on.
   */
  private refused(conversationId: string, err: unknown): BotReply {
    const reply = knowledgeRefusal(conversationId, err);
    if (!reply) throw err;
    const error = toKotaeError(err);
    this.deps.logger.warn('teams: question refused: knowledge unavailable', { code: error.code, error: error.message });
    return reply;
  }

  /** The card answering an Action.Submit (a message: the pressed card cannot be changed). */
  private async submittedCard(action: CardAction, activity: Activity): Promise<AdaptiveCard> {
    const refused = await this.deps.guard.refusal(action, activity);
    if (refused) return noticeCard(refused);
    if (action.kind === 'feedback') return (await this.deps.feedback.perform(action, activity)).followUp;
    return this.deps.actions.perform(action, activity);
  }

  /** Stores the message's files on the requester's conversation; one line per file for the requester. */
  private async keepFiles(context: TurnContext): Promise<string[]> {
    const { intake, conversations } = this.deps;
    if (!intake || intake.sources(context.activity).length === 0) return [];
    const requester = await conversations.requester(context.activity);
    const conversationId = await conversations.resolve(context.activity, requester);
    return intake.keep(context, conversationId, requester.name ?? requester.id ?? '');
  }

  private async tellFailure(context: TurnContext, err: unknown): Promise<void> {
    const error = toKotaeError(err);
    // A refused message (too long, invalid) is the user's input, not a fault of the service.
    const level = error.code.startsWith('INPUT_') ? 'warn' : 'error';
    this.deps.logger[level]('teams: turn failed', {
      code: error.code,
      error: error.message,
      activityId: context.activity.id,
    });
    if (error.code === 'CHANNEL_SEND_FAILED') return;
    await sendCard(context, noticeCard(error.userMessage), this.deps.retry, this.deps.logger).catch((e: unknown) =>
      this.deps.logger.warn('teams: could not send the error notice', { error: errorText(e) }),
    );
  }

  private async onInvoke(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.name === 'fileConsent/invoke' && this.deps.fileConsent) return this.onFileConsent(context);
    if (SIGNIN_INVOKES.has(activity.name ?? '')) {
      // Kotae sends no sign-in cards; answer as the Agents SDK's ActivityHandler does (200, no body).
      this.deps.logger.info('teams: sign-in invoke acknowledged', { name: activity.name });
      return sendInvokeResponse(context, 200);
    }
    if (activity.name !== 'adaptiveCard/action') {
      // No invoke response set: CloudAdapter answers 501 Not Implemented, as the Agents SDK's
      // ActivityHandler does for invokes it has no handler for (task/fetch, composeExtension/*, …).
      this.deps.logger.info('teams: unsupported invoke acknowledged', { name: activity.name });
      return;
    }
    const { result } = this.invokes.run(deliveryKey(activity), () => this.invokeOnceAcrossInstances(context));
    await sendInvokeResponse(context, 200, await result);
  }

  /** A FileConsentCard answered: upload (accept) or acknowledge (decline) once, then answer 200. */
  private async onFileConsent(context: TurnContext): Promise<void> {
    const consent = this.deps.fileConsent as FileConsentHandler;
    const key = deliveryKey(context.activity);
    const { result } = this.invokes.run(key, () =>
      this.onceAcrossInstances(
        context,
        () =>
          consent.handle(context).catch(async (err: unknown) => {
            const error = toKotaeError(err);
            this.deps.logger.error('teams: file consent failed', { code: error.code, error: error.message });
            await sendCard(context, noticeCard(error.userMessage), this.deps.retry, this.deps.logger).catch(() => {});
          }),
        key,
      ).then(() => messageInvokeBody('')),
    );
    await result;
    await sendInvokeResponse(context, 200);
  }

  /**
   * Runs a card invoke unless another instance already took it (same conversation and activity id); then
   * answers with the response that instance stored (waiting up to ~5 s for it), so a redelivery changes nothing.
   */
  private async invokeOnceAcrossInstances(context: TurnContext): Promise<InvokeBody> {
    const { processed, logger } = this.deps;
    const key = deliveryKey(context.activity);
    if (!processed || !key) return this.cardInvoke(context);
    if (await processed.claim(key)) {
      let body: InvokeBody;
      try {
        body = await this.cardInvoke(context);
      } catch (err) {
        await processed.forget(key).catch(() => undefined);
        throw err;
      }
      await processed
        .saveResult(key, JSON.stringify(body))
        .catch((err: unknown) => logger.warn('teams: invoke result not stored', { error: errorText(err) }));
      return body;
    }
    logger.info('teams: invoke already handled by another instance', { activityId: context.activity.id });
    for (let waited = 0; waited <= 5_000; waited += 100) {
      const stored = await processed.resultOf(key).catch(() => undefined);
      if (stored) return JSON.parse(stored) as InvokeBody;
      await new Promise((r) => setTimeout(r, 100));
    }
    return messageInvokeBody(M.actionInProgress);
  }

  private async cardInvoke(context: TurnContext): Promise<InvokeBody> {
    const activity = context.activity;
    const value = (typeof activity.value === 'object' && activity.value !== null ? activity.value : {}) as {
      action?: { type?: unknown; verb?: unknown; data?: unknown };
    };
    const verb = typeof value.action?.verb === 'string' ? value.action.verb : undefined;
    const action = value.action?.type === 'Action.Execute' ? parseCardAction(verb, value.action.data) : undefined;
    if (!action) return messageInvokeBody(M.actionUnknown);
    try {
      // A refusal is shown only to the person who pressed; the card stays as it is for everybody.
      const refused = await this.deps.guard.refusal(action, activity);
      if (refused) return messageInvokeBody(refused);
      if (action.kind === 'feedback') {
        const { updated, followUp } = await this.deps.feedback.perform(action, activity);
        if (updated) return adaptiveCardInvokeBody(updated);
        // The answer is not known here: leave the pressed card as it is and add the feedback below it.
        await sendCard(context, followUp, this.deps.retry, this.deps.logger);
        return messageInvokeBody(M.feedbackThanks(action.resolved ? M.buttonResolved : M.buttonNotResolved));
      }
      return adaptiveCardInvokeBody(await this.deps.actions.perform(action, activity));
    } catch (err) {
      const error = toKotaeError(err);
      this.deps.logger.error('teams: card action failed', {
        code: error.code,
        error: error.message,
        activityId: activity.id,
      });
      // A failed feedback must not replace the answer it rates: the message shows to the presser only.
      if (action.kind === 'feedback') return messageInvokeBody(error.userMessage);
      return adaptiveCardInvokeBody(noticeCard(error.userMessage));
    }
  }

  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const botIds = new Set([activity.recipient?.id, ...this.deps.botIds].filter((id): id is string => !!id));
    if (!(activity.membersAdded ?? []).some((m) => !!m.id && botIds.has(m.id))) return;
    const { helpdesk, deskHours, retry, logger } = this.deps;
    try {
      // Teams redelivers a conversationUpdate like any activity: one welcome per activity.
      const welcome = () => sendCard(context, welcomeCard(helpdesk.welcome().text, deskHours), retry, logger);
      await this.once(context, welcome, deliveryKey(activity));
    } catch (err) {
      logger.error('teams: welcome failed', { error: errorText(err) });
    }
  }
}

/** The database could not record the turn for now (locked or unreachable): retrying later can succeed. */
export function isStorageBusy(err: unknown): boolean {
  const code = toKotaeError(err).code;
  return code === 'DB_LOCKED' || code === 'DB_UNAVAILABLE';
}
