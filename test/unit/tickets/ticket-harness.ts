/** Builds a TicketService over the in-memory fakes for tests. */
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import type { ChannelSender } from '../../../conversations';
import type { ChannelKind } from '../../../conversations';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { AttachmentService, ReplyDelivery, TicketService } from '../../../tickets';
import { InMemoryAttachmentFileStore } from '../../fakes/in-memory-attachment-files';
import { InMemoryTicketStore } from '../../fakes/in-memory-ticket-store';
import { newTicket } from '../../contracts/ticket-store.contract';
import { FakeAttachments, FakeConversations, RecordingAudit, RecordingSender } from './fakes';

/** A service with its fakes; the clock starts on a business day at 10:00 JST. */
export function ticketHarness() {
  const clock = new FakeClock('2026-04-01T01:00:00Z');
  const store = new InMemoryTicketStore(() => clock.now());
  const conversations = new FakeConversations();
  const web = new RecordingSender('web');
  const senders = new Map<ChannelKind, ChannelSender>([['web', web]]);
  const logger = new MemoryLogger();
  const audit = new RecordingAudit();
  const delivery = new ReplyDelivery({ store, conversations, senders, outbox: store, clock, logger });
  const rows = new FakeAttachments();
  const fileStore = new InMemoryAttachmentFileStore(() => clock.now());
  const files = new AttachmentService({ files: fileStore, rows, tickets: store, audit, maxBytes: 1024 * 1024 });
  const service = new TicketService({
    store,
    delivery,
    attachments: rows,
    files,
    calendar: new BusinessCalendar(),
    slaPolicy: DEFAULT_SLA_POLICY,
    clock,
    audit,
  });
  const conversation = conversations.add('conv-1', 'web');
  const open = (over: Parameters<typeof newTicket>[0] = {}) =>
    store.create(newTicket({ conversationId: conversation.id, ...over }), 'bot');
  return { clock, store, conversations, web, senders, logger, audit, service, open, rows, fileStore, files };
}
