/**
 * The database side of `kotae restore` on PostgreSQL (issue 11): a pg_dump custom-format generation is
 * turned into a plain SQL script with pg_restore (reading every data block, so a damaged archive fails
 * here), whose COPY blocks give the row count of every table and the audit chain, checked before
 * anything is replaced. The replacement is one psql transaction: every table of the schema dropped,
 * the script run; an error rolls all of it back.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { Client } from 'pg';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import type { AuditHead } from '../core';
import { KotaeError } from '../core';
import type { ChainRow } from './audit';
import { verifyCopyChain } from './audit';
import { pgToolEnv, resolveTool, runTool } from './backup';
import { postgresIdentity } from './audit';
import { sourceOfCopy, type AnchorsOfSource, type InspectedBackup } from './restore-sqlite';
import { ALL_TABLES } from './schema';

/** Paths of the PostgreSQL client tools (default: found on PATH). */
export interface PgTools {
  pgRestore?: string;
  psql?: string;
}

/** One value of COPY's text format: `\N` is NULL; backslash escapes are decoded. */
function copyValue(field: string): string | null {
  if (field === '\\N') return null;
  return field.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    const simple: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
    if (e in simple) return simple[e];
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return e;
  });
}

/** `COPY public.audit_log (id, seq, "prevHash") FROM stdin;` → table and column names. */
function copyHeader(line: string): { table: string; columns: string[] } | undefined {
  const m = /^COPY (?:"?[\w]+"?\.)?"?([\w]+)"? \((.*)\) FROM stdin;$/.exec(line);
  if (!m) return undefined;
  return { table: m[1], columns: m[2].split(', ').map((c) => c.replace(/^"|"$/g, '')) };
}

/** Row counts of the Kotae tables and the audit rows, read from a plain SQL script of pg_restore. */
async function readScript(sqlFile: string): Promise<{
  counts: Record<string, number>;
  audit: ChainRow[];
  checkpoints: { db: string; at: Date; seq: number }[];
}> {
  const kotae = new Set(ALL_TABLES.map((t) => t.name));
  const counts: Record<string, number> = {};
  const audit: ChainRow[] = [];
  const checkpoints: { db: string; at: Date; seq: number }[] = [];
  let block: { table: string; columns: string[] } | undefined;
  const lines = readline.createInterface({ input: fs.createReadStream(sqlFile, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!block) {
      block = copyHeader(line);
      if (block && kotae.has(block.table)) counts[block.table] = 0;
      continue;
    }
    if (line === '\\.') {
      block = undefined;
      continue;
    }
    if (!kotae.has(block.table)) continue;
    counts[block.table] += 1;
    if (block.table !== 'audit_log' && block.table !== 'audit_checkpoint') continue;
    const cols = block.columns;
    const values = line.split('\t').map(copyValue);
    const v = (name: string) => values[cols.indexOf(name)] ?? null;
    if (block.table === 'audit_checkpoint') {
      checkpoints.push({
        db: v('db') ?? '',
        at: new Date(`${String(v('at')).replace(' ', 'T')}Z`),
        seq: Number(v('seq')),
      });
      continue;
    }
    audit.push({
      seq: Number(v('seq')),
      // timestamp(3) without time zone, holding UTC (db/postgres-dates.ts).
      at: new Date(`${String(v('at')).replace(' ', 'T')}Z`),
      actor: v('actor') ?? '',
      action: v('action') ?? '',
      target: v('target'),
      detail: v('detail'),
      prevHash: v('prevHash') ?? '',
      hash: v('hash') ?? '',
      alg: v('alg'),
    });
  }
  audit.sort((a, b) => a.seq - b.seq);
  return { counts, audit, checkpoints };
}

function restoreFailed(what: string, stderr: string): KotaeError {
  return new KotaeError('INTERNAL', `${what}: ${stderr}`, {
    userMessage: 'バックアップファイルを読み取れませんでした（破損しているか、PostgreSQL のダンプではありません）。',
  });
}

/**
 * Checks a plain (decrypted) pg_dump archive: pg_restore reads it whole into `sqlFile` (a script),
 * then the rows of every table are counted and the audit chain verified like a SQLite copy's.
 */
export async function inspectPostgresBackup(
  dumpFile: string,
  sqlFile: string,
  key: Buffer,
  anchorsOf: AnchorsOfSource,
  takenWith: AuditHead | undefined,
  tools: PgTools = {},
): Promise<InspectedBackup> {
  const pgRestore = resolveTool(tools.pgRestore ?? 'pg_restore') ?? 'pg_restore';
  const r = await runTool(pgRestore, ['--no-owner', '--no-privileges', `--file=${sqlFile}`, dumpFile], pgToolEnv());
  if (r.code !== 0) throw restoreFailed(`pg_restore of ${dumpFile} failed`, r.stderr);
  fs.chmodSync(sqlFile, 0o600);
  const { counts, audit, checkpoints } = await readScript(sqlFile);
  if (!('audit_log' in counts)) throw restoreFailed(`${dumpFile} holds no Kotae tables`, '');
  const source = sourceOfCopy(checkpoints);
  return { counts, audit: verifyCopyChain(audit, key, anchorsOf(source), takenWith), source };
}

/** A short-lived client of the database (not TypeORM's pool), named so it can leave itself out. */
async function withClient<T>(o: PostgresDataSourceOptions, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({
    host: o.host,
    port: o.port,
    user: o.username,
    password: typeof o.password === 'string' ? o.password : undefined,
    database: o.database,
    ssl: o.ssl as boolean | undefined,
    application_name: 'kotae-restore',
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Other sessions on the database (a running Kotae instance, a console), the current audit head and the database's identity. */
export function postgresState(
  o: PostgresDataSourceOptions,
): Promise<{ sessions: number; head?: AuditHead; identity: string }> {
  return withClient(o, async (c) => {
    const identity = await postgresIdentity(async (sql) => (await c.query<{ identity: string }>(sql)).rows);
    const s = await c.query<{ n: string }>(
      'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const hasAudit = await c.query(
      "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'audit_log'",
    );
    const head = hasAudit.rowCount
      ? ((await c.query<AuditHead>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0] ?? {
          seq: 0,
          hash: '',
        })
      : undefined;
    return { sessions: Number(s.rows[0]?.n ?? 0), head, identity };
  });
}

/** Replaces every table of the database's schema with the script's, in one transaction (psql). */
export async function replacePostgresDatabase(
  o: PostgresDataSourceOptions,
  sqlFile: string,
  tools: PgTools = {},
): Promise<void> {
  const tables = await withClient(o, async (c) =>
    (await c.query<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema()')).rows.map(
      (r) => r.t,
    ),
  );
  // The script creates the append-only guard's function again (migration 1765610000000).
  const functions = await withClient(o, async (c) =>
    (
      await c.query<{ f: string }>(
        "SELECT p.proname AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() AND p.proname LIKE 'kotae\\_%'",
      )
    ).rows.map((r) => r.f),
  );
  const wrapper = `${sqlFile}.run.sql`;
  const drop =
    (tables.length ? `DROP TABLE IF EXISTS ${tables.map((t) => `"${t}"`).join(', ')} CASCADE;\n` : '') +
    functions.map((f) => `DROP FUNCTION IF EXISTS "${f}"() CASCADE;\n`).join('');
  fs.writeFileSync(wrapper, `${drop}\\i '${sqlFile.replace(/'/g, "''")}'\n`, { mode: 0o600 });
  try {
    const psql = resolveTool(tools.psql ?? 'psql') ?? 'psql';
    const r = await runTool(
      psql,
      [
        '--no-psqlrc',
        '--quiet',
        '--single-transaction',
        '--set=ON_ERROR_STOP=1',
        `--host=${o.host ?? 'localhost'}`,
        `--port=${o.port ?? 5432}`,
        `--username=${o.username ?? ''}`,
        `--dbname=${o.database ?? ''}`,
        `--file=${wrapper}`,
      ],
      pgToolEnv(o),
    );
    if (r.code !== 0) {
      throw new KotaeError('INTERNAL', `psql restore into ${o.database} failed: ${r.stderr}`, {
        userMessage: 'データベースへの復元に失敗しました（変更は取り消され、現在のデータベースはそのままです）。',
      });
    }
  } finally {
    fs.rmSync(wrapper, { force: true });
  }
}
