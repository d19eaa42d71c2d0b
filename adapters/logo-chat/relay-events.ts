/**
 * The JSON events a municipality's relay posts to `POST /api/logo/events` (documented in the README).
 */
import { z } from 'zod';
import type { LogoEvent } from './transport';

const id = z.string().min(1).max(128);
const talk = z.object({ id, type: z.enum(['pair', 'group']), domainId: id.optional() });
const user = z.object({
  id,
  name: z.string().max(200).optional(),
  department: z.string().max(200).optional(),
});

/** One relay event. `eventId` is unique per event (redelivery keeps it). */
export const RelayEventSchema = z.discriminatedUnion('type', [
  z.object({
    eventId: id,
    type: z.literal('message'),
    talk,
    user,
    messageId: id,
    /** text (default); stamps and files are answered with a polite note in pair talks. */
    contentType: z.enum(['text', 'stamp', 'file']).default('text'),
    text: z.string().max(100_000).default(''),
    mention: z.boolean().default(false),
  }),
  z.object({
    eventId: id,
    type: z.literal('answer'),
    talk,
    user,
    messageId: id,
    inReplyTo: id,
    response: z.union([z.number().int().min(0).max(99), z.boolean()]),
  }),
  z.object({ eventId: id, type: z.enum(['join', 'leave']), talk, user: user.optional() }),
]);
export type RelayEvent = z.infer<typeof RelayEventSchema>;

/** The transport-neutral event of a relay event. */
export function fromRelayEvent(e: RelayEvent): LogoEvent {
  switch (e.type) {
    case 'message':
      if (e.contentType !== 'text') {
        return { kind: 'unsupported', messageId: e.messageId, talk: e.talk, user: e.user, what: e.contentType };
      }
      return {
        kind: 'message',
        messageId: e.messageId,
        talk: e.talk,
        user: e.user,
        text: e.text,
        mentionMe: e.mention,
      };
    case 'answer':
      return {
        kind: 'answer',
        messageId: e.messageId,
        talk: e.talk,
        user: e.user,
        inReplyTo: e.inReplyTo,
        response: e.response,
      };
    default:
      return { kind: e.type, talk: e.talk, user: e.user };
  }
}

/** The body Kotae posts to KOTAE_LOGO_RELAY_URL for each message. */
export interface RelayOutbound {
  eventId: string;
  type: 'send';
  messageId: string;
  to: { talkId: string } | { userId: string; domainId?: string };
  message:
    | { kind: 'text'; text: string }
    | { kind: 'select'; question: string; options: string[] }
    | { kind: 'yesno'; question: string };
  createdAt: string;
}
