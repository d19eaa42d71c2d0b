/**
 * SqlRequesterConversations on every database the suites cover: a requester's conversations newest first,
 * the excluded one left out, other requesters never mixed in, questions oldest first, the newest transcript
 * lines with the count of the earlier ones.
 */
import assert from 'node:assert/strict';
import { SqlConversationStore, SqlRequesterConversations } from '../../../db';
import type { Outcome } from '../../../conversations';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';

const T0 = new Date('2026-07-01T00:00:00.123Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

for (const kind of TEST_DB_KINDS) {
  describe(`requester conversations on ${kind}`, () => {
    const t = useTestDb(kind);
    beforeEach(() => t.db.reset());

    it('lists the requester’s latest conversations with their questions and newest transcript lines', async () => {
      let now = at(0);
      const store = new SqlConversationStore(t.db.ds, () => now);
      const requester = { id: 'aad-7', name: '佐藤 一郎', department: '税務課' };
      const ask = (conversationId: string, minute: number, text: string, outcome: Outcome) =>
        store.recordQuestion({
          conversationId,
          askedAt: at(minute),
          text,
          outcome,
          confidence: 0.5,
          answer: `回答${minute}`,
          sources: [],
          channel: 'teams',
          requester,
          latencyMs: 10,
        });
      const old = await store.createConversation({ channel: 'teams', requester });
      await ask(old.id, 1, '古い質問', 'answered');
      now = at(10);
      const middle = await store.createConversation({ channel: 'web', requester });
      await ask(middle.id, 11, 'VPNにつながらない', 'no_answer');
      await ask(middle.id, 12, '番号は************です', 'clarify');
      now = at(20);
      const current = await store.createConversation({ channel: 'teams', requester });
      await ask(current.id, 21, '今のチケットの会話', 'no_answer');
      await store.createConversation({ channel: 'teams', requester: { id: 'aad-8', name: '別人' } });

      const recent = await new SqlRequesterConversations(t.db.ds).recent('aad-7', {
        limit: 5,
        transcriptLines: 3,
        excludeId: current.id,
      });
      assert.deepEqual(
        recent.map((c) => ({
          id: c.id,
          channel: c.channel,
          startedAt: c.startedAt.toISOString(),
          questions: c.questions.map((q) => [q.askedAt.toISOString(), q.text, q.outcome]),
          transcript: c.transcript.map((l) => [l.role, l.text]),
          earlierLines: c.earlierLines,
        })),
        [
          {
            id: middle.id,
            channel: 'web',
            startedAt: at(10).toISOString(),
            questions: [
              [at(11).toISOString(), 'VPNにつながらない', 'no_answer'],
              [at(12).toISOString(), '番号は************です', 'clarify'],
            ],
            transcript: [
              ['bot', '回答11'],
              ['user', '番号は************です'],
              ['bot', '回答12'],
            ],
            earlierLines: 1,
          },
          {
            id: old.id,
            channel: 'teams',
            startedAt: at(0).toISOString(),
            questions: [[at(1).toISOString(), '古い質問', 'answered']],
            transcript: [
              ['user', '古い質問'],
              ['bot', '回答1'],
            ],
            earlierLines: 0,
          },
        ],
      );
      const one = await new SqlRequesterConversations(t.db.ds).recent('aad-7', { limit: 1, transcriptLines: 1 });
      assert.deepEqual(
        one.map((c) => c.id),
        [current.id],
      );
      assert.deepEqual(
        await new SqlRequesterConversations(t.db.ds).recent('nobody', { limit: 5, transcriptLines: 3 }),
        [],
      );
    });
  });
}
