/**
 * The public JSON API used by the web chat (and by any intranet portal):
 * ask, escalate to a ticket, and feedback.
 */
import { Router } from 'express';
import type { ConversationStore, Helpdesk, TicketPriority } from '../../../bot';
import { KotaeError } from '../../../core/errors';
import { AskBody, EscalateBody, FeedbackBody, parseBody } from './schemas';

/** Routes under /api. */
export function createApiRouter(helpdesk: Helpdesk, conversations: ConversationStore): Router {
  const router = Router();

  // Messages from the helpdesk (operator replies, status changes) after `since`, for the open chat page.
  router.get('/conversations/:id/messages', async (req, res) => {
    const id = String(req.params.id);
    const conversation = id.length <= 64 ? await conversations.getConversation(id) : undefined;
    if (!conversation)
      throw new KotaeError('NOT_FOUND', `conversation ${id.slice(0, 64)} not found`, {
        userMessage: '会話が見つかりません。',
      });
    const since = new Date(typeof req.query.since === 'string' ? req.query.since : 0);
    const after = Number.isNaN(since.getTime()) ? new Date(0) : since;
    const lines = (await conversations.transcript(conversation.id)).filter(
      (l) => l.role === 'operator' && l.at > after,
    );
    res.json({ messages: lines.map((l) => ({ text: l.text, at: l.at.toISOString() })) });
  });

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
