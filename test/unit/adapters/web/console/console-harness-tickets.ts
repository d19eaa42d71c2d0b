/** Tickets the console tests start from, made the way the bot makes them. */
import type { SqlConversationStore, SqlTicketStore } from '../../../../../db';
import type { AttachmentService, FileScanStore } from '../../../../../tickets';

/** What the seeds write through. */
export interface TicketSeedDeps {
  conversations: SqlConversationStore;
  ticketStore: SqlTicketStore;
  attachments: AttachmentService;
  scans: FileScanStore;
  now: () => Date;
}

/** `openTicket` and `attachedImage` on the harness's stores. */
export function ticketSeeds({ conversations, ticketStore, attachments, scans, now }: TicketSeedDeps) {
  /** Opens a ticket from a web conversation (as an escalation would). */
  async function openTicket(
    over: { type?: 'inquiry' | 'incident' | 'request'; title?: string; category?: string } = {},
  ) {
    const conversation = await conversations.createConversation({
      channel: 'web',
      requester: { name: '山田 花子', department: '総務課' },
    });
    await conversations.appendTranscript(conversation.id, { role: 'user', text: 'プリンタが動きません', at: now() });
    return ticketStore.create(
      {
        conversationId: conversation.id,
        type: over.type ?? 'inquiry',
        priority: 'normal',
        category: over.category ?? 'プリンタ',
        title: over.title ?? 'プリンタで印刷できない',
        details: '3階のプリンタで印刷できません。',
        requester: conversation.requester,
        channel: 'web',
        transcript: [{ role: 'user', text: 'プリンタが動きません', at: now() }],
      },
      'bot',
    );
  }

  /** A requester's PNG held on a new ticket's conversation and linked to the ticket. */
  async function attachedImage(bytes = Buffer.from('89504e470d0a1a0a00', 'hex')) {
    const ticket = await openTicket();
    const staged = await attachments.stage(
      (async function* () {
        yield bytes;
      })(),
      { fileName: 'screen.png', contentType: 'image/png' },
    );
    const { attachment } = await attachments.addFromRequester(
      { conversationId: ticket.conversationId!, uploadedBy: '山田 花子' },
      staged,
    );
    return { ticket, attachment };
  }

  /** attachedImage whose content a rescan quarantined (again, after a release: an older version detects it). */
  async function quarantinedImage() {
    // Content of its own: attachedImage's stays served.
    const seeded = await attachedImage(Buffer.from('89504e470d0a1a0a0051', 'hex'));
    const file = { kind: 'attachment' as const, sha256: seeded.attachment.sha256! };
    const claim = { holder: 'seed', now: now(), until: now() };
    if ((await scans.claim(file, 'Seed 0.1', undefined, claim)) === 'claimed') {
      await scans.recordInfected(file, 'Seed.FalsePositive', 'Seed 0.1', 'seed', now());
    }
    return seeded;
  }

  return { openTicket, attachedImage, quarantinedImage };
}
