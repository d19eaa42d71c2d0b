/**
 * How Kotae finds a LoGoチャット staff member again: the channel key of their conversation (one per
 * user, whether they ask in a group talk or the pair talk) and the stored channelRef (domain, user,
 * pair talk) used for proactive messages.
 */
import type { ConversationRecord, Requester } from '../../conversations';
import { KotaeError } from '../../core';
import type { LogoTalk, LogoUser } from './transport';

/** Stored as the conversation's channelRef: how to reach the staff member later. */
export interface LogoChannelRef {
  domainId?: string;
  userId: string;
  /** The 1:1 talk with the bot, once known (asked there, or created for a proactive message). */
  pairTalkId?: string;
}

/** The channel key of one LoGo user (the same conversation in group talks and the pair talk). */
export function userKey(talk: LogoTalk, user: LogoUser): string {
  return `logo|${talk.domainId ?? '-'}|${user.id}`;
}

/** The requester of a LoGo user (a user without a display name has none). */
export function toRequester(user: LogoUser): Requester {
  return {
    id: user.id,
    ...(user.name ? { name: user.name } : {}),
    ...(user.department ? { department: user.department } : {}),
  };
}

/** The conversation's LoGo reference, or undefined when it has none or it is unreadable. */
export function safeRef(conversation: ConversationRecord): LogoChannelRef | undefined {
  try {
    return parseRef(conversation);
  } catch {
    return undefined;
  }
}

/** The conversation's LoGo reference; throws CHANNEL_SEND_FAILED when it has none. */
export function parseRef(conversation: ConversationRecord): LogoChannelRef {
  let ref: Partial<LogoChannelRef> | undefined;
  try {
    ref = conversation.channelRef ? (JSON.parse(conversation.channelRef) as Partial<LogoChannelRef>) : undefined;
  } catch (err) {
    throw new KotaeError('CHANNEL_SEND_FAILED', `channelRef of ${conversation.id} is not JSON`, { cause: err });
  }
  if (!ref || typeof ref.userId !== 'string') {
    throw new KotaeError('CHANNEL_SEND_FAILED', `conversation ${conversation.id} has no LoGo user reference`);
  }
  return { domainId: ref.domainId, userId: ref.userId, pairTalkId: ref.pairTalkId };
}
