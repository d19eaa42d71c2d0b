/**
 * HelpdeskService after an answer: escalation to a numbered ticket, feedback (buttons or はい / いいえ) recorded
 * and audited once, and personal data masked before anything is stored or searched.
 */
import assert from 'node:assert/strict';
import { HelpdeskService, MY_NUMBER_MASK, redactPersonalData } from '../../../bot';
import type { SqlConversationStore, SqlTicketStore } from '../../../db';
import { describeEachDb, type TestDb } from '../../helpers/databases';
import { testAuditLog } from '../../helpers/audit';
import { useHelpdesk } from './helpdesk-fixture';

describeEachDb('HelpdeskService', (each) => {
  let db: TestDb;
  let helpdesk: HelpdeskService;
  let conversations: SqlConversationStore;
  let tickets: SqlTicketStore;
  const { clock, knowledge } = useHelpdesk(each, (fresh) => ({ db, helpdesk, conversations, tickets } = fresh));

  it('escalates to a numbered ticket with the transcript, once per activity id', async () => {
    const a = await helpdesk.ask({
      channel: 'teams',
      text: 'カレーの作り方',
      requester: { id: 'u1', name: '試験 花子' },
    });
    const first = await helpdesk.escalate({
      conversationId: a.conversationId,
      details: '至急お願いします',
      activityId: 'act-1',
    });
    const again = await helpdesk.escalate({
      conversationId: a.conversationId,
      details: '至急お願いします',
      activityId: 'act-1',
    });
    assert.match(first.ticket.number, /^HD-2026-\d{6}$/);
    assert.equal(again.ticket.number, first.ticket.number);
    assert.equal((await tickets.list({})).total, 1);
    assert.equal(first.ticket.title, 'カレーの作り方');
    assert.equal(first.ticket.channel, 'teams');
    assert.equal(first.ticket.requester.name, '試験 花子');
    assert.match(first.reply.text, new RegExp(first.ticket.number));
    const transcript = await tickets.transcript(first.ticket.id);
    assert.deepEqual(
      transcript.map((l) => l.role),
      ['user', 'bot'],
    );
  });

  it('tells the requester when escalation details were masked, as a question does', async () => {
    const a = await helpdesk.ask({ channel: 'web', text: 'カレーの作り方' });
    const masked = await helpdesk.escalate({
      conversationId: a.conversationId,
      details: '折り返しは 090-1234-5678 へお願いします',
    });
    assert.equal(masked.ticket.details, '折り返しは ［電話番号］ へお願いします');
    assert.equal(
      masked.reply.text.split('\n\n')[0],
      '※ 個人情報と思われる内容（電話番号）は記録せずに伏せ字にしました。個人情報は入力しないでください。',
    );
    const b = await helpdesk.ask({ channel: 'web', text: 'カレーの作り方' });
    const plain = await helpdesk.escalate({ conversationId: b.conversationId, details: '至急お願いします' });
    assert.doesNotMatch(plain.reply.text, /伏せ字/);
  });

  it('takes はい / いいえ typed right after an answer as the 解決した / 解決しない buttons, once', async () => {
    const a = await helpdesk.ask({ channel: 'web', text: 'トナーがなくてプリンタが使えない' });
    assert.equal(a.outcome, 'tentative');
    const yes = await helpdesk.ask({ channel: 'web', text: 'はい、解決しました！', conversationId: a.conversationId });
    assert.equal(yes.text, 'ご回答ありがとうございました。お役に立ててうれしいです。');
    const feedback = () =>
      db.ds.getRepository('feedback').find() as Promise<Array<{ resolved: boolean | number; questionId: string }>>;
    assert.deepEqual(
      (await feedback()).map((f) => Boolean(f.resolved)),
      [true],
    );
    // Said again after the thanks, it is small talk: no second feedback.
    await helpdesk.ask({ channel: 'web', text: 'ありがとうございます', conversationId: a.conversationId });
    assert.equal((await feedback()).length, 1);

    const start = clock.now();
    clock.advanceMinutes(1);
    const b = await helpdesk.ask({ channel: 'web', text: 'パスワードを忘れました', conversationId: a.conversationId });
    clock.set(start);
    const no = await helpdesk.ask({ channel: 'web', text: 'いいえ、違います', conversationId: b.conversationId });
    assert.equal(
      no.text,
      'お役に立てず申し訳ありません。別の言葉で質問し直すか、「担当者に問い合わせる」から担当者にお問い合わせください。',
    );
    assert.deepEqual(no.actions, ['escalate']);
    assert.deepEqual((await feedback()).map((f) => Boolean(f.resolved)).sort(), [false, true]);
    // A question that starts with はい is a question.
    const q = await helpdesk.ask({
      channel: 'web',
      text: 'はい、でもパスワードはどこで変えますか',
      conversationId: a.conversationId,
    });
    assert.equal(q.outcome, 'answered');
  });

  it('records feedback once per activity id and offers escalation when not resolved', async () => {
    const a = await helpdesk.ask({ channel: 'web', text: 'パスワード' });
    const reply = await helpdesk.feedback({ conversationId: a.conversationId, resolved: false, activityId: 'fb-1' });
    await helpdesk.feedback({ conversationId: a.conversationId, resolved: false, activityId: 'fb-1' });
    assert.deepEqual(reply.actions, ['escalate']);
    const rows = await db.ds.getRepository('feedback').count();
    assert.equal(rows, 1);
  });

  it('audits a feedback redelivered with the same activity id once (also when redelivered concurrently)', async () => {
    const audit = testAuditLog(db.ds, () => clock.now());
    const audited = new HelpdeskService(
      { conversations, tickets, knowledge, clock, audit },
      {
        maxQuestionChars: 2000,
        deskHours: '平日 8:30〜17:15',
        isDeskOpen: () => true,
        thresholds: { answer: 0.5, tentative: 0.45, clarify: 0.3 },
      },
    );
    const a = await audited.ask({ channel: 'teams', text: 'パスワード' });
    await audited.feedback({ conversationId: a.conversationId, resolved: true, activityId: 'fb-2' });
    await audited.feedback({ conversationId: a.conversationId, resolved: true, activityId: 'fb-2' });
    await Promise.all(
      [1, 2, 3].map(() => audited.feedback({ conversationId: a.conversationId, resolved: false, activityId: 'fb-3' })),
    );
    const feedbackRows = (await audit.recent(20)).filter((r) => r.action === 'bot.feedback');
    assert.equal(feedbackRows.length, 2);
    assert.equal(await db.ds.getRepository('feedback').count(), 2);
    assert.deepEqual(
      (await db.ds.getRepository<{ id: string }>('feedback').find()).map((f) => f.id).sort(),
      feedbackRows.map((r) => r.target).sort(),
    );
    assert.equal((await audit.verify()).ok, true);
  });

  it('never stores an individual number typed into the chat', async () => {
    const reply = await helpdesk.ask({ channel: 'web', text: 'パスワード 個人番号は 1234 5678 9012 です' });
    assert.match(reply.text, /個人情報と思われる内容（マイナンバー）は記録せずに伏せ字にしました/);
    const stored = await conversations.lastQuestion(reply.conversationId);
    assert.doesNotMatch(stored?.text ?? '', /5678/);
    assert.deepEqual(
      knowledge.queries.filter((q) => q.includes('5678')),
      [],
    );
    const { ticket } = await helpdesk.escalate({ conversationId: reply.conversationId, details: '番号 123456789018' });
    assert.doesNotMatch(ticket.details + JSON.stringify(await tickets.transcript(ticket.id)), /123456789018|5678/);
  });
});

describe('redactPersonalData', () => {
  it('masks personal data through the privacy masker and says which types', () => {
    assert.deepEqual(redactPersonalData('番号は123456789018です'), {
      text: `番号は${MY_NUMBER_MASK}です`,
      redacted: true,
      types: ['my_number'],
      notice: '※ 個人情報と思われる内容（マイナンバー）は記録せずに伏せ字にしました。個人情報は入力しないでください。',
    });
    assert.equal(
      redactPersonalData('1234-5678-9018 と １２３４ ５６７８ ９０１８').text,
      `${MY_NUMBER_MASK} と ${MY_NUMBER_MASK}`,
    );
    assert.deepEqual(redactPersonalData('内線2345、13桁1234567890123、IP 192.168.10.20'), {
      text: '内線2345、13桁1234567890123、IP 192.168.10.20',
      redacted: false,
      types: [],
      notice: '',
    });
  });
});
