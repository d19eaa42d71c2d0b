/**
 * A requester restores in Teams a message they deleted (tickets/ TicketMessageChanges on SQLite, behind the
 * notifying ticket store): a message the delete withdrew comes back on the ticket, flagged like a new message,
 * with one history line and one operator notification; a delete kept after an operator's reply gets a history
 * line only; an edit delivered after the delete is held with the withdrawn message and comes back with it; an
 * undelete of a message never deleted, unknown, or on a resolved ticket changes nothing; deletes and undeletes
 * delivered twice write once.
 */
import assert from 'node:assert/strict';
import { BusinessCalendar } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import type { ConversationRecord } from '../../../conversations';
import { SqlTicketStore } from '../../../db';
import { NotifyingTicketStore, type DeskEvent } from '../../../notify';
import { RequesterDesk, TicketMessageChanges, type TicketRecord } from '../../../tickets';
import { newTicket } from '../../contracts/new-ticket';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';
import { FakeConversations } from './fakes';

const KEY = 'teams:a:1kotaeTestPersonalChatSuzukiIchiroXq9Zr|1714000000601';
const MARK = '（Teamsでメッセージが編集されました）';

describe('TicketMessageChanges: undeletes in Teams, and edits after a delete (SQLite)', () => {
  let db: TempSqlite;
  let clock: FakeClock;
  let store: NotifyingTicketStore;
  let events: DeskEvent[];
  let desk: RequesterDesk;
  let changes: TicketMessageChanges;
  let conversation: ConversationRecord;

  beforeEach(async () => {
    db = await tempSqlite();
    clock = new FakeClock('2026-11-20T01:00:00Z'); // Friday 10:00 JST
    events = [];
    store = new NotifyingTicketStore(
      new SqlTicketStore(db.ds, () => clock.now()),
      async (e) => events.push(e),
      (n) => `https://kotae.example.lg.jp/console/tickets/${n}`,
    );
    const conversations = new FakeConversations();
    conversation = conversations.add('conv-1', 'teams');
    desk = new RequesterDesk({ store, conversations, calendar: new BusinessCalendar(), clock, reopenBusinessDays: 5 });
    changes = new TicketMessageChanges({ store, clock, maxChars: 40 });
  });
  afterEach(async () => {
    await db.close();
  });

  /** A 保留 ticket of the conversation and the requester's message KEY added to it (which moves it to 対応中). */
  async function messageOnTicket(): Promise<TicketRecord> {
    const created = await store.create(newTicket({ conversationId: conversation.id, channel: 'teams' }), 'bot');
    const ticket = await store.update(created.id, created.version, { status: 'on_hold' }, 'op1');
    clock.advanceMinutes(10);
    const reply = await desk.routeRequesterMessage(conversation, 'プリンタで印刷できません', 'auto', KEY);
    assert.equal(reply?.ticketNumber, ticket.number);
    clock.advanceMinutes(5);
    return ticket;
  }

  const comments = async (t: TicketRecord) => (await store.comments(t.id)).map((c) => [c.kind, c.body]);
  const historySince = async (t: TicketRecord, at: Date) =>
    (await store.history(t.id))
      .filter((e) => e.at.getTime() >= at.getTime())
      .map((e) => [e.actor, e.field, e.before ?? null, e.after ?? null])
      .sort();
  const replied = () => events.filter((e) => e.event === 'requester_replied');

  it('restores a withdrawn message: requester again, flagged and 対応中, one history line, one notification', async () => {
    const ticket = await messageOnTicket();
    assert.equal(replied().length, 1);
    assert.deepEqual(await changes.deleted(conversation, KEY), { kind: 'withdrawn', ticketNumber: ticket.number });
    const withdrawn = await store.get(ticket.id);
    assert.deepEqual([withdrawn?.status, withdrawn?.requesterRepliedAt], ['on_hold', undefined]);
    clock.advanceMinutes(5);
    const at = clock.now();
    assert.deepEqual(await changes.undeleted(conversation, KEY), { kind: 'restored', ticketNumber: ticket.number });
    assert.deepEqual(await comments(ticket), [['requester', 'プリンタで印刷できません']]);
    const after = await store.get(ticket.id);
    assert.deepEqual(
      [after?.status, after?.requesterRepliedAt?.toISOString(), after?.version],
      ['in_progress', at.toISOString(), withdrawn!.version + 1],
    );
    assert.deepEqual(await historySince(ticket, at), [
      ['requester', 'requesterRepliedAt', null, at.toISOString()],
      ['requester', 'requesterWithdrawn', 'プリンタで印刷できません', 'teams_undeleted'],
      ['requester', 'status', 'on_hold', 'in_progress'],
    ]);
    const [, restored] = replied();
    assert.equal(replied().length, 2);
    const [message] = await store.comments(ticket.id);
    assert.equal(restored!.key, `restored:${message!.id}:${after!.version}`);
    assert.equal(
      restored!.body.split('\n\n')[1],
      '（依頼者が削除したメッセージを元に戻しました）\nプリンタで印刷できません',
    );
    // The same undelete again: nothing. A delete after it withdraws the message again.
    clock.advanceMinutes(1);
    assert.deepEqual(await changes.undeleted(conversation, KEY), { kind: 'none' });
    assert.equal(replied().length, 2);
    assert.equal((await store.get(ticket.id))?.version, after!.version);
    assert.deepEqual(await changes.deleted(conversation, KEY), { kind: 'withdrawn', ticketNumber: ticket.number });
    assert.deepEqual(await comments(ticket), [['deleted', 'プリンタで印刷できません']]);
  });

  it('holds an edit delivered after the delete with the withdrawn message, and restores both on undelete', async () => {
    const ticket = await messageOnTicket();
    await changes.deleted(conversation, KEY);
    const withdrawn = (await store.get(ticket.id))!;
    const historyBefore = (await store.history(ticket.id)).length;
    clock.advanceMinutes(1);
    assert.deepEqual(await changes.edited(conversation, KEY, '3階の複合機です'), {
      kind: 'held',
      ticketNumber: ticket.number,
    });
    assert.deepEqual(await changes.edited(conversation, KEY, '3階の複合機です'), { kind: 'none' });
    assert.deepEqual(await comments(ticket), [
      ['deleted', 'プリンタで印刷できません'],
      ['deleted', `${MARK}\n3階の複合機です`],
    ]);
    const held = (await store.get(ticket.id))!;
    assert.deepEqual([held.version, held.status, held.requesterRepliedAt], [withdrawn.version, 'on_hold', undefined]);
    assert.equal((await store.history(ticket.id)).length, historyBefore);
    assert.equal(replied().length, 1);
    // A delete delivered again finds nothing left to withdraw.
    assert.deepEqual(await changes.deleted(conversation, KEY), { kind: 'none' });

    clock.advanceMinutes(1);
    const at = clock.now();
    assert.deepEqual(await changes.undeleted(conversation, KEY), { kind: 'restored', ticketNumber: ticket.number });
    assert.deepEqual(await comments(ticket), [
      ['requester', 'プリンタで印刷できません'],
      ['requester', `${MARK}\n3階の複合機です`],
    ]);
    assert.deepEqual(
      (await historySince(ticket, at)).filter((e) => e[1] === 'requesterWithdrawn'),
      [['requester', 'requesterWithdrawn', 'プリンタで印刷できません', 'teams_undeleted']],
    );
    assert.equal(replied().length, 2);
    assert.equal(
      replied()[1]!.body.split('\n\n')[1],
      `（依頼者が削除したメッセージを元に戻しました）\n${MARK}\n3階の複合機です`,
    );
  });

  it('notes the undelete of a message kept after a reply in the history only, once', async () => {
    const ticket = await messageOnTicket();
    await store.addComment(ticket.id, { kind: 'reply', author: 'op1', body: '確認します' });
    clock.advanceMinutes(1);
    assert.deepEqual(await changes.deleted(conversation, KEY), { kind: 'kept', ticketNumber: ticket.number });
    // The delete delivered again (after the dedupe table's purge): noted once.
    assert.deepEqual(await changes.deleted(conversation, KEY), { kind: 'none' });
    const kept = (await store.get(ticket.id))!;
    clock.advanceMinutes(1);
    const at = clock.now();
    assert.deepEqual(await changes.undeleted(conversation, KEY), { kind: 'noted', ticketNumber: ticket.number });
    assert.deepEqual(await changes.undeleted(conversation, KEY), { kind: 'none' });
    assert.deepEqual(await comments(ticket), [
      ['requester', 'プリンタで印刷できません'],
      ['reply', '確認します'],
    ]);
    assert.deepEqual(await historySince(ticket, at), [
      ['requester', 'requesterWithdrawn', 'プリンタで印刷できません', 'teams_undeleted_kept'],
    ]);
    const after = (await store.get(ticket.id))!;
    assert.deepEqual([after.version, after.updatedAt.toISOString()], [kept.version, kept.updatedAt.toISOString()]);
    assert.equal(replied().length, 1);
    assert.equal('deletedInChannelAt' in (await store.comments(ticket.id))[0]!, false);
    // An edit of a kept message is a correction as always; deleted again, it is noted again.
    assert.equal((await changes.edited(conversation, KEY, '3階の複合機です')).kind, 'corrected');
    assert.deepEqual(await changes.deleted(conversation, KEY), { kind: 'kept', ticketNumber: ticket.number });
  });

  it('changes nothing for a message never deleted, unknown, of another conversation, or on a resolved ticket', async () => {
    const ticket = await messageOnTicket();
    const history = (await store.history(ticket.id)).length;
    const other = { ...conversation, id: 'conv-2' };
    assert.deepEqual(await changes.undeleted(conversation, KEY), { kind: 'none' });
    assert.deepEqual(await changes.undeleted(conversation, `${KEY}0`), { kind: 'none' });
    await changes.deleted(conversation, KEY);
    assert.deepEqual(await changes.undeleted(other, KEY), { kind: 'none' });
    const current = (await store.get(ticket.id))!;
    await store.update(ticket.id, current.version, { status: 'resolved', resolvedAt: clock.now() }, 'op1');
    const resolved = (await store.history(ticket.id)).length;
    assert.deepEqual(await changes.undeleted(conversation, KEY), { kind: 'none' });
    assert.deepEqual(await changes.edited(conversation, KEY, '3階の複合機です'), { kind: 'none' });
    assert.deepEqual(await comments(ticket), [['deleted', 'プリンタで印刷できません']]);
    assert.equal((await store.history(ticket.id)).length, resolved);
    assert.ok(resolved > history);
    assert.equal(replied().length, 1);
  });
});
