/**
 * Teams activity shapes beyond ../shared/fixtures/teams (test/fixtures/teams-extra, each modelled on the
 * document or SDK code its `_source` names) replayed against the real app (SQLite, sample knowledge base)
 * and a loopback Bot Connector: status codes, invoke bodies, and exactly what the bot posts back.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardOf, type ConnectorCall } from '../fakes/teams-connector';
import { postJson } from '../helpers/start-app';
import { teamsOnApp } from '../helpers/teams-on-app';

const FIXTURES = join(__dirname, '..', 'fixtures', 'teams-extra');
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(96, 5)]);
const PROMPT = 'ご質問の内容を文章で入力してください（例: 「パスワードを忘れました」）。';
const ATTACHMENTS_ONLY =
  'ファイルや画像の内容は読み取れません。困っていることを文章で入力してください（エラーメッセージは文字で書き写してください）。';

type Payload = Record<string, any>;

/**
 * A fixture as Teams would post it: without `_source`, its Bot Connector and SharePoint URLs pointed at the
 * loopback connector (nothing leaves the machine).
 */
function fixture(name: string, serviceUrl: string, overrides: Payload = {}): Payload {
  const text = readFileSync(join(FIXTURES, name), 'utf8')
    .replaceAll('https://smba.trafficmanager.net/jp/', serviceUrl)
    .replaceAll('https://contoso-my.sharepoint.com/', serviceUrl);
  const payload = JSON.parse(text) as Payload;
  delete payload._source;
  return { ...payload, ...overrides };
}

const cardText = (call: ConnectorCall): string =>
  cardOf(call)
    .body.map((b) => b.text ?? '')
    .join('\n');

describe('end to end: Teams activity shapes (test/fixtures/teams-extra)', function () {
  this.timeout(120_000);
  const on = teamsOnApp();

  /** Posts one activity; returns the answer and every call the bot made to the connector meanwhile. */
  async function post(payload: Payload): Promise<{ status: number; body: unknown; calls: ConnectorCall[] }> {
    const before = on.connector.calls.length;
    const res = await postJson(`${on.kotae.url}/api/messages`, payload);
    return { ...res, calls: on.connector.calls.slice(before) };
  }
  const messagesOf = (calls: ConnectorCall[]) => calls.filter((c) => c.activity.type === 'message');
  const questions = () => on.kotae.app.dataSource.getRepository('question').find({ order: { askedAt: 'ASC' } });

  it('answers every fixture below 500 and invokes with 200 or, where the Agents SDK does, 501', async () => {
    const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
    assert.equal(names.length, 32);
    for (const name of names) {
      const payload = fixture(name, on.serviceUrl, { id: `all-${name}` });
      const { status } = await post(payload);
      const expected = payload.type !== 'invoke' ? [200] : [200, 501];
      assert.ok(expected.includes(status), `${name}: ${status}`);
    }
    assert.deepEqual(
      on.kotae.logger.lines.filter((l) => l.level === 'error'),
      [],
    );
  });

  it('answers a channel @mention written as XML/HTML once, in its thread, with the words only', async () => {
    const before = (await questions()).length;
    const { status, calls } = await post(fixture('message-channel-mention-xml.json', on.serviceUrl));
    assert.equal(status, 200);
    const [answer] = messagesOf(calls);
    assert.equal(messagesOf(calls).length, 1);
    assert.equal(answer.conversationId, '19:kotaeHelpdeskChannel0001@thread.tacv2;messageid=1714000000201');
    assert.equal(answer.replyToId, '1714000000201');
    assert.match(cardText(answer), /パスワード/);
    const asked = (await questions()).slice(before);
    assert.deepEqual(
      asked.map((q) => [q.text, q.requesterId, q.channel]),
      [['パスワードを忘れてしまいました。 どうすればいいですか？', '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c02', 'teams']],
    );
  });

  it('answers a reply inside a channel thread once, in that thread', async () => {
    const { status, calls } = await post(fixture('message-channel-thread-reply.json', on.serviceUrl));
    assert.equal(status, 200);
    const sent = messagesOf(calls);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].conversationId, '19:kotaeHelpdeskChannel0001@thread.tacv2;messageid=1714000000300');
    assert.equal(sent[0].replyToId, '1714000000305');
    assert.match(cardText(sent[0]), /共有フォルダ/);
  });

  it('answers once when from.aadObjectId is missing (the Teams user id is the requester)', async () => {
    const before = (await questions()).length;
    const { status, calls } = await post(fixture('message-personal-no-aad.json', on.serviceUrl));
    assert.equal(status, 200);
    assert.equal(messagesOf(calls).length, 1);
    assert.match(cardText(messagesOf(calls)[0]), /パスワード/);
    const asked = (await questions()).slice(before);
    assert.deepEqual(
      asked.map((q) => [q.requesterId, q.requesterName]),
      [['29:1kotaeTestUserNoAadGuest9z8y7x6w', '佐藤 健']],
    );
  });

  it('answers a message whose channelData carries an eventType like any message, once', async () => {
    const { status, calls } = await post(fixture('message-personal-channeldata-eventtype.json', on.serviceUrl));
    assert.equal(status, 200);
    assert.equal(messagesOf(calls).length, 1);
    assert.match(cardText(messagesOf(calls)[0]), /パスワード/);
  });

  for (const name of ['message-channel-mention-only.json', 'message-personal-whitespace.json']) {
    it(`prompts shortly, without a search, for ${name}`, async () => {
      const before = (await questions()).length;
      const { status, calls } = await post(fixture(name, on.serviceUrl));
      assert.equal(status, 200);
      assert.equal(calls.length, 1, JSON.stringify(calls.map((c) => c.activity.type)));
      assert.deepEqual(
        cardOf(calls[0]).body.map((b) => b.text),
        [PROMPT, '担当者の受付時間: 平日 8:30〜17:15（土日祝・年末年始を除く）'],
      );
      assert.equal((await questions()).length, before);
    });
  }

  it('refuses a 30,000-character message with the Japanese length error, once, logging no error', async () => {
    const before = (await questions()).length;
    const text = 'プリンタで印刷できません。'.repeat(2_308).slice(0, 30_000);
    assert.equal(text.length, 30_000);
    const long = fixture('message-personal-long-text.json', on.serviceUrl, {
      text,
      attachments: [{ contentType: 'text/html', content: `<p>${text}</p>` }],
    });
    const { status, calls } = await post(long);
    assert.equal(status, 200);
    const sent = messagesOf(calls);
    assert.equal(sent.length, 1);
    assert.equal(cardText(sent[0]), '質問が長すぎます。2000文字以内で入力してください。');
    assert.equal((await questions()).length, before);
    assert.ok(!on.kotae.logger.lines.some((l) => l.level === 'error'));
  });

  it('keeps a file shared as file.download.info and asks for words, in one message', async () => {
    const payload = fixture('message-personal-file-download-info.json', on.serviceUrl);
    const download = new URL(payload.attachments[0].content.downloadUrl);
    on.connector.files.set(download.pathname + download.search, {
      bytes: Buffer.from('エラー 0x80070005'),
      contentType: 'text/plain',
    });
    const { status, calls } = await post(payload);
    assert.equal(status, 200);
    assert.equal(calls.length, 1);
    assert.equal(
      cardText(calls[0]),
      `「エラー画面.txt」を受け取りました。担当者に問い合わせると、このファイルも引き継がれます。\n${ATTACHMENTS_ONLY}`,
    );
  });

  it('keeps a pasted inline image (no text field) and asks for words, in one message', async () => {
    const path = '/v3/attachments/0-jpe-d7-kotaeinlineimage01/views/original';
    on.connector.files.set(path, { bytes: PNG, contentType: 'image/png' });
    const payload = fixture('message-personal-inline-image.json', on.serviceUrl, { id: 'inline-image-1' });
    assert.equal(payload.attachments[0].contentUrl, new URL(path, on.serviceUrl).toString());
    assert.equal(payload.text, undefined);
    const { status, calls } = await post(payload);
    assert.equal(status, 200);
    assert.ok(on.connector.downloads.some((d) => d.path === path));
    assert.equal(calls.length, 1);
    assert.equal(
      cardText(calls[0]),
      `「image.png」を受け取りました。担当者に問い合わせると、このファイルも引き継がれます。\n${ATTACHMENTS_ONLY}`,
    );
  });

  it('answers a question once; its edit, undelete and soft delete get no reply and no new question', async () => {
    const id = 'edited-1';
    const before = (await questions()).length;
    const asked = await post(fixture('message-personal-long-text.json', on.serviceUrl, { id }));
    assert.equal(messagesOf(asked.calls).length, 1);
    for (const name of [
      'messageUpdate-editMessage-personal.json',
      'messageUpdate-undeleteMessage-personal.json',
      'messageDelete-softDeleteMessage-personal.json',
    ]) {
      const { status, calls } = await post(fixture(name, on.serviceUrl, { id }));
      assert.equal(status, 200, name);
      assert.deepEqual(calls, [], name);
    }
    assert.equal((await questions()).length, before + 1);
  });

  it('answers a question in a channel thread; its edit, undelete and soft delete there get no reply', async () => {
    const id = 'thread-edited-1';
    const before = (await questions()).length;
    const asked = await post(fixture('message-channel-thread-reply.json', on.serviceUrl, { id }));
    assert.equal(messagesOf(asked.calls).length, 1);
    for (const name of [
      'messageUpdate-editMessage-channel-thread.json',
      'messageUpdate-undeleteMessage-channel-thread.json',
      'messageDelete-softDeleteMessage-channel-thread.json',
    ]) {
      const { status, calls } = await post(fixture(name, on.serviceUrl, { id }));
      assert.equal(status, 200, name);
      assert.deepEqual(calls, [], name);
    }
    assert.equal((await questions()).length, before + 1);
  });

  for (const name of [
    'typing-personal.json',
    'messageReaction-added-personal.json',
    'installationUpdate-add-channel.json',
    'installationUpdate-remove-personal.json',
    'conversationUpdate-membersRemoved-personal.json',
    'event-meetingStart.json',
    'event-readReceipt-personal.json',
  ]) {
    it(`acknowledges ${name} with 200 and posts nothing`, async () => {
      const { status, body, calls } = await post(fixture(name, on.serviceUrl));
      assert.equal(status, 200);
      assert.equal(body, '');
      assert.deepEqual(calls, []);
    });
  }

  it('welcomes once when installed in a personal chat (conversationUpdate and installationUpdate)', async () => {
    const added = await post(fixture('conversationUpdate-membersAdded-bot-personal.json', on.serviceUrl));
    const installed = await post(fixture('installationUpdate-add-personal.json', on.serviceUrl));
    assert.deepEqual([added.status, installed.status], [200, 200]);
    const sent = [...added.calls, ...installed.calls];
    assert.equal(sent.length, 1);
    assert.equal(sent[0].conversationId, 'a:1kotaeTestPersonalChatSuzukiIchiroXq9Zr');
    assert.match(cardText(sent[0]), /^Kotae ヘルプデスクへようこそ/);
  });

  it('welcomes once in the channel when added to a team', async () => {
    const { status, calls } = await post(fixture('conversationUpdate-teamMemberAdded-bot.json', on.serviceUrl));
    assert.equal(status, 200);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].conversationId, '19:kotaeHelpdeskChannel0001@thread.tacv2');
    assert.match(cardText(calls[0]), /^Kotae ヘルプデスクへようこそ/);
  });

  it('answers signin/verifyState 200 without a body, as the Agents SDK does, also without a recipient', async () => {
    const invoke = fixture('invoke-signin-verifyState.json', on.serviceUrl);
    const { status, body, calls } = await post(invoke);
    assert.deepEqual([status, body, calls], [200, '', []]);
    delete invoke.recipient;
    const bare = await post({ ...invoke, id: 'signin-2' });
    assert.deepEqual([bare.status, bare.body, bare.calls], [200, '', []]);
  });

  it('acknowledges a fileConsent/invoke for a card Kotae did not send with 200 and no message', async () => {
    const { status, body, calls } = await post(fixture('invoke-fileConsent-decline-foreign.json', on.serviceUrl));
    assert.deepEqual([status, body, calls], [200, '', []]);
  });

  it('answers an Action.Execute of an unknown verb with a Universal Actions message (200)', async () => {
    const { status, body, calls } = await post(fixture('invoke-adaptiveCard-action-unknown-verb.json', on.serviceUrl));
    assert.equal(status, 200);
    assert.deepEqual(body, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'この操作には対応していません。もう一度質問を入力してください。',
    });
    assert.deepEqual(calls, []);
  });

  it('refuses an activity without a conversation id, or whose serviceUrl replies may not go to, with a Japanese 400', async () => {
    const asked = (await questions()).length;
    const message = fixture('message-personal-no-aad.json', on.serviceUrl);
    const cases: [Payload, string][] = [
      [
        { ...message, id: 'no-conversation', conversation: undefined },
        'アクティビティに会話のID（conversation.id）がありません。',
      ],
      [
        { ...message, id: 'empty-conversation', conversation: { ...message.conversation, id: '' } },
        'アクティビティに会話のID（conversation.id）がありません。',
      ],
      [
        { ...message, id: 'metadata-host', serviceUrl: 'http://169.254.169.254/' },
        'アクティビティの serviceUrl は、返信を送ってよい Bot Connector のアドレスではありません。',
      ],
      [
        { ...message, id: 'not-a-url', serviceUrl: 'not a url' },
        'アクティビティの serviceUrl は、返信を送ってよい Bot Connector のアドレスではありません。',
      ],
    ];
    for (const [payload, text] of cases) {
      const { status, body, calls } = await post(payload);
      assert.deepEqual([status, body, calls], [400, { error: 'INPUT_INVALID', message: text }, []], payload.id);
    }
    assert.equal((await questions()).length, asked);
  });

  for (const name of [
    'invoke-task-fetch.json',
    'invoke-composeExtension-query.json',
    'invoke-actionableMessage-executeAction.json',
    'invoke-without-name.json',
  ]) {
    it(`answers ${name} 501 Not Implemented (the Agents SDK's default) and posts nothing`, async () => {
      const { status, body, calls } = await post(fixture(name, on.serviceUrl));
      assert.deepEqual([status, body, calls], [501, '', []]);
    });
  }
});
