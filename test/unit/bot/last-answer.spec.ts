/**
 * restoredAnswer on SQLite stores: the conversation's last answer from the question log with its candidate
 * questions (the `question.choices` column), and its buttons only while the answer is the latest exchange.
 */
import assert from 'node:assert/strict';
import { restoredAnswer } from '../../../bot';
import { FakeClock } from '../../../core/clock';
import { SqlConversationStore } from '../../../db';
import { tempSqlite } from '../../helpers/sqlite';

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
});
