/**
 * Writing to Teams within a turn: card messages (retried) and invoke responses.
 */
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { CardFactory, MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from '../../core';
import type { AdaptiveCard } from './cards';
import { sendWithRetry, type RetryPolicy } from './retry';

/** A message activity carrying one Adaptive Card. */
export function cardActivity(card: AdaptiveCard): Activity {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** Sends a card into the turn's conversation, retrying a failing Bot Connector. */
export async function sendCard(
  context: TurnContext,
  card: AdaptiveCard,
  retry: RetryPolicy,
  logger: Logger,
): Promise<void> {
  await sendWithRetry(
    () => context.sendActivity(cardActivity(card)),
    retry,
    (attempt, err) =>
      logger.warn('teams: reply failed, retrying', {
        attempt,
        error: err instanceof Error ? err.message : String(err),
      }),
  );
}

/** Sets the HTTP answer of an invoke activity. */
export async function sendInvokeResponse(context: TurnContext, status: number, body?: unknown): Promise<void> {
  // The SDK addresses even the invoke response (returned in the HTTP body, never posted) from the
  // incoming recipient; an invoke without one (as in some documented payloads) must not fail the turn.
  context.activity.recipient ??= { id: '' };
  await context.sendActivity(Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status, body } }));
}

/** Universal Actions answer to `adaptiveCard/action`: replace the pressed card with `card`. */
export function adaptiveCardInvokeBody(card: AdaptiveCard): { statusCode: number; type: string; value: AdaptiveCard } {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

/** Universal Actions answer showing a short message instead of a new card. */
export function messageInvokeBody(message: string): { statusCode: number; type: string; value: string } {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message };
}
