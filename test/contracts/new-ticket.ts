/** A ticket input for the TicketStore suites and the specs that need a ticket. */
import type { NewTicket } from '../../tickets';

/** A ticket input with overrides. */
export function newTicket(over: Partial<NewTicket> = {}): NewTicket {
  return {
    type: 'inquiry',
    priority: 'normal',
    category: 'メール',
    title: 'メールが送れない',
    details: '添付付きのメールが送信できません。',
    requester: { id: 'u1', name: '山田 花子', department: '総務課' },
    channel: 'web',
    transcript: [{ role: 'user', text: 'メールが送れない', at: new Date('2026-04-01T00:00:00Z') }],
    ...over,
  };
}
