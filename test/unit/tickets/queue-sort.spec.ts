/**
 * The in-memory sort of the queue (the SLA due times): tickets that tie on the due time and were created in the
 * same instant come out in one order whatever order they came in — the larger number first, as the database
 * orders its ties — and under 受付日時 ascending the smaller number first.
 */
import assert from 'node:assert/strict';
import type { SlaClock } from '../../../calendar';
import { sortQueue, type TicketWithSla } from '../../../tickets';
import { newTicket } from '../../contracts/new-ticket';
import { InMemoryTicketStore } from '../../fakes/in-memory-ticket-store';

const AT = new Date('2026-04-01T00:00:00Z');
const clock: SlaClock = {
  dueAt: AT,
  state: 'ok',
  budgetBusinessMinutes: 60,
  elapsedBusinessMinutes: 0,
  remainingBusinessMinutes: 60,
};

describe('sortQueue: ties', () => {
  it('orders tickets of the same due time and instant by their number, whatever the input order', async () => {
    const store = new InMemoryTicketStore(() => AT);
    const items: TicketWithSla[] = [];
    for (let i = 0; i < 5; i++)
      items.push({ ticket: await store.create(newTicket(), 'bot'), sla: { response: clock, resolution: clock } });
    const made = items.map((i) => i.ticket.number);
    const newestFirst = [...made].reverse();
    const numbers = (sorted: TicketWithSla[]) => sorted.map((i) => i.ticket.number);
    for (const input of [items, [...items].reverse(), [items[2]!, items[0]!, items[4]!, items[1]!, items[3]!]]) {
      assert.deepEqual(numbers(sortQueue(input, { key: 'responseDue', dir: 'asc' })), newestFirst);
      assert.deepEqual(numbers(sortQueue(input, { key: 'resolutionDue', dir: 'desc' })), newestFirst);
      assert.deepEqual(numbers(sortQueue(input, { key: 'createdAt', dir: 'desc' })), newestFirst);
      assert.deepEqual(numbers(sortQueue(input, { key: 'createdAt', dir: 'asc' })), made);
    }
  });
});
