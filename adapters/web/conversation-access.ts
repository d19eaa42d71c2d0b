/**
 * Who may act on a web chat conversation from the browser: the page that holds its secret token
 * (header `X-Kotae-Conversation-Token`). A conversation without a stored token is open to whoever
 * knows its id, as before tokens existed. Unknown, foreign or mismatched → NOT_FOUND (no leak).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { ConversationRecord, ConversationStore } from '../../bot';
import { KotaeError } from '../../core/errors';
import { ATTACHMENT_MESSAGES } from '../../tickets';

/** The request header carrying the per-browser conversation secret. */
export const CONVERSATION_TOKEN_HEADER = 'x-kotae-conversation-token';

/** The stored secret of a conversation (or its hash, compared the same way); undefined when none. */
export type StoredConversationToken = (conversation: ConversationRecord) => Promise<string | undefined>;

/** Whether a presented token opens a conversation: when one is stored, it must match (constant time). */
export function conversationTokenMatches(stored: string | undefined, presented: string | undefined): boolean {
  if (stored === undefined) return true;
  if (!presented) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(stored), digest(presented));
}

/** The web conversation named by `:id` if this request may use it; NOT_FOUND otherwise. */
export async function requireConversationAccess(
  req: Request,
  conversations: Pick<ConversationStore, 'getConversation'>,
  storedToken: StoredConversationToken,
): Promise<ConversationRecord> {
  const id = typeof req.params.id === 'string' ? req.params.id : '';
  const conversation = id && id.length <= 64 ? await conversations.getConversation(id) : undefined;
  const presented = req.get(CONVERSATION_TOKEN_HEADER) || undefined;
  if (
    !conversation ||
    conversation.channel !== 'web' ||
    !conversationTokenMatches(await storedToken(conversation), presented)
  )
    throw new KotaeError('NOT_FOUND', `conversation ${id.slice(0, 64)} not accessible`, {
      userMessage: ATTACHMENT_MESSAGES.conversationNotFound,
    });
  return conversation;
}
