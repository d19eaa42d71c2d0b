/**
 * restoredAnswer on SQLite stores: the conversation's last answer from the question log with its candidate
 * questions (the `question.choices` column), and its buttons only while the answer is the latest exchange; the
 * core's own gate on `choiceOf` / `questionId` (kotae chat in-process) uses the same rule.
 */
import assert from 'node:assert/strict';
import { HelpdeskService, restoredAnswer } from '../../../bot';
import { FakeClock } from '../../../core/clock';
import { SqlConversationStore } from '../../../db';
import { FakeKnowledge, faqChunk } from '../../fakes/fake-knowledge';
import { InMemoryTicketStore } from '../../fakes/in-memory-ticket-store';
import { tempSqlite } from '../../helpers/sqlite';

const EXPIRED = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';
const THANKS = 'ご回答ありがとうございました。お役に立ててうれしいです。';

describe('restoredAnswer (the last answer a reloaded chat shows again)', () => {
  it('gives sources and choices while current; nothing clickable once the conversation moved on', async () => {
    const db = await tempSqlite();
    try {
      const clock = new FakeClock('2026-11-20T01:00:00Z');
      const store = new SqlConversationStore(db.ds, () => clock.now());
      const c = await store.createConversation({ channel: 'web', requester: {} });
      const choices = [
        { label: 'VPNに接続できない', value: 'VPNに接続できない' },
        { label: 'VPNのパスワードを忘れた', value: 'VPNのパスワードを忘れた' },
      ];
      const source = { title: 'VPN接続マニュアル › 接続手順', url: '/kb/vpn.pdf#page=2', snippet: '接続手順…' };
      const q = await store.recordQuestion({
        conversationId: c.id,
        askedAt: clock.now(),
        text: 'VPN',
        outcome: 'clarify',
        confidence: 0.4,
        answer: 'どちらのご質問ですか？',
        sources: [source],
        choices,
        channel: 'web',
        requester: {},
        latencyMs: 12,
      });
      assert.deepEqual((await store.lastQuestion(c.id))?.choices, choices);
      const restored = await restoredAnswer(store, c.id, await store.transcript(c.id));
      assert.deepEqual(restored, {
        index: 1,
        questionId: q.id,
        outcome: 'clarify',
        sources: [source],
        current: true,
        choices,
        actions: ['escalate'],
      });
      // A desk reply after it leaves the buttons; the requester saying something else ends them.
      await store.appendTranscript(c.id, { role: 'operator', text: '確認します。', at: clock.now() });
      assert.equal((await restoredAnswer(store, c.id, await store.transcript(c.id)))?.current, true);
      await store.appendTranscript(c.id, { role: 'user', text: 'ありがとう', at: clock.now() });
      const moved = await restoredAnswer(store, c.id, await store.transcript(c.id));
      assert.deepEqual([moved?.current, moved?.choices, moved?.actions, moved?.sources], [false, [], [], [source]]);
      // A question without choices stores none (NULL), and an unknown conversation has no answer.
      const plain = await store.recordQuestion({ ...q, text: 'パスワード', outcome: 'answered', choices: [] });
      assert.equal(plain.choices, undefined);
      assert.equal(await restoredAnswer(store, 'no-such', []), undefined);
    } finally {
      await db.close();
    }
  });

  it('answers a candidate or 解決した naming an answer that moved on with the expired wording, writing nothing', async () => {
    const db = await tempSqlite();
    try {
      const clock = new FakeClock('2026-11-20T01:00:00Z');
      const store = new SqlConversationStore(db.ds, () => clock.now());
      const knowledge = new FakeKnowledge([
        {
          match: 'VPN',
          confidence: 0.9,
          chunk: faqChunk('FAQ-7', 'VPNに接続できない', '再起動してください。', 'ネットワーク'),
        },
        {
          match: 'プリンタ',
          confidence: 0.9,
          chunk: faqChunk('FAQ-8', '印刷できない', '電源を確認してください。', '機器'),
        },
      ]);
      const helpdesk = new HelpdeskService(
        { conversations: store, tickets: new InMemoryTicketStore(), knowledge, clock },
        { maxQuestionChars: 500, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
      );
      const first = await helpdesk.ask({ channel: 'cli', text: 'VPNにつながりません' });
      const id = first.conversationId;
      clock.advanceMinutes(1);
      const second = await helpdesk.ask({ channel: 'cli', conversationId: id, text: 'プリンタで印刷できません' });
      const lines = (await store.transcript(id)).length;
      const expired = { conversationId: id, text: EXPIRED, sources: [], choices: [], actions: [] };
      assert.deepEqual(
        await helpdesk.feedback({ conversationId: id, resolved: true, questionId: first.questionId }),
        expired,
      );
      assert.deepEqual(
        await helpdesk.ask({
          channel: 'cli',
          conversationId: id,
          text: 'VPNにつながりません',
          choiceOf: first.questionId,
        }),
        expired,
      );
      assert.equal((await store.transcript(id)).length, lines);
      assert.equal((await store.questionLog(id)).length, 2);
      assert.equal(await db.ds.getRepository('feedback').count(), 0);
      // The latest answer is rated once; naming it again afterwards is expired.
      assert.equal(
        (await helpdesk.feedback({ conversationId: id, resolved: true, questionId: second.questionId })).text,
        THANKS,
      );
      assert.deepEqual(
        await helpdesk.feedback({ conversationId: id, resolved: false, questionId: second.questionId }),
        expired,
      );
      assert.deepEqual(
        (await db.ds.getRepository<{ questionId: string; resolved: boolean }>('feedback').find()).map((f) => [
          f.questionId,
          Boolean(f.resolved),
        ]),
        [[second.questionId, true]],
      );
    } finally {
      await db.close();
    }
  });
});
