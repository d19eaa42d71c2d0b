/**
 * The TicketStore suite's withdrawal cases (ボットに質問する, or a delete in Teams, takes a requester's message
 * off its ticket), registered inside `ticketStoreContract`'s describe block for every implementation.
 */
import assert from 'node:assert/strict';
import type { FakeClock } from '../../core/clock';
import { KotaeError } from '../../core/errors';
import type { TicketStore } from '../../tickets';
import { newTicket } from './new-ticket';

/** Registers the withdrawal cases; `current` gives the store and clock of the running test. */
export function ticketStoreWithdrawalCases(current: () => { store: TicketStore; clock: FakeClock }): void {
  let store: TicketStore;
  let clock: FakeClock;
  beforeEach(() => {
    ({ store, clock } = current());
  });

  async function ticketWithMessage() {
    const created = await store.create(newTicket({ conversationId: 'conv-w' }), 'bot');
    clock.advanceMinutes(5);
    const ticket = await store.update(created.id, 1, { requesterRepliedAt: clock.now() }, 'requester');
    const message = await store.addComment(ticket.id, {
      kind: 'requester',
      author: '山田 花子',
      body: 'パスワードも忘れました',
      deliveredAt: clock.now(),
    });
    return { ticket, message };
  }

  it('withdraws a requester message once: marked withdrawn, flags patched, one history entry, a new version', async () => {
    const { ticket, message } = await ticketWithMessage();
    clock.advanceMinutes(1);
    const patch = { requesterRepliedAt: null };
    assert.equal(await store.withdrawRequesterComment(ticket.id, message.id, 2, patch, 'requester'), true);
    const after = await store.get(ticket.id);
    assert.equal(after?.version, 3);
    assert.equal(after?.requesterRepliedAt, undefined);
    assert.equal(after?.updatedAt.toISOString(), '2026-04-01T01:06:00.000Z');
    const comments = await store.comments(ticket.id);
    assert.deepEqual(
      comments.map((c) => [c.kind, c.body]),
      [['withdrawn', 'パスワードも忘れました']],
    );
    const entries = (await store.history(ticket.id)).filter((e) => e.at.getTime() === clock.now().getTime());
    assert.deepEqual(entries.map((e) => [e.field, e.actor, e.before, e.after]).sort(), [
      ['requesterRepliedAt', 'requester', '2026-04-01T01:05:00.000Z', undefined],
      ['requesterWithdrawn', 'requester', 'パスワードも忘れました', 'bot_question'],
    ]);
    // Pressed again: nothing left to withdraw, nothing written.
    assert.equal(await store.withdrawRequesterComment(ticket.id, message.id, 3, {}, 'requester'), false);
    assert.equal((await store.get(ticket.id))?.version, 3);
    assert.equal((await store.history(ticket.id)).filter((e) => e.field === 'requesterWithdrawn').length, 1);
  });

  it('bumps the version even when no flag moves, and never withdraws a note or a reply', async () => {
    const { ticket, message } = await ticketWithMessage();
    assert.equal(await store.withdrawRequesterComment(ticket.id, message.id, 2, {}, 'requester'), true);
    assert.equal((await store.get(ticket.id))?.version, 3);
    const note = await store.addComment(ticket.id, { kind: 'note', author: 'op1', body: 'メモ' });
    assert.equal(await store.withdrawRequesterComment(ticket.id, note.id, 3, {}, 'requester'), false);
    assert.equal(await store.withdrawRequesterComment('no-such-ticket', message.id, 3, {}, 'requester'), false);
    assert.equal((await store.get(ticket.id))?.version, 3);
  });

  it('refuses a stale version with CONFLICT and writes nothing; of two presses at once one withdraws', async () => {
    const { ticket, message } = await ticketWithMessage();
    await assert.rejects(
      store.withdrawRequesterComment(ticket.id, message.id, 1, { requesterRepliedAt: null }, 'requester'),
      (e: unknown) => e instanceof KotaeError && e.code === 'CONFLICT',
    );
    assert.equal((await store.comments(ticket.id))[0].kind, 'requester');
    assert.equal((await store.get(ticket.id))?.version, 2);
    assert.equal((await store.history(ticket.id)).filter((e) => e.field === 'requesterWithdrawn').length, 0);
    const results = await Promise.allSettled([
      store.withdrawRequesterComment(ticket.id, message.id, 2, { requesterRepliedAt: null }, 'requester'),
      store.withdrawRequesterComment(ticket.id, message.id, 2, { requesterRepliedAt: null }, 'requester'),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled' && r.value).length, 1);
    assert.equal((await store.get(ticket.id))?.version, 3);
    assert.equal((await store.history(ticket.id)).filter((e) => e.field === 'requesterWithdrawn').length, 1);
  });

  it('keeps the Teams message key of a comment, and withdraws a message deleted in Teams as deleted', async () => {
    const created = await store.create(newTicket({ conversationId: 'conv-k' }), 'bot');
    const key = 'teams:a:1chat|1714000000601';
    const message = await store.addComment(created.id, {
      kind: 'requester',
      author: '山田 花子',
      body: 'プリンタで印刷できません',
      deliveredAt: clock.now(),
      messageKey: key,
    });
    clock.advanceMinutes(1);
    const note = await store.addComment(created.id, { kind: 'note', author: 'op1', body: 'メモ' });
    assert.equal(message.messageKey, key);
    assert.deepEqual(
      (await store.comments(created.id)).map((c) => [c.kind, c.messageKey]),
      [
        ['requester', key],
        ['note', undefined],
      ],
    );
    assert.equal('messageKey' in (await store.comments(created.id))[1], false);
    clock.advanceMinutes(1);
    assert.equal(
      await store.withdrawRequesterComment(created.id, message.id, 1, {}, 'requester', 'teams_deleted'),
      true,
    );
    assert.deepEqual(
      (await store.comments(created.id)).map((c) => [c.kind, c.body, c.messageKey]),
      [
        ['deleted', 'プリンタで印刷できません', key],
        ['note', 'メモ', undefined],
      ],
    );
    const entries = (await store.history(created.id)).filter((e) => e.field === 'requesterWithdrawn');
    assert.deepEqual(
      entries.map((e) => [e.actor, e.before, e.after]),
      [['requester', 'プリンタで印刷できません', 'teams_deleted']],
    );
    assert.equal((await store.get(created.id))?.version, 2);
    assert.equal(
      await store.withdrawRequesterComment(created.id, message.id, 2, {}, 'requester', 'teams_deleted'),
      false,
    );
    assert.equal(await store.withdrawRequesterComment(created.id, note.id, 2, {}, 'requester', 'teams_deleted'), false);
  });

  it('notes a delete in Teams after a reply in the history only: the comment and the ticket stay', async () => {
    const { ticket, message } = await ticketWithMessage();
    clock.advanceMinutes(1);
    assert.equal(await store.noteRequesterDeletion(ticket.id, message.id, 'requester'), true);
    const after = await store.get(ticket.id);
    assert.deepEqual([after?.version, after?.updatedAt.toISOString()], [2, '2026-04-01T01:05:00.000Z']);
    assert.deepEqual(
      (await store.comments(ticket.id)).map((c) => [c.kind, c.body]),
      [['requester', 'パスワードも忘れました']],
    );
    const entries = (await store.history(ticket.id)).filter((e) => e.field === 'requesterWithdrawn');
    assert.deepEqual(
      entries.map((e) => [e.actor, e.at.toISOString(), e.before, e.after]),
      [['requester', '2026-04-01T01:06:00.000Z', 'パスワードも忘れました', 'teams_deleted_kept']],
    );
    const note = await store.addComment(ticket.id, { kind: 'note', author: 'op1', body: 'メモ' });
    assert.equal(await store.noteRequesterDeletion(ticket.id, note.id, 'requester'), false);
    assert.equal(await store.noteRequesterDeletion('no-such-ticket', message.id, 'requester'), false);
    assert.equal((await store.history(ticket.id)).filter((e) => e.field === 'requesterWithdrawn').length, 1);
  });
}
