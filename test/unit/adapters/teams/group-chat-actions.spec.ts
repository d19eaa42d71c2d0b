import assert from 'node:assert/strict';
import {
  GROUP_MEMBERS,
  groupChatInvoke,
  groupChatMention,
  groupChatSubmit,
  personalEnvelope,
} from '../../../fakes/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../../fakes/teams-harness';
import { cardOf } from '../../../fakes/teams-connector';

type Action = { type: string; title: string; verb: string; data: Record<string, string> };
type InvokeBody = { statusCode: number; type: string; value: unknown };

const REFUSAL = 'このボタンは質問した方のみ操作できます。ご自身の質問はボットにメンションしてお送りください。';
const { hanako, taro } = GROUP_MEMBERS;

describe('Teams endpoint: card actions in a group chat belong to the person who asked', () => {
  let h: TeamsHarness;
  let buttons: Action[];
  beforeEach(async () => {
    h = await startTeamsHarness();
    await h.post(groupChatMention(h.serviceUrl, 'g-1', hanako, 'VPNにつながりません'));
    buttons = (cardOf(h.connector.sent()[0]).actions ?? []) as Action[];
  });
  afterEach(async () => h.close());

  const button = (title: string): Action => {
    const found = buttons.find((b) => b.title === title);
    assert.ok(found, title);
    return found;
  };

  async function press(id: string, who: typeof hanako, action: { verb?: string; data?: unknown }): Promise<InvokeBody> {
    const res = await h.post(groupChatInvoke(h.serviceUrl, id, who, action));
    assert.equal(res.status, 200);
    return res.body as InvokeBody;
  }

  it('refuses another member pressing 担当者に問い合わせる, 解決した or the form submit, and writes nothing', async () => {
    assert.deepEqual(h.helpdesk.asks[0].requester, { id: hanako.aadObjectId, name: hanako.name });
    const refused = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: REFUSAL };
    assert.deepEqual(await press('x-1', taro, button('担当者に問い合わせる')), refused);
    assert.deepEqual(await press('x-2', taro, button('解決した')), refused);
    assert.deepEqual(await press('x-3', taro, button('解決しない')), refused);
    const submit = {
      verb: 'kotae.submit_ticket',
      data: { kotae: 'kotae.submit_ticket', conversationId: 'conv-1', urgency: 'high', details: '私のPCも遅いです' },
    };
    assert.deepEqual(await press('x-4', taro, submit), refused);
    assert.equal(h.helpdesk.escalations.length, 0);
    assert.equal(h.helpdesk.feedbacks.length, 0);
    assert.equal(h.helpdesk.asks.length, 1);
    assert.equal(h.connector.calls.length, 2); // the typing indicator and the answer, nothing since
    assert.equal(h.store.records.size, 1);
    assert.deepEqual(
      h.logger.lines.filter((l) => l.msg.startsWith('teams: card action refused')).map((l) => l.level),
      ['info', 'info', 'info', 'info'],
    );
  });

  it('refuses an Action.Submit from another member with one polite notice in the chat', async () => {
    const value = { kotae: 'kotae.submit_ticket', conversationId: 'conv-1', urgency: 'urgent', details: '至急です' };
    assert.equal((await h.post(groupChatSubmit(h.serviceUrl, 's-1', taro, value))).status, 200);
    assert.equal(h.helpdesk.escalations.length, 0);
    const sent = h.connector.sent();
    assert.equal(sent.length, 2);
    assert.equal(sent[1].replyToId, 's-1');
    assert.deepEqual(cardOf(sent[1]).body, [{ type: 'TextBlock', text: REFUSAL, wrap: true }]);
  });

  it('lets the person who asked use her buttons, and her ticket gets her as requester', async () => {
    const form = await press('o-1', hanako, button('担当者に問い合わせる'));
    assert.equal(form.type, 'application/vnd.microsoft.card.adaptive');
    const submit = (form.value as { actions: Action[] }).actions[0];
    const data = { ...submit.data, urgency: 'normal', details: '朝からVPNに接続できません' };
    const done = await press('o-2', hanako, { verb: submit.verb, data });
    assert.match(JSON.stringify(done.value), /受付番号は HD-2026-000001 です/);
    assert.equal(h.helpdesk.escalations.length, 1);
    assert.deepEqual(h.helpdesk.escalations[0].requester, { id: hanako.aadObjectId, name: hanako.name });
    assert.equal(h.helpdesk.escalations[0].conversationId, 'conv-1');
  });

  it('keeps each member in a conversation of their own: his question, his buttons', async () => {
    await h.post(groupChatMention(h.serviceUrl, 'g-2', taro, 'プリンタが使えません'));
    const his = (cardOf(h.connector.sent()[1]).actions ?? []) as Action[];
    assert.equal(his[0].data.conversationId, 'conv-2');
    const body = await press('t-1', taro, his.find((b) => b.title === '解決した') as Action);
    assert.equal(body.value, 'フィードバックありがとうございました（解決した）');
    assert.deepEqual(
      h.helpdesk.feedbacks.map((f) => f.conversationId),
      ['conv-2'],
    );
    assert.deepEqual(await press('t-2', hanako, his[0]), {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: REFUSAL,
    });
  });

  it('refuses a button naming a conversation of another chat; one of no conversation has expired', async () => {
    await h.post(personalEnvelope(h.serviceUrl, { id: 'p-1', text: 'メールが送れません' }));
    const body = await press('t-3', taro, {
      verb: 'kotae.escalate',
      data: { kotae: 'kotae.escalate', conversationId: 'conv-2' },
    });
    assert.equal(body.value, REFUSAL);
    const unknown = await press('t-4', taro, {
      verb: 'kotae.escalate',
      data: { kotae: 'kotae.escalate', conversationId: 'conv-9' },
    });
    assert.equal(unknown.value, 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。');
  });
});
