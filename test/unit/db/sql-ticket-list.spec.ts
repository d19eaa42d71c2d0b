/**
 * The queue sorted by 状態 or 優先度 beyond the first 1,000 tickets: the database orders the whole filtered
 * queue (lifecycle / urgency order, ties newest first), so page 11 holds the tickets after the first
 * 1,000 of that order. 1,250 tickets are inserted in one transaction on each database. Tickets created in
 * the same instant are ordered by their number (larger first), so pages never repeat or skip one.
 */
import assert from 'node:assert/strict';
import { SqlTicketStore } from '../../../db';
import type { SlaClock } from '../../../calendar';
import { queuePage } from '../../../tickets/ticket-queue';
import { TICKET_PRIORITIES, TICKET_STATUSES, type QueueSort } from '../../../tickets';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';
import { bulkNumber, insertBulkTickets } from '../../helpers/bulk-tickets';

const COUNT = 1250;
const START = new Date('2026-04-01T00:00:00Z');

/** Ticket i: status and priority cycling through their lists, every 25th in another category. */
const shape = (i: number) => ({
  status: TICKET_STATUSES[i % TICKET_STATUSES.length]!,
  priority: TICKET_PRIORITIES[i % TICKET_PRIORITIES.length]!,
  category: i % 25 === 0 ? 'プリンタ' : 'メール',
});

/** The numbers of the queue's `mail` tickets in `rank` order (then newest first), from offset 1,000, 100 of them. */
function expectedPage11(rank: (i: number) => number, dir: 1 | -1): string[] {
  const mail = Array.from({ length: COUNT }, (_, n) => n + 1).filter((i) => i % 25 !== 0);
  mail.sort((a, b) => dir * (rank(a) - rank(b)) || b - a);
  return mail.slice(1000, 1100).map(bulkNumber);
}

const clock: SlaClock = {
  dueAt: START,
  state: 'ok',
  budgetBusinessMinutes: 60,
  elapsedBusinessMinutes: 0,
  remainingBusinessMinutes: 60,
};

for (const kind of TEST_DB_KINDS) {
  describe(`queue sorted by 状態 / 優先度 over more than 1,000 tickets on ${kind}`, function () {
    this.timeout(60_000);
    const t = useTestDb(kind);
    let store: SqlTicketStore;
    before(async () => {
      await t.db.reset();
      await insertBulkTickets(t.db.ds, COUNT, START, shape);
      store = new SqlTicketStore(t.db.ds);
    });

    const page11 = async (sort: QueueSort) => {
      const deps = { store, scoped: async <Q>(q: Q) => q, sla: () => ({ response: clock, resolution: clock }) };
      const page = await queuePage(deps, { category: 'メール', sort, limit: 100, offset: 1000 });
      return { numbers: page.items.map((i) => i.ticket.number), total: page.total, partial: page.partial };
    };

    it('lists page 11 of the 状態 order (ascending and descending)', async () => {
      const asc = await page11({ key: 'status', dir: 'asc' });
      assert.equal(asc.total, 1200);
      assert.equal(asc.partial, undefined);
      assert.deepEqual(
        asc.numbers,
        expectedPage11((i) => i % 5, 1),
      );
      // Page 11 ascending: the 51st to the 150th クローズ ticket (i % 5 = 4), newest first.
      assert.equal(asc.numbers[0], 'HD-2026-000999');
      assert.equal(asc.numbers[99], 'HD-2026-000504');
      const desc = await page11({ key: 'status', dir: 'desc' });
      assert.deepEqual(
        desc.numbers,
        expectedPage11((i) => i % 5, -1),
      );
      assert.equal(desc.numbers[0], 'HD-2026-001245');
    });

    it('lists page 11 of the 優先度 order (ascending and descending)', async () => {
      const desc = await page11({ key: 'priority', dir: 'desc' });
      assert.equal(desc.total, 1200);
      assert.deepEqual(
        desc.numbers,
        expectedPage11((i) => i % 4, -1),
      );
      assert.equal(desc.numbers[0], 'HD-2026-000832');
      const asc = await page11({ key: 'priority', dir: 'asc' });
      assert.deepEqual(
        asc.numbers,
        expectedPage11((i) => i % 4, 1),
      );
      assert.equal(asc.numbers[0], 'HD-2026-000831');
    });
  });
}

/** Ticket i of the same-instant queue: all created at START, status and priority cycling. */
const sameInstant = (i: number) => ({ ...shape(i), category: 'メール', createdAt: START, updatedAt: START });
const SAME_COUNT = 250;

for (const kind of TEST_DB_KINDS) {
  describe(`queue pages of tickets created in the same instant on ${kind}`, function () {
    this.timeout(60_000);
    const t = useTestDb(kind);
    let store: SqlTicketStore;
    before(async () => {
      await t.db.reset();
      await insertBulkTickets(t.db.ds, SAME_COUNT, START, sameInstant);
      store = new SqlTicketStore(t.db.ds);
    });

    /** Every page of `size` of the queue in `sort` (none: newest first), one after another. */
    const allPages = async (sort: QueueSort | undefined, size: number) => {
      const deps = { store, scoped: async <Q>(q: Q) => q, sla: () => ({ response: clock, resolution: clock }) };
      const numbers: string[] = [];
      for (let offset = 0; offset < SAME_COUNT; offset += size) {
        const page = await queuePage(deps, { sort, limit: size, offset });
        assert.equal(page.total, SAME_COUNT);
        numbers.push(...page.items.map((i) => i.ticket.number));
      }
      return numbers;
    };
    /** The numbers in `rank` order (`dir`), ties by the larger number first. */
    const expected = (rank: (i: number) => number, dir: 1 | -1) =>
      Array.from({ length: SAME_COUNT }, (_, n) => n + 1)
        .sort((a, b) => dir * (rank(a) - rank(b)) || b - a)
        .map(bulkNumber);

    it('orders ties by the number, and its pages hold every ticket once', async () => {
      const newestFirst = expected(() => 0, 1);
      assert.deepEqual(await allPages(undefined, 100), newestFirst);
      assert.deepEqual(await allPages({ key: 'createdAt', dir: 'desc' }, 100), newestFirst);
      assert.deepEqual(await allPages({ key: 'createdAt', dir: 'asc' }, 100), [...newestFirst].reverse());
      assert.deepEqual(await allPages({ key: 'category', dir: 'asc' }, 100), newestFirst);
      const byStatus = await allPages({ key: 'status', dir: 'asc' }, 100);
      assert.deepEqual(
        byStatus,
        expected((i) => i % 5, 1),
      );
      assert.equal(new Set(byStatus).size, SAME_COUNT);
      // The page boundary: page 1 ends with the smallest 対応中 ticket, page 2 starts with the largest 保留 one
      assert.deepEqual(byStatus.slice(99, 101), ['HD-2026-000001', 'HD-2026-000247']);
      assert.deepEqual(
        await allPages({ key: 'priority', dir: 'desc' }, 30),
        expected((i) => i % 4, -1),
      );
    });
  });
}
