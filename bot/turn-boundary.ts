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
/**
 * A question the knowledge base cannot answer now: its index failed to load (KB_INDEX_CORRUPT) or none was
 * built yet (KB_UNAVAILABLE). The refusal's own message (as /api/ask gives it) and the way to a person: tickets
 * do not need the index.
 */
const KNOWLEDGE_ERRORS = new Set(['KB_INDEX_CORRUPT', 'KB_UNAVAILABLE']);

/** Whether an error is the knowledge base refusing a search (KB_INDEX_CORRUPT, KB_UNAVAILABLE). */
export function refusedByKnowledge(err: unknown): boolean {
  return KNOWLEDGE_ERRORS.has(toKotaeError(err).code);
}

/**
 * The reply to a question refused because the knowledge base cannot be searched (its own Japanese message
 * and 担当者に問い合わせる); undefined for any other error.
 */
export function knowledgeRefusal(conversationId: string, err: unknown): BotReply | undefined {
  const error = toKotaeError(err);
  if (!refusedByKnowledge(error)) return undefined;
  return { conversationId, text: error.userMessage, sources: [], choices: [], actions: ['escalate'] };
}

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
    const refused = knowledgeRefusal(conversationId, error);
    if (refused) {
      // The index's failure itself is logged once where it is loaded; each refused question is a warning.
      logger.warn('turn refused: knowledge unavailable', { code: error.code, error: error.message });
      return refused;
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
