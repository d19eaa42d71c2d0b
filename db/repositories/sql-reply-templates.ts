/** Canned replies on TypeORM. */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { KotaeError } from '../../core';
import type { ReplyTemplate, ReplyTemplates } from '../../tickets';
import type { ReplyTemplateRow } from '../schema';
import { runDb } from '../run-db';

/** SQL implementation of ReplyTemplates. */
export class SqlReplyTemplates implements ReplyTemplates {
  constructor(private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository<ReplyTemplateRow>('reply_template');
  }

  async list(): Promise<ReplyTemplate[]> {
    return runDb(this.ds, () => this.repo.find({ order: { name: 'ASC' } }));
  }

  async get(id: string): Promise<ReplyTemplate | undefined> {
    if (!id || id.length > 36) return undefined;
    return (await runDb(this.ds, () => this.repo.findOneBy({ id }))) ?? undefined;
  }

  async save(input: { id?: string; name: string; body: string }, at: Date): Promise<ReplyTemplate> {
    const row: ReplyTemplateRow = { id: input.id ?? randomUUID(), name: input.name, body: input.body, updatedAt: at };
    await runDb(this.ds, async () => {
      if (!input.id) return void (await this.repo.insert(row));
      const result = await this.repo.update({ id: input.id }, row);
      if (!result.affected) throw new KotaeError('NOT_FOUND', `template ${input.id}`);
    });
    return row;
  }

  async delete(id: string): Promise<void> {
    await runDb(this.ds, () => this.repo.delete({ id }));
  }
}
