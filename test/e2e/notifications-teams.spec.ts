/**
 * The operators' Teams channel on the real app: a ticket created through the API is posted, through the
 * Teams adapter's proactive path (Agents SDK CloudAdapter), to the loopback Bot Connector, in the configured
 * channel conversation, with the ticket number and the console link; exactly one post per ticket.
 */
import assert from 'node:assert/strict';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { cardOf, FakeBotConnector } from '../fakes/teams-connector';

const CHANNEL = '19:kotae-operators@thread.tacv2';

describe("operator notifications in the operators' Teams channel on the real app", function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  let connector: FakeBotConnector;

  before(async () => {
    connector = new FakeBotConnector();
    const serviceUrl = await connector.start();
    kotae = await startApp({
      KOTAE_NOTIFY_TEAMS_SERVICE_URL: serviceUrl,
      KOTAE_NOTIFY_TEAMS_CONVERSATION_ID: CHANNEL,
      KOTAE_NOTIFY_TEAMS_EVENTS: 'ticket_created',
      KOTAE_PUBLIC_URL: 'https://kotae.example.lg.jp',
    });
  });
  after(async () => {
    await kotae?.stop();
    await connector?.stop();
  });

  it('posts a new ticket with its number and console link to the channel through the Bot Connector', async () => {
    const ask = await postJson(`${kotae.url}/api/ask`, { question: '共有フォルダに入れない' });
    const created = await postJson(
      `${kotae.url}/api/tickets`,
      {
        conversationId: ask.body.conversationId,
        details: '財政課の共有フォルダにアクセスできません',
        user: { name: '試験 花子', department: '情報政策課', phone: '内線 2345' },
      },
      { 'x-kotae-conversation-token': ask.body.conversationToken },
    );
    assert.equal(created.status, 201);
    const number = created.body.number as string;
    const started = Date.now();
    while (connector.sent().length === 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    const posts = connector.sent();
    assert.equal(posts.length, 1, JSON.stringify(await kotae.app.dataSource.query('SELECT * FROM notification')));
    const post = posts[0]!;
    assert.equal(post.method, 'POST');
    assert.equal(post.conversationId, CHANNEL);
    const text = cardOf(post)
      .body.map((b) => b.text)
      .join('\n');
    assert.match(text, new RegExp(`^【Kotae】新しいチケット ${number}: `));
    assert.match(text, new RegExp(`https://kotae\\.example\\.lg\\.jp/console/tickets/${number}(\\s|$)`));
    const rows = await kotae.app.dataSource
      .getRepository('notification')
      .find({ where: { channel: 'teams' }, select: { event: true, status: true, link: true } });
    assert.deepEqual(rows, [
      { event: 'ticket_created', status: 'sent', link: `https://kotae.example.lg.jp/console/tickets/${number}` },
    ]);
  });
});
