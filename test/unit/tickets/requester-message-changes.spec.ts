/**
 * A requester's message on an open ticket edited or deleted in Teams (tickets/ TicketMessageChanges on the
 * in-memory store): an edit adds the masked new text as a correction and flags the ticket; a delete withdraws
 * every version of the message and puts the flags and a 保留 back, or — answered by an operator — keeps it with
 * a line in the history; messages the desk never got, other conversations' and resolved tickets' change nothing.
 * Undeletes: requester-message-undelete.spec.ts.
 */
import assert from 'node:assert/strict';
import { BusinessCalendar } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import type { ConversationRecord } from '../../../conversations';
import { RequesterDesk, TicketMessageChanges, type TicketRecord } from '../../../tickets';
import { newTicket } from '../../contracts/new-ticket';
import { InMemoryTicketStore } from '../../fakes/in-memory-ticket-store';
import { FakeConversations } from './fakes';

const KEY = 'teams:a:1kotaeTestPersonalChatSuzukiIchiroXq9Zr|1714000000601';
const MARK = '（Teamsでメッセージが編集されました）';

describe('TicketMessageChanges: edits and deletes in Teams of a requester message on a ticket', () => {
  let clock: FakeClock;
  let store: InMemoryTicketStore;
  let desk: RequesterDesk;
  let changes: TicketMessageChanges;
  let conversation: ConversationRecord;

  beforeEach(() => {
    clock = new FakeClock('2026-11-20T01:00:00Z'); // Friday 10:00 JST
    store = new InMemoryTicketStore(() => clock.now());
    const conversations = new FakeConversations();
    conversation = conversations.add('conv-1', 'teams');
    desk = new RequesterDesk({ store, conversations, calendar: new BusinessCalendar(), clock, reopenBusinessDays: 5 });
    changes = new TicketMessageChanges({ store, clock, maxChars: 40 });
  });

  /** A ticket of the conversation (optionally 保留) and the requester's message KEY added to it. */
  async function messageOnTicket(onHold = false): Promise<TicketRecord> {
    let ticket = await store.create(newTicket({ conversationId: conversation.id, channel: 'teams' }), 'bot');
    if (onHold) ticket = await store.update(ticket.id, ticket.version, { status: 'on_hold' }, 'op1');
    clock.advanceMinutes(10);
    const reply = await desk.routeRequesterMessage(conversation, 'プリンタで印刷できません', 'auto', KEY);
    assert.equal(reply?.ticketNumber, ticket.number);
    return ticket;
  }

  const comments = async (t: TicketRecord) =>
    (await store.comments(t.id)).map((c) => [c.kind, c.author, c.body, c.messageKey]);
  const historySince = async (t: TicketRecord, at: Date) =>
    (await store.history(t.id))
      .filter((e) => e.at.getTime() >= at.getTime())
      .map((e) => [e.actor, e.field, e.before, e.after]);

  it('adds an edit as the masked correction, flags the ticket, and writes the same text once', async () => {
    const ticket = await messageOnTicket();
    clock.advanceMinutes(5);
    const at = clock.now();
    const edited = await changes.edited(conversation, KEY, ' 3階の複合機です。折り返しは090-1234-5678へ ');
    assert.deepEqual(edited, { kind: 'corrected', ticketNumber: ticket.number });
    assert.deepEqual(await comments(ticket), [
      ['requester', '山田 花子', 'プリンタで印刷できません', KEY],
      ['requester', '山田 花子', `${MARK}\n3階の複合機です。折り返しは［電話番号］へ`, KEY],
    ]);
    assert.equal((await store.get(ticket.id))?.requesterRepliedAt?.toISOString(), at.toISOString());
    assert.deepEqual(await historySince(ticket, at), [
      ['requester', 'requesterRepliedAt', '2026-11-20T01:10:00.000Z', '2026-11-20T01:15:00.000Z'],
    ]);
    // Redelivered, or edited again without a change of text: nothing new.
    clock.advanceMinutes(1);
    assert.deepEqual(await changes.edited(conversation, KEY, '3階の複合機です。折り返しは090-1234-5678へ'), {
      kind: 'none',
    });
    assert.equal((await store.comments(ticket.id)).length, 2);
    // Edited back to the first text: a correction again.
    assert.equal((await changes.edited(conversation, KEY, 'プリンタで印刷できません')).kind, 'corrected');
    assert.deepEqual(
      (await store.comments(ticket.id)).map((c) => c.body),
      [
        'プリンタで印刷できません',
        `${MARK}\n3階の複合機です。折り返しは［電話番号］へ`,
        `${MARK}\nプリンタで印刷できません`,
      ],
    );
  });

  it('refuses an edit longer than the limit with a notice and writes nothing; an empty edit is ignored', async () => {
    const ticket = await messageOnTicket();
    assert.deepEqual(await changes.edited(conversation, KEY, 'あ'.repeat(41)), {
      kind: 'refused',
      ticketNumber: ticket.number,
      notice:
        `編集後のメッセージが40文字を超えているため、お問い合わせ ${ticket.number} に反映できませんでした。` +
        '40文字以内で、新しいメッセージとしてお送りください。',
    });
    assert.deepEqual(await changes.edited(conversation, KEY, '  '), { kind: 'none' });
    assert.equal((await store.comments(ticket.id)).length, 1);
  });

  it('withdraws a deleted message with its corrections, and puts 保留 and the flag back', async () => {
    const ticket = await messageOnTicket(true);
    assert.equal((await store.get(ticket.id))?.status, 'in_progress');
    clock.advanceMinutes(5);
    await changes.edited(conversation, KEY, '3階の複合機です');
    clock.advanceMinutes(5);
    const at = clock.now();
    assert.deepEqual(await changes.deleted(conversation, KEY), { kind: 'withdrawn', ticketNumber: ticket.number });
    assert.deepEqual(
      (await store.comments(ticket.id)).map((c) => [c.kind, c.body]),
      [
        ['deleted', 'プリンタで印刷できません'],
        ['deleted', `${MARK}\n3階の複合機です`],
      ],
    );
    const after = await store.get(ticket.id);
    assert.deepEqual([after?.status, after?.requesterRepliedAt], ['on_hold', undefined]);
    // The first version comes off with the flag still on the correction; the correction takes it and 保留 back.
    assert.deepEqual(await historySince(ticket, at), [
      ['requester', 'requesterWithdrawn', 'プリンタで印刷できません', 'teams_deleted'],
      ['requester', 'status', 'in_progress', 'on_hold'],
      ['requester', 'requesterRepliedAt', '2026-11-20T01:15:00.000Z', undefined],
      ['requester', 'requesterWithdrawn', `${MARK}\n3階の複合機です`, 'teams_deleted'],
    ]);
    // Deleted again (a redelivery): nothing. Edited after the delete: held with it, withdrawn (see
    // requester-message-undelete.spec.ts), the ticket untouched.
    assert.deepEqual(await changes.deleted(conversation, KEY), { kind: 'none' });
    const events = (await store.history(ticket.id)).length;
    assert.deepEqual(await changes.edited(conversation, KEY, 'やはり印刷できません'), {
      kind: 'held',
      ticketNumber: ticket.number,
    });
    assert.deepEqual(
      (await store.comments(ticket.id)).map((c) => c.kind),
      ['deleted', 'deleted', 'deleted'],
    );
    assert.deepEqual(await store.get(ticket.id), after);
    assert.equal((await store.history(ticket.id)).length, events);
  });

  it('keeps a message an operator replied to, and notes the delete in the history', async () => {
    const ticket = await messageOnTicket();
    clock.advanceMinutes(5);
    await store.addComment(ticket.id, { kind: 'reply', author: 'op1', body: '確認します' });
    clock.advanceMinutes(5);
    const at = clock.now();
    assert.deepEqual(await changes.deleted(conversation, KEY), { kind: 'kept', ticketNumber: ticket.number });
    assert.deepEqual(
      (await store.comments(ticket.id)).map((c) => [c.kind, c.body]),
      [
        ['requester', 'プリンタで印刷できません'],
        ['reply', '確認します'],
      ],
    );
    assert.deepEqual(await historySince(ticket, at), [
      ['requester', 'requesterWithdrawn', 'プリンタで印刷できません', 'teams_deleted_kept'],
    ]);
  });

  it('changes nothing for a message the desk never got, another conversation, or a resolved ticket', async () => {
    const ticket = await messageOnTicket();
    const other = { ...conversation, id: 'conv-2' };
    assert.deepEqual(await changes.edited(conversation, `${KEY}0`, '別の文'), { kind: 'none' });
    assert.deepEqual(await changes.edited(other, KEY, '別の文'), { kind: 'none' });
    assert.deepEqual(await changes.deleted(other, KEY), { kind: 'none' });
    const current = (await store.get(ticket.id))!;
    await store.update(ticket.id, current.version, { status: 'resolved', resolvedAt: clock.now() }, 'op1');
    assert.deepEqual(await changes.edited(conversation, KEY, '別の文'), { kind: 'none' });
    assert.deepEqual(await changes.deleted(conversation, KEY), { kind: 'none' });
    assert.deepEqual(
      (await store.comments(ticket.id)).map((c) => [c.kind, c.body]),
      [['requester', 'プリンタで印刷できません']],
    );
  });
});
