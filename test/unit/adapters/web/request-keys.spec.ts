/**
 * The keyed-request middleware on a small express app with the in-memory store: a repeat gets the first
 * response and the handler runs once; a failed first request frees its key; a repeat arriving while the
 * first still runs waits for its response; a claim of a dead instance is taken over; keys of other
 * owners are other keys; a refusal the handler keeps (it wrote something) is answered again, not run again.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import express from 'express';
import { KotaeError, type Logger } from '../../../../core';
import { errorHandler } from '../../../../adapters/web';
import { keepRefusal, keyedRequest, type RequestKeys } from '../../../../adapters/web/request-keys';
import { InMemoryRequestKeys } from '../../../fakes/in-memory-request-keys';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Logger;
const KEY = '0123456789abcdef0123456789abcdef';
const BUSY = '同じ送信を処理しています。しばらく待ってから画面を再読み込みしてください。';

describe('keyedRequest', () => {
  let server: Server;
  let url: string;
  let store: InMemoryRequestKeys;
  let keys: RequestKeys;
  let now: Date;
  let runs: number;
  /** What the next run does: answer, fail or wait. */
  let behaviour: () => Promise<void> | void;

  before(async () => {
    const app = express();
    app.use(express.json());
    store = new InMemoryRequestKeys();
    keys = { store, now: () => now, waitMs: 0 };
    const keyed = keyedRequest(keys, {
      scope: 'test.write',
      key: (req) => req.get('idempotency-key') ?? '',
      owner: (req) => String(req.get('x-owner') ?? 'me'),
      content: (req) => [JSON.stringify(req.body)],
    });
    app.post('/write', keyed, async (req, res) => {
      runs += 1;
      await behaviour();
      res.status(201).json({ run: runs, text: (req.body as { text: string }).text });
    });
    // A refusal after a write: kept as the key's answer when the handler says so (x-keep).
    app.post('/refuse', keyed, (req, res) => {
      runs += 1;
      if (req.get('x-keep')) keepRefusal(res);
      res
        .status(503)
        .setHeader('Retry-After', '10')
        .json({ error: { code: 'KB_INDEX_CORRUPT' }, run: runs });
    });
    app.use(errorHandler(silent));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/write`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    store.rows.clear();
    keys.waitMs = 0;
    now = new Date('2026-12-04T00:00:00Z');
    runs = 0;
    behaviour = () => undefined;
  });

  async function post(text: string, headers: Record<string, string> = { 'idempotency-key': KEY }) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ text }),
    });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as unknown };
  }

  it('runs a keyed request once and answers a repeat with the stored status, type and body', async () => {
    const first = await post('一回目');
    const again = await post('一回目');
    assert.deepEqual(first, { status: 201, type: 'application/json; charset=utf-8', body: { run: 1, text: '一回目' } });
    assert.deepEqual(again, first);
    assert.equal(runs, 1);
    // Stored sealed: neither the key nor the answer can be read from the row.
    const [[id, row]] = [...store.rows];
    assert.match(id, /^[0-9a-f]{64}$/);
    assert.ok(!id.includes(KEY));
    const stored = Buffer.from(row.response ?? '', 'base64');
    assert.ok(stored.length > 28);
    assert.equal(stored.includes(Buffer.from('一回目')), false);
    assert.throws(() => JSON.parse(stored.toString('utf8')));
  });

  it('runs every request without a key', async () => {
    await post('鍵なし', {});
    await post('鍵なし', {});
    assert.equal(runs, 2);
    assert.equal(store.rows.size, 0);
  });

  it('keeps the keys of other owners apart', async () => {
    await post('持ち主', { 'idempotency-key': KEY, 'x-owner': 'a' });
    const other = await post('持ち主', { 'idempotency-key': KEY, 'x-owner': 'b' });
    assert.deepEqual(other.body, { run: 2, text: '持ち主' });
    assert.equal(store.rows.size, 2);
  });

  it('frees the key of a request that failed, so its retry runs and is stored', async () => {
    behaviour = () => {
      throw new KotaeError('DB_UNAVAILABLE', 'database gone');
    };
    assert.equal((await post('失敗')).status, 503);
    assert.equal(store.rows.size, 0);
    behaviour = () => undefined;
    assert.deepEqual((await post('失敗')).body, { run: 2, text: '失敗' });
    assert.deepEqual((await post('失敗')).body, { run: 2, text: '失敗' });
    assert.equal(runs, 2);
  });

  it('answers a repeat of a refusal the handler kept with its status, Retry-After and body; runs it once', async () => {
    const refuse = async (headers: Record<string, string>) => {
      const res = await fetch(url.replace(/\/write$/, '/refuse'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': KEY, ...headers },
        body: JSON.stringify({ text: '拒否' }),
      });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as unknown };
    };
    const kept = { status: 503, retryAfter: '10', body: { error: { code: 'KB_INDEX_CORRUPT' }, run: 1 } };
    assert.deepEqual(await refuse({ 'x-keep': 'yes' }), kept);
    assert.deepEqual(await refuse({ 'x-keep': 'yes' }), kept);
    assert.equal(runs, 1);
    // Not kept (another owner's key): released, so each retry runs again.
    assert.equal((await refuse({ 'x-owner': 'other' })).status, 503);
    assert.deepEqual((await refuse({ 'x-owner': 'other' })).body, { error: { code: 'KB_INDEX_CORRUPT' }, run: 3 });
    assert.equal(store.rows.size, 1);
  });

  it('answers a repeat that finds the first request still running (no wait left) with a Japanese 409', async () => {
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    behaviour = () => {
      started();
      return new Promise<void>((resolve) => (release = resolve));
    };
    const first = post('処理中');
    await running;
    const again = await post('処理中');
    assert.deepEqual(again, {
      status: 409,
      type: 'application/json; charset=utf-8',
      body: { error: { code: 'CONFLICT', message: BUSY } },
    });
    release();
    assert.deepEqual((await first).body, { run: 1, text: '処理中' });
    assert.deepEqual((await post('処理中')).body, { run: 1, text: '処理中' });
  });

  it('lets a repeat wait for the response of the first request while it runs', async () => {
    keys.waitMs = 60_000;
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    behaviour = () => {
      started();
      return new Promise<void>((resolve) => (release = resolve));
    };
    const first = post('待つ');
    await running;
    // Released only once the repeat has found the claim still without response (it is waiting).
    let polled!: () => void;
    const waiting = new Promise<void>((resolve) => (polled = resolve));
    const find = store.find.bind(store);
    store.find = async (key) => {
      const found = await find(key);
      if (found && found.response === undefined) polled();
      return found;
    };
    const again = post('待つ');
    await waiting;
    store.find = find;
    release();
    assert.deepEqual(await again, await first);
    assert.equal(runs, 1);
  });

  it('takes over the claim of an instance that died (not renewed for 10 s)', async () => {
    assert.equal((await post('死んだ')).status, 201);
    const [key, row] = [...store.rows][0]!;
    store.rows.set(key, { scope: row.scope, fingerprint: row.fingerprint, claimedAt: now });
    now = new Date(now.getTime() + 9_000);
    assert.equal((await post('死んだ')).status, 409);
    now = new Date(now.getTime() + 2_000);
    assert.deepEqual((await post('死んだ')).body, { run: 2, text: '死んだ' });
    assert.equal(runs, 2);
  });
});
