/**
 * The dialect a migration writes SQL for, from `queryRunner.connection.options.type`
 * ('better-sqlite3' | 'postgres' | 'mssql'). Any other driver is refused: a migration never guesses.
 */
import type { QueryRunner } from 'typeorm';
import { KotaeError } from '../../core/errors';
import type { Dialect } from '../schema/column-types';

/** The dialect of the connection a migration runs on. */
export function migrationDialect(queryRunner: QueryRunner): Dialect {
  const type = queryRunner.connection.options.type;
  if (type === 'better-sqlite3') return 'sqlite';
  if (type === 'postgres' || type === 'mssql') return type;
  throw new KotaeError('CONFIG_INVALID', `no migration SQL for database type ${type}`);
}
