/**
 * Sorting the queue: by a plain column in the database (so the page shows the first rows of the whole
 * order, not of the newest 1,000), by priority (urgency order) in memory; `aria-sort` on the header.
 */
import assert from 'node:assert/strict';
import { startConsole, type ConsoleHarness } from './console-harness';

describe('console: sorting the queue', () => {
  let h: ConsoleHarness;
  before(async () => {
    h = await startConsole();
  });
  after(() => h.close());

  /** Ticket numbers in the order the queue lists them. */
  const rows = (page: string) =>
    [...page.matchAll(/<tbody[\s\S]*?<\/tbody>/g)].flatMap((m) => [
      ...new Set([...m[0].matchAll(/href="\/console\/tickets\/(HD-\d{4}-\d{6})"/g)].map((x) => x[1]!)),
    ]);

  it('orders by title ascending and descending, and by priority', async () => {
    const b = await h.openTicket({ title: 'B プリンタ' });
    h.clock.advanceMinutes(1);
    const a = await h.openTicket({ title: 'A メール' });
    h.clock.advanceMinutes(1);
    const c = await h.openTicket({ title: 'C VPN' });
    await h.ticketStore.update(b.id, 1, { priority: 'urgent' }, 'op1');
    await h.ticketStore.update(c.id, 1, { priority: 'low' }, 'op1');
    const op = await h.sessionFor('operator');
    const get = (q: string) => h.request('GET', `/console/tickets?${q}`, { session: op });
    const asc = await get('sort=title&dir=asc');
    assert.deepEqual(rows(asc.text), [a.number, b.number, c.number]);
    assert.match(asc.text, /aria-sort="ascending"/);
    assert.deepEqual(rows((await get('sort=title&dir=desc')).text), [c.number, b.number, a.number]);
    assert.deepEqual(rows((await get('sort=priority&dir=desc')).text), [b.number, a.number, c.number]);
  });
});
