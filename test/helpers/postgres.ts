/**
 * A throw-away PostgreSQL cluster for the tests: Debian's server binaries (installed by
 * test/setup/system-tools.ts when missing), `initdb` into a temporary folder, listening only on a
 * free loopback port, without fsync. Started on first use, stopped by the mocha global teardown (and
 * on process exit). PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres`
 * system user. If it cannot be installed or started, every PostgreSQL test fails with the reason.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { postgresBinDir, requireTool } from '../setup/system-tools';

/** How to reach the running test cluster (trust authentication on loopback). */
export interface PgServer {
  host: string;
  port: number;
  user: string;
  password: string;
  binDir: string;
  dataDir: string;
  /** postgres command-line options (`pg_ctl -o`), reused when a paused server resumes. */
  serverOptions: string;
}

interface ClusterState {
  starting?: Promise<PgServer>;
  server?: PgServer;
  runAs?: string;
}

// Shared across module instances (mocha's setup file and the specs may load this file separately).
const KEY = Symbol.for('kotae.test.postgres');
const state: ClusterState = ((globalThis as Record<symbol, unknown>)[KEY] as ClusterState | undefined) ?? {};
(globalThis as Record<symbol, unknown>)[KEY] = state;

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function run(binDir: string, runAs: string | undefined, cmd: string, args: string[]): SpawnSyncReturns<string> {
  const exe = path.join(binDir, cmd);
  const [file, argv] = runAs ? ['runuser', ['-u', runAs, '--', exe, ...args]] : [exe, args];
  return spawnSync(file, argv, { encoding: 'utf8', timeout: 120_000, cwd: os.tmpdir() });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function start(): Promise<PgServer> {
  requireTool('postgres');
  const binDir = postgresBinDir();
  if (!binDir) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  const runAs = isRoot() ? 'postgres' : undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-pg-'));
  if (runAs) {
    const chown = spawnSync('chown', ['-R', `${runAs}:${runAs}`, dataDir]);
    if (chown.status !== 0) throw new Error(`chown ${dataDir} to ${runAs} failed`);
  }
  const user = 'kotae';
  const init = run(binDir, runAs, 'initdb', [
    '-D',
    dataDir,
    '-U',
    user,
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-locale',
    '-N',
  ]);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.error?.message}`);
  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    "-c unix_socket_directories=''",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
    // A server time zone far from UTC proves that stored times do not depend on it.
    "-c TimeZone='Pacific/Honolulu'",
  ].join(' ');
  const started = run(binDir, runAs, 'pg_ctl', [
    '-D',
    dataDir,
    '-o',
    serverOptions,
    '-l',
    path.join(dataDir, 'log'),
    '-w',
    'start',
  ]);
  if (started.status !== 0) {
    const log = fs.existsSync(path.join(dataDir, 'log')) ? fs.readFileSync(path.join(dataDir, 'log'), 'utf8') : '';
    throw new Error(`pg_ctl start failed: ${started.stderr || started.error?.message}\n${log}`);
  }
  const server: PgServer = { host: '127.0.0.1', port, user, password: 'unused', binDir, dataDir, serverOptions };
  state.server = server;
  state.runAs = runAs;
  process.once('exit', stopPostgresServer);
  return server;
}

/** The environment that points a Kotae process at `database` on the test cluster (`port`: e.g. a proxy's). */
export function pgAppEnv(server: PgServer, database: string, port = server.port): Record<string, string> {
  return {
    KOTAE_DB: 'postgres',
    KOTAE_PG_HOST: server.host,
    KOTAE_PG_PORT: String(port),
    KOTAE_PG_USER: server.user,
    KOTAE_PG_PASSWORD: server.password,
    KOTAE_PG_DATABASE: database,
  };
}

/** The running test cluster (started on first call). */
export function postgresServer(): Promise<PgServer> {
  state.starting ??= start();
  return state.starting;
}

/** Stops and removes the cluster (idempotent; synchronous so it also works on process exit). */
export function stopPostgresServer(): void {
  const server = state.server;
  if (!server) return;
  state.server = undefined;
  state.starting = undefined;
  run(server.binDir, state.runAs, 'pg_ctl', ['-D', server.dataDir, '-m', 'immediate', '-w', 'stop']);
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}

/** Stops the server (fast) without removing it, for tests of a lost database; `resumePostgresServer` restarts it. */
export function pausePostgresServer(server: PgServer): void {
  const r = run(server.binDir, state.runAs, 'pg_ctl', ['-D', server.dataDir, '-m', 'fast', '-w', 'stop']);
  if (r.status !== 0) throw new Error(`pg_ctl stop failed: ${r.stderr}`);
}

/** Starts a paused server again with its previous options. */
export function resumePostgresServer(server: PgServer): void {
  const r = run(server.binDir, state.runAs, 'pg_ctl', [
    '-D',
    server.dataDir,
    '-o',
    server.serverOptions,
    '-l',
    path.join(server.dataDir, 'log'),
    '-w',
    'start',
  ]);
  if (r.status !== 0) throw new Error(`pg_ctl start failed: ${r.stderr}`);
}

async function admin<T>(server: PgServer, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ host: server.host, port: server.port, user: server.user, database: 'postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database with a random name; returns its name. `ctype`: its LC_CTYPE instead of the
 * cluster's C (e.g. `C.utf8`, under which pg_trgm takes Japanese characters as word characters).
 */
export async function createTestDatabase(server: PgServer, options: { ctype?: 'C.utf8' } = {}): Promise<string> {
  const name = `kotae_${randomBytes(6).toString('hex')}`;
  const locale = options.ctype ? ` TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE '${options.ctype}'` : '';
  await admin(server, (c) => c.query(`CREATE DATABASE ${name}${locale}`));
  return name;
}

/** Drops a test database, closing any connection still open to it. */
export async function dropTestDatabase(server: PgServer, name: string): Promise<void> {
  await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
