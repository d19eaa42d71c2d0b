/**
 * Open stamps shared by the instances: two LogoConversations on one SQLite database (standing for a restart, a
 * take-over or the relay's other instance) with SqlOpenStamps. A stamp, a numbered list or the "send the details"
 * step started on one is answered on the other exactly once; a stamp made stale by a newer reply gets the note.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { MemoryLogger } from '../../../../core';
import { SqlConversationStore, SqlOpenStamps } from '../../../../db';
import { LogoConversation } from '../../../../adapters/logo-chat/logo-conversation';
import type { LogoEvent, LogoTransport } from '../../../../adapters/logo-chat/transport';
import { FakeHelpdesk } from '../../../fakes/fake-helpdesk';
import { tempSqlite } from '../../../helpers/sqlite';

const STALE = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';
const user = { id: 'u1', name: '住民課 山田' };
const pair = { id: 'p1', type: 'pair' as const, domainId: 'd1' };
const text = (body: string, id = `in-${body}`): LogoEvent => ({
  kind: 'message',
  messageId: id,
  talk: pair,
  user,
  text: body,
  mentionMe: false,
});
const answer = (id: string, inReplyTo: string, response: number | boolean): LogoEvent => ({
  kind: 'answer',
  messageId: id,
  talk: pair,
  user,
  inReplyTo,
  response,
});

/** The chat server both instances post to: message ids m1, m2, … across them. */
class ServerTransport implements LogoTransport {
  readonly sent: { kind: string; body: unknown; id: string }[] = [];
  private post(kind: string, body: unknown): Promise<string> {
    const id = `m${this.sent.length + 1}`;
    this.sent.push({ kind, body, id });
    return Promise.resolve(id);
  }
  sendText(_talkId: string, body: string) {
    return this.post('text', body);
  }
  sendSelect(_talkId: string, question: string, options: string[]) {
    return this.post('select', { question, options });
  }
  sendYesNo(_talkId: string, question: string) {
    return this.post('yesno', question);
  }
  async openPairTalk(): Promise<string> {
    return pair.id;
  }
}

describe('LogoConversation: open stamps shared by two instances', () => {
  let db: { ds: DataSource; close: () => Promise<void> };
  let helpdesk: FakeHelpdesk;
  let server: ServerTransport;
  let a: LogoConversation;
  let b: LogoConversation;
  const after = (from: number) => server.sent.slice(from).map((s) => [s.kind, s.body]);

  beforeEach(async () => {
    db = await tempSqlite();
    helpdesk = new FakeHelpdesk();
    server = new ServerTransport();
    const instance = () =>
      new LogoConversation({
        helpdesk,
        conversations: new SqlConversationStore(db.ds, () => new Date()),
        stamps: new SqlOpenStamps(db.ds, () => new Date()),
        transport: server,
        logger: new MemoryLogger(),
        botName: 'Kotae',
      });
    a = instance();
    b = instance();
  });
  afterEach(() => db.close());

  it('answers on one instance a yes/no and a select posted by the other; the details step follows', async () => {
    await a.handle(text('VPNにつながりません'));
    const yesno = server.sent[1];
    assert.equal(yesno.kind, 'yesno');
    let from = server.sent.length;
    await b.handle(answer('a1', yesno.id, false));
    assert.deepEqual(after(from), [
      ['text', 'お役に立てず申し訳ありません。担当者にお問い合わせください。'],
      ['select', { question: '次の操作を選んでください。', options: ['担当者に問い合わせる'] }],
    ]);
    assert.deepEqual(
      helpdesk.feedbacks.map((f) => f.resolved),
      [false],
    );
    const escalate = server.sent[from + 1];
    from = server.sent.length;
    await a.handle(answer('a2', escalate.id, 0));
    assert.equal(server.sent.length, from + 1);
    from = server.sent.length;
    await b.handle(text('朝から接続がタイムアウトします。'));
    assert.deepEqual(
      helpdesk.escalations.map((e) => e.details),
      ['朝から接続がタイムアウトします。'],
    );
    assert.equal(helpdesk.asks.length, 1, 'the details were not asked as a question');
  });

  it('takes an answer once when it reaches both instances at once (two presses)', async () => {
    await a.handle(text('VPNにつながりません'));
    const yesno = server.sent[1];
    const from = server.sent.length;
    await Promise.all([a.handle(answer('a1', yesno.id, true)), b.handle(answer('a2', yesno.id, true))]);
    assert.equal(helpdesk.feedbacks.length, 1);
    assert.deepEqual(after(from).sort(), [
      ['text', STALE],
      ['text', 'ご利用ありがとうございました。'],
    ]);
  });

  it('picks from a numbered list posted by the other instance, once', async () => {
    helpdesk.scriptedReplies.push({
      text: '候補です。',
      sources: [],
      choices: Array.from({ length: 10 }, (_, i) => ({ label: `候補${i + 1}`, value: `質問${i + 1}` })),
      actions: [],
    });
    await a.handle(text('あいまいな質問'));
    await b.handle(text('３', 'n1'));
    await a.handle(text('３', 'n2'));
    assert.deepEqual(
      helpdesk.asks.map((q) => q.text),
      ['あいまいな質問', '質問3', '３'],
    );
  });

  it('still answers a stamp made stale by a newer reply with the note, whichever instance', async () => {
    await a.handle(text('VPNにつながりません'));
    const old = server.sent[1];
    await a.handle(text('プリンタで印刷できません'));
    const from = server.sent.length;
    await b.handle(answer('a1', old.id, true));
    assert.deepEqual(after(from), [['text', STALE]]);
    assert.equal(helpdesk.feedbacks.length, 0);
  });
});
