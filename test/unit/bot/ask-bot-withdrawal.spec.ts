/**
 * ボットに質問する after a message went to the open ticket, in the core on SQLite stores with the audit trail:
 * the message is answered by the bot and comes off the ticket (withdrawn, in the history, flags put back) in
 * the transaction that records the answer; pressed twice it is withdrawn once; answered by an operator, kept.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { HelpdeskService } from '../../../bot';
import { type ConversationRecord, type ConversationStore } from '../../../conversations';
import { BusinessCalendar } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import { SqlConversationStore, SqlTicketStore } from '../../../db';
import { RequesterDesk } from '../../../tickets';
import { FakeKnowledge, faqChunk } from '../../fakes/fake-knowledge';
import { testAuditLog } from '../../helpers/audit';
import { tempSqlite } from '../../helpers/sqlite';

describe('ボットに質問する withdraws the message from the ticket (core, SQLite, audited)', () => {
  let db: { ds: DataSource; close: () => Promise<void> };
  let conversations: SqlConversationStore;
  let tickets: SqlTicketStore;
  let clock: FakeClock;
  const calendar = new BusinessCalendar();
  const knowledge = new FakeKnowledge([
    {
      match: 'パスワード',
      confidence: 0.9,
      chunk: faqChunk('FAQ-0001', 'パスワードを忘れた', 'パスワードリセット申請フォームから申請してください。'),
    },
  ]);

  function helpdeskOn(store: ConversationStore): HelpdeskService {
    const desk = new RequesterDesk({ store: tickets, conversations: store, calendar, clock, reopenBusinessDays: 5 });
    const audit = testAuditLog(db.ds, () => clock.now());
    return new HelpdeskService(
      { conversations: store, tickets, knowledge, clock, desk, audit },
      {
        maxQuestionChars: 2000,
        deskHours: '平日 8:30〜17:15',
        isDeskOpen: (at) => calendar.isOpen(at),
        nextOpening: (at) => calendar.nextOpening(at),
      },
    );
  }
  let helpdesk: HelpdeskService;

  beforeEach(async () => {
    clock = new FakeClock('2026-11-20T01:00:00Z'); // Friday 10:00 JST
    db = await tempSqlite();
    conversations = new SqlConversationStore(db.ds, () => clock.now());
    tickets = new SqlTicketStore(db.ds, () => clock.now());
    helpdesk = helpdeskOn(conversations);
  });
  afterEach(() => db.close());

  const MESSAGE = 'パスワードも忘れました';

  /** A conversation with a ticket and MESSAGE added to it (the ack offers ボットに質問する). */
  async function messageOnTicket(): Promise<{ conversation: ConversationRecord; number: string }> {
    const first = await helpdesk.ask({
      channel: 'web',
      text: 'ファイルサーバに入れない',
      requester: { name: '山田 花子' },
    });
    const { ticket } = await helpdesk.escalate({ conversationId: first.conversationId, details: '朝から開けません' });
    clock.advanceMinutes(10);
    const ack = await helpdesk.ask({ conversationId: first.conversationId, channel: 'web', text: MESSAGE });
    assert.deepEqual(ack.actions, ['ask_bot']);
    assert.ok((await tickets.get(ticket.number))?.requesterRepliedAt);
    return { conversation: (await conversations.getConversation(first.conversationId))!, number: ticket.number };
  }

  const askBot = (conversationId: string) =>
    helpdesk.ask({ conversationId, channel: 'web', text: MESSAGE, intent: 'question' });

  async function commentKinds(number: string): Promise<[string, string][]> {
    const t = await tickets.get(number);
    return (await tickets.comments(t!.id)).map((c) => [c.kind, c.body]);
  }

  async function withdrawals(number: string) {
    const t = await tickets.get(number);
    return (await tickets.history(t!.id)).filter((e) => e.field === 'requesterWithdrawn');
  }

  it('answers as the bot, withdraws the comment once and clears 依頼者から返信あり', async () => {
    const { conversation, number } = await messageOnTicket();
    clock.advanceMinutes(1);
    const asked = await askBot(conversation.id);
    assert.equal(asked.outcome, 'answered');
    assert.equal(
      asked.text,
      `お問い合わせ ${number} への追記を取り消しました。ボットへの質問としてお答えします。\n\n` +
        'パスワードリセット申請フォームから申請してください。',
    );
    assert.deepEqual(await commentKinds(number), [['withdrawn', MESSAGE]]);
    const history = await withdrawals(number);
    assert.equal(history.length, 1);
    assert.deepEqual([history[0].actor, history[0].before, history[0].after], ['requester', MESSAGE, 'bot_question']);
    const ticket = await tickets.get(number);
    assert.equal(ticket?.requesterRepliedAt, undefined);
    assert.equal(ticket?.status, 'new');
    // The question log has the re-run question, once.
    assert.equal((await conversations.lastQuestion(conversation.id))?.text, MESSAGE);
    assert.equal(await db.ds.getRepository('question').countBy({ conversationId: conversation.id }), 2);

    // Pressed again (another tab, a redelivered card): answered again, withdrawn once, no notice.
    const again = await askBot(conversation.id);
    assert.equal(again.text, 'パスワードリセット申請フォームから申請してください。');
    assert.equal((await withdrawals(number)).length, 1);
    assert.deepEqual(await commentKinds(number), [['withdrawn', MESSAGE]]);
  });

  it('puts 保留 back when the message had moved the ticket to 対応中', async () => {
    const first = await helpdesk.ask({ channel: 'web', text: 'ファイルサーバに入れない' });
    const { ticket } = await helpdesk.escalate({ conversationId: first.conversationId, details: '朝から開けません' });
    await tickets.update(ticket.id, ticket.version, { status: 'on_hold', firstResponseAt: clock.now() }, 'op1');
    clock.advanceMinutes(10);
    await helpdesk.ask({ conversationId: first.conversationId, channel: 'web', text: MESSAGE });
    assert.equal((await tickets.get(ticket.id))?.status, 'in_progress');
    clock.advanceMinutes(1);
    await askBot(first.conversationId);
    const after = await tickets.get(ticket.id);
    assert.equal(after?.status, 'on_hold');
    assert.equal(after?.requesterRepliedAt, undefined);
    assert.deepEqual(
      after?.holds.map((h) => [h.from.toISOString(), h.to?.toISOString()]),
      [
        ['2026-11-20T01:00:00.000Z', '2026-11-20T01:10:00.000Z'],
        ['2026-11-20T01:11:00.000Z', undefined],
      ],
    );
  });

  it('keeps a message an operator already replied to, and says so', async () => {
    const { conversation, number } = await messageOnTicket();
    const t = await tickets.get(number);
    clock.advanceMinutes(1);
    await tickets.addComment(t!.id, { kind: 'reply', author: 'op1', body: '申請フォームをご案内します。' });
    await tickets.update(t!.id, t!.version, { requesterRepliedAt: null }, 'op1');
    clock.advanceMinutes(1);
    const asked = await askBot(conversation.id);
    assert.equal(
      asked.text,
      `担当者がすでに返信しているため、お問い合わせ ${number} への追記は取り消さずに残しています。` +
        'ボットへの質問としてもお答えします。\n\nパスワードリセット申請フォームから申請してください。',
    );
    assert.deepEqual(await commentKinds(number), [
      ['requester', MESSAGE],
      ['reply', '申請フォームをご案内します。'],
    ]);
    assert.equal((await withdrawals(number)).length, 0);
  });

  it('withdraws nothing when recording the answer fails: one transaction', async () => {
    const { conversation, number } = await messageOnTicket();
    const failing: ConversationStore = Object.create(conversations) as ConversationStore;
    failing.recordQuestion = async (q) => {
      await conversations.recordQuestion(q);
      throw new Error('disk full');
    };
    await assert.rejects(helpdeskOn(failing).ask({ ...askInput(conversation.id) }), /disk full/);
    assert.deepEqual(await commentKinds(number), [['requester', MESSAGE]]);
    assert.equal((await withdrawals(number)).length, 0);
    assert.ok((await tickets.get(number))?.requesterRepliedAt);
    assert.equal(await db.ds.getRepository('question').countBy({ conversationId: conversation.id }), 1);
  });

  it('withdraws a message typed as small talk too (「担当者と話したい」 went to the ticket)', async () => {
    const { conversation, number } = await messageOnTicket();
    const human = '担当者と話したい';
    await helpdesk.ask({ conversationId: conversation.id, channel: 'web', text: human });
    const asked = await helpdesk.ask({
      conversationId: conversation.id,
      channel: 'web',
      text: human,
      intent: 'question',
    });
    assert.match(asked.text, new RegExp(`^お問い合わせ ${number} への追記を取り消しました。`));
    assert.deepEqual(await commentKinds(number), [
      ['requester', MESSAGE],
      ['withdrawn', human],
    ]);
    // The earlier message is still unanswered: the flag points at it.
    assert.equal((await tickets.get(number))?.requesterRepliedAt?.toISOString(), '2026-11-20T01:10:00.000Z');
  });

  function askInput(conversationId: string) {
    return { conversationId, channel: 'web' as const, text: MESSAGE, intent: 'question' as const };
  }
});
