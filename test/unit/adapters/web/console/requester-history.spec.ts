/** The ticket page lists the requester's other tickets (same requester id), not the ticket itself. */
import assert from 'node:assert/strict';
import { newTicket } from '../../../../contracts/ticket-store.contract';
import { startConsole, type ConsoleHarness } from './console-harness';

describe("console: the requester's other tickets", () => {
  let h: ConsoleHarness;
  before(async () => {
    h = await startConsole();
  });
  after(() => h.close());

  it('lists the other tickets of the same requester id with their status', async () => {
    const first = await h.ticketStore.create(newTicket({ title: '先月のVPNの件' }), 'bot');
    const current = await h.ticketStore.create(newTicket({ title: '今日のプリンタの件' }), 'bot');
    await h.ticketStore.create(newTicket({ title: '別人の件', requester: { id: 'u2', name: '佐藤' } }), 'bot');
    const op = await h.sessionFor('operator');
    const page = await h.request('GET', `/console/tickets/${current.number}`, { session: op });
    const section = /<section aria-labelledby="rq-h">([\s\S]*?)<\/section>/.exec(page.text)?.[1] ?? '';
    assert.match(section, new RegExp(`${first.number}</a>\\s+先月のVPNの件（新規・2026/04/01 10:00）`));
    assert.doesNotMatch(section, /今日のプリンタの件|別人の件/);
  });
});

describe("console: the requester's recent conversations", () => {
  let h: ConsoleHarness;
  before(async () => {
    h = await startConsole();
  });
  after(() => h.close());

  /** The section's text with tags removed and white space collapsed. */
  const sectionText = (page: string) =>
    (/<section aria-labelledby="rc-h">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();

  it('shows the other conversations of the requester id with questions, outcomes, times and the masked transcript', async () => {
    const requester = { id: 'u1', name: '山田 花子', department: '総務課' };
    const ask = (conversationId: string, text: string, outcome: 'answered' | 'no_answer' | 'clarify') =>
      h.conversations.recordQuestion({
        conversationId,
        askedAt: h.clock.now(),
        text,
        outcome,
        confidence: 0.4,
        answer: outcome === 'answered' ? '再起動してください。' : 'もう少し詳しく教えてください。',
        sources: [],
        channel: 'teams',
        requester,
        latencyMs: 5,
      });
    const earlier = await h.conversations.createConversation({ channel: 'teams', requester });
    await ask(earlier.id, 'プリンタが動かない', 'answered');
    h.clock.advanceMinutes(30);
    await ask(earlier.id, '私の番号は************です', 'clarify');
    h.clock.advanceMinutes(30);
    const own = await h.conversations.createConversation({ channel: 'web', requester });
    await ask(own.id, 'このチケットの質問', 'no_answer');
    await h.conversations.createConversation({ channel: 'teams', requester: { id: 'u2', name: '佐藤' } });
    const ticket = await h.ticketStore.create(newTicket({ conversationId: own.id, requester }), 'bot');

    const op = await h.sessionFor('operator');
    const page = await h.request('GET', `/console/tickets/${ticket.number}`, { session: op });
    assert.equal(page.status, 200);
    assert.equal(
      sectionText(page.text),
      '依頼者の最近の会話 Microsoft Teams・2026/04/01 10:30 日時 質問 ボットの対応 ' +
        '2026/04/01 10:00 プリンタが動かない 回答 2026/04/01 10:30 私の番号は************です 聞き返し ' +
        '会話記録を表示（2026/04/01 10:00開始・4行） ' +
        '職員 2026/04/01 10:00 プリンタが動かない ボット 2026/04/01 10:00 再起動してください。 ' +
        '職員 2026/04/01 10:30 私の番号は************です ボット 2026/04/01 10:30 もう少し詳しく教えてください。',
    );
    assert.match(page.text, /<details>\s*<summary>会話記録を表示/);

    const staff = await h.sessionFor('staff');
    const denied = await h.request('GET', `/console/tickets/${ticket.number}`, { session: staff });
    assert.equal(denied.status, 403);
    assert.doesNotMatch(denied.text, /プリンタが動かない/);
  });

  it('says so when the requester has no id to look conversations up by', async () => {
    const ticket = await h.openTicket();
    const op = await h.sessionFor('operator');
    const page = await h.request('GET', `/console/tickets/${ticket.number}`, { session: op });
    assert.equal(
      sectionText(page.text),
      '依頼者の最近の会話 依頼者を識別する情報がないため、他の会話は表示できません。',
    );
  });
});
