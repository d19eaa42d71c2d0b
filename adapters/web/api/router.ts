/**
 * The public JSON API used by the web chat (and by any intranet portal): ask, escalate to a ticket,
 * feedback, and the conversation's history and tickets. Every call about an existing conversation needs
 * the page's secret (conversation-access.ts).
 */
import { Router } from 'express';
import { answerStillCurrent, BOT_MESSAGES, hasWords, knowledgeRefusal, type Helpdesk } from '../../../bot';
import { type BotReply, type ConversationRecord, type ConversationStore } from '../../../conversations';
import { DEFAULT_CATEGORIES, type TicketPriority, type TicketStore } from '../../../tickets';
import { KotaeError, toKotaeError } from '../../../core';
import { cleanUserText } from '../../../privacy';
import type { Clock } from '../../../core';
import { requireWebConversation, startBoundConversation, startWebConversation } from './conversation-access';
import { webIdentityOf, type WebIdentity } from '../sso';
import { requireWebSignIn } from './web-sign-in';
import { createConversationRoutes } from './conversation-routes';
import { requireContact } from './contact';
import { AskBody, EscalateBody, FeedbackBody, parseBody } from './schemas';
import { API_MESSAGES } from './messages';
import { sourcesJson } from './source-links';
import { retryAfterOf } from '../errors';
import { IDEMPOTENCY_HEADER, keepRefusal, keyedRequest, type RequestKeys } from '../request-keys';
import { nameNoLines, watchWrittenLines } from './written-lines';

/** What the API needs. */
export interface ApiDeps {
  helpdesk: Helpdesk;
  conversations: ConversationStore;
  tickets: TicketStore;
  clock: Clock;
  /** Single sign-on for the web chat: every call needs the signed-in user (name and 所属 from the directory). */
  webSignIn?: boolean;
  /** Longest question (checked before a new conversation is written). */
  maxQuestionChars?: number;
  /** KOTAE_PUBLIC_URL: links under `<publicUrl>/kb/` are answered as `/kb/…`, on the host the page came from. */
  publicUrl?: string;
  /** Keyed POSTs: a message sent again with its `Idempotency-Key` is answered as the first time, written once. */
  requestKeys?: RequestKeys;
  /** The ticket categories a client may name (the console's list; DEFAULT_CATEGORIES unless configured). */
  categories?: readonly string[];
}

/** The requester as the directory says (name, 所属), with the phone the user typed. */
function directoryRequester(me: WebIdentity, typed?: { phone?: string }) {
  return { id: me.subject, name: me.name, department: me.department, ...(typed?.phone ? { phone: typed.phone } : {}) };
}

function replyJson(reply: BotReply, publicUrl?: string) {
  return {
    outcome: reply.outcome ?? 'no_answer',
    answer: reply.text,
    sources: sourcesJson(reply.sources, publicUrl),
    confidence: reply.confidence ?? 0,
    conversationId: reply.conversationId,
    // The question log row this answer was recorded as: its buttons send it back (stale → expired, nothing written).
    ...(reply.questionId === undefined ? {} : { questionId: reply.questionId }),
    choices: reply.choices,
    actions: reply.actions,
    ...(reply.pendingText === undefined ? {} : { pendingText: reply.pendingText }),
    ...(reply.ticketNumber === undefined ? {} : { ticketNumber: reply.ticketNumber }),
  };
}

/** The reply to a button that no longer applies. */
function expiredReply(conversationId: string): BotReply {
  return { conversationId, text: API_MESSAGES.choiceExpired, sources: [], choices: [], actions: [] };
}

/** Routes under /api. */
export function createApiRouter(deps: ApiDeps): Router {
  const { helpdesk, conversations } = deps;
  const router = Router();
  if (deps.webSignIn) router.use(['/ask', '/tickets', '/feedback', '/conversations'], requireWebSignIn);
  router.use('/conversations', createConversationRoutes(deps));

  // A key belongs to the request's conversation (access checked first), else to the signed-in user, else —
  // the first message of an anonymous chat — to the key alone (random, made by the page for this message).
  const keyed = (scope: string) =>
    keyedRequest(deps.requestKeys, {
      scope,
      key: (req) => req.get(IDEMPOTENCY_HEADER) ?? '',
      content: (req) => [JSON.stringify(req.body ?? {})],
      owner: async (req) => {
        const id: unknown = (req.body as { conversationId?: unknown } | undefined)?.conversationId;
        if (typeof id === 'string' && id)
          return `conversation:${(await requireWebConversation(conversations, id, req)).id}`;
        const me = webIdentityOf(req);
        return me ? `user:${me.subject}` : 'new';
      },
    });
  const askKeyed = keyed('api.ask');

  router.post('/ask', askKeyed, async (req, res) => {
    const body = parseBody(AskBody, req.body);
    const me = webIdentityOf(req);
    let conversationId = body.conversationId;
    let conversationToken: string | undefined;
    let created: ConversationRecord | undefined;
    if (conversationId) {
      await requireWebConversation(conversations, conversationId, req);
      // A candidate picked under a reloaded answer that no longer applies: said so, nothing asked or written.
      if (body.choiceOf && !(await answerStillCurrent(conversations, conversationId, body.choiceOf))) {
        nameNoLines(res);
        res.json(replyJson(expiredReply(conversationId)));
        return;
      }
    } else {
      // Nothing to ask (e.g. only control characters) or too much: refuse before a conversation is written.
      const cleaned = cleanUserText(body.question).trim();
      if (!cleaned)
        throw new KotaeError('INPUT_INVALID', 'empty question', { userMessage: BOT_MESSAGES.emptyQuestion });
      // Only emoji or punctuation (🙏🙏, ？？？): no words to search for, as in Teams and LoGoチャット.
      if (!hasWords(cleaned))
        throw new KotaeError('INPUT_INVALID', 'wordless question', { userMessage: BOT_MESSAGES.wordlessMessage });
      if (deps.maxQuestionChars !== undefined && cleaned.length > deps.maxQuestionChars)
        throw new KotaeError('INPUT_TOO_LARGE', `question of ${cleaned.length} chars`, {
          userMessage: BOT_MESSAGES.tooLong(deps.maxQuestionChars),
        });
      if (deps.webSignIn && me) {
        created = await startBoundConversation(conversations, me, body.user?.phone);
      } else {
        const started = await startWebConversation(conversations, body.user ?? {});
        created = started.conversation;
        conversationToken = started.token;
      }
      conversationId = created.id;
    }
    // The lines this message writes are named in a header (written-lines.ts): other open pages show them.
    const written = watchWrittenLines(conversations, conversationId);
    const reply = await written
      .during(() =>
        helpdesk.ask({
          conversationId: conversationId!,
          channel: 'web',
          requester: deps.webSignIn && me ? directoryRequester(me, body.user) : body.user,
          text: body.question,
          intent: body.intent,
          created,
        }),
      )
      .catch(async (err: unknown) => {
        // The knowledge cannot answer now, the desk still can: the refusal names the conversation (a new one's
        // token too) and offers escalation, as Teams and LoGoチャット do. The core wrote the question and the
        // refusal into the conversation: a retry with the message's key gets this answer again, writes nothing.
        const refused = knowledgeRefusal(conversationId!, err);
        if (!refused) throw err;
        keepRefusal(res);
        written.name(res);
        const error = toKotaeError(err);
        const retryAfter = retryAfterOf(error);
        if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
        res.status(error.status).json({
          error: { code: error.code, message: refused.text },
          conversationId,
          ...(conversationToken ? { conversationToken } : {}),
          actions: refused.actions,
        });
        return undefined;
      });
    if (!reply) return;
    written.name(res);
    res.json({ ...replyJson(reply, deps.publicUrl), ...(conversationToken ? { conversationToken } : {}) });
  });

  router.post('/tickets', keyed('api.tickets'), async (req, res) => {
    const body = parseBody(EscalateBody, req.body);
    // An unknown category would be stored raw and make every later console save of the ticket fail.
    const categories = deps.categories ?? DEFAULT_CATEGORIES;
    if (body.category !== undefined && !categories.includes(body.category))
      throw new KotaeError('INPUT_INVALID', `unknown ticket category ${body.category}`, {
        userMessage: API_MESSAGES.categoryUnknown(body.category, categories),
      });
    const conversation = await requireWebConversation(conversations, body.conversationId, req);
    const me = webIdentityOf(req);
    // Signed in: name and 所属 are the directory's, whatever the form says; the phone is typed.
    const requester = deps.webSignIn && me ? directoryRequester(me, body.user ?? conversation.requester) : body.user;
    requireContact({ ...conversation.requester, ...requester });
    const written = watchWrittenLines(conversations, conversation.id);
    const { ticket, reply, created } = await written.during(() =>
      helpdesk.escalate({
        conversationId: conversation.id,
        details: body.details,
        category: body.category,
        priority: body.priority as TicketPriority | undefined,
        requester,
        separate: body.separate,
      }),
    );
    written.name(res);
    res
      .status(created === false ? 200 : 201)
      .json({ number: ticket.number, message: reply.text, created: created !== false, actions: reply.actions });
  });

  router.post('/feedback', keyed('api.feedback'), async (req, res) => {
    const body = parseBody(FeedbackBody, req.body);
    await requireWebConversation(conversations, body.conversationId, req);
    // 解決した / 解決しない under an answer (live or reloaded) rated or followed by something meanwhile: expired.
    if (body.questionId && !(await answerStillCurrent(conversations, body.conversationId, body.questionId))) {
      nameNoLines(res);
      res.json({ ok: false, message: API_MESSAGES.choiceExpired, actions: [] });
      return;
    }
    const { conversationId, resolved, comment } = body;
    const written = watchWrittenLines(conversations, conversationId);
    const reply = await written.during(() => helpdesk.feedback({ conversationId, resolved, comment }));
    written.name(res);
    res.json({ ok: true, message: reply.text, actions: reply.actions });
  });

  return router;
}
