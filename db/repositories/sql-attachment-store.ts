/** AttachmentStore on TypeORM (table attachment: metadata only). */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AttachmentMeta, AttachmentStore } from '../../tickets';
import type { AttachmentRow } from '../schema/rows';
import { runDb } from '../run-db';

/** SQL implementation of AttachmentStore. */
export class SqlAttachmentStore implements AttachmentStore {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(meta: Omit<AttachmentMeta, 'id' | 'createdAt'>): Promise<AttachmentMeta> {
    const row: AttachmentRow = { ...meta, id: randomUUID(), createdAt: this.now() };
    await runDb(this.ds, () => this.ds.getRepository<AttachmentRow>('attachment').insert(row));
    return { ...row };
  }

  async list(ticketId: string): Promise<AttachmentMeta[]> {
    const rows = await runDb(this.ds, () =>
      this.ds.getRepository<AttachmentRow>('attachment').find({ where: { ticketId }, order: { createdAt: 'ASC' } }),
    );
    return rows.map((r) => ({ ...r }));
  }
}
