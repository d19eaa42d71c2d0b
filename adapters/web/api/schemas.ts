/** Request bodies of the public JSON API, validated with zod. */
import { z } from 'zod';
import { KotaeError } from '../../../core';
import { TICKET_PRIORITIES } from '../../../tickets';

const requester = z
  .object({
    id: z.string().max(200).optional(),
    name: z.string().max(200).optional(),
    department: z.string().max(200).optional(),
    phone: z.string().max(100).optional(),
  })
  .strict();

/** POST /api/ask */
export const AskBody = z
  .object({
    question: z.string(),
    user: requester.optional(),
    channel: z.literal('web').optional(),
    conversationId: z.string().max(64).optional(),
    intent: z.enum(['question', 'reopen']).optional(),
  })
  .strict();

/** POST /api/tickets */
export const EscalateBody = z
  .object({
    conversationId: z.string().min(1).max(64),
    details: z.string().max(10_000).optional(),
    category: z.string().min(1).max(100).optional(),
    priority: z.enum(TICKET_PRIORITIES as [string, ...string[]]).optional(),
    user: requester.optional(),
    separate: z.boolean().optional(),
  })
  .strict();

/** POST /api/feedback */
export const FeedbackBody = z
  .object({
    conversationId: z.string().min(1).max(64),
    resolved: z.boolean(),
    comment: z.string().max(2000).optional(),
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
