/**
 * A SQLite write lock held by another connection (`BEGIN IMMEDIATE` on a second handle) on the real
 * app: writes answer 503 DB_LOCKED with Retry-After within the short busy timeout (and at once after
 * the first), reads and /healthz do not wait (`db: degraded` with details), nothing is half-written,
 * and everything works again once the lock is released.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

describe('a locked SQLite database on the real app', function () {
  this.timeout(60_000);
  let kotae: RunningApp;

  before(async () => {
    kotae = await startApp({ KOTAE_DB_BUSY_TIMEOUT_MS: '300' });
  });
  after(() => kotae?.stop());

  it('answers writes 503 with Retry-After, serves reads and /healthz at once, and recovers', async () => {
    const first = await postJson(`${kotae.url}/api/ask`, { question: 'パスワードを忘れました' });
    assert.equal(first.status, 200);
    const { conversationId, conversationToken } = first.body;
    const headers = { 'x-kotae-conversation-token': conversationToken };
    const other = new Database(path.join(kotae.dataDir, 'kotae.sqlite'));
    other.exec('BEGIN IMMEDIATE');
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
      assert.ok(Date.now() - started < 1500, `first locked write took ${Date.now() - started} ms`);

      // Further writes fail at once instead of each stalling the process for the busy timeout.
      started = Date.now();
      const more = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          postJson(`${kotae.url}/api/ask`, { question: `質問${i}`, conversationId }, headers),
        ),
      );
      assert.deepEqual(
        more.map((r) => r.status),
        [503, 503, 503, 503, 503],
      );
      assert.ok(Date.now() - started < 500, `5 locked writes took ${Date.now() - started} ms`);

      started = Date.now();
      const health = await fetch(`${kotae.url}/healthz`);
      const body = (await health.json()) as { ok: boolean; db: string; dbDetail: { writable: boolean } };
      assert.equal(health.status, 200);
      assert.equal(body.db, 'degraded');
      assert.equal(body.dbDetail.writable, false);
      const history = await fetch(`${kotae.url}/api/conversations/${conversationId}/messages`, { headers });
      assert.equal(history.status, 200);
      assert.equal(((await history.json()) as { total: number }).total, 2);
      assert.ok(Date.now() - started < 500, `reads took ${Date.now() - started} ms`);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const again = await postJson(`${kotae.url}/api/ask`, { question: 'VPNにつながりません', conversationId }, headers);
    assert.equal(again.status, 200);
    const health = (await (await fetch(`${kotae.url}/healthz`)).json()) as { db: string; dbDetail?: unknown };
    assert.equal(health.db, 'ok');
    const history = await fetch(`${kotae.url}/api/conversations/${conversationId}/messages`, { headers });
    // The first question and the one after the release, each with its answer: nothing half-written.
    assert.equal(((await history.json()) as { total: number }).total, 4);
  });
});
