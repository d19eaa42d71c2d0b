/**
 * A NUL character in a client's payload, on PostgreSQL (which cannot store one in text; SQLite can, so the SQLite
 * specs never saw it). Teams: a NUL in a display name, an activity or conversation id, or a card's form field
 * failed the turn (「システムエラー」 or 500); a relay event with a NUL in a user's name was accepted (202) and its
 * question lost, one in an event id answered 500. Now the NUL is dropped at the edge and everything is answered
 * exactly once. Real app, loopback Bot Connector and LoGoチャット relay, a throw-away PostgreSQL.
 */
import assert from 'node:assert/strict';
import { cardOf, FakeBotConnector, type ConnectorCall } from '../fakes/teams-connector';
import { FakeLogoRelay } from '../fakes/logo-relay';
import { createTestDatabase, pgAppEnv, postgresServer } from '../helpers/postgres';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

type Payload = Record<string, any>;
const KEY = { id: 'key-nul', secret: 'relay-secret-nul-0123456789abcdef0123456' };
const BOT = { id: '28:4c1e6f2a-7d3b-4e59-9a10-2f8c5b7d9e01', name: 'Kotae' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('end to end on PostgreSQL: NUL characters in Teams activities and relay events', function () {
  this.timeout(180_000);
  let kotae: RunningApp;
  let connector: FakeBotConnector;
  let relay: FakeLogoRelay;
  let serviceUrl: string;

  before(async () => {
    connector = new FakeBotConnector();
    serviceUrl = await connector.start();
    relay = await FakeLogoRelay.start([KEY]);
    const pg = await postgresServer();
    kotae = await startApp({
      ...pgAppEnv(pg, await createTestDatabase(pg)),
      KOTAE_LOGO_MODE: 'relay',
      KOTAE_LOGO_RELAY_URL: relay.url,
      KOTAE_LOGO_RELAY_KEY_ID: KEY.id,
      KOTAE_LOGO_RELAY_SECRET: KEY.secret,
    });
  });
  after(async () => {
    await kotae?.stop();
    await relay?.stop();
    await connector?.stop();
  });

  const questions = () => kotae.app.dataSource.getRepository('question').find({ order: { askedAt: 'ASC' } });
  const messagesOf = (calls: ConnectorCall[]) => calls.filter((c) => c.activity.type === 'message');
  async function post(payload: Payload): Promise<{ status: number; body: unknown; calls: ConnectorCall[] }> {
    const before = connector.calls.length;
    const res = await postJson(`${kotae.url}/api/messages`, payload);
    return { ...res, calls: connector.calls.slice(before) };
  }
  function message(id: string, conversationId: string, text: string, name = '鈴木 一郎'): Payload {
    return {
      type: 'message',
      id,
      serviceUrl,
      channelId: 'msteams',
      from: { id: '29:1kotaeTestUserNul0001', name, aadObjectId: '3d4c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a77' },
      conversation: { conversationType: 'personal', id: conversationId },
      recipient: BOT,
      text,
      locale: 'ja-JP',
    };
  }

  it('Teams: answers once a NUL in the display name, the activity id and the conversation id', async () => {
    const before = (await questions()).length;
    for (const payload of [
      message('nul-1', 'a:nulChat1', 'パスワードを忘れました', '鈴木\u0000一郎'),
      message('nul-2\u0000', 'a:nul\u0000Chat2', '自宅からVPNにつながりません'),
    ]) {
      const { status, body, calls } = await post(payload);
      assert.deepEqual([status, body], [200, '']);
      assert.equal(messagesOf(calls).length, 1);
      assert.doesNotMatch(cardOf(messagesOf(calls)[0]).body[0].text ?? '', /システムエラー/);
    }
    const asked = (await questions()).slice(before);
    assert.deepEqual(
      asked.map((q) => [q.text, q.requesterName]),
      [
        ['パスワードを忘れました', '鈴木一郎'],
        ['自宅からVPNにつながりません', '鈴木 一郎'],
      ],
    );
    assert.equal(messagesOf(connector.calls).at(-1)?.conversationId, 'a:nulChat2');
  });

  it('Teams: opens one ticket from an escalation form whose details hold a NUL, without it', async () => {
    const asked = await post(message('nul-ask', 'a:nulChat3', 'プリンタで印刷できません'));
    const escalate = cardOf(messagesOf(asked.calls)[0]).actions?.find((a) => a.verb === 'kotae.escalate');
    assert.ok(escalate);
    const tickets = () => kotae.app.dataSource.getRepository('ticket').find();
    const before = (await tickets()).length;
    const submit = {
      ...message('nul-submit', 'a:nulChat3', ''),
      value: {
        kotae: 'kotae.submit_ticket',
        conversationId: escalate.data.conversationId,
        category: 'パソコン・周辺機器',
        urgency: 'normal',
        details: '3階の複合機\u0000から印刷できません',
      },
    };
    const { status, calls } = await post(submit);
    assert.equal(status, 200);
    const sent = messagesOf(calls);
    assert.equal(sent.length, 1);
    assert.match(
      cardOf(sent[0])
        .body.map((b) => b.text ?? '')
        .join('\n'),
      /お問い合わせを受け付けました。受付番号は HD-/,
    );
    const created = (await tickets()).slice(before);
    assert.equal(created.length, 1);
    assert.match(created[0].details, /3階の複合機から印刷できません/);
    assert.doesNotMatch(created[0].details, /\u0000/);
  });

  it('relay: answers once a message whose user name holds a NUL, and accepts an event id with a NUL', async () => {
    const talk = { id: 'talk-nul', type: 'pair' };
    const events = [
      {
        eventId: 'e-nul-1',
        type: 'message',
        messageId: 'm-nul-1',
        text: 'パスワードを\u0000忘れました',
        talk,
        user: { id: 'u-nul', name: '山田\u0000太郎' },
      },
      {
        eventId: 'e-nul\u0000-2',
        type: 'message',
        messageId: 'm-nul-2',
        text: 'VPNにつながりません',
        talk,
        user: { id: 'u-nul' },
      },
    ];
    for (const event of events) {
      const from = relay.posts.length;
      const raw = JSON.stringify(event);
      const res = await fetch(`${kotae.url}/api/logo/events`, { method: 'POST', headers: relay.sign(raw), body: raw });
      assert.deepEqual([res.status, await res.json()], [202, { accepted: true, duplicate: false }]);
      await relay.waitForPosts(from + 2);
      await sleep(300);
      const posts = relay.posts.slice(from).map((p) => p.body.message.kind);
      assert.deepEqual(posts, ['text', 'yesno']);
    }
    const logo = (await questions()).filter((q) => q.channel === 'logo');
    assert.deepEqual(
      logo.map((q) => [q.text, q.requesterName]),
      [
        ['パスワードを忘れました', '山田太郎'],
        ['VPNにつながりません', '山田太郎'],
      ],
    );
    assert.deepEqual(
      kotae.logger.lines.filter((l) => l.level === 'error'),
      [],
    );
  });
});
