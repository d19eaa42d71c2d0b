/**
 * The public JSON API used by the web chat (and by any intranet portal):
 * ask, escalate to a ticket, and feedback.
 */
import { Router } from 'express';
import type { Helpdesk, TicketPriority } from '../../../bot';
import { AskBody, EscalateBody, FeedbackBody, parseBody } from './schemas';

/** Routes under /api. */
export function createApiRouter(helpdesk: Helpdesk): Router {
  const router = Router();

  router.post('/ask', async (req, res) => {
    const body = parseBody(AskBody, req.body);
    const reply = await helpdesk.ask({
      conversationId: body.conversationId,
      channel: 'web',
      requester: body.user,
      text: body.question,
    });
    res.json({
      outcome: reply.outcome ?? 'no_answer',
      answer: reply.text,
      sources: reply.sources.map(({ title, url, snippet }) => ({ title, url, snippet })),
      confidence: reply.confidence ?? 0,
      conversationId: reply.conversationId,
      choices: reply.choices,
      actions: reply.actions,
    });
  });

  router.post('/tickets', async (req, res) => {
    const body = parseBody(EscalateBody, req.body);
    const { ticket, reply } = await helpdesk.escalate({
      conversationId: body.conversationId,
      details: body.details,
      category: body.category,
      priority: body.priority as TicketPriority | undefined,
      requester: body.user,
    });
    res.status(201).json({ number: ticket.number, message: reply.text });
  });

  router.post('/feedback', async (req, res) => {
    const body = parseBody(FeedbackBody, req.body);
    const reply = await helpdesk.feedback(body);
    res.json({ ok: true, message: reply.text, actions: reply.actions });
  });

  return router;
}
