/** HelpdeskService answering: answers, tentative answers and clarifications, follow-ups, input checks, small talk. */
import assert from 'node:assert/strict';
import { HelpdeskService } from '../../../bot';
import type { SqlConversationStore, SqlTicketStore } from '../../../db';
import { describeEachDb } from '../../helpers/databases';
import { useHelpdesk } from './helpdesk-fixture';

describeEachDb('HelpdeskService', (each) => {
  let helpdesk: HelpdeskService;
  let conversations: SqlConversationStore;
  let tickets: SqlTicketStore;
  const { clock, knowledge } = useHelpdesk(each, (fresh) => ({ helpdesk, conversations, tickets } = fresh));

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
