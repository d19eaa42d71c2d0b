/** The ticket store wrapper publishes new tickets, requester replies and assignments (to the assignee). */
import assert from 'node:assert/strict';
import { NotifyingTicketStore, type DeskEvent } from '../../../notify';
import { newTicket } from '../../contracts/ticket-store.contract';
import { InMemoryTicketStore } from '../../fakes/in-memory-ticket-store';

describe('NotifyingTicketStore', () => {
  it('publishes ticket_created, requester_replied and assigned, nothing for notes or unchanged assignees', async () => {
    const events: DeskEvent[] = [];
    const store = new NotifyingTicketStore(
      new InMemoryTicketStore(() => new Date('2026-04-01T01:00:00Z')),
      async (e) => void events.push(e),
      (n) => `https://kotae.example.lg.jp/console/tickets/${n}`,
    );
    const t = await store.create(newTicket(), 'bot');
    await store.addComment(t.id, { kind: 'note', author: 'op1', body: 'メモ' });
    await store.addComment(t.id, { kind: 'requester', author: '山田 花子', body: 'まだ直りません' });
    const assigned = await store.update(t.id, t.version, { assignee: 'sato' }, 'op1');
    await store.update(t.id, assigned.version, { assignee: 'sato', priority: 'high' }, 'op1');
    assert.deepEqual(
      events.map((e) => [e.event, e.onlyFor]),
      [
        ['ticket_created', undefined],
        ['requester_replied', undefined],
        ['assigned', 'sato'],
      ],
    );
    assert.match(events[1]!.body, /まだ直りません/);
    assert.equal(events[2]!.link, `https://kotae.example.lg.jp/console/tickets/${t.number}`);
  });
});
