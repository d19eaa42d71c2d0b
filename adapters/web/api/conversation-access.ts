/**
 * The web chat page's secret: a random token made with the conversation, kept by the browser
 * (localStorage) and sent as a header. Only its SHA-256 is stored. A request about a conversation
 * without the right token gets the same 404 as an unknown id, so ids cannot be probed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { ConversationRecord, ConversationStore, Requester } from '../../../conversations';
import { KotaeError } from '../../../core';
import { API_MESSAGES } from './messages';
import { boundKey, webIdentityOf, type WebIdentity } from '../sso';

/** The request header that carries the page's secret. */
export const TOKEN_HEADER = 'x-kotae-conversation-token';

function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function notFound(id: string): KotaeError {
  return new KotaeError('NOT_FOUND', `conversation ${id.slice(0, 64)} not found or token mismatch`, {
    userMessage: API_MESSAGES.conversationNotFound,
  });
}

/**
 * Starts a web chat conversation bound to a signed-in directory identity (single sign-on): no page
 * secret; the same user reaches it from any browser, nobody else from any.
 */
export async function startBoundConversation(
  conversations: ConversationStore,
  identity: WebIdentity,
  phone?: string,
): Promise<ConversationRecord> {
  return conversations.createConversation({
    channel: 'web',
    requester: { id: identity.subject, name: identity.name, department: identity.department, phone },
    channelKey: boundKey(identity.subject),
  });
}

/** Starts a web chat conversation and returns it with its secret (shown once, to the page). */
export async function startWebConversation(
  conversations: ConversationStore,
  requester: Requester,
): Promise<{ conversation: ConversationRecord; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const conversation = await conversations.createConversation({
    channel: 'web',
    requester,
    accessTokenHash: sha256(token),
  });
  return { conversation, token };
}

/**
 * The web conversation `id` when the request carries its token, or when it is bound to the identity
 * signed in on the request; NOT_FOUND otherwise (also for other channels, and for a bound conversation
 * of someone else whatever token is sent).
 */
export async function requireWebConversation(
  conversations: ConversationStore,
  id: string,
  req: Request,
): Promise<ConversationRecord> {
  const conversation = id.length <= 64 ? await conversations.getConversation(id) : undefined;
  // Started under single sign-on: no page secret, the directory identity is the requester.
  if (conversation?.channel === 'web' && !conversation.accessTokenHash && conversation.requester.id) {
    const me = webIdentityOf(req);
    if (me && conversation.requester.id === me.subject) return conversation;
    throw notFound(id);
  }
  const token = req.get(TOKEN_HEADER);
  if (!conversation || conversation.channel !== 'web' || !conversation.accessTokenHash || !token) throw notFound(id);
  const expected = Buffer.from(conversation.accessTokenHash, 'hex');
  const given = Buffer.from(sha256(token), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw notFound(id);
  return conversation;
}
