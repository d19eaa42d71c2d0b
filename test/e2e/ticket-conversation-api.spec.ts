/**
 * The ticket conversation through the JSON API of the real app: one ticket per conversation under 20
 * concurrent escalations, the page's secret guarding a conversation, contact details required, and an
 * operator reply written and delivered exactly once (未読 until the page fetched it, then 既読).
 */
import assert from 'node:assert/strict';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

const CONTACT = { name: '試験 花子', department: '情報政策課', phone: '内線 2345' };

describe('ticket conversation API on the real app', function () {
  this.timeout(60_000);
  let kotae: RunningApp;

  before(async () => {
    kotae = await startApp();
  });
  after(() => kotae?.stop());

  async function conversation(): Promise<{ id: string; token: string; secret: Record<string, string> }> {
    const { status, body } = await postJson(`${kotae.url}/api/ask`, { question: '明日の天気を教えてください' });
    assert.equal(status, 200);
    assert.match(body.conversationToken, /^[\w-]{40,}$/);
    return {
      id: body.conversationId,
      token: body.conversationToken,
      secret: { 'x-kotae-conversation-token': body.conversationToken },
    };
  }

  async function ticketCount(conversationId: string): Promise<number> {
    return kotae.app.dataSource.getRepository('ticket').countBy({ conversationId });
  }

  it('gives 20 concurrent escalations of one conversation one ticket: one 201, nineteen 200, one number', async () => {
    const c = await conversation();
    const body = { conversationId: c.id, details: '天気予報の確認方法を知りたい', user: CONTACT };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postJson(`${kotae.url}/api/tickets`, body, c.secret)),
    );
    assert.deepEqual(
      answers.map((a) => a.status).sort(),
      [...Array<number>(19).fill(200), 201],
      JSON.stringify(answers.filter((a) => a.status > 201).map((a) => a.body)),
    );
    const numbers = new Set(answers.map((a) => a.body.number as string));
    assert.equal(numbers.size, 1, JSON.stringify([...numbers]));
    assert.match([...numbers][0], /^HD-\d{4}-\d{6}$/);
    assert.equal(await ticketCount(c.id), 1);
    for (const a of answers.filter((x) => x.status === 200)) assert.deepEqual(a.body.actions, ['new_ticket', 'status']);

    const separate = await postJson(
      `${kotae.url}/api/tickets`,
      { ...body, details: '別件でプリンタの相談です', separate: true },
      c.secret,
    );
    assert.equal(separate.status, 201);
    assert.notEqual(separate.body.number, [...numbers][0]);
    assert.equal(await ticketCount(c.id), 2);
  });

  it('requires name, 所属 and 内線 at escalation and writes nothing without them', async () => {
    const c = await conversation();
    const missing = await postJson(
      `${kotae.url}/api/tickets`,
      { conversationId: c.id, details: '至急', user: { name: '試験 花子' } },
      c.secret,
    );
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'INPUT_INVALID');
    assert.equal(missing.body.error.message, '担当者からご連絡するため、所属・内線（電話）を入力してください。');
    assert.equal(await ticketCount(c.id), 0);
  });

  it("answers 404 about a conversation without its secret, with a wrong one, or with another conversation's", async () => {
    const mine = await conversation();
    const other = await conversation();
    const wrong = { 'x-kotae-conversation-token': other.token };
    for (const headers of [{}, wrong, { 'x-kotae-conversation-token': 'guess' }]) {
      const messages = await fetch(`${kotae.url}/api/conversations/${mine.id}/messages`, { headers });
      assert.equal(messages.status, 404);
      assert.equal(
        ((await messages.json()) as { error: { message: string } }).error.message,
        '会話が見つかりません。最初から質問してください。',
      );
      const history = await fetch(`${kotae.url}/api/conversations/${mine.id}/tickets`, { headers });
      assert.equal(history.status, 404);
      const ask = await postJson(`${kotae.url}/api/ask`, { question: 'プリンタ', conversationId: mine.id }, headers);
      assert.equal(ask.status, 404);
      const ticket = await postJson(`${kotae.url}/api/tickets`, { conversationId: mine.id, user: CONTACT }, headers);
      assert.equal(ticket.status, 404);
    }
    assert.equal(await ticketCount(mine.id), 0);
    const ok = await fetch(`${kotae.url}/api/conversations/${mine.id}/messages`, { headers: mine.secret });
    assert.equal(ok.status, 200);
  });

  it('writes an operator reply once, delivers it once, and flips 未読 to 既読 when the page fetches it', async () => {
    const c = await conversation();
    const created = await postJson(
      `${kotae.url}/api/tickets`,
      { conversationId: c.id, details: '天気予報の確認方法', user: CONTACT },
      c.secret,
    );
    const service = kotae.app.operators.ticketService;
    const comment = await service.reply(created.body.number, '気象庁のサイトをご覧ください。', 'admin');
    assert.ok(comment.deliveredAt);
    const before = (await service.detail(created.body.number)).comments.find((x) => x.id === comment.id);
    assert.equal(before?.readAt, undefined);

    const res = await fetch(`${kotae.url}/api/conversations/${c.id}/messages?after=0`, { headers: c.secret });
    const data = (await res.json()) as { messages: { role: string; text: string }[]; requester: typeof CONTACT };
    const operatorLines = data.messages.filter((m) => m.role === 'operator');
    assert.equal(operatorLines.length, 1, JSON.stringify(data.messages));
    assert.equal(
      operatorLines[0].text,
      `【ヘルプデスクからの回答】${created.body.number}\n気象庁のサイトをご覧ください。`,
    );
    assert.deepEqual(data.requester, CONTACT);
    const after = (await service.detail(created.body.number)).comments.find((x) => x.id === comment.id);
    assert.ok(after?.readAt);

    const history = await fetch(`${kotae.url}/api/conversations/${c.id}/tickets`, { headers: c.secret });
    const { tickets } = (await history.json()) as {
      tickets: { number: string; statusLabel: string; messages: { from: string; text: string }[] }[];
    };
    assert.equal(tickets.length, 1);
    assert.equal(tickets[0].number, created.body.number);
    assert.equal(tickets[0].statusLabel, '受付済み');
    assert.deepEqual(
      tickets[0].messages.map((m) => m.from),
      ['helpdesk'],
    );
  });
});
