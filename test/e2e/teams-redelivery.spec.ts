/**
 * Teams activity ids are unique only within a conversation (message ids are epoch milliseconds): the real
 * app (SQLite, the shared processed-activity table) answers the same id in two chats once each, and a
 * redelivery in the same chat once; a redelivered welcome is sent once; a message it could not reply to
 * (no serviceUrl, no recipient) is refused with 400 up front; a button of a conversation that no longer
 * exists says that it expired. All against the loopback Bot Connector.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionExecuteInvoke, personalEnvelope, type Payload } from '../fakes/teams-activities';
import { cardOf, type ConnectorCall } from '../fakes/teams-connector';
import { postJson } from '../helpers/start-app';
import { teamsOnApp } from '../helpers/teams-on-app';

const FIXTURES = join(__dirname, '..', 'fixtures', 'teams-extra');
const EXPIRED = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';
const SAME_ID = '1714000099999';
/** A second member's personal chat with the bot (fictional). */
const OTHER_CHAT = {
  from: {
    id: '29:1kotaeOtherUserTanakaHanako',
    name: '田中 花子',
    aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002',
  },
  conversation: { conversationType: 'personal', tenantId: 't-1', id: 'a:1kotaeOtherPersonalChatTanaka' },
};

function fixture(name: string, serviceUrl: string, overrides: Payload = {}): Payload {
  const text = readFileSync(join(FIXTURES, name), 'utf8').replaceAll('https://smba.trafficmanager.net/jp/', serviceUrl);
  const payload = JSON.parse(text) as Payload;
  delete payload._source;
  return { ...payload, ...overrides };
}

const cardText = (call: ConnectorCall): string =>
  cardOf(call)
    .body.map((b) => b.text ?? '')
    .join('\n');

describe('end to end: Teams redelivery per conversation, welcome once, unanswerable activities, expired buttons', function () {
  this.timeout(120_000);
  const on = teamsOnApp();

  /** Posts `payload`; returns the status, body and the messages the connector received meanwhile. */
  async function post(payload: Payload): Promise<{ status: number; body: any; sent: ConnectorCall[] }> {
    const from = on.connector.calls.length;
    const res = await postJson(on.endpoint, payload);
    const sent = on.connector.calls.slice(from).filter((c) => c.activity.type === 'message');
    return { ...res, sent };
  }
  const problems = () => on.kotae.logger.lines.filter((l) => l.level === 'warn' || l.level === 'error');

  it('answers the same message id in two personal chats once each, and each redelivery not at all', async () => {
    const first = personalEnvelope(on.serviceUrl, { id: SAME_ID, text: 'VPNにつながりません' });
    const second = personalEnvelope(on.serviceUrl, { id: SAME_ID, text: 'パスワードを忘れました', ...OTHER_CHAT });
    const a = await post(first);
    const b = await post(second);
    assert.deepEqual([a.status, b.status], [200, 200]);
    assert.equal(a.sent.length, 1);
    assert.equal(b.sent.length, 1);
    assert.equal(a.sent[0].conversationId, (first.conversation as { id: string }).id);
    assert.equal(b.sent[0].conversationId, OTHER_CHAT.conversation.id);
    assert.match(cardText(b.sent[0]), /パスワード/);

    const again = [await post(first), await post(second)];
    assert.deepEqual(
      again.map((r) => [r.status, r.sent.length]),
      [
        [200, 0],
        [200, 0],
      ],
    );
    const questions = await on.kotae.app.dataSource.getRepository('question').find();
    assert.equal(questions.length, 2);
    const claimed = (await on.kotae.app.dataSource.getRepository('processed_activity').find()) as {
      activityId: string;
    }[];
    assert.deepEqual(claimed.map((r) => r.activityId).sort(), [
      `teams:${(first.conversation as { id: string }).id}|${SAME_ID}`,
      `teams:${OTHER_CHAT.conversation.id}|${SAME_ID}`,
    ]);
  });

  it('answers the same card invoke id in two chats with each its own form, and a redelivery with the same body', async () => {
    const asked = await post(personalEnvelope(on.serviceUrl, { id: 'inv-q-1', text: 'VPNにつながりません' }));
    const other = await post(
      personalEnvelope(on.serviceUrl, { id: 'inv-q-2', text: 'VPNにつながりません', ...OTHER_CHAT }),
    );
    type Action = { title: string; verb: string; data: Record<string, string> };
    const escalate = (call: ConnectorCall) => {
      const found = (cardOf(call).actions as Action[] | undefined)?.find((x) => x.title === '担当者に問い合わせる');
      assert.ok(found, cardText(call));
      return found;
    };
    const mine = escalate(asked.sent[0]);
    const theirs = escalate(other.sent[0]);
    assert.notEqual(mine.data.conversationId, theirs.data.conversationId);
    const pressA = actionExecuteInvoke(on.serviceUrl, 'f:1714000088888', mine);
    const pressB = { ...actionExecuteInvoke(on.serviceUrl, 'f:1714000088888', theirs), ...OTHER_CHAT };
    const a = await post(pressA);
    const b = await post(pressB);
    assert.deepEqual([a.status, b.status], [200, 200]);
    const formOf = (body: any) => body.value as { actions: { data: { conversationId: string } }[] };
    assert.equal(formOf(a.body).actions[0].data.conversationId, mine.data.conversationId);
    assert.equal(formOf(b.body).actions[0].data.conversationId, theirs.data.conversationId);
    const redelivered = await post(pressB);
    assert.deepEqual(redelivered.body, b.body);
    assert.equal(a.sent.length + b.sent.length + redelivered.sent.length, 0);
  });

  it('sends one welcome for a redelivered conversationUpdate, and one for the same id in another chat', async () => {
    const added = fixture('conversationUpdate-membersAdded-bot-personal.json', on.serviceUrl);
    const first = await post(added);
    const again = await post(added);
    const elsewhere = await post({ ...added, conversation: { ...OTHER_CHAT.conversation } });
    assert.deepEqual(
      [first, again, elsewhere].map((r) => [r.status, r.sent.length]),
      [
        [200, 1],
        [200, 0],
        [200, 1],
      ],
    );
    assert.equal(cardOf(first.sent[0]).body[0].text, 'Kotae ヘルプデスクへようこそ');
    assert.equal(elsewhere.sent[0].conversationId, OTHER_CHAT.conversation.id);
  });

  it('refuses a message without serviceUrl or recipient with a Japanese 400, sends nothing, logs no failure', async () => {
    const before = problems().length;
    const noServiceUrl = personalEnvelope(on.serviceUrl, { id: 'no-svc-1', text: 'VPNにつながりません' });
    delete noServiceUrl.serviceUrl;
    const noRecipient = personalEnvelope(on.serviceUrl, { id: 'no-rcp-1', text: 'VPNにつながりません' });
    delete noRecipient.recipient;
    const emptyRecipient = personalEnvelope(on.serviceUrl, {
      id: 'no-rcp-2',
      text: 'VPN',
      recipient: { name: 'Kotae' },
    });
    const a = await post(noServiceUrl);
    const b = await post(noRecipient);
    const c = await post(emptyRecipient);
    assert.deepEqual(
      [a, b, c].map((r) => [r.status, r.sent.length]),
      [
        [400, 0],
        [400, 0],
        [400, 0],
      ],
    );
    assert.deepEqual(a.body, {
      error: 'INPUT_INVALID',
      message: 'アクティビティに返信先の Bot Connector のアドレス（serviceUrl）がありません。',
    });
    assert.deepEqual(b.body, {
      error: 'INPUT_INVALID',
      message: 'アクティビティに宛先のボット（recipient.id）がありません。',
    });
    assert.deepEqual(c.body, b.body);
    assert.deepEqual(problems().slice(before), []);
    // A documented invoke without serviceUrl or recipient is still answered (in the HTTP response).
    const invoke = actionExecuteInvoke(on.serviceUrl, 'inv-no-svc', { verb: 'kotae.bogus', data: {} });
    delete invoke.serviceUrl;
    delete invoke.recipient;
    const answered = await post(invoke);
    assert.equal(answered.status, 200);
  });

  it('tells a personal-chat user that a button of a conversation that no longer exists has expired', async () => {
    const executes = [
      { verb: 'kotae.resolved', data: { kotae: 'kotae.resolved', conversationId: 'nope' } },
      { verb: 'kotae.escalate', data: { kotae: 'kotae.escalate', conversationId: 'nope' } },
    ];
    for (const [i, action] of executes.entries()) {
      const res = await post(actionExecuteInvoke(on.serviceUrl, `f:expired-${i}`, action));
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: EXPIRED,
      });
      assert.equal(res.sent.length, 0);
    }
    const submit = personalEnvelope(on.serviceUrl, {
      id: 'expired-submit-1',
      text: undefined,
      value: { kotae: 'kotae.escalate', conversationId: 'nope' },
    });
    const res = await post(submit);
    assert.equal(res.status, 200);
    assert.equal(res.sent.length, 1);
    assert.deepEqual(cardOf(res.sent[0]).body, [{ type: 'TextBlock', text: EXPIRED, wrap: true }]);
    assert.equal(await on.kotae.app.dataSource.getRepository('ticket').count(), 0);
  });
});
