import assert from 'node:assert/strict';
import { GROUP_MEMBERS, groupChatInvoke, groupChatMention, groupChatSubmit } from '../fakes/teams-activities';
import { cardOf, type SentCard } from '../fakes/teams-connector';
import { postJson } from '../helpers/start-app';
import { teamsOnApp } from '../helpers/teams-on-app';

type Action = { type: string; title: string; verb: string; data: Record<string, string> };
type Invoke = { type: string; value: unknown };

const REFUSAL = 'このボタンは質問した方のみ操作できます。ご自身の質問はボットにメンションしてお送りください。';
const { hanako, taro } = GROUP_MEMBERS;

/**
 * A Teams group chat on the real app (its own /api/messages, SQLite, sample knowledge base) and a loopback
 * Bot Connector: only the person who asked may use her card; the operator's reply keeps its lines;
 * her feedback keeps the answer.
 */
describe('end to end: Teams group chat, card owner, operator reply and feedback', function () {
  this.timeout(120_000);
  const on = teamsOnApp();

  const ticketCount = async (): Promise<number> => on.kotae.app.dataSource.getRepository('ticket').count();
  const invoke = async (id: string, who: typeof hanako, action: { verb?: string; data?: unknown }): Promise<Invoke> => {
    const res = await postJson(on.endpoint, groupChatInvoke(on.serviceUrl, id, who, action));
    assert.equal(res.status, 200);
    return res.body as Invoke;
  };

  it('refuses the other member, serves the asker, delivers the reply line by line and keeps the answer', async () => {
    assert.equal(
      (await postJson(on.endpoint, groupChatMention(on.serviceUrl, 'g-1', hanako, 'パスワードを忘れてしまいました')))
        .status,
      200,
    );
    const answer = cardOf(on.connector.sent()[0]);
    const buttons = (answer.actions ?? []) as Action[];
    const escalate = buttons.find((b) => b.title === '担当者に問い合わせる');
    assert.ok(escalate, JSON.stringify(answer));

    // Taro presses Hanako's buttons: a polite refusal shown to him only, nothing written.
    const refused = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: REFUSAL };
    assert.deepEqual(await invoke('t-1', taro, escalate), refused);
    const forged = { ...escalate.data, kotae: 'kotae.submit_ticket', urgency: 'high', details: '私の件です' };
    assert.deepEqual(await invoke('t-2', taro, { verb: 'kotae.submit_ticket', data: forged }), refused);
    assert.equal((await postJson(on.endpoint, groupChatSubmit(on.serviceUrl, 't-3', taro, forged))).status, 200);
    assert.equal(cardOf(on.connector.sent().at(-1) ?? on.connector.sent()[0]).body[0].text, REFUSAL);
    assert.equal(await ticketCount(), 0);

    // Hanako escalates: the ticket is hers.
    const form = await invoke('h-1', hanako, escalate);
    const submit = (form.value as { actions: Action[] }).actions[0];
    const data = { ...submit.data, urgency: 'normal', details: '再設定のメールが届きません' };
    const done = await invoke('h-2', hanako, { verb: submit.verb, data });
    const number = /受付番号は (\S+) です/.exec(JSON.stringify(done.value))?.[1];
    assert.ok(number, JSON.stringify(done));
    assert.equal(await ticketCount(), 1);
    const ticket = await on.kotae.app.operators.ticketService.get(number);
    assert.deepEqual([ticket.requester.id, ticket.requester.name], [hanako.aadObjectId, hanako.name]);

    // The operator answers in two lines: three lines arrive (header, two lines of the body).
    const before = on.connector.calls.length;
    await on.kotae.app.operators.ticketService.reply(
      number,
      '再設定メールを再送しました。\n迷惑メールフォルダもご確認ください。',
      'operator',
    );
    const delivered = on.connector.calls.slice(before);
    assert.equal(delivered.length, 1);
    assert.equal(delivered[0].conversationId, '19:kotae-test-group@thread.v2');
    assert.deepEqual(cardOf(delivered[0]).body, [
      { type: 'TextBlock', text: `【ヘルプデスクからの回答】${number}`, wrap: true },
      { type: 'TextBlock', text: '再設定メールを再送しました。', wrap: true, spacing: 'None' },
      { type: 'TextBlock', text: '迷惑メールフォルダもご確認ください。', wrap: true, spacing: 'None' },
    ]);

    // Her 解決した on the answer: the same answer, the feedback under it, nothing else sent.
    const resolved = buttons.find((b) => b.title === '解決した') as Action;
    const callsBefore = on.connector.calls.length;
    const feedback = await invoke('h-3', hanako, resolved);
    assert.equal(feedback.type, 'application/vnd.microsoft.card.adaptive');
    const updated = feedback.value as SentCard;
    assert.deepEqual(updated.body.slice(0, answer.body.length), answer.body);
    assert.equal(updated.body[answer.body.length].text, 'フィードバックありがとうございました（解決した）');
    assert.equal(updated.actions, undefined);
    assert.equal(on.connector.calls.length, callsBefore);
  });
});
