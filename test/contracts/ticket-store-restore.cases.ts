/**
 * The TicketStore suite's undelete cases: a message withdrawn by a delete in Teams comes back when the requester
 * restores it (`restoreRequesterComments`), and a delete kept after an operator's reply is marked on the comment
 * and cleared by the undelete (`noteRequesterDeletion`), each noted once; registered inside
 * `ticketStoreContract`'s describe block for every implementation.
 */
import assert from 'node:assert/strict';
import type { FakeClock } from '../../core/clock';
import { KotaeError } from '../../core/errors';
import type { TicketStore } from '../../tickets';
import { newTicket } from './new-ticket';

const KEY = 'teams:a:1chat|1714000000601';

/** Registers the undelete cases; `current` gives the store and clock of the running test. */
export function ticketStoreRestoreCases(current: () => { store: TicketStore; clock: FakeClock }): void {
  let store: TicketStore;
  let clock: FakeClock;
  beforeEach(() => {
    ({ store, clock } = current());
  });

  async function ticketWithMessage() {
    const created = await store.create(newTicket({ conversationId: 'conv-r' }), 'bot');
    const ticket = await store.update(created.id, 1, { status: 'in_progress' }, 'op1');
    clock.advanceMinutes(5);
    const add = (body: string) =>
      store.addComment(ticket.id, { kind: 'requester', author: '山田 花子', body, messageKey: KEY });
    return { ticket, message: await add('プリンタで印刷できません'), add };
  }

  const withdrawnEntries = async (ticketId: string) =>
    (await store.history(ticketId))
      .filter((e) => e.field === 'requesterWithdrawn')
      .map((e) => [e.actor, e.before, e.after]);

  it('marks a kept delete on the comment and clears it on undelete, each noted once; the ticket stays', async () => {
    const { ticket, message } = await ticketWithMessage();
    assert.equal('deletedInChannelAt' in (await store.comments(ticket.id))[0]!, false);
    assert.equal(await store.noteRequesterDeletion(ticket.id, message.id, 'requester', false), false);
    clock.advanceMinutes(1);
    const deletedAt = clock.now().toISOString();
    assert.equal(await store.noteRequesterDeletion(ticket.id, message.id, 'requester'), true);
    // A second delivery of the delete (the dedupe table purged): nothing more.
    assert.equal(await store.noteRequesterDeletion(ticket.id, message.id, 'requester'), false);
    const [kept] = await store.comments(ticket.id);
    assert.deepEqual([kept!.kind, kept!.deletedInChannelAt?.toISOString()], ['requester', deletedAt]);
    clock.advanceMinutes(1);
    assert.equal(await store.noteRequesterDeletion(ticket.id, message.id, 'requester', false), true);
    assert.equal(await store.noteRequesterDeletion(ticket.id, message.id, 'requester', false), false);
    const [back] = await store.comments(ticket.id);
    assert.deepEqual([back!.kind, 'deletedInChannelAt' in back!], ['requester', false]);
    assert.deepEqual(await withdrawnEntries(ticket.id), [
      ['requester', 'プリンタで印刷できません', 'teams_deleted_kept'],
      ['requester', 'プリンタで印刷できません', 'teams_undeleted_kept'],
    ]);
    const after = await store.get(ticket.id);
    assert.deepEqual(
      [after?.version, after?.updatedAt.toISOString()],
      [ticket.version, ticket.updatedAt.toISOString()],
    );
  });

  it('restores withdrawn comments once: requester again, the patch, one history entry, a new version', async () => {
    const { ticket, message, add } = await ticketWithMessage();
    clock.advanceMinutes(1);
    const correction = await add('（Teamsでメッセージが編集されました）\n3階の複合機です');
    const note = await store.addComment(ticket.id, { kind: 'note', author: 'op1', body: 'メモ' });
    assert.equal(
      await store.withdrawRequesterComment(ticket.id, message.id, 2, {}, 'requester', 'teams_deleted'),
      true,
    );
    assert.equal(
      await store.withdrawRequesterComment(ticket.id, correction.id, 3, {}, 'requester', 'teams_deleted'),
      true,
    );
    clock.advanceMinutes(10);
    const at = clock.now();
    const ids = [message.id, correction.id, note.id];
    // A stale version: CONFLICT, nothing written.
    await assert.rejects(
      store.restoreRequesterComments(ticket.id, ids, 3, { requesterRepliedAt: at }, 'requester'),
      (e: unknown) => e instanceof KotaeError && e.code === 'CONFLICT',
    );
    assert.deepEqual(
      (await store.comments(ticket.id)).map((c) => c.kind),
      ['deleted', 'deleted', 'note'],
    );
    const results = await Promise.allSettled([
      store.restoreRequesterComments(ticket.id, ids, 4, { requesterRepliedAt: at }, 'requester'),
      store.restoreRequesterComments(ticket.id, ids, 4, { requesterRepliedAt: at }, 'requester'),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled' && r.value).length, 1);
    assert.deepEqual(
      (await store.comments(ticket.id)).map((c) => [c.kind, c.body, c.messageKey]),
      [
        ['requester', 'プリンタで印刷できません', KEY],
        ['requester', '（Teamsでメッセージが編集されました）\n3階の複合機です', KEY],
        ['note', 'メモ', undefined],
      ],
    );
    const after = await store.get(ticket.id);
    assert.deepEqual(
      [after?.version, after?.requesterRepliedAt?.toISOString(), after?.updatedAt.toISOString()],
      [5, at.toISOString(), at.toISOString()],
    );
    const entries = (await store.history(ticket.id)).filter((e) => e.at.getTime() === at.getTime());
    assert.deepEqual(entries.map((e) => [e.actor, e.field, e.before, e.after]).sort(), [
      ['requester', 'requesterRepliedAt', undefined, at.toISOString()],
      ['requester', 'requesterWithdrawn', 'プリンタで印刷できません', 'teams_undeleted'],
    ]);
    // Restored already, a note, a comment withdrawn by ボットに質問する, another ticket: nothing.
    assert.equal(await store.restoreRequesterComments(ticket.id, ids, 5, {}, 'requester'), false);
    const asked = await add('ボットへの質問でした');
    assert.equal(await store.withdrawRequesterComment(ticket.id, asked.id, 5, {}, 'requester'), true);
    assert.equal(await store.restoreRequesterComments(ticket.id, [asked.id], 6, {}, 'requester'), false);
    assert.equal(await store.restoreRequesterComments('no-such-ticket', ids, 6, {}, 'requester'), false);
    assert.equal((await store.get(ticket.id))?.version, 6);
    assert.equal((await withdrawnEntries(ticket.id)).filter((e) => e[2] === 'teams_undeleted').length, 1);
  });
}
