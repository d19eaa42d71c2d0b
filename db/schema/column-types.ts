/**
 * Portable column types: one schema definition serves SQLite and SQL Server.
 * SQL Server needs nvarchar for Japanese text and datetime2 for precise UTC times.
 */
export type Dialect = 'sqlite' | 'mssql';

/** The column type names and lengths used by every entity and migration. */
export interface ColumnTypes {
  id: { type: 'varchar' | 'nvarchar'; length: number };
  shortText: (length: number) => { type: 'varchar' | 'nvarchar'; length: number };
  longText: { type: 'text' | 'nvarchar'; length?: 'MAX' };
  date: { type: 'datetime' | 'datetime2' };
  bool: { type: 'boolean' | 'bit' };
  int: { type: 'integer' | 'int' };
  float: { type: 'real' | 'float' };
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
  };
}
