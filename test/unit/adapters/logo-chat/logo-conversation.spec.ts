/** The LoGoチャット conversation over a recording transport, with the Helpdesk fake. */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { LiveKnowledge } from '../../../../app/live-knowledge';
import { HelpdeskService } from '../../../../bot';
import type { BotAction } from '../../../../conversations';
import { KotaeError, MemoryLogger, SystemClock } from '../../../../core';
import { SqlConversationStore, SqlOpenStamps, SqlTicketStore } from '../../../../db';
import { LogoConversation } from '../../../../adapters/logo-chat/logo-conversation';
import type { LogoEvent, LogoTransport } from '../../../../adapters/logo-chat/transport';
import { FakeHelpdesk } from '../../../fakes/fake-helpdesk';
import { tempSqlite } from '../../../helpers/sqlite';

/** Records every post; ids are m1, m2, … `failNext` makes the next posts fail (a dropped connection). */
class RecordingTransport implements LogoTransport {
  readonly sent: { talkId: string; kind: string; body: unknown; id: string }[] = [];
  readonly pairTalks: string[] = [];
  failNext = 0;
  private record(talkId: string, kind: string, body: unknown): Promise<string> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(new KotaeError('CHANNEL_SEND_FAILED', 'logo: connector exited'));
    }
    const id = `m${this.sent.length + 1}`;
    this.sent.push({ talkId, kind, body, id });
    return Promise.resolve(id);
  }
  sendText(talkId: string, text: string) {
    return this.record(talkId, 'text', text);
  }
  sendSelect(talkId: string, question: string, options: string[]) {
    return this.record(talkId, 'select', { question, options });
  }
  sendYesNo(talkId: string, question: string) {
    return this.record(talkId, 'yesno', question);
  }
  async openPairTalk(domainId: string | undefined, userId: string) {
    this.pairTalks.push(`${domainId}/${userId}`);
    return `pair-of-${userId}`;
  }
}

const user = { id: 'u1', name: '住民課 山田' };
const pair = { id: 'p1', type: 'pair' as const, domainId: 'd1' };
const group = { id: 'g1', type: 'group' as const, domainId: 'd1' };
const msg = (text: string, over: Partial<Extract<LogoEvent, { kind: 'message' }>> = {}): LogoEvent => ({
  kind: 'message',
  messageId: `in-${text}`,
  talk: pair,
  user,
  text,
  mentionMe: false,
  ...over,
});

describe('LogoConversation', () => {
  let db: { ds: DataSource; close: () => Promise<void> };
  let transport: RecordingTransport;
  let helpdesk: FakeHelpdesk;
  let conversation: LogoConversation;
  let conversations: SqlConversationStore;

  beforeEach(async () => {
    db = await tempSqlite();
    conversations = new SqlConversationStore(db.ds, () => new Date());
    transport = new RecordingTransport();
    helpdesk = new FakeHelpdesk();
    conversation = new LogoConversation({
      helpdesk,
      conversations,
      stamps: new SqlOpenStamps(db.ds, () => new Date()),
      transport,
      logger: new MemoryLogger(),
      botName: 'Kotae',
    });
  });
  afterEach(() => db.close());

  it('answers pair talks, and group talks only when mentioned', async () => {
    await conversation.handle(msg('VPNの件', { talk: group }));
    assert.equal(transport.sent.length, 0);
    assert.equal(helpdesk.asks.length, 0);
    await conversation.handle(msg('@Kotae VPNの件', { talk: group, mentionMe: true }));
    await conversation.handle(msg('印刷の件'));
    assert.deepEqual(
      helpdesk.asks.map((a) => [a.text, a.channel, a.requester?.name]),
      [
        ['VPNの件', 'logo', '住民課 山田'],
        ['印刷の件', 'logo', '住民課 山田'],
      ],
    );
    assert.deepEqual(
      transport.sent.map((s) => [s.talkId, s.kind]),
      [
        ['g1', 'text'],
        ['g1', 'yesno'],
        ['p1', 'text'],
        ['p1', 'yesno'],
      ],
    );
    assert.equal(helpdesk.asks[0].conversationId, helpdesk.asks[1].conversationId, 'one conversation per user');
  });

  it('answers a stamp or file politely in a pair talk and ignores it in a group talk', async () => {
    const stamp = (talk: typeof pair | typeof group): LogoEvent => ({
      kind: 'unsupported',
      messageId: 'x',
      talk,
      user,
      what: 'stamp_set',
    });
    await conversation.handle(stamp(group));
    await conversation.handle(stamp(pair));
    assert.deepEqual(transport.sent, [
      {
        talkId: 'p1',
        kind: 'text',
        body: 'スタンプやファイルには対応していません。質問は文章で送信してください。',
        id: 'm1',
      },
    ]);
    assert.equal(helpdesk.asks.length, 0);
  });

  it('picks from a numbered list by number (more than 9 options)', async () => {
    helpdesk.scriptedReplies.push({
      text: '候補です。',
      sources: [],
      choices: Array.from({ length: 10 }, (_, i) => ({ label: `候補${i + 1}`, value: `質問${i + 1}` })),
      actions: [],
    });
    await conversation.handle(msg('あいまいな質問'));
    assert.deepEqual(
      transport.sent.map((s) => s.kind),
      ['text', 'text'],
    );
    await conversation.handle(msg('１０'));
    assert.equal(helpdesk.asks[1].text, '質問10');
  });

  it('answers an unknown action kind politely and keeps going', async () => {
    helpdesk.scriptedReplies.push({
      text: '操作を選べます。',
      sources: [],
      choices: [],
      actions: ['future_action' as BotAction],
    });
    await conversation.handle(msg('チケットの件'));
    const select = transport.sent[1];
    assert.deepEqual(select.body, { question: '次の操作を選んでください。', options: ['future_action'] });
    await conversation.handle({ kind: 'answer', messageId: 'a1', talk: pair, user, inReplyTo: select.id, response: 0 });
    assert.equal(
      transport.sent[2].body,
      'この操作はLoGoチャットでは利用できません。ヘルプデスクにお問い合わせください。',
    );
  });

  it('refuses a select answer with an index beyond the options, or a yes/no answer with a number', async () => {
    await conversation.handle(msg('VPNの件'));
    const yesno = transport.sent[1];
    await conversation.handle({ kind: 'answer', messageId: 'a1', talk: pair, user, inReplyTo: yesno.id, response: 3 });
    assert.match(String(transport.sent[2].body), /有効期限が切れています/);
    assert.equal(helpdesk.feedbacks.length, 0);
    await conversation.handle({
      kind: 'answer',
      messageId: 'a2',
      talk: pair,
      user,
      inReplyTo: yesno.id,
      response: true,
    });
    assert.deepEqual(
      helpdesk.feedbacks.map((f) => [f.resolved, f.activityId]),
      [[true, 'logo:a2']],
    );
  });

  it('delivers proactively into the stored pair talk, or opens one and stores it', async () => {
    await conversation.handle(msg('@Kotae VPNの件', { talk: group, mentionMe: true }));
    const record = await conversations.findByChannelKey('logo', 'logo|d1|u1');
    assert.ok(record);
    const reply = { conversationId: record.id, text: '担当者からの返信です。', sources: [], choices: [], actions: [] };
    await conversation.deliver(record, reply);
    await conversation.deliver((await conversations.getConversation(record.id))!, reply);
    assert.deepEqual(transport.pairTalks, ['d1/u1'], 'the pair talk is opened once, then reused');
    assert.deepEqual(
      transport.sent.slice(2).map((s) => [s.talkId, s.body]),
      [
        ['pair-of-u1', '担当者からの返信です。'],
        ['pair-of-u1', '担当者からの返信です。'],
      ],
    );
  });

  it('tells the user to ask again when the connection dropped mid-answer, once it is back', async () => {
    await conversation.handle(msg('VPNの件'));
    transport.failNext = 1;
    await conversation.handle(msg('印刷の件'));
    assert.deepEqual(
      transport.sent.map((s) => s.kind),
      ['text', 'yesno'],
    );
    await conversation.connectionRestored();
    await conversation.connectionRestored();
    assert.deepEqual(transport.sent.slice(2), [
      {
        talkId: 'p1',
        kind: 'text',
        body: '接続が一時的に切れたため、回答を最後までお送りできませんでした。お手数ですが、もう一度質問してください。',
        id: 'm3',
      },
    ]);
    assert.equal(helpdesk.asks.length, 2, 'the question was handled once, not half-written twice');
  });

  it('lets only the asker answer a stamp in a group talk', async () => {
    await conversation.handle(msg('@Kotae VPNの件', { talk: group, mentionMe: true }));
    const yesno = transport.sent[1];
    const other = { id: 'u2', name: '税務課 佐藤' };
    await conversation.handle({
      kind: 'answer',
      messageId: 'a1',
      talk: group,
      user: other,
      inReplyTo: yesno.id,
      response: true,
    });
    assert.equal(
      transport.sent[2].body,
      'この選択肢は質問した方のみ選べます。ご自身の質問はボットにメンションしてお送りください。',
    );
    assert.equal(helpdesk.feedbacks.length, 0);
    await conversation.handle({
      kind: 'answer',
      messageId: 'a2',
      talk: group,
      user,
      inReplyTo: yesno.id,
      response: true,
    });
    assert.equal(helpdesk.feedbacks.length, 1);
  });
});

/**
 * A question while the knowledge index cannot be loaded (or was never built), on the real HelpdeskService and
 * LiveKnowledge: LoGo shows the refusal's own Japanese message (as /api/ask) and the 担当者に問い合わせる stamp,
 * and the ticket is opened from it.
 */
describe('LogoConversation when the knowledge index cannot be searched', () => {
  const UNREADABLE = 'ナレッジを読み込めないため、現在は回答できません。お手数ですが、担当者にお問い合わせください。';
  const NOT_BUILT =
    'ナレッジベースがまだ準備できていません。しばらくしてからお試しいただくか、担当者にお問い合わせください。';
  let db: { ds: DataSource; close: () => Promise<void> };
  let transport: RecordingTransport;
  let tickets: SqlTicketStore;
  let conversations: SqlConversationStore;
  let logger: MemoryLogger;

  afterEach(() => db.close());

  async function start(currentDir: string | undefined): Promise<LogoConversation> {
    db = await tempSqlite();
    const clock = new SystemClock();
    conversations = new SqlConversationStore(db.ds, () => clock.now());
    tickets = new SqlTicketStore(db.ds, () => clock.now());
    logger = new MemoryLogger();
    const knowledge = new LiveKnowledge(
      {
        currentDir: () => currentDir,
        open: () => Promise.reject(new KotaeError('KB_INDEX_CORRUPT', 'hnsw file unreadable: vectors.hnsw')),
      },
      new MemoryLogger(),
    );
    const helpdesk = new HelpdeskService(
      { conversations, tickets, knowledge, clock },
      { maxQuestionChars: 500, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
    );
    transport = new RecordingTransport();
    const stamps = new SqlOpenStamps(db.ds, () => new Date());
    return new LogoConversation({ helpdesk, conversations, stamps, transport, logger, botName: 'Kotae' });
  }

  it('answers with the refusal and the 担当者に問い合わせる stamp; the ticket is opened from it', async () => {
    const conversation = await start('/srv/kotae/index/gen-000007');
    await conversation.handle(msg('パスワードを忘れました'));
    // Redelivered: answered and written once.
    await conversation.handle(msg('パスワードを忘れました'));
    assert.deepEqual(
      transport.sent.map((s) => [s.kind, s.body]),
      [
        ['text', UNREADABLE],
        ['select', { question: '次の操作を選んでください。', options: ['担当者に問い合わせる'] }],
      ],
    );
    assert.deepEqual(
      logger.lines.map((l) => [l.level, l.msg, l.fields?.code]),
      [
        ['warn', 'turn refused: knowledge unavailable', 'KB_INDEX_CORRUPT'],
        ['info', 'logo: redelivered message ignored', undefined],
      ],
    );
    // The refused question is in the conversation's history once, with the refusal the requester read.
    const [only] = await db.ds.query('SELECT "id" FROM "conversation"');
    assert.deepEqual(
      (await conversations.transcript(only.id)).map((l) => [l.role, l.text]),
      [
        ['user', 'パスワードを忘れました'],
        ['bot', UNREADABLE],
      ],
    );

    const select = transport.sent[1]!;
    await conversation.handle({ kind: 'answer', messageId: 'a1', talk: pair, user, inReplyTo: select.id, response: 0 });
    assert.equal(
      transport.sent[2]!.body,
      '担当者にお問い合わせします。お困りの内容（状況、エラーメッセージ、いつから等）を1つのメッセージで送信してください。',
    );
    await conversation.handle(msg('ログインできません'));
    const { items, total } = await tickets.list({});
    assert.equal(total, 1);
    // Titled by the refused question; the details as sent.
    assert.deepEqual(
      [items[0]!.title, items[0]!.details, items[0]!.channel],
      ['パスワードを忘れました', 'ログインできません', 'logo'],
    );
    assert.match(
      String(transport.sent[3]!.body),
      new RegExp(`^お問い合わせを受け付けました。受付番号は ${items[0]!.number} です。`),
    );
  });

  it('answers a question before any index was built with that refusal and the stamp', async () => {
    const conversation = await start(undefined);
    await conversation.handle(msg('VPNにつながりません'));
    assert.deepEqual(
      transport.sent.map((s) => [s.kind, s.body]),
      [
        ['text', NOT_BUILT],
        ['select', { question: '次の操作を選んでください。', options: ['担当者に問い合わせる'] }],
      ],
    );
  });
});
