/**
 * The conversation core: a question goes to the knowledge base, the answer policy picks
 * answered / tentative / clarify / no_answer, everything is logged for the reports, and what the bot
 * cannot resolve becomes a ticket.
 */
import { cutText, KotaeError } from '../core';
import type { AuditEntry, AuditTrail } from '../core';
import type { Clock } from '../core';
import type { Logger } from '../core';
import type { AskInput, EscalateInput, FeedbackInput, Helpdesk } from './helpdesk';
import type { KnowledgeSearch } from './ports';
import type { ConversationStore } from '../conversations';
import type { TicketDesk, TicketStore } from '../tickets';
import { recordedWith, takeBackFor, withNotices, type Atomically } from './ask-bot';
import { formatJstDayTime } from '../calendar';
import type { BotAction, BotReply, ConversationRecord, Requester, SourceRef } from '../conversations';
import type { TicketRecord } from '../tickets';
import { DEFAULT_THRESHOLDS, orderedThresholds } from './answer-policy';
import type { HelpdeskOptions } from './helpdesk-options';
import { preferExactQuestion } from './exact-question';
import { BOT_MESSAGES } from './messages';
import { composeAnswer } from './compose-answer';
import type { PiiMasker } from '../privacy';
import { redactPersonalData } from './redact';
import { stripEmpty } from './requester-fields';
import { hasWords } from './words';
import type { ChatModel } from './chat-model';
import { smallTalkOf } from './small-talk';
import { answerReplyOf, rightAfterAnswer } from './answer-reply';
import { statusQuery } from './status-query';
import { decideWithSources, GENERATION, withGeneratedText } from './source-check';
import { followUpQuery, FOLLOW_UP_WINDOW_MS } from './follow-up';
import { searchedOrRefused } from './refused-question';
import { ticketSubject } from './ticket-subject';
import { feedbackReply, recordFeedback, type FeedbackDeps } from './feedback';
import { expiredChoice } from './last-answer';

export type { HelpdeskOptions } from './helpdesk-options';

const HUMAN_REQUEST =
  /(担当者|オペレーター|オペレータ|人間|有人).*(問い合わせ|問合せ|つな|繋|話し|相談|お願い)|^(担当者|有人対応)$/;

/** The Helpdesk every channel adapter calls. */
export class HelpdeskService implements Helpdesk {
  constructor(
    private readonly deps: {
      conversations: ConversationStore;
      tickets: TicketStore;
      knowledge: KnowledgeSearch;
      clock: Clock;
      /** When set, the model answers from the top sources and checks that they hold the answer (bot/source-check.ts). */
      chatModel?: ChatModel;
      /** When set, a requester's messages reach the conversation's open ticket and status questions are answered. */
      desk?: TicketDesk;
      logger?: Logger;
      /** The configured personal-data masker (privacy/); all types when absent. */
      masker?: PiiMasker;
      /** The audit trail: answers, feedback and bot-created tickets are audited with their rows. */
      audit?: AuditTrail;
    },
    private readonly options: HelpdeskOptions,
  ) {}

  async ask(input: AskInput): Promise<BotReply> {
    const { text, redacted, notice, types } = redactPersonalData((input.text ?? '').trim(), this.deps.masker);
    if (!text) throw new KotaeError('INPUT_INVALID', 'empty question', { userMessage: BOT_MESSAGES.emptyQuestion });
    // Only emoji or punctuation: no words to search for, whatever the channel.
    if (!hasWords(text))
      throw new KotaeError('INPUT_INVALID', 'wordless question', { userMessage: BOT_MESSAGES.wordlessMessage });
    if (text.length > this.options.maxQuestionChars) {
      throw new KotaeError('INPUT_TOO_LARGE', `question of ${text.length} chars`, {
        userMessage: BOT_MESSAGES.tooLong(this.options.maxQuestionChars),
      });
    }
    // Created by the caller for this question: nothing to read again, no ticket or earlier question yet.
    const created = input.created && input.created.id === input.conversationId ? input.created : undefined;
    const conversation = created ?? (await this.conversationFor(input));
    // A candidate picked under an answer that no longer applies: said so, nothing asked or written.
    const expired =
      input.choiceOf && !created && (await expiredChoice(this.deps.conversations, conversation.id, input.choiceOf));
    if (expired) return expired;
    const { desk } = this.deps;
    const status = desk ? statusQuery(text) : undefined;
    if (desk && status) {
      const reply = await desk.status(conversation, status.number);
      await this.appendExchange(conversation.id, text, reply.text);
      return reply;
    }
    // ボットに質問する: the message comes off the ticket it went to, in the transaction that records the answer.
    const takeBack = takeBackFor(desk, input, conversation, text, Boolean(created));
    if (desk && input.conversationId && input.intent !== 'question' && (!created || input.intent === 'reopen')) {
      const intent = input.intent === 'reopen' ? 'reopen' : 'auto';
      const routed = await desk.routeRequesterMessage(conversation, text, intent, input.messageKey);
      if (routed) return redacted ? { ...routed, text: `${notice}\n\n${routed.text}` } : routed;
    }
    // はい / いいえ typed right after an answer or a proposal: the 解決した / 解決しない buttons.
    const answerReply = input.conversationId && !created ? answerReplyOf(text) : undefined;
    if (answerReply && (await rightAfterAnswer(this.deps.conversations, conversation.id, this.deps.clock.now()))) {
      const reply = feedbackReply(conversation.id, answerReply === 'yes');
      const typed = answerReply === 'yes' ? reply : { ...reply, text: BOT_MESSAGES.notResolvedTyped };
      const at = this.deps.clock.now();
      // The typed はい and the acknowledgement go into the transcript with the feedback row.
      const lines = [
        { role: 'user' as const, text, at },
        { role: 'system' as const, text: typed.text, at },
      ];
      const { notice: takenBack } = await recordedWith(this.atomically, takeBack, () =>
        recordFeedback(this.feedbackDeps, conversation.id, { resolved: answerReply === 'yes' }, lines),
      );
      return { ...typed, text: withNotices(typed.text, takenBack) };
    }
    const smallTalk = smallTalkOf(text);
    if (HUMAN_REQUEST.test(text) || smallTalk) {
      // Not a question for the knowledge base: kept in the transcript, not counted in the reports.
      const { notice: takenBack } = await recordedWith(this.atomically, takeBack, () =>
        this.deps.conversations.appendTranscript(conversation.id, { role: 'user', text, at: this.deps.clock.now() }),
      );
      const [reply, actions]: [string, BotAction[]] = HUMAN_REQUEST.test(text)
        ? [BOT_MESSAGES.humanRequested, ['escalate']]
        : smallTalk === 'thanks'
          ? [BOT_MESSAGES.youAreWelcome, []]
          : [BOT_MESSAGES.welcome(this.options.deskHours), ['escalate']];
      const shown = withNotices(reply, takenBack);
      return { conversationId: conversation.id, text: shown, sources: [], choices: [], actions };
    }
    const started = this.deps.clock.now();
    const t0 = performance.now();
    // A follow-up (「スマホの場合は？」) is searched with the conversation's previous question.
    const previous =
      input.conversationId && !created ? await this.deps.conversations.lastQuestion(conversation.id) : undefined;
    const recent =
      previous && started.getTime() - previous.askedAt.getTime() <= FOLLOW_UP_WINDOW_MS ? previous.text : undefined;
    const shown = new Set(recent ? (previous?.sources ?? []).flatMap((s) => (s.documentId ? [s.documentId] : [])) : []);
    // A knowledge base that cannot be searched refuses the question: it is written with the refusal, then thrown on.
    const { query, searched } = await searchedOrRefused(
      async () => {
        const query = await followUpQuery(this.deps.knowledge, text, recent, 5, shown);
        return { query, searched: query.retrieval ?? (await this.deps.knowledge.search(text, { k: 5 })) };
      },
      {
        conversations: this.deps.conversations,
        atomically: this.atomically,
        conversationId: conversation.id,
        question: text,
        askedAt: started,
        now: () => this.deps.clock.now(),
        notice: redacted ? notice : undefined,
      },
    );
    // Configured overrides win over the thresholds calibrated on this index, which win over the defaults.
    const thresholds = orderedThresholds({ ...DEFAULT_THRESHOLDS, ...searched.thresholds, ...this.options.thresholds });
    // After an answer that did not help, the other candidates at most: a list to pick from, never a new answer.
    const capped = query.afterShown
      ? {
          ...searched,
          confidence: Math.min(searched.confidence, Math.max(thresholds.clarify, thresholds.tentative - 1e-6)),
        }
      : searched;
    const retrieval = preferExactQuestion(text, capped, thresholds.answer);
    const decision = await decideWithSources(query.text, retrieval, this.deps.chatModel, {
      thresholds,
      checkSources: this.options.checkSources ?? true,
      faqVerbatim: this.options.faqVerbatim ?? true,
      timeoutMs: this.options.generationTimeoutMs ?? GENERATION.timeoutMs,
      maxTokens: GENERATION.maxTokens,
      temperature: GENERATION.temperature,
      logger: this.deps.logger,
    });
    const { outcome } = decision;
    const extractive = this.withLinks(composeAnswer(outcome, { ...retrieval, hits: decision.hits }));
    const generatedOrExtractive = decision.generated
      ? withGeneratedText(decision.generated, retrieval.hits, extractive)
      : extractive;
    const composed =
      query.continued && outcome !== 'no_answer'
        ? {
            ...generatedOrExtractive,
            text: `${BOT_MESSAGES.continued(query.continued)}\n\n${generatedOrExtractive.text}`,
          }
        : generatedOrExtractive;
    const { result: question, notice: takenBack } = await recordedWith(
      this.atomically,
      takeBack,
      (taken) =>
        this.deps.conversations.recordQuestion({
          conversationId: conversation.id,
          askedAt: started,
          text,
          outcome,
          confidence: retrieval.confidence,
          answer: composed.text,
          sources: composed.sources,
          choices: composed.choices,
          // The notice shown above the answer is shown again on a reload (answer-history.ts).
          ...(redacted ? { maskedTypes: types } : {}),
          ...(taken ? { takenBack: taken } : {}),
          categoryGuess: outcome === 'no_answer' ? undefined : decision.hits[0]?.chunk.category,
          channel: conversation.channel,
          requester: { ...conversation.requester, ...input.requester },
          latencyMs: performance.now() - t0,
        }),
      (q) => ({
        actor: 'bot',
        action: 'bot.answer',
        target: q.id,
        detail: { conversationId: conversation.id, outcome, channel: conversation.channel },
      }),
    );
    return {
      conversationId: conversation.id,
      questionId: question.id,
      outcome,
      confidence: retrieval.confidence,
      ...composed,
      text: withNotices(composed.text, redacted ? notice : undefined, takenBack),
    };
  }

  /** Runs a change with its audit entry in one transaction (without an audit trail: just the change). */
  private audited<T>(change: () => Promise<T>, entry: (result: T) => AuditEntry | undefined): Promise<T> {
    return this.deps.audit ? this.deps.audit.atomically(change, entry) : change();
  }

  private readonly atomically: Atomically = (change, entry) => this.audited(change, entry);

  private get feedbackDeps(): FeedbackDeps {
    return { conversations: this.deps.conversations, atomically: this.atomically, masker: this.deps.masker };
  }

  async feedback(input: FeedbackInput): Promise<BotReply> {
    const conversation = await this.requireConversation(input.conversationId);
    // 解決した / 解決しない under an answer rated or followed by something meanwhile: said so, nothing written.
    const expired =
      input.questionId && (await expiredChoice(this.deps.conversations, conversation.id, input.questionId));
    if (expired) return expired;
    const reply = feedbackReply(conversation.id, input.resolved);
    // The acknowledgement is a 'system' line, as a typed はい's: the answer above it stays the last 'bot' line.
    const line = { role: 'system' as const, text: reply.text, at: this.deps.clock.now() };
    await recordFeedback(this.feedbackDeps, conversation.id, input, [line]);
    return reply;
  }

  async escalate(input: EscalateInput): Promise<{ ticket: TicketRecord; reply: BotReply; created: boolean }> {
    const conversation = await this.requireConversation(input.conversationId);
    const { text: details, notice } = redactPersonalData(
      cutText(input.details?.trim() ?? '', 10_000),
      this.deps.masker,
    );
    const [transcript, last] = await Promise.all([
      this.deps.conversations.transcript(conversation.id),
      this.deps.conversations.lastQuestion(conversation.id),
    ]);
    const { title, categoryGuess } = ticketSubject(transcript, last, details);
    if (!title)
      throw new KotaeError('INPUT_INVALID', 'nothing to escalate', { userMessage: BOT_MESSAGES.nothingToEscalate });
    const given = stripEmpty(input.requester);
    if (Object.keys(given).length > 0)
      await this.deps.conversations.touchConversation(conversation.id, { requester: given });
    const requester: Requester = { ...conversation.requester, ...given };
    const newTicket = {
      conversationId: conversation.id,
      type: 'inquiry' as const,
      priority: input.priority ?? 'normal',
      category: input.category ?? categoryGuess ?? this.options.defaultCategory ?? 'その他',
      title,
      details,
      requester,
      channel: conversation.channel,
      transcript,
      sourceActivityId: input.activityId,
    };
    const actor = requester.name ?? 'requester';
    const { ticket, created } = await this.audited(
      async () =>
        input.separate
          ? { ticket: await this.deps.tickets.create(newTicket, actor), created: true }
          : await this.deps.tickets.openForConversation(newTicket, actor),
      (r) =>
        r.created
          ? {
              actor: 'bot',
              action: 'bot.ticket_create',
              target: r.ticket.number,
              detail: { conversationId: conversation.id, channel: conversation.channel },
            }
          : undefined,
    );
    const now = this.deps.clock.now();
    const closed = created && !this.options.isDeskOpen(now) && this.options.nextOpening;
    const afterHoursNotice = closed
      ? BOT_MESSAGES.afterHours(formatJstDayTime(this.options.nextOpening!(now)))
      : undefined;
    const text = created
      ? BOT_MESSAGES.ticketCreated(ticket.number, this.options.deskHours, afterHoursNotice)
      : BOT_MESSAGES.ticketJoined(ticket.number, await this.addToOpenTicket(ticket, details, actor));
    await this.deps.conversations.appendTranscript(conversation.id, { role: 'system', text, at: now });
    const actions: BotAction[] = created ? ['status'] : ['new_ticket', 'status'];
    return {
      ticket,
      created,
      reply: {
        conversationId: conversation.id,
        text: withNotices(text, notice),
        sources: [],
        choices: [],
        actions,
        ticketNumber: ticket.number,
        ...(afterHoursNotice ? { afterHoursNotice } : {}),
      },
    };
  }

  /**
   * Escalating again while the ticket is open: new details become a requester comment (the same text
   * twice, e.g. a repeated request, is added once) and the ticket is flagged for the operators.
   */
  private async addToOpenTicket(ticket: TicketRecord, details: string, actor: string): Promise<boolean> {
    if (!details || details === ticket.details) return false;
    const { tickets, clock } = this.deps;
    const earlier = await tickets.comments(ticket.id);
    if (earlier.some((c) => c.kind === 'requester' && c.body === details)) return false;
    const now = clock.now();
    await tickets.addComment(ticket.id, {
      kind: 'requester',
      author: actor.slice(0, 100),
      body: details,
      deliveredAt: now,
    });
    await tickets.update(ticket.id, ticket.version, { requesterRepliedAt: now }, 'requester').catch((err: unknown) => {
      // An operator saved meanwhile: the comment is kept; the flag is only a hint.
      if (!(err instanceof KotaeError) || err.code !== 'CONFLICT') throw err;
    });
    return true;
  }

  private async appendExchange(conversationId: string, question: string, answer: string): Promise<void> {
    const at = this.deps.clock.now();
    await this.deps.conversations.appendTranscript(conversationId, { role: 'user', text: question, at });
    await this.deps.conversations.appendTranscript(conversationId, { role: 'system', text: answer, at });
  }

  /** Source links the staff member can open: documents without a URL of their own are served by Kotae. */
  private withLinks<T extends { sources: SourceRef[] }>(composed: T): T {
    const resolve = this.options.resolveSourceUrl;
    if (!resolve) return composed;
    return { ...composed, sources: composed.sources.map((s) => (s.url ? { ...s, url: resolve(s.url) } : s)) };
  }

  welcome(conversationId?: string): BotReply {
    return {
      conversationId: conversationId ?? '',
      text: BOT_MESSAGES.welcome(this.options.deskHours),
      sources: [],
      choices: [],
      actions: ['escalate'],
    };
  }

  private async conversationFor(input: AskInput): Promise<ConversationRecord> {
    if (!input.conversationId) {
      return this.deps.conversations.createConversation({
        channel: input.channel,
        requester: input.requester ?? {},
        channelRef: input.channelRef,
      });
    }
    const conversation = await this.requireConversation(input.conversationId);
    if (input.channelRef || input.requester) {
      await this.deps.conversations.touchConversation(conversation.id, {
        requester: input.requester,
        channelRef: input.channelRef,
      });
    }
    return conversation;
  }

  private async requireConversation(id: string): Promise<ConversationRecord> {
    const conversation =
      typeof id === 'string' && id.length <= 64 ? await this.deps.conversations.getConversation(id) : undefined;
    if (!conversation) {
      throw new KotaeError('NOT_FOUND', `conversation ${String(id).slice(0, 64)} not found`, {
        userMessage: BOT_MESSAGES.unknownConversation,
      });
    }
    return conversation;
  }
}
