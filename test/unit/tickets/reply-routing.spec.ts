import assert from 'node:assert/strict';
import type { ConversationRecord } from '../../../conversations';
import type { TicketRecord } from '../../../tickets';
import { BusinessCalendar, formatJstDayTime } from '../../../calendar';
import { isRequesterOf, routeRequesterMessage, withinReopenWindow } from '../../../tickets';

const calendar = new BusinessCalendar();

function ticket(over: Partial<TicketRecord>): TicketRecord {
  return {
    id: 't1',
    number: 'HD-2026-000001',
    conversationId: 'conv-1',
    status: 'new',
    type: 'inquiry',
    priority: 'normal',
    category: 'メール',
    title: 'メールが送れない',
    details: '',
    requester: { id: 'u1', name: '山田 花子' },
    channel: 'web',
    createdAt: new Date('2026-11-19T01:00:00Z'),
    updatedAt: new Date('2026-11-19T01:00:00Z'),
    holds: [],
    version: 1,
    ...over,
  };
}

function conversation(over: Partial<ConversationRecord>): ConversationRecord {
  const at = new Date('2026-11-19T00:00:00Z');
  return { id: 'conv-1', channel: 'web', requester: {}, startedAt: at, lastActivityAt: at, ...over };
}

describe('reply routing (requester messages and tickets)', () => {
  // Resolved Friday 2026-11-20 10:00 JST; Monday 11-23 is 勤労感謝の日, so the 5 business days are
  // 11-24, 25, 26, 27 and 30: the window ends at 2026-12-01 00:00 JST.
  const resolved = ticket({ status: 'resolved', resolvedAt: new Date('2026-11-20T01:00:00Z') });

  it('counts the reopen window in business days (weekends and national holidays skipped)', () => {
    assert.equal(calendar.businessDaysDeadline(resolved.resolvedAt!, 5).toISOString(), '2026-11-30T15:00:00.000Z');
    assert.equal(withinReopenWindow(resolved, new Date('2026-11-30T14:59:59Z'), 5, calendar), true);
    assert.equal(withinReopenWindow(resolved, new Date('2026-11-30T15:00:00Z'), 5, calendar), false);
    assert.equal(withinReopenWindow(resolved, new Date('2026-11-20T02:00:00Z'), 0, calendar), false);
    assert.equal(
      withinReopenWindow(ticket({ status: 'closed' }), new Date('2026-11-20T02:00:00Z'), 5, calendar),
      false,
    );
  });

  it('adds to the newest open ticket (新規, 対応中, 保留) before any resolved one', () => {
    const now = new Date('2026-11-24T01:00:00Z');
    for (const status of ['new', 'in_progress', 'on_hold'] as const) {
      const open = ticket({ id: 't2', number: 'HD-2026-000002', status, createdAt: new Date('2026-11-18T00:00:00Z') });
      const route = routeRequesterMessage([resolved, open], now, 5, calendar);
      assert.deepEqual([route.kind, route.kind === 'none' ? '' : route.ticket.number], ['append', 'HD-2026-000002']);
    }
  });

  it('asks to confirm reopening a ticket resolved within the window; after it, or closed, the bot answers', () => {
    const inside = routeRequesterMessage([resolved], new Date('2026-11-27T01:00:00Z'), 5, calendar);
    assert.equal(inside.kind, 'confirm_reopen');
    assert.equal(routeRequesterMessage([resolved], new Date('2026-12-01T01:00:00Z'), 5, calendar).kind, 'none');
    const closed = ticket({ status: 'closed', resolvedAt: new Date('2026-11-20T01:00:00Z') });
    assert.equal(routeRequesterMessage([closed], new Date('2026-11-20T02:00:00Z'), 5, calendar).kind, 'none');
    assert.equal(routeRequesterMessage([], new Date('2026-11-20T02:00:00Z'), 5, calendar).kind, 'none');
  });

  it('shows a ticket only to its requester: same conversation, or the same channel identity', () => {
    const own = ticket({});
    assert.equal(isRequesterOf(own, conversation({})), true);
    assert.equal(isRequesterOf(own, conversation({ id: 'conv-2' })), false);
    assert.equal(isRequesterOf(own, conversation({ id: 'conv-2', requester: { name: '山田 花子' } })), false);
    // A web page chooses its own user.id: it proves nothing.
    assert.equal(isRequesterOf(own, conversation({ id: 'conv-2', requester: { id: 'u1' } })), false);
    const teams = ticket({ channel: 'teams', conversationId: 'conv-9', requester: { id: 'aad-1' } });
    assert.equal(
      isRequesterOf(teams, conversation({ id: 'conv-3', channel: 'teams', requester: { id: 'aad-1' } })),
      true,
    );
    assert.equal(
      isRequesterOf(teams, conversation({ id: 'conv-3', channel: 'web', requester: { id: 'aad-1' } })),
      false,
    );
    assert.equal(
      isRequesterOf(teams, conversation({ id: 'conv-3', channel: 'teams', requester: { id: 'aad-2' } })),
      false,
    );
  });

  it('names desk openings the way staff read them, in JST', () => {
    assert.equal(formatJstDayTime(new Date('2026-12-02T23:30:00Z')), '12月3日（木）8時30分');
    assert.equal(formatJstDayTime(new Date('2026-12-07T00:00:00Z')), '12月7日（月）9時');
    assert.equal(formatJstDayTime(calendar.nextOpening(new Date('2026-12-02T11:00:00Z'))), '12月3日（木）8時30分');
  });
});
