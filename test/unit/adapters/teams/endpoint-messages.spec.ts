import assert from 'node:assert/strict';
import { channelMention, personalEnvelope, replayable } from '../../../fakes/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../../fakes/teams-harness';
import { cardOf, type SentCard } from '../../../fakes/teams-connector';

const cardText = (card: SentCard): string => card.body.map((b) => b.text ?? '').join('\n');

describe('Teams endpoint: messages', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => h.close());

  it('answers a personal message with an Adaptive Card: answer, sources, three buttons', async () => {
    const res = await h.post(replayable('message-personal-with-tenant-aad.json', h.serviceUrl));
    assert.equal(res.status, 200);
    assert.equal(h.helpdesk.asks.length, 1);
    const ask = h.helpdesk.asks[0];
    assert.equal(ask.channel, 'teams');
    assert.equal(ask.text, 'Hello Teams TestBot.Sending bold-italic rich text');
    assert.deepEqual(ask.requester, { id: '7faf8ab2-3d56-4244-b585-20c8a42ed2b8', name: 'Megan Bowen' });
    assert.equal(ask.conversationId, 'conv-1');
    const ref = JSON.parse(ask.channelRef ?? '{}') as {
      serviceUrl: string;
      conversation: { id: string };
      activityId?: string;
    };
    assert.equal(ref.serviceUrl, h.serviceUrl);
    assert.match(ref.conversation.id, /^a:17I0kl9/);
    assert.equal(ref.activityId, undefined);

    const [reply] = h.connector.sent();
    assert.equal(reply.replyToId, '1485983408511');
    assert.match(reply.conversationId, /^a:17I0kl9/);
    const card = cardOf(reply);
    assert.match(cardText(card), /VPNに接続できない場合は/);
    assert.match(cardText(card), /参考にした資料/);
    assert.match(cardText(card), /\[VPN接続手順書\]\(https:\/\/kb\.example\.lg\.jp\/vpn\/manual\)/);
    assert.match(cardText(card), /- 在宅勤務FAQ/);
    assert.deepEqual(
      card.actions?.map((a) => [a.type, a.title]),
      [
        ['Action.Execute', '解決した'],
        ['Action.Execute', '解決しない'],
        ['Action.Execute', '担当者に問い合わせる'],
      ],
    );
    assert.deepEqual(card.actions?.[2].data, { kotae: 'kotae.escalate', conversationId: 'conv-1' });
    assert.equal(h.store.records.get('conv-1')?.channel, 'teams');
  });

  it('keeps one conversation per Teams chat and user', async () => {
    await h.post(personalEnvelope(h.serviceUrl, { id: 'm-1', text: 'VPNにつながりません' }));
    await h.post(personalEnvelope(h.serviceUrl, { id: 'm-2', text: 'プリンタが使えません' }));
    assert.deepEqual(
      h.helpdesk.asks.map((a) => a.conversationId),
      ['conv-1', 'conv-1'],
    );
    assert.equal(h.store.records.size, 1);
  });

  it('answers a redelivered message only once', async () => {
    const message = personalEnvelope(h.serviceUrl, { id: 'dup-1', text: 'パスワードを忘れました' });
    const [a, b] = [await h.post(message), await h.post(message)];
    assert.deepEqual([a.status, b.status], [200, 200]);
    assert.equal(h.helpdesk.asks.length, 1);
    assert.equal(h.connector.sent().length, 1);
  });

  it('strips the @mention in a channel and answers in the thread', async () => {
    const res = await h.post(channelMention(h.serviceUrl, 'c-1', '共有フォルダに入れません'));
    assert.equal(res.status, 200);
    assert.equal(h.helpdesk.asks[0].text, '共有フォルダに入れません');
    assert.equal(h.connector.sent()[0].conversationId, '19:aaa@thread.skype;messageid=1481567603816');
  });

  it('ignores channel messages that do not mention the bot', async () => {
    const res = await h.post(channelMention(h.serviceUrl, 'c-2', '今日の会議は何時から？', false));
    assert.equal(res.status, 200);
    assert.equal(h.helpdesk.asks.length, 0);
    assert.equal(h.connector.calls.length, 0);
  });

  it('ignores group chat messages without a mention', async () => {
    const message = personalEnvelope(h.serviceUrl, {
      id: 'g-1',
      text: 'おつかれさまです',
      conversation: { isGroup: true, conversationType: 'groupChat', id: '19:group@thread.v2' },
    });
    assert.equal((await h.post(message)).status, 200);
    assert.equal(h.helpdesk.asks.length, 0);
  });

  it('knows a channel thread by its 19: id when the payload has no conversationType (older clients)', async () => {
    const other = { id: '29:colleague', name: '沼田 花子' };
    const base = channelMention(h.serviceUrl, 't-1', '');
    const untyped = (id: string, text: string, mentioned: { id: string; name: string }): Record<string, unknown> => ({
      ...base,
      id,
      text,
      conversation: { id: '19:bbb@thread.skype;messageid=1' },
      entities: [{ type: 'mention', mentioned, text: `<at>${mentioned.name}</at>` }],
      channelData: undefined,
    });
    await h.post(untyped('t-1', `<at>${other.name}</at> 資料を確認してください`, other));
    assert.equal(h.helpdesk.asks.length, 0);
    const bot = base.recipient as { id: string; name: string };
    await h.post(untyped('t-2', `<at>${bot.name}</at> VPNにつながりません`, bot));
    assert.equal(h.helpdesk.asks[0]?.text, 'VPNにつながりません');
  });

  it('asks for words, without searching, when only the mention is left', async () => {
    await h.post(channelMention(h.serviceUrl, 'c-3', ''));
    assert.equal(h.helpdesk.asks.length, 0);
    assert.equal(h.connector.sent().length, 1);
    assert.match(cardText(cardOf(h.connector.sent()[0])), /^ご質問の内容を文章で入力してください/);
    assert.match(cardText(cardOf(h.connector.sent()[0])), /受付時間: 平日 8:30〜17:15/);
  });

  it('asks for words, without searching, when a message holds only emoji or punctuation', async () => {
    await h.post(personalEnvelope(h.serviceUrl, { id: 'emoji-1', text: '🙏🙏 ？？' }));
    assert.equal(h.helpdesk.asks.length, 0);
    assert.equal(h.connector.sent().length, 1);
    assert.match(cardText(cardOf(h.connector.sent()[0])), /^ご質問の内容を文章で入力してください/);
  });

  it('asks for text when a message carries only an image or a file', async () => {
    const res = await h.post(
      personalEnvelope(h.serviceUrl, {
        id: 'img-1',
        text: '',
        attachments: [
          { contentType: 'image/*', contentUrl: `${h.serviceUrl}/v3/attachments/img-1/views/original` },
          { contentType: 'text/html', content: '<div><img src="x" /></div>' },
        ],
      }),
    );
    assert.equal(res.status, 200);
    assert.equal(h.helpdesk.asks.length, 0);
    assert.match(cardText(cardOf(h.connector.sent()[0])), /文章で入力してください/);
  });

  it('asks the words of a message whose text came as HTML', async () => {
    await h.post(
      personalEnvelope(h.serviceUrl, {
        id: 'html-1',
        text: '<p>共有フォルダに&nbsp;<b>アクセスできません</b></p><p>A&amp;B課です</p>',
      }),
    );
    assert.equal(h.helpdesk.asks[0]?.text, '共有フォルダに アクセスできません A&B課です');
  });

  it('tells the user in Japanese when the helpdesk fails', async () => {
    h.helpdesk.failWith = new Error('knowledge base down');
    const res = await h.post(personalEnvelope(h.serviceUrl, { id: 'f-1', text: 'メールが送れません' }));
    assert.equal(res.status, 200);
    assert.match(cardText(cardOf(h.connector.sent()[0])), /システムエラーが発生しました/);
    assert.ok(h.logger.lines.some((l) => l.level === 'error' && l.msg === 'teams: turn failed'));
  });
});
