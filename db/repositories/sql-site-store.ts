/** SiteStore on TypeORM (table site). */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { KotaeError } from '../../core';
import { OPS_MESSAGES, type Site, type SiteInput, type SiteKind, type SiteStore } from '../../operations';
import type { SiteRow, TerminalRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';
import { isUniqueViolation } from './atomic-sql';

const toSite = (r: SiteRow): Site => ({
  id: r.id,
  name: r.name,
  kind: r.kind as SiteKind,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** SQL implementation of SiteStore. */
export class SqlSiteStore implements SiteStore {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private repo() {
    return managerOf(this.ds).getRepository<SiteRow>('site');
  }

  /** Runs a write; a taken name becomes CONFLICT with the Japanese message. */
  private async write<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await runDb(this.ds, work);
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause ?? err;
      if (isUniqueViolation(cause))
        throw new KotaeError('CONFLICT', `site name ${name} taken`, {
          userMessage: OPS_MESSAGES.siteDuplicate(name),
          cause,
        });
      throw err;
    }
  }

  async list(): Promise<Site[]> {
    const rows = await runDb(this.ds, () => this.repo().find());
    const order: Record<string, number> = { main: 0, branch: 1, outpost: 2 };
    return rows.map(toSite).sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, 'ja'));
  }

  async get(id: string): Promise<Site | undefined> {
    const row = await runDb(this.ds, () => this.repo().findOneBy({ id }));
    return row ? toSite(row) : undefined;
  }

  async create(input: SiteInput): Promise<Site> {
    const at = this.now();
    const row: SiteRow = { id: randomUUID(), name: input.name, kind: input.kind, createdAt: at, updatedAt: at };
    await this.write(input.name, () => this.repo().insert(row));
    return toSite(row);
  }

  async update(id: string, input: SiteInput): Promise<Site> {
    const result = await this.write(input.name, () =>
      this.repo().update({ id }, { name: input.name, kind: input.kind, updatedAt: this.now() }),
    );
    if (!result.affected)
      throw new KotaeError('NOT_FOUND', `site ${id} not found`, { userMessage: OPS_MESSAGES.siteNotFound });
    return (await this.get(id)) as Site;
  }

  async remove(id: string): Promise<boolean> {
    return runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        if (await em.getRepository<TerminalRow>('terminal').existsBy({ siteId: id })) return false;
        await em.getRepository<SiteRow>('site').delete({ id });
        return true;
      }),
    );
  }
}
