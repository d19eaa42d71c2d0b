/**
 * The web chat's conversation on the server: its history (so a reload or a second tab shows the same
 * conversation, and replies that arrived while the page was closed), and the requester's tickets with
 * their replies (お問い合わせ履歴). Fetching the history marks delivered replies read (既読).
 */
import { Router } from 'express';
import type { ConversationStore } from '../../../conversations';
import type { TicketStore } from '../../../tickets';
import type { Clock } from '../../../core';
import { KotaeError } from '../../../core';
import { answerNoticeOf, answersOnPage, restoredAnswer } from '../../../bot';
import { requireWebConversation } from './conversation-access';
import { API_MESSAGES } from './messages';
import { sourcesJson } from './source-links';

/** Tickets listed in the お問い合わせ履歴 panel. */
const HISTORY_TICKETS = 20;

/** Routes under /api/conversations. */
export function createConversationRoutes(deps: {
  conversations: ConversationStore;
  tickets: TicketStore;
  clock: Clock;
  /** KOTAE_PUBLIC_URL: Kotae's own source links are given on the request's host (as with a live answer). */
  publicUrl?: string;
}): Router {
  const { conversations, tickets, clock } = deps;
  const router = Router();

  // The history from line `after` on (all of it by default); `since=ISO` (older pages): helpdesk lines after it.
  router.get('/:id/messages', async (req, res) => {
    const conversation = await requireWebConversation(conversations, String(req.params.id), req);
    const lines = await conversations.transcript(conversation.id);
    const indexed = lines.map((line, index) => ({ index, ...line }));
    let shown = indexed;
    if (typeof req.query.after === 'string') {
      const after = Number.parseInt(req.query.after, 10);
      shown = indexed.slice(Number.isFinite(after) && after > 0 ? after : 0);
    } else if (typeof req.query.since === 'string') {
      const since = new Date(req.query.since);
      const from = Number.isNaN(since.getTime()) ? new Date(0) : since;
      shown = indexed.filter((l) => l.role === 'operator' && l.at > from);
    }
    // Every reply delivered so far is in `lines`: the page has now fetched it.
    // A write lock held elsewhere must not fail a read: the next poll marks them read.
    await tickets.markRepliesRead(conversation.id, clock.now()).catch((err: unknown) => {
      if (!(err instanceof KotaeError && err.code === 'DB_LOCKED')) throw err;
    });
    const { name, department, phone } = conversation.requester;
    // The last answer among the lines shown, with its sources and the buttons that still apply.
    const last = shown.some((l) => l.role === 'bot')
      ? await restoredAnswer(conversations, conversation.id, lines)
      : undefined;
    const lastShown = last && shown.some((l) => l.index === last.index) ? last : undefined;
    // Every answer among the lines shown, with the sources it was shown with (one read of the question log).
    const answers = await answersOnPage(
      conversations,
      conversation.id,
      lines,
      shown.map((l) => l.index),
    );
    res.json({
      messages: shown.map((l) => {
        const answer = answers.get(l.index);
        // The notices the answer was shown below (personal data masked, the message taken off its ticket), if any.
        const notice = answer && answerNoticeOf(answer);
        return {
          index: l.index,
          role: l.role,
          text: l.text,
          at: l.at.toISOString(),
          ...(answer ? { outcome: answer.outcome, sources: sourcesJson(answer.sources, deps.publicUrl) } : {}),
          ...(notice ? { notice } : {}),
        };
      }),
      total: lines.length,
      requester: { name: name ?? '', department: department ?? '', phone: phone ?? '' },
      ...(lastShown
        ? {
            lastAnswer: {
              index: lastShown.index,
              questionId: lastShown.questionId,
              outcome: lastShown.outcome,
              sources: sourcesJson(lastShown.sources, deps.publicUrl),
              choices: lastShown.choices,
              actions: lastShown.actions,
            },
          }
        : {}),
    });
  });

  // お問い合わせ履歴: the tickets opened from this conversation, newest first, with the helpdesk's replies.
  router.get('/:id/tickets', async (req, res) => {
    const conversation = await requireWebConversation(conversations, String(req.params.id), req);
    const { items } = await tickets.list({ conversationId: conversation.id, limit: HISTORY_TICKETS });
    const listed = await Promise.all(
      items.map(async (t) => {
        const comments = await tickets.comments(t.id);
        return {
          number: t.number,
          title: t.title,
          status: t.status,
          statusLabel: API_MESSAGES.status[t.status],
          createdAt: t.createdAt.toISOString(),
          updatedAt: t.updatedAt.toISOString(),
          messages: comments
            .filter((c) => (c.kind === 'reply' && c.deliveredAt) || c.kind === 'requester')
            .map((c) => ({
              from: c.kind === 'reply' ? 'helpdesk' : 'you',
              text: c.body,
              at: c.createdAt.toISOString(),
            })),
        };
      }),
    );
    res.json({ tickets: listed });
  });

  return router;
}
