/** Tickets the console tests start from, made the way the bot makes them. */
import type { SqlConversationStore, SqlTicketStore } from '../../../../../db';
import type { AttachmentService } from '../../../../../tickets';

/** What the seeds write through. */
export interface TicketSeedDeps {
  conversations: SqlConversationStore;
  ticketStore: SqlTicketStore;
  attachments: AttachmentService;
  now: () => Date;
}

/** `openTicket` and `attachedImage` on the harness's stores. */
export function ticketSeeds({ conversations, ticketStore, attachments, now }: TicketSeedDeps) {
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
  async function attachedImage() {
    const ticket = await openTicket();
    const staged = await attachments.stage(
      (async function* () {
        yield Buffer.from('89504e470d0a1a0a00', 'hex');
      })(),
      { fileName: 'screen.png', contentType: 'image/png' },
    );
    const { attachment } = await attachments.addFromRequester(
      { conversationId: ticket.conversationId!, uploadedBy: '山田 花子' },
      staged,
    );
    return { ticket, attachment };
  }

  return { openTicket, attachedImage };
}
