/**
 * Starts the real Kotae (createApp + listen) on an ephemeral port with a temporary data
 * directory, for end-to-end tests.
 */
import path from 'node:path';
import type { Server } from 'node:http';
import { loadConfig, type KotaeConfig } from '../../app/config';
import { createApp, type KotaeApp } from '../../app/create-app';
import { FakeClock, SystemClock, type Clock } from '../../core/clock';
import { MemoryLogger } from '../../core/logger';
import { listen } from '../../adapters/cli/serve';
import { tempDir } from './temp-dir';

/** A running app and how to reach and stop it. */
export interface RunningApp {
  app: KotaeApp;
  config: Readonly<KotaeConfig>;
  url: string;
  logger: MemoryLogger;
  clock: Clock;
  dataDir: string;
  stop(): Promise<void>;
}

const REPO_ROOT = path.join(__dirname, '..', '..');

/** Starts Kotae; `env` adds KOTAE_* settings (the data dir is temporary unless given). */
export async function startApp(
  env: Record<string, string> = {},
  options: {
    clock?: FakeClock;
    keepDataDir?: boolean;
    dbRetryInitialDelayMs?: number;
    schemaCheckIntervalMs?: number;
    indexPollMs?: number;
    indexMergeDelayMs?: number;
    /** Listen on this port (e.g. one the public URL names) instead of an ephemeral one. */
    port?: number;
    logoLeaseTtlMs?: number;
  } = {},
): Promise<RunningApp> {
  const temp = tempDir('kotae-e2e-');
  const config = loadConfig(
    {
      PORT: '0',
      KOTAE_DATA_DIR: temp.dir,
      KOTAE_KB_DIR: path.join(REPO_ROOT, 'sample-kb'),
      KOTAE_ADMIN_PASSWORD: 'e2e-admin-password',
      KOTAE_SCHEDULER: 'false',
      // A loaded 2-core CI machine can hold SQLite's write lock past the 1 s production default (once: a ticket
      // submit got DB_LOCKED). SQLite only: on PostgreSQL the same setting is lock_timeout, which decides how
      // instances race for leases. The locked-database specs set their own.
      ...(env.KOTAE_DB === undefined || env.KOTAE_DB === 'sqlite' ? { KOTAE_DB_BUSY_TIMEOUT_MS: '5000' } : {}),
      ...env,
    },
    REPO_ROOT,
  );
  const logger = new MemoryLogger();
  const clock = options.clock ?? new SystemClock();
  const app = await createApp(config, {
    logger,
    clock,
    dbRetryInitialDelayMs: options.dbRetryInitialDelayMs,
    schemaCheckIntervalMs: options.schemaCheckIntervalMs,
    indexPollMs: options.indexPollMs,
    indexMergeDelayMs: options.indexMergeDelayMs,
    logoLeaseTtlMs: options.logoLeaseTtlMs,
  });
  const server: Server = await listen(app.web, options.port ?? 0, '127.0.0.1');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    config,
    url: `http://127.0.0.1:${port}`,
    logger,
    clock,
    dataDir: config.dataDir,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await app.close();
      if (!options.keepDataDir) temp.cleanup();
    },
  };
}

/** POSTs JSON and returns status and parsed body. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: res.status, body: parsed };
}
