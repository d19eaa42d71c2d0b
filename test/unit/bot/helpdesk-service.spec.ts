import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { HelpdeskService, MY_NUMBER_MASK, redactPersonalData } from '../../../bot';
import { FakeClock } from '../../../core/clock';
import { SqlConversationStore, SqlTicketStore } from '../../../db';
import { FakeKnowledge, faqChunk } from '../../fakes/fake-knowledge';
import { describeEachDb } from '../../helpers/databases';
import { testAuditLog } from '../../helpers/audit';

describeEachDb('HelpdeskService', (each) => {
  let db: { ds: DataSource };
  let helpdesk: HelpdeskService;
  let conversations: SqlConversationStore;
  let tickets: SqlTicketStore;
  const clock = new FakeClock('2026-11-20T01:00:00Z'); // Friday 10:00 JST
  const knowledge = new FakeKnowledge([
    {
      match: 'パスワード',
      confidence: 0.9,
      chunk: faqChunk('FAQ-0001', 'パスワードを忘れた', 'パスワードリセット申請フォームから申請してください。'),
    },
    {
      match: 'トナー',
      confidence: 0.47,
      chunk: faqChunk('FAQ-0045', 'トナーが切れました', '庶務担当から交換用トナーを受け取ってください。', 'プリンタ'),
    },
    {
      match: 'LoGo',
      confidence: 0.9,
      chunk: faqChunk(
        'FAQ-0072',
        'LoGoチャットのアカウントがほしい',
        '所属長の承認を得て申請してください。',
        'LoGoチャット',
      ),
    },
    {
      match: 'スマホ',
      confidence: 0.47,
      chunk: faqChunk(
        'FAQ-0076',
        'LoGoチャットをスマートフォンで使いたい',
        '専用アプリを入れてください。',
        'LoGoチャット',
      ),
    },
    {
      match: 'プリンタ',
      confidence: 0.4,
      chunk: faqChunk('FAQ-0050', 'プリンタで印刷できない', '電源を確認してください。', 'プリンタ'),
    },
  ]);

  beforeEach(async () => {
    db = each.db;
    await each.db.reset();
    conversations = new SqlConversationStore(db.ds, () => clock.now());
    tickets = new SqlTicketStore(db.ds, () => clock.now());
    helpdesk = new HelpdeskService(
      { conversations, tickets, knowledge, clock },
      {
        maxQuestionChars: 2000,
        deskHours: '平日 8:30〜17:15',
        isDeskOpen: () => true,
        thresholds: { answer: 0.5, tentative: 0.45, clarify: 0.3 },
      },
    );
  });

  it('answers from the knowledge base with sources and logs the question', async () => {
    const reply = await helpdesk.ask({
      channel: 'web',
      text: 'パスワードを忘れました',
      requester: { name: '試験 太郎', department: '情報政策課' },
    });
    assert.equal(reply.outcome, 'answered');
    assert.match(reply.text, /リセット申請フォーム/);
    assert.equal(reply.sources[0]?.url, 'https://intra.kotonoha.example.lg.jp/helpdesk/faq/FAQ-0001');
    assert.deepEqual(reply.actions, ['resolved', 'not_resolved', 'escalate']);
    const q = await conversations.lastQuestion(reply.conversationId);
    assert.equal(q?.outcome, 'answered');
    assert.equal(q?.categoryGuess, 'アカウント・AD');
    assert.equal(q?.requester.department, '情報政策課');
    assert.equal((await conversations.transcript(reply.conversationId)).length, 2);
  });

  it('asks to clarify on middling confidence and declines out-of-scope questions', async () => {
    const clarify = await helpdesk.ask({ channel: 'web', text: 'プリンタの件' });
    assert.equal(clarify.outcome, 'clarify');
    assert.deepEqual(
      clarify.choices.map((c) => c.label),
      ['プリンタで印刷できない'],
    );
    const none = await helpdesk.ask({ channel: 'web', text: '明日の天気は？', conversationId: clarify.conversationId });
    assert.equal(none.outcome, 'no_answer');
    assert.deepEqual(none.actions, ['escalate']);
    assert.equal(none.conversationId, clarify.conversationId);
  });

  it('proposes the top answer (tentative) with the other candidates and logs the outcome', async () => {
    const reply = await helpdesk.ask({ channel: 'web', text: 'トナーがなくてプリンタが使えない' });
    assert.equal(reply.outcome, 'tentative');
    assert.equal(
      reply.text,
      'ご質問に近いと思われる回答です。\n\n庶務担当から交換用トナーを受け取ってください。\n\n' +
        'こちらの回答でよろしいでしょうか。違う場合は、ほかの候補を選ぶか「担当者に問い合わせる」からお問い合わせください。',
    );
    assert.deepEqual(
      reply.sources.map((s) => s.documentId),
      ['FAQ-0045'],
    );
    assert.deepEqual(reply.choices, [{ label: 'プリンタで印刷できない', value: 'プリンタで印刷できない' }]);
    assert.deepEqual(reply.actions, ['resolved', 'not_resolved', 'escalate']);
    const q = await conversations.lastQuestion(reply.conversationId);
    assert.equal(q?.outcome, 'tentative');
    assert.equal(q?.categoryGuess, 'プリンタ');
  });

  it('uses the thresholds calibrated with the index unless configured', async () => {
    const calibrated = {
      search: async (query: string) => ({
        ...(await knowledge.search(query)),
        thresholds: { answer: 0.45, tentative: 0.4, clarify: 0.1 },
      }),
    };
    const options = { maxQuestionChars: 2000, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true };
    const own = new HelpdeskService({ conversations, tickets, knowledge: calibrated, clock }, options);
    assert.equal((await own.ask({ channel: 'web', text: 'トナー' })).outcome, 'answered');
    assert.equal((await own.ask({ channel: 'web', text: 'カレーの作り方' })).outcome, 'no_answer');
    const configured = new HelpdeskService(
      { conversations, tickets, knowledge: calibrated, clock },
      { ...options, thresholds: { answer: 0.6 } },
    );
    assert.equal((await configured.ask({ channel: 'web', text: 'トナー' })).outcome, 'tentative');
  });

  it('searches a follow-up with the previous question and says which topic it continued', async () => {
    const first = await helpdesk.ask({ channel: 'web', text: 'LoGoチャットのアカウントがほしい' });
    assert.equal(first.outcome, 'answered');
    const follow = await helpdesk.ask({
      channel: 'web',
      text: 'スマホの場合は？',
      conversationId: first.conversationId,
    });
    assert.equal(follow.outcome, 'tentative');
    assert.equal(follow.sources[0]?.documentId, 'FAQ-0076');
    assert.match(
      follow.text,
      /^（前のご質問「LoGoチャットのアカウントがほしい」の続きとしてお答えします）\n\nご質問に近い/,
    );
    assert.deepEqual(knowledge.queries.slice(-2).sort(), [
      'LoGoチャットのアカウントがほしい スマホの場合は？',
      'スマホの場合は？',
    ]);
    // A question that stands on its own is searched alone, with no note.
    const own = await helpdesk.ask({
      channel: 'web',
      text: 'プリンタで印刷できません',
      conversationId: first.conversationId,
    });
    assert.equal(knowledge.queries.at(-1), 'プリンタで印刷できません');
    assert.doesNotMatch(own.text, /続きとして/);
  });

  it('after 「それでもだめなら？」 does not give the same answer again: the other candidates, or escalation', async () => {
    const first = await helpdesk.ask({ channel: 'web', text: 'LoGoチャットのアカウントがほしい' });
    assert.equal(first.sources[0]?.documentId, 'FAQ-0072');
    const again = await helpdesk.ask({
      channel: 'web',
      text: 'それでもだめなら？',
      conversationId: first.conversationId,
    });
    assert.equal(again.outcome, 'no_answer');
    assert.deepEqual(again.sources, []);
    assert.deepEqual(again.actions, ['escalate']);
    // With other candidates on the topic: a list to pick from, without the answer already given.
    const start = clock.now();
    clock.advanceMinutes(1);
    const printer = await helpdesk.ask({
      channel: 'web',
      text: 'プリンタのトナーがない',
      conversationId: first.conversationId,
    });
    assert.equal(printer.sources[0]?.documentId, 'FAQ-0045');
    const more = await helpdesk.ask({
      channel: 'web',
      text: 'それでもダメな場合は？',
      conversationId: first.conversationId,
    });
    assert.equal(more.outcome, 'clarify');
    assert.deepEqual(
      more.choices.map((c) => c.label),
      ['プリンタで印刷できない'],
    );
    clock.set(start);
  });

  it('does not read again a conversation the caller has just created for the question', async () => {
    const created = await conversations.createConversation({ channel: 'web', requester: { name: '試験 太郎' } });
    const reads: string[] = [];
    const getConversation = conversations.getConversation.bind(conversations);
    const lastQuestion = conversations.lastQuestion.bind(conversations);
    conversations.getConversation = (id) => (reads.push('conversation'), getConversation(id));
    conversations.lastQuestion = (id) => (reads.push('last question'), lastQuestion(id));
    const reply = await helpdesk.ask({
      channel: 'web',
      text: 'パスワードを忘れました',
      conversationId: created.id,
      requester: { name: '試験 太郎' },
      created,
    });
    assert.deepEqual(reads, []);
    assert.equal(reply.conversationId, created.id);
    assert.equal(reply.outcome, 'answered');
    assert.equal((await lastQuestion(created.id))?.text, 'パスワードを忘れました');
    // Another conversation's record is not taken for it: that one is read as usual.
    const other = await helpdesk.ask({
      channel: 'web',
      text: 'トナー',
      conversationId: reply.conversationId,
      created: { ...created, id: 'x' },
    });
    assert.equal(other.conversationId, created.id);
    assert.deepEqual(reads, ['conversation', 'last question']);
  });

  it('rejects empty, oversized and unknown-conversation input clearly', async () => {
    await assert.rejects(helpdesk.ask({ channel: 'web', text: '   ' }), { code: 'INPUT_INVALID' });
    await assert.rejects(helpdesk.ask({ channel: 'web', text: 'あ'.repeat(2001) }), {
      code: 'INPUT_TOO_LARGE',
      userMessage: /2000文字以内/,
    });
    await assert.rejects(helpdesk.ask({ channel: 'web', text: 'パスワード', conversationId: 'nope' }), {
      code: 'NOT_FOUND',
    });
    await assert.rejects(helpdesk.escalate({ conversationId: 'nope' }), { code: 'NOT_FOUND' });
  });

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

  it('offers a person when asked for one, without logging it as a question', async () => {
    const reply = await helpdesk.ask({ channel: 'web', text: '担当者につないでください' });
    assert.deepEqual(reply.actions, ['escalate']);
    assert.equal(await conversations.lastQuestion(reply.conversationId), undefined);
  });

  it('greets, thanks and explains itself without searching or counting a question', async () => {
    const before = knowledge.queries.length;
    const hello = await helpdesk.ask({ channel: 'web', text: 'こんにちは！' });
    assert.match(hello.text, /ヘルプデスクの自動応答「Kotae（答え）」です/);
    const thanks = await helpdesk.ask({
      channel: 'web',
      text: 'ありがとうございました。',
      conversationId: hello.conversationId,
    });
    assert.match(thanks.text, /どういたしまして/);
    assert.deepEqual(thanks.actions, []);
    assert.match((await helpdesk.ask({ channel: 'web', text: '使い方を教えて' })).text, /文章で質問してください/);
    assert.equal(knowledge.queries.length, before);
    assert.equal(await conversations.lastQuestion(hello.conversationId), undefined);
    // A greeting followed by a question is a question.
    await helpdesk.ask({ channel: 'web', text: 'こんにちは、パスワードを忘れました' });
    assert.equal(knowledge.queries.length, before + 1);
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
