/**
 * The server database unreachable at start (clear message, retries with backoff, no crash) and lost
 * while serving (503 DB_UNAVAILABLE with a Japanese message, and recovery without a restart).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { KotaeError } from '../../core/errors';
import { MemoryLogger } from '../../core/logger';
import { loadConfig } from '../../app/config';
import { createApp } from '../../app/create-app';
import { SystemClock } from '../../core/clock';
import {
  createTestDatabase,
  dropTestDatabase,
  pausePostgresServer,
  postgresServer,
  pgAppEnv,
  resumePostgresServer,
  type PgServer,
} from '../helpers/postgres';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

/** A loopback port nobody listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

describe('PostgreSQL outage', function () {
  this.timeout(120_000);
  let server: PgServer;
  let database: string;
  // Only the FAQ sheet of the sample KB: a quick ingest, the same answers to FAQ questions.
  const kb = tempDir('kotae-outage-kb-');
  before(async () => {
    server = await postgresServer();
    database = await createTestDatabase(server);
    fs.copyFileSync(path.join(__dirname, '../../sample-kb/faq.csv'), path.join(kb.dir, 'faq.csv'));
  });
  after(async () => {
    await dropTestDatabase(server, database);
    kb.cleanup();
  });

  it('at start: logs each retry with backoff and gives up with DB_UNAVAILABLE after the configured time', async () => {
    const temp = tempDir('kotae-outage-');
    const logger = new MemoryLogger();
    const config = loadConfig({
      ...pgAppEnv(server, database, await closedPort()),
      PORT: '0',
      KOTAE_DATA_DIR: temp.dir,
      KOTAE_SCHEDULER: 'false',
      KOTAE_DB_START_TIMEOUT_SECONDS: '2',
    });
    const started = Date.now();
    try {
      const err = await createApp(config, { logger, clock: new SystemClock(), dbRetryInitialDelayMs: 200 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(err instanceof KotaeError, String(err));
      assert.equal(err.code, 'DB_UNAVAILABLE');
      assert.equal(err.status, 503);
      assert.match(err.message, /still unreachable after \d+ attempts/);
      assert.equal(err.userMessage, 'データベースに接続できません。しばらくしてからお試しください。');
      const retries = logger.lines.filter((l) => l.msg === 'database unreachable at start; retrying');
      assert.deepEqual(
        retries.map((l) => l.fields?.retryInMs),
        [200, 400, 800].slice(0, retries.length),
      );
      assert.ok(retries.length >= 2, `retries ${retries.length}`);
      assert.ok(Date.now() - started < 10_000);
    } finally {
      temp.cleanup();
    }
  });

  describe('starting while the server is down, then losing it while serving', () => {
    let kotae: RunningApp | undefined;
    after(async () => {
      resumeQuietly(server);
      await kotae?.stop();
    });

    it('waits for the server to come up instead of exiting', async () => {
      pausePostgresServer(server);
      const resume = setTimeout(() => resumePostgresServer(server), 1500);
      try {
        kotae = await startApp(
          { ...pgAppEnv(server, database), KOTAE_KB_DIR: kb.dir },
          { dbRetryInitialDelayMs: 250, schemaCheckIntervalMs: 200 },
        );
      } finally {
        clearTimeout(resume);
        resumeQuietly(server);
      }
      const retries = kotae.logger.lines.filter((l) => l.msg === 'database unreachable at start; retrying');
      assert.ok(retries.length >= 1);
      const health = await fetch(`${kotae.url}/healthz`);
      assert.equal(health.status, 200);
    });

    it('answers 503 DB_UNAVAILABLE while the database is gone and recovers without a restart', async () => {
      assert.ok(kotae);
      const ask = () => postJson(`${kotae!.url}/api/ask`, { question: 'パスワードを忘れてしまいました。' });
      assert.equal((await ask()).status, 200);
      pausePostgresServer(server);
      try {
        const down = await ask();
        assert.equal(down.status, 503, JSON.stringify(down.body));
        assert.equal(down.body.error.code, 'DB_UNAVAILABLE');
        assert.equal(down.body.error.message, 'データベースに接続できません。しばらくしてからお試しください。');
        const health = await fetch(`${kotae.url}/healthz`);
        assert.equal(health.status, 503);
      } finally {
        resumePostgresServer(server);
      }
      const up = await ask();
      assert.equal(up.status, 200, JSON.stringify(up.body));
      assert.equal(up.body.outcome, 'answered');
    });

    it('stops serving with DB_SCHEMA_NEWER once a newer release migrated the database, and says so', async () => {
      assert.ok(kotae);
      await kotae.app.dataSource.query('INSERT INTO "migrations" ("timestamp", "name") VALUES ($1, $2)', [
        1799999999999,
        'FromTheFuture1799999999999',
      ]);
      await new Promise((resolve) => setTimeout(resolve, 600));
      const refused = await postJson(`${kotae.url}/api/ask`, { question: 'パスワードを忘れてしまいました。' });
      assert.equal(refused.status, 503);
      assert.equal(refused.body.error.code, 'DB_SCHEMA_NEWER');
      assert.match(refused.body.error.message, /新しいバージョン/);
      const health = await fetch(`${kotae.url}/healthz`);
      assert.equal(health.status, 503);
      assert.equal(((await health.json()) as { schema: string }).schema, 'newer');
      const told = kotae.logger.lines.filter(
        (l) => l.msg === 'database schema is newer than this build; stop this instance',
      );
      assert.equal(told.length, 1);
      assert.match(String(told[0].fields?.error), /FromTheFuture1799999999999.*stop this instance/);
    });
  });
});

function resumeQuietly(server: PgServer): void {
  try {
    resumePostgresServer(server);
  } catch {
    // Already running.
  }
}
