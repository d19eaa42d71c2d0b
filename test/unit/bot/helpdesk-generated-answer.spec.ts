import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { HelpdeskService, MY_NUMBER_MASK, type ChatMessage, type ChatModel, type ChatOptions } from '../../../bot';
import { citeShownSources, toSource } from '../../../bot/compose-answer';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { SqlConversationStore, SqlTicketStore } from '../../../db';
import { FakeKnowledge, faqChunk } from '../../fakes/fake-knowledge';
import { tempSqlite } from '../../helpers/sqlite';

/** A ChatModel that records its calls and answers with `reply` (a text, or a function that may throw). */
class FakeChatModel implements ChatModel {
  readonly calls: { messages: ChatMessage[]; options?: ChatOptions }[] = [];
  constructor(private readonly reply: string | (() => Promise<string>)) {}
  async complete(messages: ChatMessage[], options?: ChatOptions): Promise<string> {
    this.calls.push({ messages, options });
    return typeof this.reply === 'string' ? this.reply : this.reply();
  }
}

const reset = faqChunk('FAQ-0001', 'パスワードを忘れた', 'パスワードリセット申請フォームから申請してください。');
const lock = faqChunk('FAQ-0003', 'パスワード入力でロックされた', '30分待ってから再度お試しください。');
const printer = faqChunk('FAQ-0050', 'プリンタで印刷できない', '電源を確認してください。', 'プリンタ');

describe('HelpdeskService with a ChatModel', () => {
  let db: { ds: DataSource; close: () => Promise<void> };
  let conversations: SqlConversationStore;
  let logger: MemoryLogger;
  const clock = new FakeClock('2026-11-20T01:00:00Z');
  const knowledge = new FakeKnowledge([
    { match: 'パスワード', confidence: 0.9, chunk: reset },
    { match: 'パスワード', confidence: 0.9, chunk: lock },
    { match: 'プリンタ', confidence: 0.4, chunk: printer },
  ]);
  const helpdeskWith = (chatModel?: ChatModel, generationTimeoutMs?: number, checkSources?: boolean): HelpdeskService =>
    new HelpdeskService(
      { conversations, tickets: new SqlTicketStore(db.ds, () => clock.now()), knowledge, clock, chatModel, logger },
      {
        maxQuestionChars: 2000,
        deskHours: '平日 8:30〜17:15',
        isDeskOpen: () => true,
        thresholds: { answer: 0.5, tentative: 0.45, clarify: 0.3 },
        generationTimeoutMs,
        checkSources,
        // The model writing FAQ answers too (KOTAE_FAQ_VERBATIM=false); the default is pinned below.
        faqVerbatim: false,
      },
    );

  beforeEach(async () => {
    db = await tempSqlite();
    conversations = new SqlConversationStore(db.ds, () => clock.now());
    logger = new MemoryLogger();
  });
  afterEach(() => db.close());

  it('sends a curated FAQ answered above the threshold verbatim by default, without asking the model', async () => {
    const model = new FakeChatModel('使われない回答 [1]');
    const helpdesk = new HelpdeskService(
      { conversations, tickets: new SqlTicketStore(db.ds, () => clock.now()), knowledge, clock, chatModel: model },
      { maxQuestionChars: 2000, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
    );
    const reply = await helpdesk.ask({ channel: 'web', text: 'パスワードを忘れました' });
    assert.equal(reply.outcome, 'answered');
    assert.equal(reply.text, 'パスワードリセット申請フォームから申請してください。');
    assert.equal(model.calls.length, 0);
  });

  it('answers with the generated text, keeps the sources, and logs the generated answer', async () => {
    const extractive = await helpdeskWith().ask({ channel: 'web', text: 'パスワードを忘れました' });
    const model = new FakeChatModel('申請フォームから再設定を申請してください。[1] 30分待つ方法もあります。[2]');
    const reply = await helpdeskWith(model).ask({ channel: 'web', text: 'パスワードを忘れました' });
    assert.equal(reply.outcome, 'answered');
    assert.equal(reply.text, '申請フォームから再設定を申請してください。[1] 30分待つ方法もあります。[2]');
    assert.deepEqual(reply.sources, extractive.sources);
    assert.deepEqual(reply.actions, ['resolved', 'not_resolved', 'escalate']);
    assert.equal((await conversations.lastQuestion(reply.conversationId))?.answer, reply.text);
    const [call] = model.calls;
    assert.equal(call?.messages[0]?.role, 'system');
    assert.match(call?.messages[0]?.content ?? '', /資料に記載がありません/);
    assert.match(
      call?.messages[1]?.content ?? '',
      /\[1\] パスワードを忘れた\n.*\n\n\[2\] パスワード入力でロックされた/,
    );
    assert.equal(call?.options?.temperature, 0);
  });

  it('falls back to the extractive answer when the model throws, times out or says nothing', async () => {
    const failing = new FakeChatModel(() => Promise.reject(new Error('HTTP 503')));
    const hanging = new FakeChatModel(() => new Promise<string>(() => undefined));
    const cases = [[failing], [hanging, 50], [new FakeChatModel('  ')]] as const;
    for (const [model, timeout] of cases) {
      const reply = await helpdeskWith(model, timeout).ask({ channel: 'web', text: 'パスワードを忘れました' });
      assert.equal(reply.outcome, 'answered');
      assert.equal(reply.text, 'パスワードリセット申請フォームから申請してください。');
      assert.equal(reply.sources.length, 2);
      assert.equal(model.calls.length, 1);
    }
    assert.deepEqual(
      logger.lines.map((l) => l.level),
      ['warn', 'warn', 'warn'],
    );
    assert.match(String(logger.lines[0]?.fields?.error), /HTTP 503/);
  });

  it('shows the candidates instead of an answer when the model finds no answer in the sources', async () => {
    const model = new FakeChatModel('資料に記載がありません');
    const reply = await helpdeskWith(model).ask({ channel: 'web', text: 'パスワードを忘れました' });
    assert.equal(reply.outcome, 'clarify');
    const polite = new FakeChatModel('申し訳ありませんが、資料に記載がありません。');
    assert.equal(
      (await helpdeskWith(polite).ask({ channel: 'web', text: 'パスワードを忘れました' })).outcome,
      'clarify',
    );
    assert.deepEqual(
      reply.choices.map((c) => c.label),
      ['パスワードを忘れた', 'パスワード入力でロックされた'],
    );
    assert.equal((await conversations.lastQuestion(reply.conversationId))?.outcome, 'clarify');
    // Without the check (KOTAE_ANSWER_CHECK=false) the retrieval overrules the model, as before.
    const overruled = await helpdeskWith(model, undefined, false).ask({
      channel: 'web',
      text: 'パスワードを忘れました',
    });
    assert.equal(overruled.outcome, 'answered');
    assert.equal(overruled.text, 'パスワードリセット申請フォームから申請してください。');
  });

  it('puts the source the model answered from first', async () => {
    const model = new FakeChatModel('30分待ってから再度お試しください。[2]');
    const reply = await helpdeskWith(model).ask({ channel: 'web', text: 'パスワードがロックされた' });
    assert.equal(reply.outcome, 'answered');
    assert.equal(reply.sources[0]?.documentId, lock.documentId);
    assert.equal(reply.text, '30分待ってから再度お試しください。[1]');
  });

  it('asks the model in the clarify band and answers only when it cites a source', async () => {
    const cited = new FakeChatModel('電源を確認してください。[1]');
    const answered = await helpdeskWith(cited).ask({ channel: 'web', text: 'プリンタの件' });
    assert.equal(answered.outcome, 'answered');
    assert.equal(answered.text, '電源を確認してください。[1]');
    assert.equal(answered.sources[0]?.documentId, printer.documentId);
    const uncited = new FakeChatModel('電源を確認してください。');
    assert.equal((await helpdeskWith(uncited).ask({ channel: 'web', text: 'プリンタの件' })).outcome, 'clarify');
  });

  it('never asks the model below the clarify threshold, nor in the clarify band without the check', async () => {
    const model = new FakeChatModel('使われない回答 [1]');
    const none = await helpdeskWith(model).ask({ channel: 'web', text: '明日の天気は？' });
    const clarify = await helpdeskWith(model, undefined, false).ask({ channel: 'web', text: 'プリンタの件' });
    assert.equal(none.outcome, 'no_answer');
    assert.equal(clarify.outcome, 'clarify');
    assert.equal(model.calls.length, 0);
  });

  it('passes the redacted question, never the individual number', async () => {
    const model = new FakeChatModel('申請フォームから申請してください。[1]');
    const reply = await helpdeskWith(model).ask({ channel: 'web', text: 'パスワード 番号は 1234-5678-9018 です' });
    const sent = JSON.stringify(model.calls[0]?.messages);
    assert.ok(sent.includes(MY_NUMBER_MASK));
    assert.doesNotMatch(sent, /5678/);
    assert.match(reply.text, /個人情報と思われる内容（マイナンバー）は記録せずに伏せ字にしました/);
    assert.match(reply.text, /申請フォームから申請してください。\[1\]$/);
  });
});

describe('citeShownSources', () => {
  const hits = [reset, lock, printer].map((chunk, i) => ({ chunk, score: 1 - i * 0.1 }));
  it('renumbers citations to the sources shown and drops those not shown', () => {
    const shown = [toSource(hits[0]!), toSource(hits[2]!)];
    assert.equal(citeShownSources('A [1][1]。B ［3］。C [2]。D [9]。', hits, shown), 'A [1]。B [2]。C。D。');
  });
});
