/** Request bodies of the public JSON API, validated with zod. */
import { z } from 'zod';
import { KotaeError } from '../../../core';
import { cleanUserText } from '../../../privacy';
import { TICKET_PRIORITIES } from '../../../tickets';

/**
 * Free text of a client, without control characters, lone surrogates and zero-width characters (a name of
 * only NUL passed the contact check and reached the database as it was).
 */
const text = (max: number) => z.string().max(max).transform(cleanUserText);

/** An id the server looks up (up to 64 characters): NUL and other control characters are never part of one. */
const idText = z
  .string()
  .max(64)
  .refine((id) => cleanUserText(id) === id, 'control characters');
const lookupId = idText.pipe(z.string().min(1));

const requester = z
  .object({
    id: text(200).optional(),
    name: text(200).optional(),
    department: text(200).optional(),
    phone: text(100).optional(),
  })
  .strict();

/** POST /api/ask */
export const AskBody = z
  .object({
    question: z.string(),
    user: requester.optional(),
    channel: z.literal('web').optional(),
    conversationId: idText.optional(),
    intent: z.enum(['question', 'reopen']).optional(),
    /** A candidate question picked under a reloaded answer: that answer's question id (expired when stale). */
    choiceOf: lookupId.optional(),
  })
  .strict();

/** POST /api/tickets */
export const EscalateBody = z
  .object({
    conversationId: lookupId,
    details: z.string().max(10_000).optional(),
    category: text(100).pipe(z.string().min(1)).optional(),
    priority: z.enum(TICKET_PRIORITIES as [string, ...string[]]).optional(),
    user: requester.optional(),
    separate: z.boolean().optional(),
  })
  .strict();

/** POST /api/feedback */
export const FeedbackBody = z
  .object({
    conversationId: lookupId,
    resolved: z.boolean(),
    comment: z.string().max(2000).optional(),
    /** 解決した / 解決しない: the answer's question id (`POST /api/ask` or `lastAnswer`; expired when stale). */
    questionId: lookupId.optional(),
  })
  .strict();

/** Parses a body or throws INPUT_INVALID naming the fields at fault. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => i.path.join('.') || '(body)');
  throw new KotaeError(
    'INPUT_INVALID',
    `invalid body: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    {
      userMessage: `入力内容に誤りがあります（${[...new Set(fields)].join(', ')}）。`,
    },
  );
}
