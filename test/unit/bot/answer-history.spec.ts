/**
 * answersByLine / answersOnPage on the SQL store (SQLite, PostgreSQL and SQL Server when configured): each answer line of a transcript is joined to the question it
 * shows (one read of the question log per page), and feedback writes the lines the requester saw once.
 */
import assert from 'node:assert/strict';
import { answerNoticeOf, answersOnPage, HelpdeskService, maskedNoticeOf } from '../../../bot';
import type { Outcome, QuestionRecord } from '../../../conversations';
import { FakeClock } from '../../../core/clock';
import { SqlConversationStore } from '../../../db';
import { FakeKnowledge, faqChunk } from '../../fakes/fake-knowledge';
import { InMemoryTicketStore } from '../../fakes/in-memory-ticket-store';
import { describeEachDb } from '../../helpers/databases';

const source = (title: string) => ({ title, url: `/kb/${title}.pdf`, snippet: `${title}の手順…` });

describeEachDb('answersOnPage (every answer of a reloaded chat with its sources)', (each) => {
  let clock: FakeClock;
  let store: SqlConversationStore;
  beforeEach(async () => {
    await each.db.reset();
    clock = new FakeClock('2026-11-20T01:00:00Z');
    store = new SqlConversationStore(each.db.ds, () => clock.now());
  });

  async function asked(conversationId: string, text: string, answer: string, title: string, outcome: Outcome) {
    clock.advanceMinutes(1);
    return store.recordQuestion({
      conversationId,
      askedAt: clock.now(),
      text,
      outcome,
      confidence: 0.8,
      answer,
      sources: [source(title)],
      channel: 'web',
      requester: {},
      latencyMs: 5,
    });
  }

  it('joins each answer line to its own question, the same pair twice in order, with one read per page', async () => {
    const c = await store.createConversation({ channel: 'web', requester: {} });
    const vpn = await asked(c.id, 'VPN', 'VPNの答え', 'vpn-1', 'answered');
    // A refused question's lines and a desk reply: no question of the log.
    await store.appendTranscript(c.id, { role: 'user', text: 'プリンタ', at: clock.now() });
    await store.appendTranscript(c.id, { role: 'bot', text: 'ただいま検索できません。', at: clock.now() });
    await store.appendTranscript(c.id, { role: 'operator', text: '確認します。', at: clock.now() });
    const again = await asked(c.id, 'VPN', 'VPNの答え', 'vpn-2', 'tentative');
    const lines = await store.transcript(c.id);
    let reads = 0;
    const counted = {
      questionLog: (id: string): Promise<QuestionRecord[]> => {
        reads += 1;
        return store.questionLog(id);
      },
    };
    const all = await answersOnPage(
      counted,
      c.id,
      lines,
      lines.map((_, i) => i),
    );
    assert.deepEqual(
      [...all].map(([i, q]) => [i, q.id, q.outcome, q.sources]),
      [
        [1, vpn.id, 'answered', [source('vpn-1')]],
        [6, again.id, 'tentative', [source('vpn-2')]],
      ],
    );
    assert.equal(reads, 1);
    // An older page: only its own answers; a page without an answer line reads nothing.
    assert.deepEqual(
      [...(await answersOnPage(counted, c.id, lines, [5, 6]))].map(([i, q]) => [i, q.id]),
      [[6, again.id]],
    );
    assert.equal((await answersOnPage(counted, c.id, lines, [4])).size, 0);
    assert.equal(reads, 2);
  });

  it('writes 解決した and the thank-you line with the feedback, once per activity, after the answer line', async () => {
    const knowledge = new FakeKnowledge([
      {
        match: 'VPN',
        confidence: 0.9,
        chunk: faqChunk('FAQ-7', 'VPNに接続できない', '再起動してください。', 'ネットワーク'),
      },
    ]);
    const helpdesk = new HelpdeskService(
      { conversations: store, tickets: new InMemoryTicketStore(), knowledge, clock },
      { maxQuestionChars: 500, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
    );
    const a = await helpdesk.ask({ channel: 'teams', text: 'VPNにつながりません' });
    await helpdesk.feedback({ conversationId: a.conversationId, resolved: true, activityId: 'fb-1' });
    // Redelivered, also concurrently: the row and its line are written once.
    await Promise.all(
      [1, 2, 3].map(() => helpdesk.feedback({ conversationId: a.conversationId, resolved: true, activityId: 'fb-1' })),
    );
    assert.deepEqual(
      (await store.transcript(a.conversationId)).map((l) => [l.role, l.text]),
      [
        ['user', 'VPNにつながりません'],
        ['bot', a.text],
        ['system', 'ご回答ありがとうございました。お役に立ててうれしいです。'],
      ],
    );
    assert.equal(await each.db.ds.getRepository('feedback').count(), 1);

    // はい typed right after an answer: the message and the acknowledgement, once.
    const b = await helpdesk.ask({ channel: 'web', text: 'VPNにつながりません' });
    const yes = await helpdesk.ask({ channel: 'web', text: 'はい', conversationId: b.conversationId });
    assert.deepEqual(
      (await store.transcript(b.conversationId)).map((l) => [l.role, l.text]),
      [
        ['user', 'VPNにつながりません'],
        ['bot', b.text],
        ['user', 'はい'],
        ['system', yes.text],
      ],
    );
    assert.equal(await each.db.ds.getRepository('feedback').count(), 2);
  });

  it('keeps the types masked in a question, so its answer line gets the notice it was shown below', async () => {
    const knowledge = new FakeKnowledge([
      {
        match: 'VPN',
        confidence: 0.9,
        chunk: faqChunk('FAQ-7', 'VPNに接続できない', '再起動してください。', 'ネットワーク'),
      },
    ]);
    const helpdesk = new HelpdeskService(
      { conversations: store, tickets: new InMemoryTicketStore(), knowledge, clock },
      { maxQuestionChars: 500, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
    );
    const notice =
      '※ 個人情報と思われる内容（電話番号、メールアドレス）は記録せずに伏せ字にしました。個人情報は入力しないでください。';
    const plain = await helpdesk.ask({ channel: 'web', text: 'VPNにつながりません' });
    const id = plain.conversationId;
    clock.advanceMinutes(1);
    const masked = await helpdesk.ask({
      channel: 'web',
      conversationId: id,
      text: 'VPNにつながりません。連絡先 taro@example.lg.jp 090-1234-5678',
    });
    assert.equal(masked.text.startsWith(`${notice}\n\n`), true);
    assert.deepEqual(
      (await store.questionLog(id)).map((q) => [q.id, q.maskedTypes, maskedNoticeOf(q)]),
      [
        [plain.questionId, undefined, undefined],
        [masked.questionId, ['phone', 'email'], notice],
      ],
    );
    const lines = await store.transcript(id);
    const shown = await answersOnPage(
      store,
      id,
      lines,
      lines.map((_, i) => i),
    );
    assert.deepEqual(
      [...shown].map(([i, q]) => [i, lines[i]!.text, maskedNoticeOf(q)]),
      [
        [1, plain.text, undefined],
        [3, masked.text.slice(`${notice}\n\n`.length), notice],
      ],
    );
  });

  it('keeps what ボットに質問する did to the message, so the answer gets that notice after the personal-data one', async () => {
    const base = { conversationId: 'c-taken', confidence: 0.8, channel: 'web' as const, requester: {}, latencyMs: 5 };
    const question = (text: string, extra: Partial<QuestionRecord>) => {
      clock.advanceMinutes(1);
      const q = {
        ...base,
        askedAt: clock.now(),
        text,
        outcome: 'answered' as const,
        answer: `${text}の回答`,
        sources: [],
      };
      return store.recordQuestion({ ...q, ...extra });
    };
    await question('VPN', { takenBack: { kind: 'withdrawn', ticketNumber: 'HD-2026-000012' } });
    await question('Wi-Fi', { takenBack: { kind: 'kept', ticketNumber: 'HD-2026-000013' }, maskedTypes: ['phone'] });
    await question('プリンタ', {});
    const withdrawn = 'お問い合わせ HD-2026-000012 への追記を取り消しました。ボットへの質問としてお答えします。';
    const kept =
      '担当者がすでに返信しているため、お問い合わせ HD-2026-000013 への追記は取り消さずに残しています。' +
      'ボットへの質問としてもお答えします。';
    const mask = '※ 個人情報と思われる内容（電話番号）は記録せずに伏せ字にしました。個人情報は入力しないでください。';
    assert.deepEqual(
      (await store.questionLog('c-taken')).map((q) => [q.text, q.takenBack, answerNoticeOf(q)]),
      [
        ['VPN', { kind: 'withdrawn', ticketNumber: 'HD-2026-000012' }, withdrawn],
        ['Wi-Fi', { kind: 'kept', ticketNumber: 'HD-2026-000013' }, `${mask}\n\n${kept}`],
        ['プリンタ', undefined, undefined],
      ],
    );
    // A value the code does not write reads as none.
    await each.db.ds.getRepository('question').update({ text: 'プリンタ' }, { takenBack: 'other:HD-1' });
    assert.equal((await store.questionLog('c-taken'))[2]!.takenBack, undefined);
  });
});
