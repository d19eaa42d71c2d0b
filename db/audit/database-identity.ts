/**
 * The identity of a database in the anchor file (issue 11, session 31): which database a checkpoint
 * describes, so a restore drill into another database (or a copy started elsewhere) never mixes its
 * checkpoints with production's. PostgreSQL: the cluster's system identifier and the database name
 * (the same for every instance, whatever host name they connect with); SQL Server: the server and
 * database names; SQLite: the real path of the file. Backups and restores copy the rows, never the
 * identity: a copy put somewhere else is another database.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';

/** The cluster's system identifier; some managed services refuse pg_control_system(), then the server address. */
const POSTGRES_IDENTITY_SQL = [
  "SELECT 'postgres:' || (SELECT system_identifier::text FROM pg_control_system()) || '/' || current_database() AS identity",
  "SELECT 'postgres:' || coalesce(host(inet_server_addr()), 'local') || ':' || inet_server_port() || '/' || current_database() AS identity",
];

/** A PostgreSQL database's identity through any query function (TypeORM's or a pg client's). */
export async function postgresIdentity(query: (sql: string) => Promise<{ identity: string }[]>): Promise<string> {
  try {
    return (await query(POSTGRES_IDENTITY_SQL[0]))[0].identity;
  } catch {
    return (await query(POSTGRES_IDENTITY_SQL[1]))[0].identity;
  }
}

/** The identity of a SQLite file (its folder must exist). */
export function sqliteIdentity(file: string): string {
  return `sqlite:${path.join(fs.realpathSync(path.dirname(path.resolve(file))), path.basename(file))}`;
}

/** `postgres:<system identifier>/<database>`, `mssql:<server>/<database>` or `sqlite:<real path>`. */
export async function databaseIdentity(ds: DataSource): Promise<string> {
  const type = ds.options.type;
  if (type === 'postgres') return postgresIdentity(async (sql) => (await ds.query(sql)) as { identity: string }[]);
  if (type === 'mssql') {
    const rows = (await ds.query('SELECT @@SERVERNAME AS server, DB_NAME() AS name')) as {
      server: string;
      name: string;
    }[];
    return `mssql:${rows[0].server}/${rows[0].name}`;
  }
  // The folder exists once the database is open; the file itself may be replaced by a restore.
  return sqliteIdentity(String(ds.options.database));
}
