import assert from 'node:assert/strict';
import { HelpdeskService } from '../../../../bot';
import { SystemClock } from '../../../../core/clock';
import { actionExecuteInvoke, personalEnvelope } from '../../../fakes/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../../fakes/teams-harness';
import { cardOf, type SentCard } from '../../../fakes/teams-connector';
import { FakeConversationStore } from '../../../fakes/teams-conversation-store';
import { FakeKnowledge, faqChunk } from '../../../fakes/fake-knowledge';
import { InMemoryTicketStore } from '../../../fakes/in-memory-ticket-store';

type Action = { type: string; title: string; verb: string; data: Record<string, string> };
type InvokeBody = { statusCode: number; type: string; value: unknown };

const knowledge = new FakeKnowledge([
  {
    match: 'VPN',
    confidence: 0.9,
    chunk: faqChunk(
      'FAQ-7',
      'VPNに接続できない',
      '端末を再起動してから、もう一度VPNに接続してください。',
      'ネットワーク',
    ),
  },
  {
    match: 'プリンタ',
    confidence: 0.9,
    chunk: faqChunk('FAQ-9', 'プリンタで印刷できない', 'プリンタの電源を入れ直してください。', 'パソコン・周辺機器'),
  },
]);

/** 解決した / 解決しない on the real helpdesk (question log in the store): the answer stays in the chat. */
describe('Teams: feedback keeps the answer', () => {
  let h: TeamsHarness;
  let store: FakeConversationStore;
  beforeEach(async () => {
    store = new FakeConversationStore();
    const helpdesk = new HelpdeskService(
      { conversations: store, tickets: new InMemoryTicketStore(), knowledge, clock: new SystemClock() },
      { maxQuestionChars: 500, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
    );
    h = await startTeamsHarness({ helpdesk, conversations: store });
  });
  afterEach(async () => h.close());

  async function ask(id: string, text: string): Promise<SentCard> {
    assert.equal((await h.post(personalEnvelope(h.serviceUrl, { id, text }))).status, 200);
    return cardOf(h.connector.sent().at(-1) ?? h.connector.sent()[0]);
  }

  async function press(id: string, action: Action): Promise<InvokeBody> {
    const res = await h.post(actionExecuteInvoke(h.serviceUrl, id, action));
    assert.equal(res.status, 200);
    return res.body as InvokeBody;
  }

  const button = (card: SentCard, title: string): Action => {
    const found = card.actions?.find((a) => a.title === title);
    assert.ok(found, title);
    return found as Action;
  };

  it('解決した: the pressed card shows the same answer, no buttons, and the feedback under it', async () => {
    const answer = await ask('m-1', 'VPNにつながりません');
    const calls = h.connector.calls.length;
    const body = await press('fb-1', button(answer, '解決した'));
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    const updated = body.value as SentCard & { actions?: unknown };
    assert.deepEqual(updated.body, [
      ...answer.body,
      {
        type: 'TextBlock',
        text: 'フィードバックありがとうございました（解決した）',
        wrap: true,
        isSubtle: true,
        separator: true,
        spacing: 'Medium',
      },
      { type: 'TextBlock', text: 'ご回答ありがとうございました。お役に立ててうれしいです。', wrap: true },
    ]);
    assert.equal(updated.actions, undefined);
    assert.equal(h.connector.calls.length, calls); // nothing new posted, nothing updated besides the card
    assert.deepEqual(
      store.feedbacks.map((f) => [f.conversationId, f.questionId, f.resolved]),
      [['conv-1', 'q-1', true]],
    );
  });

  it('解決しない: the answer stays and the escalation button follows the apology', async () => {
    const answer = await ask('m-2', 'VPNにつながりません');
    const body = await press('fb-2', button(answer, '解決しない'));
    const updated = body.value as SentCard;
    assert.deepEqual(updated.body.slice(0, answer.body.length), answer.body);
    assert.deepEqual(
      updated.body.slice(answer.body.length).map((b) => b.text),
      [
        'フィードバックありがとうございました（解決しない）',
        'お役に立てず申し訳ありません。「担当者に問い合わせる」から担当者にお問い合わせいただけます。',
      ],
    );
    assert.deepEqual(
      updated.actions?.map((a) => [a.title, a.data]),
      [['担当者に問い合わせる', { kotae: 'kotae.escalate', conversationId: 'conv-1' }]],
    );
  });

  it('feedback on an older answer leaves that card and adds the feedback as a new message', async () => {
    const older = await ask('m-3', 'VPNにつながりません');
    await ask('m-4', 'プリンタが動きません');
    const before = h.connector.calls.length;
    const body = await press('fb-3', button(older, '解決した'));
    assert.deepEqual(body, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'フィードバックありがとうございました（解決した）',
    });
    const added = h.connector.calls.slice(before);
    assert.deepEqual(
      added.map((c) => c.method),
      ['POST'],
    );
    assert.deepEqual(
      cardOf(added[0]).body.map((b) => b.text),
      ['フィードバックありがとうございました（解決した）', 'ご回答ありがとうございました。お役に立ててうれしいです。'],
    );
  });

  it('Action.Submit feedback (older clients): one new message under the unchanged answer', async () => {
    const answer = await ask('m-5', 'VPNにつながりません');
    const data = button(answer, '解決した').data;
    const message = personalEnvelope(h.serviceUrl, { id: 'sub-1', value: data });
    delete message.text;
    const before = h.connector.calls.length;
    assert.equal((await h.post(message)).status, 200);
    const added = h.connector.calls.slice(before);
    assert.deepEqual(
      added.map((c) => [c.method, c.replyToId]),
      [['POST', 'sub-1']],
    );
    assert.equal(cardOf(added[0]).body[0].text, 'フィードバックありがとうございました（解決した）');
  });
});
