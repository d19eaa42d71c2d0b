/**
 * WriteKeyStore on TypeORM (table write_key): the key is the primary key, so of two instances writing
 * the same key only one commits; the insert joins the transaction of the comment it belongs to.
 */
import { LessThan, type DataSource } from 'typeorm';
import type { WriteKeyRecord, WriteKeyStore } from '../../tickets';
import type { WriteKeyRow } from '../schema';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';

/** SQL implementation of WriteKeyStore. */
export class SqlWriteKeys implements WriteKeyStore {
  constructor(private readonly ds: DataSource) {}

  private repo() {
    return managerOf(this.ds).getRepository<WriteKeyRow>('write_key');
  }

  find(writeKey: string): Promise<WriteKeyRecord | undefined> {
    return runDb(this.ds, async () => (await this.repo().findOneBy({ writeKey })) ?? undefined);
  }

  async record(entry: WriteKeyRecord): Promise<void> {
    await runDb(this.ds, () => this.repo().insert({ ...entry }));
  }

  purgeBefore(before: Date): Promise<number> {
    return runDb(this.ds, async () => (await this.repo().delete({ createdAt: LessThan(before) })).affected ?? 0);
  }
}
