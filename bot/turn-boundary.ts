/**
 * The one turn-error boundary: whatever goes wrong in a turn, the user gets a polite Japanese
 * reply (with a correlation id for unexpected errors) and the details go to the log.
 */
import { randomUUID } from 'node:crypto';
import { toKotaeError } from '../core';
import type { Logger } from '../core';
import type { BotReply } from '../conversations';
import { BOT_MESSAGES } from './messages';

const USER_ERRORS = new Set(['INPUT_INVALID', 'INPUT_TOO_LARGE', 'NOT_FOUND', 'CONFLICT']);
/**
 * A busy database (SQLite's write lock held past the busy timeout): its own message tells staff to try again in a
 * moment; no escalation is offered (a ticket needs the same database).
 */
const BUSY_ERRORS = new Set(['DB_LOCKED']);

/** Runs a turn; on failure returns a reply that explains the problem politely. */
export async function runTurn(
  conversationId: string,
  logger: Logger,
  turn: () => Promise<BotReply>,
): Promise<BotReply> {
  try {
    return await turn();
  } catch (err) {
    const error = toKotaeError(err);
    if (USER_ERRORS.has(error.code)) {
      return { conversationId, text: error.userMessage, sources: [], choices: [], actions: [] };
    }
    if (BUSY_ERRORS.has(error.code)) {
      logger.warn('turn failed: database busy', { code: error.code, error: error.message });
      return { conversationId, text: error.userMessage, sources: [], choices: [], actions: [] };
    }
    const correlationId = randomUUID().slice(0, 8);
    logger.error('turn failed', { correlationId, code: error.code, error: error.message });
    return {
      conversationId,
      text: BOT_MESSAGES.turnFailed(correlationId),
      sources: [],
      choices: [],
      actions: ['escalate'],
    };
  }
}
