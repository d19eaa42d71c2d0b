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
