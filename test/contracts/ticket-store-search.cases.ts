/**
 * The TicketStore suite's search and ordering cases (terms, columns, ranked columns, FTS syntax, comments
 * added later), registered inside `ticketStoreContract`'s describe block for every implementation.
 */
import assert from 'node:assert/strict';
import type { FakeClock } from '../../core/clock';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketStore } from '../../tickets';
import { newTicket } from './new-ticket';

/** Registers the search cases; `current` gives the store and clock of the running test. */
export function ticketStoreSearchCases(current: () => { store: TicketStore; clock: FakeClock }): void {
  let store: TicketStore;
  let clock: FakeClock;
  beforeEach(() => {
    ({ store, clock } = current());
  });

  it('searches number, title, details, requester, 所属 and comments; every term must occur', async () => {
    const printer = await store.create(
      newTicket({
        title: 'プリンタで印刷できない',
        details: '3階の複合機です。',
        requester: { name: '佐藤 一郎', department: '税務課' },
      }),
      'bot',
    );
    const mail = await store.create(newTicket(), 'bot');
    await store.addComment(mail.id, { kind: 'note', author: 'op1', body: 'Outlookのプロファイルを再作成した' });
    const numbers = async (...terms: string[]) => (await store.list({ terms })).items.map((t) => t.number).sort();
    assert.deepEqual(await numbers('印刷できない'), [printer.number]);
    assert.deepEqual(await numbers('プロファイル'), [mail.number]);
    assert.deepEqual(await numbers('outlook'), [mail.number]);
    assert.deepEqual(await numbers('税務課'), [printer.number]);
    assert.deepEqual(await numbers('佐藤'), [printer.number]);
    assert.deepEqual(await numbers('3階'), [printer.number]);
    assert.deepEqual(await numbers(mail.number), [mail.number]);
    assert.deepEqual(await numbers('メール', 'Outlook'), [mail.number]);
    assert.deepEqual(await numbers('メール', '税務課'), []);
    assert.equal((await store.list({ terms: ['プリンタ'], status: ['closed'] })).total, 0);
  });

  it('orders by a column (missing values first ascending, ties newest first) and pages in that order', async () => {
    const made: Record<string, string> = {};
    for (const [title, department, assignee] of [
      ['B 件名', '税務課', 'op2'],
      ['A 件名', undefined, undefined],
      ['C 件名', '総務課', 'op1'],
      ['B 件名', '会計課', 'op1'],
    ] as const) {
      clock.advanceMinutes(1);
      const t = await store.create(newTicket({ title, requester: { id: 'u9', name: '試験', department } }), 'bot');
      if (assignee) await store.update(t.id, 1, { assignee }, 'op1');
      made[t.number] = `${title}/${department ?? '-'}/${assignee ?? '-'}`;
    }
    const listed = async (order: NonNullable<Parameters<TicketStore['list']>[0]['order']>, offset = 0, limit = 10) =>
      (await store.list({ order, offset, limit })).items.map((t) => made[t.number]);
    assert.deepEqual(await listed({ column: 'title', dir: 'asc' }), [
      'A 件名/-/-',
      'B 件名/会計課/op1',
      'B 件名/税務課/op2',
      'C 件名/総務課/op1',
    ]);
    assert.deepEqual(await listed({ column: 'title', dir: 'desc' }), [
      'C 件名/総務課/op1',
      'B 件名/会計課/op1',
      'B 件名/税務課/op2',
      'A 件名/-/-',
    ]);
    assert.deepEqual(await listed({ column: 'assignee', dir: 'asc' }), [
      'A 件名/-/-',
      'B 件名/会計課/op1',
      'C 件名/総務課/op1',
      'B 件名/税務課/op2',
    ]);
    assert.deepEqual(
      await listed({ column: 'department', dir: 'desc' }),
      ['総務課', '税務課', '会計課', '-'].map((d) => Object.values(made).find((v) => v.split('/')[1] === d)!),
    );
    assert.deepEqual(await listed({ column: 'createdAt', dir: 'asc' }, 1, 2), ['A 件名/-/-', 'C 件名/総務課/op1']);
  });

  it('orders by a ranked column (status in lifecycle, priority in urgency order), ties newest first', async () => {
    const made: Record<string, string> = {};
    for (const [name, status, priority] of [
      ['t1', 'new', 'low'],
      ['t2', 'on_hold', 'urgent'],
      ['t3', 'new', 'high'],
      ['t4', 'closed', 'low'],
      ['t5', 'in_progress', 'low'],
    ] as const) {
      clock.advanceMinutes(1);
      const t = await store.create(newTicket({ priority }), 'bot');
      if (status !== 'new') await store.update(t.id, 1, { status }, 'op1');
      made[t.number] = name;
    }
    const listed = async (order: NonNullable<Parameters<TicketStore['list']>[0]['order']>, offset = 0, limit = 10) =>
      (await store.list({ order, offset, limit })).items.map((t) => made[t.number]);
    const status = { column: 'status', ranks: TICKET_STATUSES } as const;
    const priority = { column: 'priority', ranks: TICKET_PRIORITIES } as const;
    assert.deepEqual(await listed({ ...status, dir: 'asc' }), ['t3', 't1', 't5', 't2', 't4']);
    assert.deepEqual(await listed({ ...status, dir: 'desc' }), ['t4', 't2', 't5', 't3', 't1']);
    assert.deepEqual(await listed({ ...priority, dir: 'desc' }), ['t2', 't3', 't5', 't4', 't1']);
    assert.deepEqual(await listed({ ...priority, dir: 'asc' }, 1, 3), ['t4', 't1', 't3']);
    // A value not in the ranks comes before the first one.
    assert.deepEqual(await listed({ ...priority, ranks: ['urgent', 'high'], dir: 'asc' }, 0, 4), [
      't5',
      't4',
      't1',
      't2',
    ]);
  });

  it('breaks ties of the time and the sort value by the number (larger first; smaller under 受付日時 ascending)', async () => {
    // Created in the same instant, with the same title, status and priority: only the numbers differ.
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await store.create(newTicket({ title: '同じ件名' }), 'bot')).number);
    const newestFirst = [...made].reverse();
    type Order = Parameters<TicketStore['list']>[0]['order'];
    const listed = async (order: Order, offset = 0, limit = 10) =>
      (await store.list({ order, offset, limit })).items.map((t) => t.number);
    /** The queue page by page, `size` at a time: every ticket once, in one order. */
    const paged = async (order: Order, size: number) => {
      const pages: string[] = [];
      for (let offset = 0; offset < made.length; offset += size) pages.push(...(await listed(order, offset, size)));
      return pages;
    };
    for (const order of [
      undefined,
      { column: 'createdAt', dir: 'desc' },
      { column: 'title', dir: 'asc' },
      { column: 'title', dir: 'desc' },
      { column: 'department', dir: 'asc' },
      { column: 'status', ranks: TICKET_STATUSES, dir: 'asc' },
      { column: 'priority', ranks: TICKET_PRIORITIES, dir: 'desc' },
    ] as const satisfies readonly Order[]) {
      assert.deepEqual(await listed(order), newestFirst, JSON.stringify(order));
      assert.deepEqual(await paged(order, 1), newestFirst, JSON.stringify(order));
      assert.deepEqual(await paged(order, 3), newestFirst, JSON.stringify(order));
    }
    assert.deepEqual(await paged({ column: 'createdAt', dir: 'asc' }, 3), made);
    assert.deepEqual(await paged({ column: 'number', dir: 'asc' }, 3), made);
  });

  it('searches FTS syntax, quotes and LIKE wildcards as plain text', async () => {
    const odd = await store.create(newTicket({ title: `エラー "E-100" が出る 100%_完了 (NEAR) AND * it's` }), 'bot');
    await store.create(newTicket({ title: '普通の件名' }), 'bot');
    for (const term of ['"E-100"', '100%_', '(NEAR)', 'AND', '*', '%', '_', '"', "'", 'E-100" OR "a']) {
      const found = (await store.list({ terms: [term] })).items.map((t) => t.number);
      assert.deepEqual(found, term === 'E-100" OR "a' ? [] : [odd.number], term);
    }
  });

  it('finds a ticket by a comment moved or added after creation', async () => {
    const a = await store.create(newTicket(), 'bot');
    assert.equal((await store.list({ terms: ['再起動後に解消'] })).total, 0);
    await store.addComment(a.id, { kind: 'requester', author: '山田 花子', body: '再起動後に解消しました' });
    assert.equal((await store.list({ terms: ['再起動後に解消'] })).total, 1);
    await store.update(a.id, a.version, { title: 'VPNにつながらない' }, 'op1');
    assert.equal((await store.list({ terms: ['VPN'] })).total, 1);
    assert.equal((await store.list({ terms: ['メールが送れない'] })).total, 0);
  });
}
