/**
 * Teams payloads real clients send beyond test/fixtures/teams-extra (test/fixtures/teams-extra/clients, each
 * modelled on the document or SDK code its `_source` names): formatted text, quoted replies, a message without
 * `text`, card submissions, null fields, a malformed mention, unicode edge cases, 100 kB, locale and time zone,
 * invokes and activity types Kotae does not handle, group-chat membership and meeting events, edits and deletes of
 * messages never seen. Replayed against the real app (SQLite, sample knowledge base) and a loopback Bot
 * Connector; every case asserts the status, the body and exactly what was posted and stored.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardOf, type ConnectorCall } from '../fakes/teams-connector';
import { postJson } from '../helpers/start-app';
import { teamsOnApp } from '../helpers/teams-on-app';

const FIXTURES = join(__dirname, '..', 'fixtures', 'teams-extra', 'clients');
const PROMPT = [
  'ご質問の内容を文章で入力してください（例: 「パスワードを忘れました」）。',
  '担当者の受付時間: 平日 8:30〜17:15（土日祝・年末年始を除く）',
];
const UNKNOWN_ACTION = 'この操作には対応していません。もう一度質問を入力してください。';
const TOO_LONG = '質問が長すぎます。2000文字以内で入力してください。';

type Payload = Record<string, any>;
let chats = 0;

/** A fixture as a client posts it: no `_source`, the Bot Connector URL pointed at the loopback fake. */
function fixture(name: string, serviceUrl: string, overrides: Payload = {}): Payload {
  const text = readFileSync(join(FIXTURES, name), 'utf8').replaceAll('https://smba.trafficmanager.net/jp/', serviceUrl);
  const payload = JSON.parse(text) as Payload;
  delete payload._source;
  return { ...payload, ...overrides };
}

/** The same fixture in a personal chat of its own (no earlier answer to read it as a follow-up of). */
function ownChat(payload: Payload): Payload {
  chats += 1;
  return { ...payload, conversation: { ...payload.conversation, id: `${payload.conversation.id}-${chats}` } };
}

const cardText = (call: ConnectorCall): string[] => cardOf(call).body.map((b) => b.text ?? '');

describe('end to end: Teams payloads of real clients (test/fixtures/teams-extra/clients)', function () {
  this.timeout(120_000);
  const on = teamsOnApp();

  async function post(payload: Payload): Promise<{ status: number; body: unknown; calls: ConnectorCall[] }> {
    const before = on.connector.calls.length;
    const res = await postJson(`${on.kotae.url}/api/messages`, payload);
    return { ...res, calls: on.connector.calls.slice(before) };
  }
  const messagesOf = (calls: ConnectorCall[]) => calls.filter((c) => c.activity.type === 'message');
  const questions = () => on.kotae.app.dataSource.getRepository('question').find({ order: { askedAt: 'ASC' } });

  /** Posts a message; expects 200, exactly one answer card, and exactly one new question with `text`. */
  async function answeredOnce(payload: Payload, text: string): Promise<ConnectorCall> {
    const before = (await questions()).length;
    const { status, body, calls } = await post(payload);
    assert.deepEqual([status, body], [200, '']);
    const sent = messagesOf(calls);
    assert.equal(sent.length, 1, JSON.stringify(sent.map(cardText)));
    assert.notDeepEqual(cardText(sent[0]), PROMPT);
    const asked = (await questions()).slice(before);
    assert.deepEqual(
      asked.map((q) => [q.text, q.channel]),
      [[text, 'teams']],
    );
    return sent[0];
  }

  /** Posts a message; expects 200, exactly one 「文章で入力してください」 prompt, and no question. */
  async function promptedOnce(payload: Payload): Promise<void> {
    const before = (await questions()).length;
    const { status, body, calls } = await post(payload);
    assert.deepEqual([status, body], [200, '']);
    assert.deepEqual(calls.map(cardText), [PROMPT]);
    assert.equal((await questions()).length, before);
  }

  it('replays every fixture with 200, or 501 for the invokes the Agents SDK has no handler for', async () => {
    const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
    assert.equal(names.length, 28);
    for (const name of names) {
      const payload = ownChat(fixture(name, on.serviceUrl, { id: `sweep-${name}` }));
      const { status } = await post(payload);
      const expected = payload.type === 'invoke' && payload.name !== 'adaptiveCard/action' ? 501 : 200;
      assert.equal(status, expected, name);
    }
  });

  it('reads a group-chat message formatted as HTML (<p>, <br>, &nbsp;, <at>) as its words, once', async () => {
    const sent = await answeredOnce(
      fixture('message-groupchat-html-formatted.json', on.serviceUrl),
      'パスワードを忘れてしまいました。 どうすればいいですか？ 急いでいます。',
    );
    assert.deepEqual([sent.conversationId, sent.replyToId], ['19:kotaeTestGroupChat0001@thread.v2', '1714000000801']);
  });

  it('asks a quoted reply without the quoted message (quotedReply entity, and the older blockquote body)', async () => {
    await answeredOnce(
      ownChat(fixture('message-personal-quoted-reply.json', on.serviceUrl)),
      '自宅からVPNにつながりません',
    );
    // Before: the quoted printer answer was searched with the question and answered instead of it.
    const legacy = await answeredOnce(
      ownChat(fixture('message-personal-quoted-reply-legacy.json', on.serviceUrl)),
      '自宅からVPNにつながりません',
    );
    assert.match(cardText(legacy)[0], /VPN/);
    const thread = await answeredOnce(
      fixture('message-channel-quoted-reply-legacy.json', on.serviceUrl),
      '共有フォルダにアクセスできません',
    );
    assert.deepEqual(
      [thread.conversationId, thread.replyToId],
      ['19:kotaeHelpdeskChannel0001@thread.tacv2;messageid=1714000000800', '1714000000805'],
    );
  });

  it('prompts once for a quote without words, emoji only, and an Action.Submit of a card that is not Kotae’s', async () => {
    await promptedOnce(ownChat(fixture('message-personal-quoted-only.json', on.serviceUrl)));
    await promptedOnce(ownChat(fixture('message-personal-emoji-only.json', on.serviceUrl)));
    await promptedOnce(ownChat(fixture('message-personal-submit-foreign-value.json', on.serviceUrl)));
  });

  it('reads a message without `text` from its formatted body, once', async () => {
    await answeredOnce(
      ownChat(fixture('message-personal-html-body-only.json', on.serviceUrl)),
      '自宅からVPNにつながりません',
    );
  });

  it('answers a 1:1 message whose mention entity has no `mentioned` (before: システムエラー), once', async () => {
    await answeredOnce(
      ownChat(fixture('message-personal-mention-without-mentioned.json', on.serviceUrl)),
      'Kotae パスワードを忘れました',
    );
    const named = ownChat(
      fixture('message-personal-mention-without-mentioned.json', on.serviceUrl, {
        id: 'mention-without-text',
        entities: [{ type: 'mention', mentioned: { id: '28:4c1e6f2a-7d3b-4e59-9a10-2f8c5b7d9e01', name: 'Kotae' } }],
      }),
    );
    await answeredOnce(named, 'パスワードを忘れました');
  });

  it('answers a message whose unset fields are JSON null (before: 400), the Teams user id as requester', async () => {
    const before = (await questions()).length;
    await answeredOnce(ownChat(fixture('message-personal-null-fields.json', on.serviceUrl)), 'パスワードを忘れました');
    const [asked] = (await questions()).slice(before);
    assert.deepEqual([asked.requesterId, asked.requesterName], ['29:1kotaeTestUserYamadaHanako7c8d9e0f', '山田 花子']);
    const typing = await post({ type: 'typing', id: 'typing-null', text: null, ...typingEnvelope(on.serviceUrl) });
    assert.deepEqual([typing.status, typing.body, typing.calls], [200, '', []]);
  });

  it('answers in Japanese whatever the client’s locale and time zone', async () => {
    const sent = await answeredOnce(
      ownChat(fixture('message-personal-locale-timezone.json', on.serviceUrl)),
      'パスワードを忘れました',
    );
    assert.match(cardText(sent)[0], /パスワードリセット申請フォーム/);
  });

  it('asks a text with an emoji ZWJ sequence, a lone surrogate and a NUL once, without the broken characters', async () => {
    await answeredOnce(ownChat(fixture('message-personal-unicode.json', on.serviceUrl)), 'パスワードを忘れました🙇‍♂️');
  });

  it('refuses 100 kB of text (with its HTML copy) once with the length message; 25,000 `<at>` get the prompt', async () => {
    const before = (await questions()).length;
    const text = 'プリンタで印刷できません。'.repeat(2_700).slice(0, 34_000);
    assert.ok(Buffer.byteLength(text) >= 100_000);
    const long = ownChat(
      fixture('message-personal-locale-timezone.json', on.serviceUrl, {
        id: 'hundred-kb',
        text,
        attachments: [{ contentType: 'text/html', content: `<p>${text}</p>` }],
      }),
    );
    const { status, calls } = await post(long);
    assert.equal(status, 200);
    assert.deepEqual(messagesOf(calls).map(cardText), [[TOO_LONG]]);
    await promptedOnce(
      ownChat(
        fixture('message-personal-locale-timezone.json', on.serviceUrl, { id: 'many-at', text: '<at>'.repeat(25_000) }),
      ),
    );
    assert.equal((await questions()).length, before);
  });

  it('takes an Action.Submit sent as messageBack (text and value) as the button, not as a question', async () => {
    const chat = ownChat(fixture('message-personal-locale-timezone.json', on.serviceUrl, { id: 'mb-question' }));
    const answer = await answeredOnce(chat, 'パスワードを忘れました');
    const resolved = cardOf(answer).actions?.find((a) => a.verb === 'kotae.resolved');
    assert.ok(resolved);
    const before = (await questions()).length;
    const feedback = await on.kotae.app.dataSource.getRepository('feedback').count();
    const submit = fixture('message-personal-submit-messageback.json', on.serviceUrl, {
      conversation: chat.conversation,
      value: resolved.data,
    });
    const { status, calls } = await post(submit);
    assert.equal(status, 200);
    assert.deepEqual(messagesOf(calls).map(cardText), [
      ['フィードバックありがとうございました（解決した）', 'ご回答ありがとうございました。お役に立ててうれしいです。'],
    ]);
    assert.equal((await questions()).length, before);
    assert.equal(await on.kotae.app.dataSource.getRepository('feedback').count(), feedback + 1);
  });

  for (const name of [
    'invoke-config-fetch.json',
    'invoke-task-submit.json',
    'invoke-message-submitAction.json',
    'invoke-composeExtension-submitAction.json',
    'invoke-tab-fetch.json',
  ]) {
    it(`answers ${name} 501 Not Implemented, as the Agents SDK does, and posts nothing`, async () => {
      const { status, body, calls } = await post(fixture(name, on.serviceUrl));
      assert.deepEqual([status, body, calls], [501, '', []]);
    });
  }

  it('answers an adaptiveCard/action that is not an Action.Execute with the Universal Actions message (200)', async () => {
    const { status, body, calls } = await post(fixture('invoke-adaptiveCard-action-submit-type.json', on.serviceUrl));
    assert.deepEqual(
      [status, body, calls],
      [200, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: UNKNOWN_ACTION }, []],
    );
  });

  it('acknowledges activity types it does not act on with 200 and posts nothing', async () => {
    const envelope = fixture('message-personal-locale-timezone.json', on.serviceUrl);
    delete envelope.text;
    for (const type of [
      'handoff',
      'endOfConversation',
      'command',
      'commandResult',
      'trace',
      'suggestion',
      'contactRelationUpdate',
      'deleteUserData',
      'kotaeUnknownType',
    ]) {
      const { status, body, calls } = await post({ ...envelope, id: `type-${type}`, type });
      assert.deepEqual([status, body, calls], [200, '', []], type);
    }
  });

  it('welcomes a group chat once when the bot is added; members, removal, upgrade and meetings get nothing', async () => {
    const added = fixture('conversationUpdate-groupchat-bot-added.json', on.serviceUrl);
    const first = await post(added);
    assert.equal(first.status, 200);
    assert.equal(first.calls.length, 1);
    assert.equal(first.calls[0].conversationId, '19:kotaeTestGroupChat0001@thread.v2');
    assert.equal(cardText(first.calls[0])[0], 'Kotae ヘルプデスクへようこそ');
    for (const payload of [
      added, // redelivered
      fixture('conversationUpdate-groupchat-member-added.json', on.serviceUrl),
      fixture('conversationUpdate-groupchat-bot-removed.json', on.serviceUrl),
      fixture('installationUpdate-add-upgrade-groupchat.json', on.serviceUrl),
      fixture('event-meetingEnd.json', on.serviceUrl),
      fixture('event-meetingParticipantJoin.json', on.serviceUrl),
    ]) {
      const { status, body, calls } = await post(payload);
      assert.deepEqual([status, body, calls], [200, '', []], payload.type);
    }
  });

  it('acknowledges edits, deletes and undeletes of messages it never received, writing and posting nothing', async () => {
    const before = (await questions()).length;
    const comments = await on.kotae.app.dataSource.getRepository('ticket_comment').count();
    for (const name of [
      'messageUpdate-editMessage-groupchat-unknown.json',
      'messageDelete-softDeleteMessage-groupchat-unknown.json',
      'messageUpdate-undeleteMessage-groupchat-unknown.json',
    ]) {
      for (const id of ['1714000000999', '1714000000998']) {
        const { status, body, calls } = await post(fixture(name, on.serviceUrl, { id }));
        assert.deepEqual([status, body, calls], [200, '', []], name);
      }
    }
    assert.equal((await questions()).length, before);
    assert.equal(await on.kotae.app.dataSource.getRepository('ticket_comment').count(), comments);
  });

  it('logged no error for any of these payloads', () => {
    assert.deepEqual(
      on.kotae.logger.lines.filter((l) => l.level === 'error'),
      [],
    );
  });
});

/** A personal chat's envelope (sender name JSON null) for an activity without words. */
function typingEnvelope(serviceUrl: string): Payload {
  return {
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:1kotaeTestUserYamadaHanako7c8d9e0f', name: null },
    conversation: { conversationType: 'personal', id: 'a:1kotaeTestPersonalChatYamadaHanakoPq7Rs-typing' },
    recipient: { id: '28:4c1e6f2a-7d3b-4e59-9a10-2f8c5b7d9e01', name: 'Kotae' },
  };
}
