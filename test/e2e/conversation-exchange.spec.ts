/**
 * A scripted 20-step exchange on the real app across the web chat (JSON API) and Teams (the app's own
 * /api/messages with a loopback Bot Connector): every operator reply and status notice reaches the
 * requester's channel exactly once (0 duplicated, 0 lost), and every requester message lands on its
 * ticket exactly once.
 */
import assert from 'node:assert/strict';
import { actionExecuteInvoke, personalEnvelope } from '../fakes/teams-activities';
import { cardOf, FakeBotConnector } from '../fakes/teams-connector';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

const CONTACT = { name: '試験 花子', department: '情報政策課', phone: '内線 2345' };
type Card = { value: { actions: { verb: string; title: string; data: Record<string, string> }[] } };

describe('a 20-step exchange across the web chat and Teams (real app)', function () {
  this.timeout(120_000);
  let kotae: RunningApp;
  let connector: FakeBotConnector;
  let serviceUrl: string;

  before(async () => {
    kotae = await startApp();
    connector = new FakeBotConnector();
    serviceUrl = await connector.start();
  });
  after(async () => {
    await connector?.stop();
    await kotae?.stop();
  });

  const teamsTexts = () =>
    connector.sent().map((c) =>
      cardOf(c)
        .body.map((b) => b.text ?? '')
        .join('\n'),
    );
  const count = (texts: string[], text: string) => texts.filter((t) => t.includes(text)).length;

  it('delivers each reply and notice once per channel and adds each requester message once', async () => {
    const service = kotae.app.operators.ticketService;
    const teamsUrl = `${kotae.url}/api/messages`;
    let activity = 0;
    const teamsSay = async (text: string) => {
      const res = await postJson(teamsUrl, personalEnvelope(serviceUrl, { id: `x-${++activity}`, text }));
      assert.equal(res.status, 200);
    };
    const press = async (action: { verb?: unknown; data?: unknown }) =>
      (await postJson(teamsUrl, actionExecuteInvoke(serviceUrl, `x-${++activity}`, action))).body as Card;
    const setStatus = async (number: string, status: 'on_hold' | 'resolved') => {
      const t = await service.get(number);
      await service.update(number, t.version, { status }, 'admin');
    };

    // 1–2 web: a question, then a ticket.
    const ask = await postJson(`${kotae.url}/api/ask`, { question: '明日の天気を教えてください' });
    const secret = { 'x-kotae-conversation-token': ask.body.conversationToken };
    const webSay = (question: string, intent?: string) =>
      postJson(`${kotae.url}/api/ask`, { question, conversationId: ask.body.conversationId, intent }, secret);
    const webTicket = await postJson(
      `${kotae.url}/api/tickets`,
      { conversationId: ask.body.conversationId, details: '天気の確認方法', user: CONTACT },
      secret,
    );
    const web = webTicket.body.number as string;
    // 3–4 Teams: a question, then a ticket through the card form.
    await teamsSay('パスワードを忘れてしまいました');
    const escalate = cardOf(connector.sent()[0]).actions!.find((a) => a.title === '担当者に問い合わせる')!;
    const submit = (await press(escalate)).value.actions[0];
    const created = await press({ verb: submit.verb, data: { ...submit.data, details: '再設定メールが届かない' } });
    const teams = /受付番号は (\S+) です/.exec(JSON.stringify(created))![1];

    // 5–14: replies, notices and requester messages both ways.
    await service.reply(web, 'W1 気象庁のサイトをご覧ください。', 'admin');
    await service.reply(teams, 'T1 迷惑メールフォルダをご確認ください。', 'admin');
    assert.match((await webSay('W-M1 ブラウザはEdgeです')).body.answer, new RegExp(`${web} に追記しました`));
    await teamsSay('T-M1 迷惑メールにもありません');
    await setStatus(web, 'on_hold');
    await setStatus(teams, 'on_hold');
    await webSay('W-M2 キャッシュも消しました');
    await teamsSay('T-M2 別のPCでも同じです');
    await service.reply(web, 'W2 設定を変更しました。', 'admin');
    await service.reply(teams, 'T2 メールを再送しました。', 'admin');
    // 15–18: both resolved; each requester reopens with the confirmation button.
    await setStatus(web, 'resolved');
    await setStatus(teams, 'resolved');
    const confirm = await webSay('W-M3 まだ表示されません');
    assert.deepEqual(confirm.body.actions, ['reopen', 'ask_bot']);
    await webSay(confirm.body.pendingText, 'reopen');
    await teamsSay('T-M3 まだ届きません');
    const reopen = cardOf(connector.sent().at(-1)!).actions!.find((a) => a.title === '再開して追記する')!;
    await press(reopen);
    // 19–20: one more reply each.
    await service.reply(web, 'W3 原因が分かりました。', 'admin');
    await service.reply(teams, 'T3 アカウントを再設定しました。', 'admin');

    const history = await fetch(`${kotae.url}/api/conversations/${ask.body.conversationId}/messages`, {
      headers: secret,
    });
    const webLines = ((await history.json()) as { messages: { role: string; text: string }[] }).messages
      .filter((m) => m.role === 'operator')
      .map((m) => m.text);
    const webExpected = ['W1 ', '「保留（回答待ち）」', 'W2 ', '「解決」', 'W3 '];
    assert.equal(webLines.length, webExpected.length, JSON.stringify(webLines));
    for (const text of webExpected) assert.equal(count(webLines, text), 1, text);
    const teamsSent = teamsTexts();
    for (const text of [
      'T1 ',
      `${teams}\nお問い合わせの状態が「保留（回答待ち）」`,
      'T2 ',
      `${teams}\nお問い合わせの状態が「解決」`,
      'T3 ',
    ]) {
      assert.equal(count(teamsSent, text), 1, text);
    }
    for (const text of ['W1 ', 'W2 ', 'W3 ']) assert.equal(count(teamsSent, text), 0, text);

    for (const [number, expected] of [
      [web, ['W-M1 ブラウザはEdgeです', 'W-M2 キャッシュも消しました', 'W-M3 まだ表示されません']],
      [teams, ['T-M1 迷惑メールにもありません', 'T-M2 別のPCでも同じです', 'T-M3 まだ届きません']],
    ] as const) {
      const detail = await service.detail(number);
      assert.deepEqual(
        detail.comments.filter((c) => c.kind === 'requester').map((c) => c.body),
        expected,
      );
      const replies = detail.comments.filter((c) => c.kind === 'reply');
      assert.equal(replies.length, 5);
      assert.ok(replies.every((c) => c.deliveredAt && !c.deliveryError));
      assert.equal(detail.ticket.status, 'in_progress');
    }
  });
});
