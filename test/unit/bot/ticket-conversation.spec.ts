/**
 * The ticket conversation in the core, on SQLite stores: a requester's messages reach the open ticket,
 * a resolved one is reopened only after confirmation, status answers go to the requester only, and a
 * conversation escalating again keeps its one ticket.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { HelpdeskService } from '../../../bot';
import { type ConversationRecord } from '../../../conversations';
import { BusinessCalendar } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import { SqlConversationStore, SqlTicketStore } from '../../../db';
import { RequesterDesk } from '../../../tickets';
import { FakeKnowledge, faqChunk } from '../../fakes/fake-knowledge';
import { tempSqlite } from '../../helpers/sqlite';

describe('the ticket conversation in the core (requester side)', () => {
  let db: { ds: DataSource; close: () => Promise<void> };
  let helpdesk: HelpdeskService;
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

  beforeEach(async () => {
    clock = new FakeClock('2026-11-20T01:00:00Z'); // Friday 10:00 JST
    db = await tempSqlite();
    conversations = new SqlConversationStore(db.ds, () => clock.now());
    tickets = new SqlTicketStore(db.ds, () => clock.now());
    const desk = new RequesterDesk({ store: tickets, conversations, calendar, clock, reopenBusinessDays: 5 });
    helpdesk = new HelpdeskService(
      { conversations, tickets, knowledge, clock, desk },
      {
        maxQuestionChars: 2000,
        deskHours: '平日 8:30〜17:15',
        isDeskOpen: (at) => calendar.isOpen(at),
        nextOpening: (at) => calendar.nextOpening(at),
      },
    );
  });
  afterEach(() => db.close());

  async function escalated(
    text = 'ファイルサーバに入れない',
  ): Promise<{ conversation: ConversationRecord; number: string }> {
    const first = await helpdesk.ask({ channel: 'web', text, requester: { name: '山田 花子' } });
    const { ticket } = await helpdesk.escalate({
      conversationId: first.conversationId,
      details: '朝から共有フォルダが開けません',
    });
    return { conversation: (await conversations.getConversation(first.conversationId))!, number: ticket.number };
  }

  async function requesterComments(number: string): Promise<string[]> {
    const t = await tickets.get(number);
    return (await tickets.comments(t!.id)).filter((c) => c.kind === 'requester').map((c) => c.body);
  }

  it('adds the next message to the open ticket, flags it and offers to ask the bot instead', async () => {
    const { conversation, number } = await escalated();
    const questionsBefore = await conversations.lastQuestion(conversation.id);
    clock.advanceMinutes(10);
    const reply = await helpdesk.ask({
      conversationId: conversation.id,
      channel: 'web',
      text: 'パスワードも忘れました',
    });
    assert.equal(
      reply.text,
      `お問い合わせ ${number} に追記しました。担当者にお知らせしました。\nボットへの新しい質問だった場合は「ボットに質問する」を押してください。`,
    );
    assert.deepEqual(reply.actions, ['ask_bot']);
    assert.equal(reply.pendingText, 'パスワードも忘れました');
    assert.deepEqual(await requesterComments(number), ['パスワードも忘れました']);
    const ticket = await tickets.get(number);
    assert.equal(ticket?.requesterRepliedAt?.toISOString(), '2026-11-20T01:10:00.000Z');
    assert.equal(ticket?.status, 'new');
    // Not a question for the knowledge base: the question log is unchanged.
    assert.equal((await conversations.lastQuestion(conversation.id))?.id, questionsBefore?.id);

    const asked = await helpdesk.ask({
      conversationId: conversation.id,
      channel: 'web',
      text: 'パスワードも忘れました',
      intent: 'question',
    });
    assert.equal(asked.outcome, 'answered');
    // The message was for the bot: it is off the ticket (see ask-bot-withdrawal.spec.ts).
    assert.deepEqual(await requesterComments(number), []);
  });

  it('moves 保留（回答待ち） to 対応中 when the requester answers', async () => {
    const { conversation, number } = await escalated();
    const t = await tickets.get(number);
    await tickets.update(t!.id, t!.version, { status: 'on_hold', firstResponseAt: clock.now() }, 'op1');
    await helpdesk.ask({ conversationId: conversation.id, channel: 'web', text: 'PCの型番は FMV-1234 です' });
    const after = await tickets.get(number);
    assert.equal(after?.status, 'in_progress');
    assert.equal(after?.holds.length, 1);
    assert.ok(after?.holds[0].to);
  });

  it('reopens a recently resolved ticket only after the confirmation button', async () => {
    const { conversation, number } = await escalated();
    const t = await tickets.get(number);
    await tickets.update(t!.id, t!.version, { status: 'resolved', resolvedAt: clock.now() }, 'op1');
    clock.set('2026-11-26T01:00:00Z'); // Thursday: 3 business days later
    const ask = { conversationId: conversation.id, channel: 'web' as const, text: 'やはりまだ開けません' };
    const confirm = await helpdesk.ask(ask);
    assert.equal(
      confirm.text,
      `お問い合わせ ${number} は解決済みです。このメッセージを追記して、お問い合わせを再開しますか？\nボットへの新しい質問の場合は「ボットに質問する」を押してください。`,
    );
    assert.deepEqual(confirm.actions, ['reopen', 'ask_bot']);
    assert.equal((await tickets.get(number))?.status, 'resolved');
    assert.deepEqual(await requesterComments(number), []);

    const reopened = await helpdesk.ask({ ...ask, intent: 'reopen' });
    assert.match(reopened.text, new RegExp(`^お問い合わせ ${number} に追記しました。`));
    const after = await tickets.get(number);
    assert.equal(after?.status, 'in_progress');
    assert.equal(after?.resolvedAt, undefined);
    assert.deepEqual(await requesterComments(number), ['やはりまだ開けません']);
  });

  it('writes nothing to a ticket resolved long ago or closed; the message is a question again', async () => {
    const { conversation, number } = await escalated();
    const t = await tickets.get(number);
    await tickets.update(t!.id, t!.version, { status: 'resolved', resolvedAt: clock.now() }, 'op1');
    clock.set('2026-12-01T01:00:00Z'); // after 11-24…11-30 (11-23 is a holiday)
    const ask = { conversationId: conversation.id, channel: 'web' as const, text: 'パスワードを忘れました' };
    const answered = await helpdesk.ask(ask);
    assert.equal(answered.outcome, 'answered');
    const late = await helpdesk.ask({ ...ask, intent: 'reopen' });
    assert.equal(
      late.text,
      `お問い合わせ ${number} は受付を終了しているため、追記できません。お手数ですが、質問を入力するか「担当者に問い合わせる」から新しくお問い合わせください。`,
    );
    const after = await tickets.get(number);
    assert.equal(after?.status, 'resolved');
    assert.equal(after?.version, t!.version + 1);
    assert.deepEqual(await requesterComments(number), []);
  });

  it('answers status only to the requester; another person gets the same reply as for no ticket', async () => {
    const { conversation, number } = await escalated();
    const own = await helpdesk.ask({ conversationId: conversation.id, channel: 'web', text: `${number} の状況は？` });
    assert.equal(
      own.text,
      `${number}「ファイルサーバに入れない」\n状態: 新規\n最終更新: 11月20日（金）10時\n担当: 未定（受付済み・担当者の割り当て待ち）`,
    );
    const list = await helpdesk.ask({ conversationId: conversation.id, channel: 'web', text: 'お問い合わせ状況' });
    assert.equal(list.text, own.text);
    assert.deepEqual(await requesterComments(number), []);

    const stranger = await helpdesk.ask({ channel: 'web', text: `${number} の状況` });
    const missing = await helpdesk.ask({ channel: 'web', text: 'HD-2026-999999 の状況' });
    assert.equal(stranger.text, '該当するお問い合わせが見つかりません。受付番号をご確認ください。');
    assert.equal(missing.text, stranger.text);
    const teamsMember = await helpdesk.ask({ channel: 'teams', text: `${number}の状態`, requester: { id: 'aad-9' } });
    assert.equal(teamsMember.text, stranger.text);
  });

  it('keeps one ticket per conversation; 別件 opens another', async () => {
    const { conversation, number } = await escalated();
    const again = await helpdesk.escalate({ conversationId: conversation.id, details: '急ぎでお願いします' });
    assert.equal(again.created, false);
    assert.equal(again.ticket.number, number);
    assert.deepEqual(again.reply.actions, ['new_ticket', 'status']);
    const repeated = await helpdesk.escalate({ conversationId: conversation.id, details: '急ぎでお願いします' });
    assert.equal(repeated.ticket.number, number);
    assert.deepEqual(await requesterComments(number), ['急ぎでお願いします']);
    const separate = await helpdesk.escalate({ conversationId: conversation.id, details: '別件です', separate: true });
    assert.equal(separate.created, true);
    assert.notEqual(separate.ticket.number, number);
    assert.equal((await tickets.list({ conversationId: conversation.id })).total, 2);
  });

  it('names the next desk opening out of hours, on escalation and on a requester reply', async () => {
    clock.set('2026-12-02T11:00:00Z'); // Wednesday 20:00 JST
    const first = await helpdesk.ask({ channel: 'web', text: 'ファイルサーバに入れない' });
    const { reply: created } = await helpdesk.escalate({ conversationId: first.conversationId, details: '至急です' });
    assert.equal(created.afterHoursNotice, '現在は受付時間外のため、12月3日（木）8時30分以降に担当者が確認します。');
    assert.deepEqual(created.actions, ['status']);
    const { conversation, number } = await escalated();
    const transcript = await conversations.transcript(conversation.id);
    assert.match(transcript.at(-1)!.text, /現在は受付時間外のため、12月3日（木）8時30分以降に担当者が確認します。/);
    const reply = await helpdesk.ask({ conversationId: conversation.id, channel: 'web', text: '補足です' });
    assert.equal(
      reply.text,
      `お問い合わせ ${number} に追記しました。担当者にお知らせしました。\n現在は受付時間外のため、12月3日（木）8時30分以降に担当者が確認します。\nボットへの新しい質問だった場合は「ボットに質問する」を押してください。`,
    );
  });
});
