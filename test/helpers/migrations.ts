/** Data sources with a chosen migration list, and test migrations that fail on purpose. */
import { DataSource, type DataSourceOptions, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createDataSource, type DbConfig } from '../../db';

/** A data source for `config` that knows exactly `migrations` (instead of this build's list). */
export function dataSourceWith(config: DbConfig, migrations: DataSourceOptions['migrations']): DataSource {
  return new DataSource({ ...createDataSource(config).options, migrations } as DataSourceOptions);
}

/** A later migration that works: adds a table. */
export class AddScratchTable1764099999998 implements MigrationInterface {
  name = 'AddScratchTable1764099999998';
  async up(qr: QueryRunner): Promise<void> {
    await qr.query('CREATE TABLE "scratch_ok" ("id" integer NOT NULL)');
  }
  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE "scratch_ok"');
  }
}

/** A migration that fails halfway: creates a table and alters a shipped one, then hits an error. */
export class FailHalfway1764099999999 implements MigrationInterface {
  name = 'FailHalfway1764099999999';
  async up(qr: QueryRunner): Promise<void> {
    await qr.query('CREATE TABLE "half_done" ("id" integer NOT NULL)');
    await qr.query('ALTER TABLE "ticket" ADD "halfDone" integer NULL');
    await qr.query('SELECT * FROM "no_such_table"');
  }
  async down(): Promise<void> {}
}

/**
 * A migration that escapes its transaction (as a SQLite table rebuild outside a transaction would),
 * damages the database, then fails: only the pre-migration copy can bring the file back.
 */
export class FailOutsideTransaction1764099999997 implements MigrationInterface {
  name = 'FailOutsideTransaction1764099999997';
  async up(qr: QueryRunner): Promise<void> {
    await qr.commitTransaction();
    await qr.query('DROP TABLE "ticket"');
    await qr.startTransaction();
    throw new Error('deliberate failure after a committed change');
  }
  async down(): Promise<void> {}
}

/** A migration of a newer release this build does not know. */
export class FromTheFuture1799999999999 implements MigrationInterface {
  name = 'FromTheFuture1799999999999';
  async up(qr: QueryRunner): Promise<void> {
    await qr.query('CREATE TABLE "future_feature" ("id" integer NOT NULL)');
  }
  async down(): Promise<void> {}
}
