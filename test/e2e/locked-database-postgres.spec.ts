/**
 * Locks held by another PostgreSQL session on the real app (issue 11 point 8): a table lock shows
 * at once as `db: degraded` on /healthz; a row lock makes the write that needs it answer 503 DB_LOCKED
 * with Retry-After after the short lock_timeout instead of stalling, /healthz and reads answer at once,
 * nothing is half-written, and everything works again once the lock is released.
 */
import assert from 'node:assert/strict';
import { Client } from 'pg';
import { emptyTestDb, type EmptyTestDb } from '../helpers/databases';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

interface Health {
  db: string;
  dbDetail?: { writable: boolean; lastLockedAt?: string };
}

describe('locks held elsewhere on PostgreSQL, on the real app', function () {
  this.timeout(90_000);
  let db: EmptyTestDb;
  let kotae: RunningApp;
  let other: Client;

  before(async () => {
    db = await emptyTestDb('postgres');
    if (db.config.kind !== 'postgres') throw new Error('postgres expected');
    kotae = await startApp({
      KOTAE_DB: 'postgres',
      KOTAE_PG_HOST: db.config.host,
      KOTAE_PG_PORT: String(db.config.port),
      KOTAE_PG_USER: db.config.user,
      KOTAE_PG_PASSWORD: db.config.password,
      KOTAE_PG_DATABASE: db.config.database,
      KOTAE_DB_BUSY_TIMEOUT_MS: '300',
    });
    other = new Client({
      host: db.config.host,
      port: db.config.port,
      user: db.config.user,
      database: db.config.database,
    });
    await other.connect();
  });
  after(async () => {
    await other?.end();
    await kotae?.stop();
    await db?.drop();
  });

  const health = async () => {
    const started = Date.now();
    const res = await fetch(`${kotae.url}/healthz`);
    const body = (await res.json()) as Health;
    return { status: res.status, body, ms: Date.now() - started };
  };

  it('reports a table lock held elsewhere as degraded at once, and ok after it is released', async () => {
    assert.equal((await health()).body.db, 'ok');
    await other.query('BEGIN');
    await other.query('LOCK TABLE "question" IN SHARE MODE');
    try {
      const h = await health();
      assert.equal(h.status, 200);
      assert.equal(h.body.db, 'degraded');
      assert.equal(h.body.dbDetail?.writable, false);
      assert.ok(h.ms < 1000, `/healthz took ${h.ms} ms`);
    } finally {
      await other.query('ROLLBACK');
    }
    // The probe's own refusal counts as a recent lock for a few seconds.
    const started = Date.now();
    while ((await health()).body.db !== 'ok' && Date.now() - started < 8000)
      await new Promise((r) => setTimeout(r, 250));
    assert.equal((await health()).body.db, 'ok');
  });

  it('answers a write blocked by a row lock 503 with Retry-After within the lock timeout, and recovers', async () => {
    const first = await postJson(`${kotae.url}/api/ask`, { question: 'パスワードを忘れました' });
    assert.equal(first.status, 200);
    const { conversationId, conversationToken } = first.body;
    const headers = { 'x-kotae-conversation-token': conversationToken };
    await other.query('BEGIN');
    await other.query('SELECT * FROM "conversation" WHERE "id" = $1 FOR UPDATE', [conversationId]);
    try {
      let started = Date.now();
      const locked = await fetch(`${kotae.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ question: 'VPNにつながりません', conversationId }),
      });
      assert.equal(locked.status, 503);
      assert.equal(locked.headers.get('retry-after'), '2');
      const error = ((await locked.json()) as { error: { code: string; message: string } }).error;
      assert.deepEqual(
        { code: error.code, message: error.message },
        { code: 'DB_LOCKED', message: 'データベースが混み合っています。しばらくしてからお試しください。' },
      );
      assert.ok(Date.now() - started < 1500, `locked write took ${Date.now() - started} ms`);

      started = Date.now();
      const h = await health();
      assert.equal(h.body.db, 'degraded');
      assert.equal(h.body.dbDetail?.writable, false);
      const history = await fetch(`${kotae.url}/api/conversations/${conversationId}/messages`, { headers });
      assert.equal(history.status, 200);
      assert.equal(((await history.json()) as { total: number }).total, 2);
      assert.ok(Date.now() - started < 1000, `/healthz and a read took ${Date.now() - started} ms`);
    } finally {
      await other.query('ROLLBACK');
    }
    const again = await postJson(`${kotae.url}/api/ask`, { question: 'VPNにつながりません', conversationId }, headers);
    assert.equal(again.status, 200);
    const history = await fetch(`${kotae.url}/api/conversations/${conversationId}/messages`, { headers });
    // The first question and the one after the release, each with its answer: nothing half-written.
    assert.equal(((await history.json()) as { total: number }).total, 4);
  });
});
