/**
 * A dialect-neutral description of a table. Entities (EntitySchema) and migrations (Table) are
 * both generated from it, so SQLite and SQL Server share one definition.
 */
import { EntitySchema, Table, TableIndex, type EntitySchemaColumnOptions } from 'typeorm';
import { columnTypes, type Dialect } from './column-types';

/** Kinds of column, mapped to concrete types per dialect. */
export type ColumnKind = 'id' | 'short' | 'long' | 'date' | 'bool' | 'int' | 'float' | 'blob';

/** One column. */
export interface ColumnSpec {
  kind: ColumnKind;
  length?: number;
  nullable?: boolean;
  primary?: boolean;
  unique?: boolean;
  default?: string | number;
}

/**
 * A secondary index. `trigram`: a PostgreSQL-only GIN index with the pg_trgm operator class on every column
 * (for ILIKE '%…%' search); SQLite and SQL Server have no such index (SQLite searches its FTS5 table).
 */
export interface IndexSpec {
  columns: string[];
  unique?: boolean;
  trigram?: boolean;
}

/**
 * The name of an index: `IX_<table>_<col1>_<col2>`, with `_trgm` after a trigram index's column (it may sit
 * beside a B-tree index of the same column).
 */
export function nameOf(table: string, ix: IndexSpec): string {
  return `${indexName(table, ix.columns)}${ix.trigram ? '_trgm' : ''}`;
}

/** One table: name, columns by property name (= column name), and secondary indices. */
export interface TableSpec {
  name: string;
  columns: Record<string, ColumnSpec>;
  indices?: IndexSpec[];
}

/** The indices a dialect has: trigram indices exist on PostgreSQL only. */
export function indicesOf(spec: TableSpec, dialect: Dialect): IndexSpec[] {
  return (spec.indices ?? []).filter((ix) => !ix.trigram || dialect === 'postgres');
}

/**
 * The `CREATE INDEX` of a trigram index as PostgreSQL reports it in `pg_indexes.indexdef`. TypeORM's
 * entity schema cannot express an access method or operator class, so trigram indices are declared
 * `synchronize: false` (its schema diff ignores them) and the migration tests compare this text instead.
 */
export function trigramIndexDef(table: string, ix: IndexSpec, schema = 'public'): string {
  const columns = ix.columns.map((c) => `${/^[a-z_][a-z0-9_]*$/.test(c) ? c : `"${c}"`} gin_trgm_ops`).join(', ');
  return `CREATE INDEX "${nameOf(table, ix)}" ON ${schema}.${table} USING gin (${columns})`;
}

function concrete(spec: ColumnSpec, dialect: Dialect): { type: string; length?: string | number; precision?: number } {
  const t = columnTypes(dialect);
  switch (spec.kind) {
    case 'id':
      return t.id;
    case 'short':
      return t.shortText(spec.length ?? 200);
    case 'long':
      return t.longText;
    case 'date':
      return t.date;
    case 'bool':
      return t.bool;
    case 'int':
      return t.int;
    case 'float':
      return t.float;
    case 'blob':
      return t.blob;
  }
}

/** Builds the TypeORM EntitySchema for a table. */
export function toEntitySchema(spec: TableSpec, dialect: Dialect): EntitySchema {
  const columns: Record<string, EntitySchemaColumnOptions> = {};
  for (const [name, col] of Object.entries(spec.columns)) {
    const { type, length, precision } = concrete(col, dialect);
    columns[name] = {
      type: type as EntitySchemaColumnOptions['type'],
      length: length === undefined ? undefined : String(length),
      precision,
      nullable: col.nullable ?? false,
      primary: col.primary ?? false,
      unique: col.unique ?? false,
      default: col.default,
    };
  }
  // Indices are declared too, so TypeORM's schema diff can prove a migrated database matches.
  const indices = indicesOf(spec, dialect).map((ix) => ({
    name: nameOf(spec.name, ix),
    columns: ix.columns,
    unique: ix.unique ?? false,
    // EntitySchema cannot say "GIN with gin_trgm_ops": TypeORM leaves such an index alone (neither drops
    // nor recreates it), and the migration tests compare its definition in pg_indexes instead.
    ...(ix.trigram ? { synchronize: false } : {}),
  }));
  return new EntitySchema({ name: spec.name, tableName: spec.name, columns, indices });
}

/** `IX_<table>_<col1>_<col2>`, the name of every secondary index (unique ones too). */
export function indexName(table: string, columns: readonly string[]): string {
  return `IX_${table}_${columns.join('_')}`;
}

/** Builds the migration Table (with its indices) for a table. */
export function toTable(spec: TableSpec, dialect: Dialect): Table {
  return new Table({
    name: spec.name,
    columns: Object.entries(spec.columns).map(([name, col]) => {
      const { type, length, precision } = concrete(col, dialect);
      return {
        name,
        type,
        length: length === undefined ? undefined : String(length),
        precision,
        isNullable: col.nullable ?? false,
        isPrimary: col.primary ?? false,
        isUnique: col.unique ?? false,
        default: typeof col.default === 'string' ? `'${col.default}'` : col.default,
      };
    }),
    // A trigram index needs its operator class, which TableIndex cannot carry: migrations write it in SQL.
    indices: indicesOf(spec, dialect)
      .filter((ix) => !ix.trigram)
      .map(
        (ix) =>
          new TableIndex({
            name: indexName(spec.name, ix.columns),
            columnNames: ix.columns,
            isUnique: ix.unique ?? false,
          }),
      ),
  });
}
