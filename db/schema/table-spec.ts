/**
 * A dialect-neutral description of a table. Entities (EntitySchema) and migrations (Table) are
 * both generated from it, so SQLite and SQL Server share one definition.
 */
import { EntitySchema, Table, TableIndex, type EntitySchemaColumnOptions } from 'typeorm';
import { columnTypes, type Dialect } from './column-types';

/** Kinds of column, mapped to concrete types per dialect. */
export type ColumnKind = 'id' | 'short' | 'long' | 'date' | 'bool' | 'int' | 'float';

/** One column. */
export interface ColumnSpec {
  kind: ColumnKind;
  length?: number;
  nullable?: boolean;
  primary?: boolean;
  unique?: boolean;
  default?: string | number;
}

/** One table: name, columns by property name (= column name), and secondary indices. */
export interface TableSpec {
  name: string;
  columns: Record<string, ColumnSpec>;
  indices?: { columns: string[]; unique?: boolean }[];
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
  const indices = (spec.indices ?? []).map((ix) => ({
    name: indexName(spec.name, ix.columns),
    columns: ix.columns,
    unique: ix.unique ?? false,
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
    indices: (spec.indices ?? []).map(
      (ix) =>
        new TableIndex({
          name: indexName(spec.name, ix.columns),
          columnNames: ix.columns,
          isUnique: ix.unique ?? false,
        }),
    ),
  });
}
