/**
 * The TicketStore standard suite: every implementation (SQL, in-memory) must pass it.
 * Call `ticketStoreContract(name, factory)` from a spec file.
 */
import assert from 'node:assert/strict';
import { FakeClock } from '../../core/clock';
import { KotaeError } from '../../core/errors';
import type { TicketStore } from '../../tickets';
import type { TicketOutbox } from '../../tickets';
import { newTicket } from './new-ticket';
import { ticketStoreSearchCases } from './ticket-store-search.cases';
import { ticketStoreRestoreCases } from './ticket-store-restore.cases';
import { ticketStoreWithdrawalCases } from './ticket-store-withdrawal.cases';

export { newTicket };

/** What a factory gives the suite (every implementation has an outbox). */
export interface TicketStoreFixture {
  store: TicketStore;
  outbox: TicketOutbox;
  close(): Promise<void>;
}

/** Builds a fresh, empty store whose times come from `now`. */
export type TicketStoreFactory = (now: () => Date) => Promise<TicketStoreFixture>;

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof KotaeError && e.code === code);
}

/** Registers the suite. */
export function ticketStoreContract(name: string, factory: TicketStoreFactory): void {
  describe(`TicketStore contract: ${name}`, () => {
    let clock: FakeClock;
    let fx: TicketStoreFixture;
    let store: TicketStore;
    beforeEach(async () => {
      clock = new FakeClock('2026-04-01T01:00:00Z');
      fx = await factory(() => clock.now());
      store = fx.store;
    });
    afterEach(() => fx.close());

    it('numbers tickets per JST year and starts them as new, version 1', async () => {
      const a = await store.create(newTicket(), 'bot');
      const b = await store.create(newTicket(), 'bot');
      assert.equal(a.number, 'HD-2026-000001');
      assert.equal(b.number, 'HD-2026-000002');
      assert.equal(a.status, 'new');
      assert.equal(a.version, 1);
      assert.deepEqual(a.holds, []);
      assert.equal(a.createdAt.toISOString(), '2026-04-01T01:00:00.000Z');
    });

    it('returns the earlier ticket for a repeated sourceActivityId', async () => {
      const a = await store.create(newTicket({ sourceActivityId: 'act-1' }), 'bot');
      const b = await store.create(newTicket({ sourceActivityId: 'act-1' }), 'bot');
      assert.equal(b.id, a.id);
      assert.equal((await store.list({})).total, 1);
    });

    it('finds by id and by number (any case); unknown is undefined', async () => {
      const a = await store.create(newTicket(), 'bot');
      assert.equal((await store.get(a.id))?.number, a.number);
      assert.equal((await store.get(a.number.toLowerCase()))?.id, a.id);
      assert.equal(await store.get('HD-2026-999999'), undefined);
    });

    it('keeps the requester and the transcript', async () => {
      const a = await store.create(newTicket(), 'bot');
      const got = await store.get(a.id);
      assert.deepEqual(got?.requester, { id: 'u1', name: '山田 花子', department: '総務課' });
      const lines = await store.transcript(a.id);
      assert.equal(lines.length, 1);
      assert.equal(lines[0].text, 'メールが送れない');
    });

    it('lists newest first with filters and totals', async () => {
      const a = await store.create(newTicket({ category: 'メール' }), 'bot');
      clock.advanceMinutes(1);
      const b = await store.create(newTicket({ category: 'プリンタ', priority: 'high' }), 'bot');
      await store.update(b.id, 1, { assignee: 'op1', status: 'in_progress' }, 'op1');
      assert.deepEqual(
        (await store.list({})).items.map((t) => t.id),
        [b.id, a.id],
      );
      assert.equal((await store.list({ category: 'メール' })).items[0].id, a.id);
      assert.equal((await store.list({ assignee: 'op1' })).total, 1);
      assert.equal((await store.list({ status: ['new'] })).items[0].id, a.id);
      assert.equal((await store.list({ priority: 'high' })).total, 1);
      const page = await store.list({ limit: 1, offset: 1 });
      assert.equal(page.total, 2);
      assert.equal(page.items[0].id, a.id);
    });

    it('applies a patch, bumps the version and records history', async () => {
      const a = await store.create(newTicket(), 'bot');
      clock.advanceMinutes(5);
      const b = await store.update(
        a.id,
        1,
        { status: 'in_progress', assignee: 'op1', firstResponseAt: clock.now() },
        'op1',
      );
      assert.equal(b.version, 2);
      assert.equal(b.status, 'in_progress');
      assert.equal(b.assignee, 'op1');
      assert.equal(b.updatedAt.toISOString(), '2026-04-01T01:05:00.000Z');
      const events = await store.history(a.id);
      const status = events.find((e) => e.field === 'status');
      assert.equal(status?.before, 'new');
      assert.equal(status?.after, 'in_progress');
      assert.equal(status?.actor, 'op1');
      const c = await store.update(a.id, 2, { assignee: null }, 'op1');
      assert.equal(c.assignee, undefined);
    });

    it('rejects a stale version with CONFLICT and overwrites nothing', async () => {
      const a = await store.create(newTicket(), 'bot');
      await store.update(a.id, 1, { title: '一人目' }, 'op1');
      await rejectsWith(store.update(a.id, 1, { title: '二人目' }, 'op2'), 'CONFLICT');
      const got = await store.get(a.id);
      assert.equal(got?.title, '一人目');
      assert.equal(got?.version, 2);
    });

    it('lets exactly one of two concurrent saves of the same version win', async () => {
      const a = await store.create(newTicket(), 'bot');
      const results = await Promise.allSettled([
        store.update(a.id, 1, { title: 'A' }, 'op1'),
        store.update(a.id, 1, { title: 'B' }, 'op2'),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      assert.equal((await store.get(a.id))?.version, 2);
    });

    it('leaves the version alone for a patch that changes nothing', async () => {
      const a = await store.create(newTicket(), 'bot');
      const b = await store.update(a.id, 1, { category: a.category }, 'op1');
      assert.equal(b.version, 1);
    });

    it('throws NOT_FOUND for an unknown ticket', async () => {
      await rejectsWith(store.update('no-such-ticket', 1, { title: 'x' }, 'op1'), 'NOT_FOUND');
    });

    it('opens a hold on on_hold and closes it when leaving', async () => {
      const a = await store.create(newTicket(), 'bot');
      clock.advanceMinutes(10);
      const held = await store.update(a.id, 1, { status: 'on_hold' }, 'op1');
      assert.equal(held.holds.length, 1);
      assert.equal(held.holds[0].to, undefined);
      clock.advanceMinutes(30);
      const back = await store.update(a.id, 2, { status: 'in_progress' }, 'op1');
      assert.equal(back.holds[0].from.toISOString(), '2026-04-01T01:10:00.000Z');
      assert.equal(back.holds[0].to?.toISOString(), '2026-04-01T01:40:00.000Z');
    });

    it('stores incident fields and clears resolvedAt with null', async () => {
      const a = await store.create(newTicket({ type: 'incident' }), 'bot');
      const b = await store.update(
        a.id,
        1,
        {
          incident: { cause: 'スイッチ故障', actions: '交換', prevention: '予備機配備' },
          resolvedAt: clock.now(),
          status: 'resolved',
        },
        'op1',
      );
      assert.deepEqual(b.incident, { cause: 'スイッチ故障', actions: '交換', prevention: '予備機配備' });
      const c = await store.update(a.id, b.version, { status: 'in_progress', resolvedAt: null }, 'op1');
      assert.equal(c.resolvedAt, undefined);
      assert.deepEqual((await store.get(a.id))?.incident, b.incident);
    });

    it('keeps comments in order with their delivery state', async () => {
      const a = await store.create(newTicket(), 'bot');
      const r = await store.addComment(a.id, { kind: 'reply', author: 'op1', body: '回答です' });
      clock.advanceMinutes(1);
      await store.addComment(a.id, { kind: 'note', author: 'op1', body: 'メモ' });
      await store.markDelivered(r.id, { deliveryError: 'timeout' });
      let list = await store.comments(a.id);
      assert.deepEqual(
        list.map((c) => c.kind),
        ['reply', 'note'],
      );
      assert.equal(list[0].deliveryError, 'timeout');
      await store.markDelivered(r.id, { deliveredAt: clock.now() });
      list = await store.comments(a.id);
      assert.equal(list[0].deliveryError, undefined);
      assert.equal(list[0].deliveredAt?.toISOString(), '2026-04-01T01:01:00.000Z');
    });

    it('outbox lists failed and interrupted replies only', async () => {
      const outbox = fx.outbox;
      const a = await store.create(newTicket(), 'bot');
      const failed = await store.addComment(a.id, { kind: 'reply', author: 'op1', body: '失敗' });
      await store.markDelivered(failed.id, { deliveryError: 'down' });
      const ok = await store.addComment(a.id, { kind: 'reply', author: 'op1', body: '成功' });
      await store.markDelivered(ok.id, { deliveredAt: clock.now() });
      await store.addComment(a.id, { kind: 'note', author: 'op1', body: 'メモ' });
      const fresh = await store.addComment(a.id, { kind: 'reply', author: 'op1', body: '送信中' });
      assert.deepEqual(
        (await outbox!.undelivered(10, clock.now())).map((c) => c.id),
        [failed.id],
      );
      clock.advanceMinutes(2);
      const later = await outbox!.undelivered(10, clock.now());
      assert.deepEqual(later.map((c) => c.id).sort(), [failed.id, fresh.id].sort());
    });

    it('outbox claims: one worker of several gets an undelivered reply; a failed send holds it back until retryAfter', async () => {
      const outbox = fx.outbox;
      const a = await store.create(newTicket(), 'bot');
      const reply = await store.addComment(a.id, { kind: 'reply', author: 'op1', body: '返信' });
      const at = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000);
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) => outbox.claim(reply.id, `w${i}`, at(0), at(5))),
      );
      assert.equal(claims.filter(Boolean).length, 1);
      const winner = `w${claims.indexOf(true)}`;
      assert.equal(await outbox.claim(reply.id, 'other', at(4), at(9)), false, 'claimed until minute 5');
      assert.deepEqual(await outbox.undelivered(10, at(10), { claimableAt: at(1) }), []);
      await outbox.release(reply.id, 'other');
      assert.equal(await outbox.claim(reply.id, 'other', at(1), at(6)), false, 'only the holder releases');
      await outbox.release(reply.id, winner, at(3));
      assert.equal(await outbox.claim(reply.id, 'other', at(2), at(7)), false, 'held back until minute 3');
      assert.deepEqual(
        (await outbox.undelivered(10, at(10), { claimableAt: at(4) })).map((c) => c.id),
        [reply.id],
      );
      assert.equal(await outbox.claim(reply.id, 'other', at(4), at(9)), true);
      await store.markDelivered(reply.id, { deliveredAt: at(4) });
      await outbox.release(reply.id, 'other');
      assert.equal(await outbox.claim(reply.id, 'late', at(20), at(25)), false, 'delivered: never claimed again');
      assert.equal(await outbox.claim('no-such-comment', 'late', at(20), at(25)), false);
    });

    it('gives a conversation one open ticket, also to concurrent calls; a resolved one no longer counts', async () => {
      const input = { ...newTicket(), conversationId: 'conv-1' };
      const results = await Promise.all(Array.from({ length: 10 }, () => store.openForConversation(input, 'bot')));
      assert.equal(results.filter((r) => r.created).length, 1);
      assert.deepEqual(new Set(results.map((r) => r.ticket.number)), new Set(['HD-2026-000001']));
      const other = await store.openForConversation({ ...input, conversationId: 'conv-2' }, 'bot');
      assert.equal(other.created, true);
      assert.equal(other.ticket.number, 'HD-2026-000002');
      const first = results[0].ticket;
      await store.update(first.id, 1, { status: 'resolved', resolvedAt: clock.now() }, 'op1');
      clock.advanceMinutes(1);
      const next = await store.openForConversation(input, 'bot');
      assert.equal(next.created, true);
      assert.equal(next.ticket.number, 'HD-2026-000003');
      assert.deepEqual(
        (await store.list({ conversationId: 'conv-1' })).items.map((t) => t.number),
        ['HD-2026-000003', 'HD-2026-000001'],
      );
    });

    it("lists a conversation's tickets newest first, a page at a time, with the total", async () => {
      for (const conversationId of ['conv-1', 'conv-2', 'conv-1', 'conv-1']) {
        await store.create(newTicket({ conversationId }), 'bot');
        clock.advanceMinutes(1);
      }
      const page = async (q: { limit?: number; offset?: number }) => {
        const { items, total } = await store.list({ conversationId: 'conv-1', ...q });
        return [items.map((t) => t.number), total];
      };
      assert.deepEqual(await page({}), [['HD-2026-000004', 'HD-2026-000003', 'HD-2026-000001'], 3]);
      assert.deepEqual(await page({ limit: 2 }), [['HD-2026-000004', 'HD-2026-000003'], 3]);
      assert.deepEqual(await page({ limit: 2, offset: 2 }), [['HD-2026-000001'], 3]);
      assert.deepEqual(await page({ limit: 2, offset: 5 }), [[], 3]);
      assert.deepEqual(await store.list({ conversationId: 'conv-9' }), { items: [], total: 0 });
    });

    it("keeps the requester's phone and the 依頼者から返信あり flag", async () => {
      const a = await store.create(
        newTicket({ requester: { id: 'u1', name: '山田 花子', phone: '内線 1234' } }),
        'bot',
      );
      assert.equal((await store.get(a.id))?.requester.phone, '内線 1234');
      const flagged = await store.update(a.id, 1, { requesterRepliedAt: clock.now() }, 'requester');
      assert.equal(flagged.requesterRepliedAt?.toISOString(), '2026-04-01T01:00:00.000Z');
      const cleared = await store.update(a.id, 2, { requesterRepliedAt: null }, 'op1');
      assert.equal(cleared.requesterRepliedAt, undefined);
      assert.equal((await store.get(a.id))?.requesterRepliedAt, undefined);
    });

    it('marks the delivered replies of a conversation read, once; requester comments and notes are not replies', async () => {
      const a = await store.create(newTicket({ conversationId: 'conv-1' }), 'bot');
      const b = await store.create(newTicket({ conversationId: 'conv-2' }), 'bot');
      const delivered = await store.addComment(a.id, { kind: 'reply', author: 'op1', body: '回答' });
      await store.markDelivered(delivered.id, { deliveredAt: clock.now() });
      await store.addComment(a.id, { kind: 'reply', author: 'op1', body: '未送信' });
      await store.addComment(a.id, { kind: 'requester', author: '山田 花子', body: '追記', deliveredAt: clock.now() });
      const elsewhere = await store.addComment(b.id, { kind: 'reply', author: 'op1', body: '別の会話' });
      await store.markDelivered(elsewhere.id, { deliveredAt: clock.now() });
      clock.advanceMinutes(1);
      assert.equal(await store.markRepliesRead('conv-1', clock.now()), 1);
      assert.equal(await store.markRepliesRead('conv-1', clock.now()), 0);
      const kinds = (await store.comments(a.id)).map((c) => [c.kind, c.body, c.readAt?.toISOString()]);
      assert.deepEqual(kinds, [
        ['reply', '回答', '2026-04-01T01:01:00.000Z'],
        ['reply', '未送信', undefined],
        ['requester', '追記', undefined],
      ]);
      assert.equal((await store.comments(b.id))[0].readAt, undefined);
    });

    ticketStoreSearchCases(() => ({ store, clock }));
    ticketStoreWithdrawalCases(() => ({ store, clock }));
    ticketStoreRestoreCases(() => ({ store, clock }));

    it('keeps the 機密性3 mark and the incident clock stops; hideConfidential leaves marked tickets out', async () => {
      const plain = await store.create(newTicket({ title: '通常の件' }), 'bot');
      const secret = await store.create(newTicket({ title: '機密の件', type: 'incident' }), 'bot');
      assert.equal(secret.confidential, undefined);
      const started = new Date('2026-04-01T02:00:00Z');
      const marked = await store.update(
        secret.id,
        1,
        { confidential: true, restorationStartedAt: started, incidentReportAt: started },
        'op1',
      );
      assert.equal(marked.confidential, true);
      assert.equal(marked.restorationStartedAt?.toISOString(), started.toISOString());
      assert.equal((await store.get(secret.number))?.incidentReportAt?.toISOString(), started.toISOString());
      const history = (await store.history(secret.id)).filter((e) => e.field === 'confidentiality');
      assert.deepEqual(
        history.map((e) => [e.before ?? null, e.after ?? null]),
        [[null, '3']],
      );
      assert.deepEqual(
        (await store.list({ hideConfidential: true })).items.map((t) => t.number),
        [plain.number],
      );
      assert.equal((await store.list({ hideConfidential: true, terms: ['機密'] })).total, 0);
      assert.equal((await store.list({})).total, 2);
      const cleared = await store.update(secret.id, 2, { confidential: false }, 'op1');
      assert.equal(cleared.confidential, undefined);
      assert.equal((await store.list({ hideConfidential: true })).total, 2);
    });
  });
}
