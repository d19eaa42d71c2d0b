/**
 * The dialect a migration writes SQL for, from `queryRunner.connection.options.type`
 * ('better-sqlite3' | 'postgres' | 'mssql'). Any other driver is refused: a migration never guesses.
 */
import type { QueryRunner } from 'typeorm';
import { dialectOfDriver, type Dialect } from '../schema';

/** The dialect of the connection a migration runs on. */
export function migrationDialect(queryRunner: QueryRunner): Dialect {
  return dialectOfDriver(queryRunner.connection.options.type);
}
