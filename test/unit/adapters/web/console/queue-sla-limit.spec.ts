/**
 * The SLA due-time sorts and the SLA filter look at the first 1,000 tickets of the filtered queue: with
 * more, the queue page says so above the table and counts only what it can list; 状態 is ordered by the
 * database over all of them.
 */
import assert from 'node:assert/strict';
import { startConsole, type ConsoleHarness, type Session } from './console-harness';
import { bulkNumber, insertBulkTickets } from '../../../../helpers/bulk-tickets';

describe('console: the queue beyond the 1,000 tickets the SLA sorts and filter look at', () => {
  let h: ConsoleHarness;
  let op: Session;
  before(async () => {
    h = await startConsole();
    // 1,050 open tickets created before the console's clock (2026-04-01 10:00 JST).
    await insertBulkTickets(h.db.ds, 1050, new Date('2026-03-31T23:00:00Z'));
    op = await h.sessionFor('operator');
  });
  after(() => h.close());

  const get = async (q: string) => (await h.request('GET', `/console/tickets?${q}`, { session: op })).text;
  const notices = (page: string) =>
    [...page.matchAll(/<p class="notice" id="queue-partial">([^<]*)<\/p>/g)].map((m) => m[1]);
  const total = (page: string) => /<p id="queue-total">\s*([^<]*?)\s*<\/p>/.exec(page)?.[1];
  const range = (page: string) => /<p id="queue-range">([^<]*)<\/p>/.exec(page)?.[1];
  const rows = (page: string) => [...page.matchAll(/data-ticket="([^"]+)"/g)].map((m) => m[1]);

  it('sorted by an SLA due time: a notice above the table, 1,000 listed, the newest of them', async () => {
    const page = await get('sort=responseDue&dir=asc&page=5');
    assert.deepEqual(notices(page), [
      'SLAの期限で並べ替え・絞り込みできるのは、条件に合う新しいチケット1,000件までです（該当 1,050 件）。条件を絞り込んでください。',
    ]);
    assert.ok(page.indexOf('id="queue-partial"') < page.indexOf('id="queue-table"'));
    assert.equal(total(page), '1000件');
    assert.equal(range(page), '1000件中801〜1000件を表示');
    assert.equal(rows(page).length, 200);
    // The same due times throughout: ties newest first, and the oldest 50 tickets are not among them.
    assert.equal(rows(page)[199], bulkNumber(51));
    assert.doesNotMatch(page, /rel="next"/);
  });

  it('filtered by SLA state under a database order: the notice names the order', async () => {
    const page = await get('sla=due_soon&sort=title&dir=asc');
    assert.deepEqual(notices(page), [
      'SLAの状態で絞り込めるのは、条件に合うチケットのうち現在の並び順で先頭の1,000件までです（該当 1,050 件）。条件を絞り込んでください。',
    ]);
    assert.equal(total(page), '1000件');
  });

  it('sorted by 状態 or with fewer than 1,001 matching tickets: no notice, the whole queue', async () => {
    const byStatus = await get('sort=status&dir=desc&page=6');
    assert.deepEqual(notices(byStatus), []);
    assert.equal(total(byStatus), '1050件');
    assert.equal(range(byStatus), '1050件中1001〜1050件を表示');
    assert.deepEqual(
      rows(byStatus),
      Array.from({ length: 50 }, (_, n) => bulkNumber(50 - n)),
    );
    const few = await get('sort=responseDue&dir=asc&status=in_progress');
    assert.deepEqual(notices(few), []);
  });
});
