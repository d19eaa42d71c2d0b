import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ALL_TABLES } from '../schema/tables';
import { toTable } from '../schema/table-spec';
import type { Dialect } from '../schema/column-types';

/** Creates every table of the first schema version. */
export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect: Dialect = queryRunner.connection.options.type === 'mssql' ? 'mssql' : 'sqlite';
    for (const spec of ALL_TABLES) await queryRunner.createTable(toTable(spec, dialect), true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const spec of [...ALL_TABLES].reverse()) await queryRunner.dropTable(spec.name, true);
  }
}
