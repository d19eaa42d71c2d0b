/**
 * The ConversationStore standard suite for the transcript's lines: run against FakeConversationStore and
 * SqlConversationStore (SQLite, PostgreSQL). The length is a count of the conversation's own lines; a watched
 * write hears exactly the lines it appended, with their indexes in the history, also when several writes append
 * to one conversation at the same moment.
 */
import assert from 'node:assert/strict';
import type { AppendedLine, ConversationStore, QuestionRecord } from '../../conversations';

/** A fresh store per test. */
export interface ConversationStoreFixture {
  store: ConversationStore;
  close(): Promise<void>;
}

const AT = new Date(Date.UTC(2026, 11, 3, 1, 0));

function question(conversationId: string, text: string): Omit<QuestionRecord, 'id'> {
  return {
    conversationId,
    askedAt: AT,
    text,
    outcome: 'answered',
    confidence: 0.9,
    answer: `${text}への回答です。`,
    sources: [],
    channel: 'web',
    requester: {},
    latencyMs: 12,
  };
}

/** Registers the suite; `factory` builds an empty store. */
export function conversationStoreContract(name: string, factory: () => Promise<ConversationStoreFixture>): void {
  describe(`ConversationStore contract (transcript lines): ${name}`, () => {
    let f: ConversationStoreFixture;
    let s: ConversationStore;
    beforeEach(async () => {
      f = await factory();
      s = f.store;
    });
    afterEach(() => f.close());

    const start = async () => (await s.createConversation({ channel: 'web', requester: {} })).id;

    it('counts the lines of the conversation only: 0 before any, then each append, question and feedback line', async () => {
      const id = await start();
      const other = await start();
      assert.equal(await s.transcriptLength(id), 0);
      assert.equal(await s.transcriptLength('00000000-0000-4000-8000-000000000000'), 0, 'an unknown conversation');
      await s.appendTranscript(id, { role: 'system', text: 'ようこそ', at: AT });
      await s.recordQuestion(question(id, 'VPNにつながらない'));
      await s.recordFeedback({
        conversationId: id,
        resolved: true,
        lines: [{ role: 'bot', text: 'ありがとう', at: AT }],
      });
      await s.appendTranscript(other, { role: 'user', text: '別の会話', at: AT });
      assert.deepEqual([await s.transcriptLength(id), await s.transcriptLength(other)], [4, 1]);
      assert.equal((await s.transcript(id)).length, 4);
    });

    it('tells a watched write the index and role of each line it appended; unwatched appends are not heard', async () => {
      const id = await start();
      await s.appendTranscript(id, { role: 'system', text: 'ようこそ', at: AT });
      const heard: AppendedLine[] = [];
      const result = await s.watchAppends(
        (line) => heard.push(line),
        async () => {
          await s.recordQuestion(question(id, 'パスワードを忘れた'));
          await s.appendTranscript(id, { role: 'operator', text: '担当者です', at: AT });
          await s.recordFeedback({
            conversationId: id,
            resolved: false,
            lines: [{ role: 'bot', text: '残念', at: AT }],
          });
          return 'done';
        },
      );
      assert.equal(result, 'done');
      assert.deepEqual(heard, [
        { conversationId: id, index: 1, role: 'user' },
        { conversationId: id, index: 2, role: 'bot' },
        { conversationId: id, index: 3, role: 'operator' },
        { conversationId: id, index: 4, role: 'bot' },
      ]);
      await s.appendTranscript(id, { role: 'user', text: '後から', at: AT });
      assert.equal(heard.length, 4, 'an append outside the watched work is not heard');
      const texts = (await s.transcript(id)).map((line) => line.text);
      assert.deepEqual(texts.slice(1, 5), [
        'パスワードを忘れた',
        'パスワードを忘れたへの回答です。',
        '担当者です',
        '残念',
      ]);
    });

    it('gives each of several writes at the same moment exactly its own lines, with no index shared', async () => {
      const id = await start();
      const texts = ['質問A', '質問B', '質問C', '質問D', '質問E'];
      const heard = await Promise.all(
        texts.map(async (text) => {
          const mine: AppendedLine[] = [];
          await s.watchAppends(
            (line) => mine.push(line),
            () => s.recordQuestion(question(id, text)),
          );
          return mine;
        }),
      );
      const transcript = await s.transcript(id);
      assert.equal(transcript.length, 10);
      for (const [i, mine] of heard.entries()) {
        assert.deepEqual(
          mine.map((line) => [line.role, transcript[line.index].text]),
          [
            ['user', texts[i]],
            ['bot', `${texts[i]}への回答です。`],
          ],
        );
        assert.equal(mine[1].index, mine[0].index + 1, 'a question and its answer are adjacent');
      }
      const all = heard.flat().map((line) => line.index);
      assert.deepEqual(
        [...all].sort((a, b) => a - b),
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      );
    });
  });
}
