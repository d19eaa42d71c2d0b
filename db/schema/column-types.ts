/**
 * Portable column types: one schema definition serves SQLite, PostgreSQL and SQL Server.
 * SQL Server needs nvarchar for Japanese text and datetime2 for precise UTC times; PostgreSQL stores
 * times as `timestamp(3)` holding UTC (see db/postgres-dates.ts).
 */
import { KotaeError } from '../../core';

/** A SQL dialect Kotae writes for. */
export type Dialect = 'sqlite' | 'postgres' | 'mssql';

/**
 * The dialect of a TypeORM driver type (`connection.options.type`): 'better-sqlite3' | 'postgres' |
 * 'mssql'. Any other driver is refused, never guessed.
 */
export function dialectOfDriver(type: string): Dialect {
  if (type === 'better-sqlite3') return 'sqlite';
  if (type === 'postgres' || type === 'mssql') return type;
  throw new KotaeError('CONFIG_INVALID', `unsupported database type ${type}`);
}

/** The column type names and lengths used by every entity. */
export interface ColumnTypes {
  id: { type: 'varchar' | 'nvarchar'; length: number };
  shortText: (length: number) => { type: 'varchar' | 'nvarchar'; length: number };
  longText: { type: 'text' | 'nvarchar'; length?: 'MAX' };
  date: { type: 'datetime' | 'datetime2' | 'timestamp'; precision?: number };
  bool: { type: 'boolean' | 'bit' };
  int: { type: 'integer' | 'int' };
  float: { type: 'real' | 'float' | 'double precision' };
  /** Bytes: SQLite blob, PostgreSQL bytea, SQL Server varbinary(max). */
  blob: { type: 'blob' | 'bytea' | 'varbinary'; length?: 'MAX' };
}

/** Column types for a dialect. */
export function columnTypes(dialect: Dialect): ColumnTypes {
  if (dialect === 'mssql') {
    return {
      id: { type: 'nvarchar', length: 36 },
      shortText: (length) => ({ type: 'nvarchar', length }),
      longText: { type: 'nvarchar', length: 'MAX' },
      date: { type: 'datetime2' },
      bool: { type: 'bit' },
      int: { type: 'int' },
      float: { type: 'float' },
      blob: { type: 'varbinary', length: 'MAX' },
    };
  }
  if (dialect === 'postgres') {
    return {
      id: { type: 'varchar', length: 36 },
      shortText: (length) => ({ type: 'varchar', length }),
      longText: { type: 'text' },
      date: { type: 'timestamp', precision: 3 },
      bool: { type: 'boolean' },
      int: { type: 'integer' },
      float: { type: 'double precision' },
      blob: { type: 'bytea' },
    };
  }
  return {
    id: { type: 'varchar', length: 36 },
    shortText: (length) => ({ type: 'varchar', length }),
    longText: { type: 'text' },
    date: { type: 'datetime' },
    bool: { type: 'boolean' },
    int: { type: 'integer' },
    float: { type: 'real' },
    blob: { type: 'blob' },
  };
}
