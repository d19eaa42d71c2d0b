/**
 * Prepared statements on the SQLite connection TypeORM opened, for the question path (issue 17): TypeORM
 * builds, escapes and re-prepares every statement (a transaction gets a new query runner with an empty
 * statement cache), which cost more than SQLite's own work. Values are encoded and decoded with TypeORM's
 * own driver functions for the entity's columns, so a row written or read here is byte for byte the row
 * TypeORM writes or reads. Callers run inside `runDb` (serialised, errors mapped); statements issued
 * inside `inTransaction` run in that transaction (better-sqlite3 has one connection).
 * PostgreSQL and SQL Server stay on TypeORM.
 */
import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** The part of a better-sqlite3 statement used here. */
interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** The part of a better-sqlite3 connection used here. */
interface Connection {
  prepare(sql: string): Statement;
}

/** Prepared statements of one SQLite data source, with TypeORM's encoding of each table's columns. */
export class SqliteStatements {
  private connection?: Connection;
  private readonly statements = new Map<string, Statement>();
  private readonly inserts = new Map<string, { sql: string; columns: ColumnMetadata[] }>();

  private constructor(private readonly ds: DataSource) {}

  /** The statements of `ds` when it is SQLite (one instance per data source), else undefined. */
  static of(ds: DataSource): SqliteStatements | undefined {
    if (ds.options.type !== 'better-sqlite3') return undefined;
    let statements = instances.get(ds);
    if (!statements) instances.set(ds, (statements = new SqliteStatements(ds)));
    return statements;
  }

  /** Inserts `row` into `table`: every column of the entity, encoded as TypeORM encodes it. */
  insert(table: string, row: object): void {
    const { sql, columns } = this.insertOf(table);
    const values = row as Record<string, unknown>;
    this.prepare(sql).run(...columns.map((c) => this.encodeFor(c, values[c.propertyName])));
  }

  /** Runs a statement; returns the number of rows changed. */
  run(sql: string, params: readonly unknown[]): number {
    return this.prepare(sql).run(...params).changes;
  }

  /** The first row as SQLite returns it, not decoded (undefined when there is none). */
  raw<T>(sql: string, params: readonly unknown[]): T | undefined {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  /** The first column of the first row (undefined when there is none). */
  value(sql: string, params: readonly unknown[]): unknown {
    const row = this.prepare(sql).get(...params) as Record<string, unknown> | undefined;
    return row ? Object.values(row)[0] : undefined;
  }

  /** The first row of a `SELECT * FROM table …`, decoded as TypeORM decodes the entity (undefined when none). */
  row<T>(table: string, sql: string, params: readonly unknown[]): T | undefined {
    const raw = this.prepare(sql).get(...params) as Record<string, unknown> | undefined;
    return raw ? this.decode<T>(table, raw) : undefined;
  }

  /** Every row of a `SELECT * FROM table …`, decoded as TypeORM decodes the entity. */
  rows<T>(table: string, sql: string, params: readonly unknown[]): T[] {
    return (this.prepare(sql).all(...params) as Record<string, unknown>[]).map((raw) => this.decode<T>(table, raw));
  }

  private decode<T>(table: string, raw: Record<string, unknown>): T {
    const driver = this.ds.driver;
    const out: Record<string, unknown> = {};
    for (const c of this.ds.getMetadata(table).columns) {
      out[c.propertyName] = driver.prepareHydratedValue(raw[c.databaseName], c);
    }
    return out as T;
  }

  /** A value as TypeORM stores it in a column (e.g. a Date as SQLite datetime text). */
  encode(table: string, property: string, value: unknown): unknown {
    const column = this.ds.getMetadata(table).findColumnWithPropertyName(property);
    if (!column) throw new Error(`no column ${table}.${property}`);
    return this.encodeFor(column, value);
  }

  private encodeFor(column: ColumnMetadata, value: unknown): unknown {
    const encoded: unknown = this.ds.driver.preparePersistentValue(value, column);
    return encoded === undefined ? null : encoded;
  }

  private insertOf(table: string): { sql: string; columns: ColumnMetadata[] } {
    let insert = this.inserts.get(table);
    if (!insert) {
      const columns = this.ds.getMetadata(table).columns;
      const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
      const sql = `INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`;
      this.inserts.set(table, (insert = { sql, columns }));
    }
    return insert;
  }

  /** A cached statement; the cache is emptied when the data source opened a new connection. */
  private prepare(sql: string): Statement {
    const connection = (this.ds.driver as unknown as { databaseConnection: Connection }).databaseConnection;
    if (connection !== this.connection) {
      this.statements.clear();
      this.connection = connection;
    }
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = connection.prepare(sql)));
    return statement;
  }
}

const instances = new WeakMap<DataSource, SqliteStatements>();
