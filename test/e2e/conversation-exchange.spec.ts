/**
 * A scripted 20-step exchange across the web chat (JSON API) and Teams (the app's own /api/messages with a
 * loopback Bot Connector), on Kotae installed under a dot-folder path and started as its own process
 * (`node bin/kotae.js serve`). The helpdesk side works through the console over HTTP (sign-in, reply and
 * update forms with their CSRF token). Every operator reply and status notice reaches the requester's
 * channel exactly once (0 duplicated, 0 lost), and every requester message lands on its ticket exactly once.
 */
import assert from 'node:assert/strict';
import { load } from 'cheerio';
import { actionExecuteInvoke, personalEnvelope } from '../fakes/teams-activities';
import { cardOf, FakeBotConnector } from '../fakes/teams-connector';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import { startDotFolderApp, type DotFolderApp } from '../helpers/dot-folder-app';
import { postJson } from '../helpers/start-app';

const CONTACT = { name: '試験 花子', department: '情報政策課', phone: '内線 2345' };
type Card = { value: { actions: { verb: string; title: string; data: Record<string, string> }[] } };

/** The helpdesk side, as an operator's browser does it in the console. */
function helpdesk(session: ConsoleSession) {
  const page = (number: string) => `/console/tickets/${encodeURIComponent(number)}`;
  return {
    async reply(number: string, body: string) {
      const res = await session.post(`${page(number)}/reply`, { body }, page(number));
      assert.equal(res.status, 303, `reply on ${number}`);
      assert.match(res.location, /notice=replied$/);
    },
    /** Submits the detail page's update form as it is, with only the status changed. */
    async setStatus(number: string, status: 'on_hold' | 'resolved') {
      const detail = await session.get(page(number));
      assert.equal(detail.status, 200);
      const $ = load(detail.text);
      const form = $(`form[action$="${page(number)}/update"]`);
      assert.equal(form.length, 1);
      const fields: Record<string, string> = {};
      form.find('input[name]').each((_, el) => void (fields[$(el).attr('name')!] = $(el).attr('value') ?? ''));
      form.find('textarea[name]').each((_, el) => void (fields[$(el).attr('name')!] = $(el).text()));
      form.find('select[name]').each((_, el) => {
        const selected = $(el).find('option[selected]').first();
        fields[$(el).attr('name')!] = (selected.length ? selected : $(el).find('option').first()).attr('value') ?? '';
      });
      delete fields._csrf;
      assert.ok(form.find(`select[name="status"] option[value="${status}"]`).length, `${status} offered`);
      const res = await session.post(`${page(number)}/update`, { ...fields, status }, page(number));
      assert.equal(res.status, 303, `${status} on ${number}`);
    },
    /** The comments of the console's ticket page: kind, body and delivery state. */
    async ticketPage(number: string) {
      const detail = await session.get(page(number));
      assert.equal(detail.status, 200);
      const $ = load(detail.text);
      const comments = $('ol.comments > li')
        .toArray()
        .map((li) => ({
          kind: $(li).attr('class') ?? '',
          body: $(li).find('p.body').text(),
          delivery: $(li).find('.delivery').text().trim(),
        }));
      return { status: $('#ticket-status').text().trim(), comments };
    },
  };
}

describe('a 20-step exchange across the web chat and Teams (installed under a dot-folder)', function () {
  this.timeout(120_000);
  let kotae: DotFolderApp | undefined;
  let connector: FakeBotConnector;
  let serviceUrl: string;

  before(async () => {
    kotae = await startDotFolderApp();
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
    const { url, installDir, adminPassword } = kotae!;
    assert.match(installDir, /\/\.local\//);
    const desk = helpdesk(await signInConsole(url, 'admin', adminPassword));
    const teamsUrl = `${url}/api/messages`;
    let activity = 0;
    const teamsSay = async (text: string) => {
      const res = await postJson(teamsUrl, personalEnvelope(serviceUrl, { id: `x-${++activity}`, text }));
      assert.equal(res.status, 200);
    };
    const press = async (action: { verb?: unknown; data?: unknown }) =>
      (await postJson(teamsUrl, actionExecuteInvoke(serviceUrl, `x-${++activity}`, action))).body as Card;

    // 1–2 web: a question, then a ticket.
    const ask = await postJson(`${url}/api/ask`, { question: '明日の天気を教えてください' });
    assert.equal(ask.status, 200, JSON.stringify(ask.body));
    const secret = { 'x-kotae-conversation-token': ask.body.conversationToken };
    const webSay = (question: string, intent?: string) =>
      postJson(`${url}/api/ask`, { question, conversationId: ask.body.conversationId, intent }, secret);
    const webTicket = await postJson(
      `${url}/api/tickets`,
      { conversationId: ask.body.conversationId, details: '天気の確認方法', user: CONTACT },
      secret,
    );
    assert.equal(webTicket.status, 201, JSON.stringify(webTicket.body));
    const web = webTicket.body.number as string;
    // 3–4 Teams: a question, then a ticket through the card form.
    await teamsSay('パスワードを忘れてしまいました');
    const escalate = cardOf(connector.sent()[0]).actions!.find((a) => a.title === '担当者に問い合わせる')!;
    const submit = (await press(escalate)).value.actions[0];
    const created = await press({ verb: submit.verb, data: { ...submit.data, details: '再設定メールが届かない' } });
    const teams = /受付番号は (\S+) です/.exec(JSON.stringify(created))![1]!;

    // 5–14: replies, notices and requester messages both ways.
    await desk.reply(web, 'W1 気象庁のサイトをご覧ください。');
    await desk.reply(teams, 'T1 迷惑メールフォルダをご確認ください。');
    assert.match((await webSay('W-M1 ブラウザはEdgeです')).body.answer, new RegExp(`${web} に追記しました`));
    await teamsSay('T-M1 迷惑メールにもありません');
    await desk.setStatus(web, 'on_hold');
    await desk.setStatus(teams, 'on_hold');
    await webSay('W-M2 キャッシュも消しました');
    await teamsSay('T-M2 別のPCでも同じです');
    await desk.reply(web, 'W2 設定を変更しました。');
    await desk.reply(teams, 'T2 メールを再送しました。');
    // 15–18: both resolved; each requester reopens with the confirmation button.
    await desk.setStatus(web, 'resolved');
    await desk.setStatus(teams, 'resolved');
    const confirm = await webSay('W-M3 まだ表示されません');
    assert.deepEqual(confirm.body.actions, ['reopen', 'ask_bot']);
    await webSay(confirm.body.pendingText, 'reopen');
    await teamsSay('T-M3 まだ届きません');
    const reopen = cardOf(connector.sent().at(-1)!).actions!.find((a) => a.title === '再開して追記する')!;
    await press(reopen);
    // 19–20: one more reply each.
    await desk.reply(web, 'W3 原因が分かりました。');
    await desk.reply(teams, 'T3 アカウントを再設定しました。');

    // Web: each reply and notice exactly once in the conversation's history.
    const history = await fetch(`${url}/api/conversations/${ask.body.conversationId}/messages`, { headers: secret });
    assert.equal(history.status, 200);
    const webLines = ((await history.json()) as { messages: { role: string; text: string }[] }).messages
      .filter((m) => m.role === 'operator')
      .map((m) => m.text);
    const webExpected = ['W1 ', '「保留（回答待ち）」', 'W2 ', '「解決」', 'W3 '];
    assert.equal(webLines.length, webExpected.length, JSON.stringify(webLines));
    for (const text of webExpected) assert.equal(count(webLines, text), 1, text);
    // Teams: each reply and notice exactly once in what the Bot Connector received, none of the web ones.
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

    // Console: each requester message exactly once as a requester comment; five replies, all delivered.
    for (const [number, expected, delivered] of [
      [web, ['W-M1 ブラウザはEdgeです', 'W-M2 キャッシュも消しました', 'W-M3 まだ表示されません'], /^既読（/],
      [teams, ['T-M1 迷惑メールにもありません', 'T-M2 別のPCでも同じです', 'T-M3 まだ届きません'], /^送信済み$/],
    ] as const) {
      const ticket = await desk.ticketPage(number);
      assert.deepEqual(
        ticket.comments.filter((c) => c.kind === 'requester').map((c) => c.body),
        expected,
      );
      const replies = ticket.comments.filter((c) => c.kind === 'reply');
      assert.equal(replies.length, 5, JSON.stringify(replies));
      for (const r of replies) assert.match(r.delivery, delivered, `${number}: ${r.body}`);
      assert.equal(ticket.status, '対応中');
    }
  });
});
