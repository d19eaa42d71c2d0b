/** A Helpdesk that talks to a running Kotae server's JSON API (used by `kotae chat`). */
import { KotaeError, type ErrorCode } from '../../core';
import type { AskInput, EscalateInput, FeedbackInput, Helpdesk } from '../../bot';
import type { BotReply } from '../../conversations';
import type { TicketRecord } from '../../tickets';
import { BOT_MESSAGES } from '../../bot';

interface ApiError {
  error?: { code?: string; message?: string };
}

/** Helpdesk over HTTP. */
export class HttpHelpdesk implements Helpdesk {
  /** The secret the server gave each conversation this client started (sent back as a header). */
  private readonly tokens = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  private async post<T>(path: string, body: { conversationId?: string } & Record<string, unknown>): Promise<T> {
    let res: Response;
    const token = body.conversationId ? this.tokens.get(body.conversationId) : undefined;
    try {
      res = await fetch(new URL(path, this.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-kotae-conversation-token': token } : {}) },
        body: JSON.stringify(body),
      });
    } catch (err) {
      throw new KotaeError('CLOUD_UNAVAILABLE', `server at ${this.baseUrl} unreachable`, {
        cause: err,
        userMessage: 'Kotae サーバーに接続できません。',
      });
    }
    const data = (await res.json().catch(() => ({}))) as T & ApiError;
    if (!res.ok) {
      throw new KotaeError((data.error?.code as ErrorCode) ?? 'INTERNAL', `HTTP ${res.status}`, {
        userMessage: data.error?.message,
      });
    }
    return data;
  }

  async ask(input: AskInput): Promise<BotReply> {
    const r = await this.post<{
      outcome: BotReply['outcome'];
      answer: string;
      sources: BotReply['sources'];
      confidence: number;
      conversationId: string;
      questionId?: string;
      choices: BotReply['choices'];
      actions: BotReply['actions'];
      conversationToken?: string;
    }>('/api/ask', {
      question: input.text,
      conversationId: input.conversationId,
      user: input.requester,
      choiceOf: input.choiceOf,
    });
    if (r.conversationToken) this.tokens.set(r.conversationId, r.conversationToken);
    return {
      conversationId: r.conversationId,
      ...(r.questionId === undefined ? {} : { questionId: r.questionId }),
      outcome: r.outcome,
      text: r.answer,
      sources: r.sources,
      choices: r.choices,
      actions: r.actions,
      confidence: r.confidence,
    };
  }

  async feedback(input: FeedbackInput): Promise<BotReply> {
    const r = await this.post<{ message: string; actions: BotReply['actions'] }>('/api/feedback', {
      conversationId: input.conversationId,
      resolved: input.resolved,
      comment: input.comment,
      // The answer rated: the server says it expired when it is no longer the latest unrated one.
      questionId: input.questionId,
    });
    return { conversationId: input.conversationId, text: r.message, sources: [], choices: [], actions: r.actions };
  }

  async escalate(input: EscalateInput): Promise<{ ticket: TicketRecord; reply: BotReply }> {
    const r = await this.post<{ number: string; message: string }>('/api/tickets', {
      conversationId: input.conversationId,
      details: input.details || undefined,
      ...(input.requester ? { user: input.requester } : {}),
    });
    const ticket = { number: r.number } as TicketRecord;
    return {
      ticket,
      reply: { conversationId: input.conversationId, text: r.message, sources: [], choices: [], actions: [] },
    };
  }

  welcome(conversationId?: string): BotReply {
    return {
      conversationId: conversationId ?? '',
      text: BOT_MESSAGES.welcome(''),
      sources: [],
      choices: [],
      actions: [],
    };
  }
}
