/**
 * Typed messages between the server (parent) and the direct-js child process of one bot account.
 * Ids of users, talks and messages are direct-js's strings (`_<high>_<low>`).
 */

/** How the child connects (sent once, over IPC, so the token never appears on a command line). */
export interface ChildOptions {
  endpoint: string;
  accessToken: string;
  botName: string;
  storagePath: string;
  proxyUrl?: string;
  /** PEM text of a private CA to trust for wss (LGWAN-ASP hosts with an in-house CA). */
  caPem?: string;
}

/** A message a user posted, as the child saw it. */
export interface ReceivedMessage {
  messageId: string;
  /** direct-js's name of the message type (`text`, `stamp`, `deleted`, `unknown`, …) when the child knew it. */
  messageType?: string;
  talkId: string;
  talkType: 'pair' | 'group' | 'unknown';
  domainId?: string;
  userId: string;
  userName?: string;
  department?: string;
  /** Text as direct-js gives it: mention markup rewritten; JSON for stamps and their answers. */
  content: string;
  mentionMe: boolean;
}

/** Parent → child. */
export type ParentMessage =
  | { type: 'start'; options: ChildOptions }
  | { type: 'send-text'; requestId: number; talkId: string; text: string }
  | { type: 'send-select'; requestId: number; talkId: string; question: string; options: string[] }
  | { type: 'send-yesno'; requestId: number; talkId: string; question: string }
  | { type: 'create-pair-talk'; requestId: number; domainId: string; userId: string };

/** Child → parent. */
export type ChildMessage =
  | { type: 'ready'; botUserId: string; botDisplayName?: string }
  | { type: 'reconnecting' }
  | { type: 'message-received'; message: ReceivedMessage }
  /** Answer to a send-* (the id of the posted message) or create-pair-talk (the talk id). */
  | { type: 'result'; requestId: number; id: string }
  /** A frame or message direct-js could not take was dropped (the connection stays up). */
  | { type: 'dropped'; what: 'frame' | 'message'; reason: string }
  | { type: 'error'; kind: 'auth' | 'connection' | 'request'; message: string; requestId?: number };

/** Whether a value received over IPC is a parent message (the child trusts nothing blindly). */
export function isParentMessage(value: unknown): value is ParentMessage {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Whether a value received over IPC is a child message. */
export function isChildMessage(value: unknown): value is ChildMessage {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
