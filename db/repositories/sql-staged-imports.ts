/**
 * StagedImportStore on TypeORM (table staged_import): the bytes of an uploaded file (blob / bytea /
 * varbinary(max)) between a preview and its confirmation, read back only by the operator who uploaded them.
 */
import { randomUUID } from 'node:crypto';
import { LessThanOrEqual, type DataSource } from 'typeorm';
import type { StagedImport, StagedImportStore } from '../../operations';
import type { StagedImportRow } from '../schema';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';

/** SQL implementation of StagedImportStore. */
export class SqlStagedImports implements StagedImportStore {
  constructor(private readonly ds: DataSource) {}

  private repo() {
    return managerOf(this.ds).getRepository<StagedImportRow>('staged_import');
  }

  async put(entry: Omit<StagedImport, 'id'>): Promise<StagedImport> {
    const row: StagedImportRow = { id: randomUUID(), ...entry, content: Buffer.from(entry.content) };
    await runDb(this.ds, () => this.repo().insert(row));
    return { ...row };
  }

  async find(kind: string, token: string, createdBy: string): Promise<StagedImport | undefined> {
    const row = await runDb(this.ds, () =>
      this.repo().findOne({ where: { kind, token, createdBy }, order: { createdAt: 'DESC' } }),
    );
    // The drivers give a Buffer (better-sqlite3, pg, mssql); copied so a caller cannot alias the driver's memory.
    return row ? { ...row, content: Buffer.from(row.content) } : undefined;
  }

  remove(kind: string, createdBy: string, token?: string): Promise<number> {
    const where = token === undefined ? { kind, createdBy } : { kind, createdBy, token };
    return runDb(this.ds, async () => (await this.repo().delete(where)).affected ?? 0);
  }

  sweep(now: Date): Promise<number> {
    return runDb(this.ds, async () => (await this.repo().delete({ expiresAt: LessThanOrEqual(now) })).affected ?? 0);
  }
}
