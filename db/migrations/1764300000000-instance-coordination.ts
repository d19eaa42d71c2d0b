import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

/** Column types written out per dialect (frozen DDL, never derived from tables.ts). */
const TYPES = {
  sqlite: { name: 'varchar(64)', holder: 'varchar(200)', activity: 'varchar(200)', date: 'datetime', int: 'integer' },
  postgres: {
    name: 'varchar(64)',
    holder: 'varchar(200)',
    activity: 'varchar(200)',
    date: 'timestamp(3)',
    int: 'integer',
  },
  mssql: { name: 'nvarchar(64)', holder: 'nvarchar(200)', activity: 'nvarchar(200)', date: 'datetime2', int: 'int' },
} as const;

/**
 * Several instances on one database (issue 17 point 4): `job_lease` names the instance that runs a
 * scheduled job until `expiresAt`; `processed_activity` remembers Teams activity ids already handled
 * by any instance (purged by the retention job after a day); `index_generation` counts rebuilds of the
 * knowledge index, so every instance notices a new one and rebuilds its own.
 */
export class InstanceCoordination1764300000000 implements MigrationInterface {
  name = 'InstanceCoordination1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    // SQLite declares the key on the column (as the initial migration does); the others name it PK_<table>.
    const key = (type: string) => (d === 'sqlite' ? `${type} PRIMARY KEY NOT NULL` : `${type} NOT NULL`);
    const pk = (table: string, column: string) =>
      d === 'sqlite' ? '' : `, CONSTRAINT "PK_${table}" PRIMARY KEY ("${column}")`;
    await queryRunner.query(
      `CREATE TABLE "job_lease" ("name" ${key(t.name)}, "holder" ${t.holder} NOT NULL, ` +
        `"expiresAt" ${t.date} NOT NULL${pk('job_lease', 'name')})`,
    );
    await queryRunner.query(
      `CREATE TABLE "processed_activity" ("activityId" ${key(t.activity)}, "createdAt" ${t.date} NOT NULL` +
        `${pk('processed_activity', 'activityId')})`,
    );
    await queryRunner.query(`CREATE INDEX "IX_processed_activity_createdAt" ON "processed_activity" ("createdAt")`);
    await queryRunner.query(
      `CREATE TABLE "index_generation" ("name" ${key(t.name)}, "generation" ${t.int} NOT NULL, ` +
        `"updatedAt" ${t.date} NOT NULL${pk('index_generation', 'name')})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "index_generation"`);
    await queryRunner.query(`DROP TABLE "processed_activity"`);
    await queryRunner.query(`DROP TABLE "job_lease"`);
  }
}
