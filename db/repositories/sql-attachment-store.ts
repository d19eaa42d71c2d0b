/** AttachmentStore on TypeORM (table attachment: rows; the content lives in the file store). */
import { randomUUID } from 'node:crypto';
import { In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import type { AttachmentKind, AttachmentMeta, AttachmentStore, NewAttachment } from '../../tickets';
import type { AttachmentRow, TicketRow } from '../schema';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';

function toMeta(r: AttachmentRow): AttachmentMeta {
  return {
    id: r.id,
    ticketId: r.ticketId ?? undefined,
    conversationId: r.conversationId ?? undefined,
    commentId: r.commentId ?? undefined,
    kind: r.kind as AttachmentKind,
    fileName: r.fileName,
    contentType: r.contentType,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256 ?? undefined,
    uploadedBy: r.uploadedBy,
    createdAt: r.createdAt,
  };
}

/**
 * Links the files held on a conversation to its new ticket. SqlTicketStore.create calls it inside
 * the transaction that creates the ticket, so a file is never left behind by an escalation.
 */
export async function linkHeldAttachments(
  em: EntityManager,
  conversationId: string,
  ticketId: string,
): Promise<number> {
  const result = await em
    .getRepository<AttachmentRow>('attachment')
    .update({ conversationId, ticketId: IsNull() }, { ticketId });
  return result.affected ?? 0;
}

/** SQL implementation of AttachmentStore. */
export class SqlAttachmentStore implements AttachmentStore {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get repo() {
    return managerOf(this.ds).getRepository<AttachmentRow>('attachment');
  }

  async add(meta: NewAttachment): Promise<AttachmentMeta> {
    const row: AttachmentRow = {
      id: randomUUID(),
      ticketId: meta.ticketId ?? null,
      conversationId: meta.conversationId ?? null,
      commentId: meta.commentId ?? null,
      kind: meta.kind,
      fileName: meta.fileName.slice(0, 400),
      contentType: meta.contentType.slice(0, 200),
      sizeBytes: meta.sizeBytes,
      sha256: meta.sha256 ?? null,
      uploadedBy: meta.uploadedBy.slice(0, 100),
      createdAt: this.now(),
    };
    await runDb(this.ds, () => this.repo.insert(row));
    return toMeta(row);
  }

  async get(id: string): Promise<AttachmentMeta | undefined> {
    const row = await runDb(this.ds, () => this.repo.findOneBy({ id }));
    return row ? toMeta(row) : undefined;
  }

  async list(ticketId: string): Promise<AttachmentMeta[]> {
    const rows = await runDb(this.ds, () => this.repo.find({ where: { ticketId }, order: { createdAt: 'ASC' } }));
    return rows.map(toMeta);
  }

  async listForConversation(conversationId: string): Promise<AttachmentMeta[]> {
    const rows = await runDb(this.ds, () => this.repo.find({ where: { conversationId }, order: { createdAt: 'ASC' } }));
    return rows.map(toMeta);
  }

  async openTicketOf(conversationId: string): Promise<string | undefined> {
    const row = await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<TicketRow>('ticket')
        .findOne({
          where: { conversationId, status: Not('closed') },
          order: { createdAt: 'DESC' },
        }),
    );
    return row?.id;
  }

  linkHeld(conversationId: string, ticketId: string): Promise<number> {
    return runDb(this.ds, () => linkHeldAttachments(managerOf(this.ds), conversationId, ticketId));
  }

  async withHash(sha256: string): Promise<AttachmentMeta[]> {
    const rows = await runDb(this.ds, () => this.repo.find({ where: { sha256 }, order: { createdAt: 'ASC' } }));
    return rows.map(toMeta);
  }

  async referencedHashes(sha256s: readonly string[]): Promise<Set<string>> {
    if (sha256s.length === 0) return new Set();
    const rows = await runDb(this.ds, () =>
      this.repo.find({ select: { sha256: true }, where: { sha256: In([...sha256s]) } }),
    );
    return new Set(rows.map((r) => r.sha256).filter((s): s is string => s !== null));
  }
}
