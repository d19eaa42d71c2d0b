/**
 * Generation counters on TypeORM (table index_generation): `bump` increments inside the database
 * (after an insert-if-missing), `current` reads it. Instances poll `current` to notice a rebuild
 * another instance published.
 */
import type { DataSource } from 'typeorm';
import { runDb } from '../run-db';
import { isUniqueViolation } from './atomic-sql';

interface IndexGenerationRow {
  name: string;
  generation: number;
  updatedAt: Date;
}

/** Counters of rebuilds, shared by every instance of one database. */
export class SqlIndexGenerations {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  private repo() {
    return this.ds.getRepository<IndexGenerationRow>('index_generation');
  }

  /** Increments the generation of `name`; returns the value read right after. */
  async bump(name: string): Promise<number> {
    const at = this.now();
    try {
      await runDb(this.ds, () => this.repo().insert({ name, generation: 0, updatedAt: at }));
    } catch (err) {
      if (!isUniqueViolation((err as { cause?: unknown }).cause ?? err)) throw err;
    }
    await runDb(this.ds, () =>
      this.ds
        .createQueryBuilder()
        .update('index_generation')
        .set({ generation: () => `"generation" + 1`, updatedAt: at })
        .where({ name })
        .execute(),
    );
    return this.current(name);
  }

  /** The generation of `name` (0 before the first bump). */
  async current(name: string): Promise<number> {
    const row = await runDb(this.ds, () => this.repo().findOneBy({ name }));
    return row ? Number(row.generation) : 0;
  }
}
