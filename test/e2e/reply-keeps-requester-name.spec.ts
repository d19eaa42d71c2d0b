/**
 * The requester's own name in an operator's reply survives the app's wiring (the masker is wrapped to count masked
 * items for /metrics; the wrapper once dropped the keep option, so 「山田様」 reached the requester as 「［氏名］様」).
 */
import assert from 'node:assert/strict';
import { signInConsole } from '../helpers/console-client';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

const TOKEN = 'x-kotae-conversation-token';

describe('an operator reply on the real app keeps the requester’s own name', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  before(async () => {
    kotae = await startApp();
  });
  after(() => kotae?.stop());

  it('stores and delivers 山田様 and masks everyone else’s name', async () => {
    const ask = await postJson(`${kotae.url}/api/ask`, {
      question: 'プリンタで印刷できない',
      user: { name: '山田 太郎' },
    });
    const conversationId = ask.body.conversationId as string;
    const secret = { [TOKEN]: ask.body.conversationToken as string };
    const ticket = await postJson(
      `${kotae.url}/api/tickets`,
      {
        conversationId,
        details: '至急お願いします',
        user: { name: '山田 太郎', department: '総務課', phone: '内線1234' },
      },
      secret,
    );
    assert.equal(ticket.status, 201);
    const number = ticket.body.number as string;
    const operator = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const page = `/console/tickets/${encodeURIComponent(number)}`;
    const res = await operator.post(
      `${page}/reply`,
      { body: '山田様、設定を確認しました。詳しくは佐々木 健一さんからご連絡します。' },
      page,
    );
    assert.equal(res.status, 303);
    const rows = await kotae.app.dataSource.query(
      `SELECT "body" FROM "ticket_comment" WHERE "kind" = 'reply' ORDER BY "createdAt"`,
    );
    assert.deepEqual(
      rows.map((r: { body: string }) => r.body),
      [`【ヘルプデスクからの回答】${number}\n山田様、設定を確認しました。詳しくは［氏名］さんからご連絡します。`],
    );
  });
});
