/** AttachmentStore on TypeORM (table attachment: metadata only). */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AttachmentMeta, AttachmentStore } from '../../tickets';
import type { AttachmentRow } from '../schema/rows';
import { mapDbError } from '../data-source';
import { runDb } from '../run-db';

/** SQL implementation of AttachmentStore. */
export class SqlAttachmentStore implements AttachmentStore {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(meta: Omit<AttachmentMeta, 'id' | 'createdAt'>): Promise<AttachmentMeta> {
    const row: AttachmentRow = { ...meta, id: randomUUID(), createdAt: this.now() };
    try {
      await runDb(this.ds, () => this.ds.getRepository<AttachmentRow>('attachment').insert(row));
    } catch (err) {
      throw mapDbError(err);
    }
    return { ...row };
  }

  async list(ticketId: string): Promise<AttachmentMeta[]> {
    try {
      const rows = await runDb(this.ds, () =>
        this.ds.getRepository<AttachmentRow>('attachment').find({ where: { ticketId }, order: { createdAt: 'ASC' } }),
      );
      return rows.map((r) => ({ ...r }));
    } catch (err) {
      throw mapDbError(err);
    }
  }
}
