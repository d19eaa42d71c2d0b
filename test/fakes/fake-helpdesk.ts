/**
 * A deterministic Helpdesk for channel adapter tests. It records every call and keeps the Helpdesk's
 * promise that one activity id yields one feedback and one ticket.
 */
import type { AskInput, EscalateInput, FeedbackInput, Helpdesk } from '../../bot/helpdesk';
import type { BotReply } from '../../conversations';
import type { TicketRecord } from '../../tickets';

/** Helpdesk fake: answers every question with a canned answer and two sources. */
export class FakeHelpdesk implements Helpdesk {
  readonly asks: AskInput[] = [];
  readonly feedbacks: FeedbackInput[] = [];
  readonly escalations: EscalateInput[] = [];
  /** Replies returned by the next ask() calls, in order, before the canned answer. */
  readonly scriptedReplies: Omit<BotReply, 'conversationId'>[] = [];
  /** When set, ask() throws it. */
  failWith?: Error;
  private readonly feedbackByActivity = new Map<string, BotReply>();
  private readonly ticketsByActivity = new Map<string, { ticket: TicketRecord; reply: BotReply }>();
  private conversationSeq = 0;
  private ticketSeq = 0;

  async ask(input: AskInput): Promise<BotReply> {
    this.asks.push(input);
    if (this.failWith) throw this.failWith;
    const conversationId = input.conversationId ?? `conv-${++this.conversationSeq}`;
    const scripted = this.scriptedReplies.shift();
    if (scripted) return { ...scripted, conversationId };
    return {
      conversationId,
      questionId: `q-${this.asks.length}`,
      outcome: 'answered',
      text: `「${input.text}」について: VPNに接続できない場合は、端末を再起動してから再接続してください。`,
      sources: [
        { title: 'VPN接続手順書', url: 'https://kb.example.lg.jp/vpn/manual', snippet: 'VPN接続の手順' },
        { title: '在宅勤務FAQ', snippet: 'よくある質問' },
      ],
      choices: [],
      actions: ['resolved', 'not_resolved', 'escalate'],
      confidence: 0.82,
    };
  }

  async feedback(input: FeedbackInput): Promise<BotReply> {
    this.feedbacks.push(input);
    const earlier = input.activityId ? this.feedbackByActivity.get(input.activityId) : undefined;
    if (earlier) return earlier;
    const reply: BotReply = input.resolved
      ? {
          conversationId: input.conversationId,
          text: 'ご利用ありがとうございました。',
          sources: [],
          choices: [],
          actions: [],
        }
      : {
          conversationId: input.conversationId,
          text: 'お役に立てず申し訳ありません。担当者にお問い合わせください。',
          sources: [],
          choices: [],
          actions: ['escalate'],
        };
    if (input.activityId) this.feedbackByActivity.set(input.activityId, reply);
    return reply;
  }

  async escalate(input: EscalateInput): Promise<{ ticket: TicketRecord; reply: BotReply }> {
    this.escalations.push(input);
    const earlier = input.activityId ? this.ticketsByActivity.get(input.activityId) : undefined;
    if (earlier) return earlier;
    const seq = ++this.ticketSeq;
    const at = new Date('2026-04-01T00:00:00Z');
    const ticket: TicketRecord = {
      id: `t-${seq}`,
      number: `HD-2026-${String(seq).padStart(6, '0')}`,
      conversationId: input.conversationId,
      status: 'new',
      type: 'inquiry',
      priority: input.priority ?? 'normal',
      category: input.category ?? 'その他',
      title: (input.details ?? '').slice(0, 40),
      details: input.details ?? '',
      requester: input.requester ?? {},
      channel: 'teams',
      createdAt: at,
      updatedAt: at,
      holds: [],
      version: 1,
    };
    const result = {
      ticket,
      reply: {
        conversationId: input.conversationId,
        text: `受付番号 ${ticket.number}`,
        sources: [],
        choices: [],
        actions: [],
      },
    };
    if (input.activityId) this.ticketsByActivity.set(input.activityId, result);
    return result;
  }

  welcome(conversationId?: string): BotReply {
    return {
      conversationId: conversationId ?? '',
      text: 'こんにちは。ITヘルプデスクの自動応答 Kotae です。',
      sources: [],
      choices: [],
      actions: [],
    };
  }
}
