/** Saved queue views on TypeORM. */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SavedView, SavedViews } from '../../tickets';
import type { SavedViewRow } from '../schema';
import { runDb } from '../run-db';

/** SQL implementation of SavedViews. */
export class SqlSavedViews implements SavedViews {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get repo() {
    return this.ds.getRepository<SavedViewRow>('saved_view');
  }

  async list(username: string): Promise<SavedView[]> {
    const rows = await runDb(this.ds, () => this.repo.find({ where: { username }, order: { name: 'ASC' } }));
    return rows.map((r) => ({ id: r.id, name: r.name, query: r.query }));
  }

  async save(username: string, name: string, query: string): Promise<void> {
    await runDb(this.ds, () =>
      this.ds.transaction(async (em) => {
        const repo = em.getRepository<SavedViewRow>('saved_view');
        await repo.delete({ username, name });
        await repo.insert({ id: randomUUID(), username, name, query, createdAt: this.now() });
      }),
    );
  }
}
