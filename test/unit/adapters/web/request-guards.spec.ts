/**
 * The web app's guards against hostile and broken clients, on a real socket with a short body idle window:
 * a body that stops arriving (chunked without its last chunk, a Content-Length larger than what is sent) is
 * answered 408 and its connection closed, while a slow but steady body and a slow handler are not cut; an
 * OPTIONS request, a JSON body nested too deep, a body whose declared compression does not match, a missing
 * Host, a CONNECT and an unknown Expect get exact Japanese 4xx answers; HSTS only behind an https public URL.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import zlib from 'node:zlib';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { createWebApp } from '../../../../adapters/web';
import { MAX_BODY_DEPTH, nestsDeeperThan } from '../../../../adapters/web/request-errors';
import { listen } from '../../../../adapters/cli/serve';
import { safeFileName } from '../../../../tickets';
import { MemoryLogger } from '../../../../core/logger';
import { SystemClock } from '../../../../core/clock';
import { InMemoryTicketStore } from '../../../fakes/in-memory-ticket-store';
import { FakeHelpdesk } from '../../../fakes/fake-helpdesk';
import { FakeConversationStore } from '../../../fakes/teams-conversation-store';

const IDLE_MS = 400;
const MAX_BODY = 64 * 1024;
const TIMEOUT_JSON = {
  error: { code: 'INPUT_TIMEOUT', message: 'リクエストの受信が時間内に終わりませんでした。もう一度お試しください。' },
};
const TOO_DEEP = 'リクエストの形式（JSON）が正しくありません。入れ子（配列・オブジェクトの階層）が深すぎます。';

/** Echoes the parsed body after `delayMs` (a handler slower than the idle window). */
const echo =
  (delayMs: number): RequestHandler =>
  (req, res) => {
    setTimeout(() => res.json({ body: req.body as unknown }), delayMs);
  };

async function serve(publicUrl?: string): Promise<{ server: Server; port: number; url: string }> {
  const app = createWebApp({
    helpdesk: new FakeHelpdesk(),
    conversations: new FakeConversationStore(),
    tickets: new InMemoryTicketStore(),
    clock: new SystemClock(),
    logger: new MemoryLogger(),
    health: async () => ({ ok: true }),
    bodyIdleMs: IDLE_MS,
    maxBodyBytes: MAX_BODY,
    publicUrl,
    mounts: [
      { path: '/api/echo', method: 'post', json: true, handler: echo(0) },
      { path: '/api/slow', method: 'post', json: true, handler: echo(IDLE_MS * 3) },
    ],
  });
  const server = await listen(app, 0, '127.0.0.1');
  const port = (server.address() as AddressInfo).port;
  return { server, port, url: `http://127.0.0.1:${port}` };
}

/** Writes `parts` (waiting `gapMs` between them) and returns everything the server sent until it closed. */
function raw(port: number, parts: string[], gapMs = 0, giveUpMs = 5_000): Promise<{ text: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', async () => {
      for (const part of parts) {
        socket.write(part);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close within ${giveUpMs} ms; got ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`));
    }, giveUpMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started });
    });
  });
}

const statusOf = (text: string) => text.slice(0, text.indexOf('\r\n'));
const bodyOf = (text: string) => text.slice(text.indexOf('\r\n\r\n') + 4);
const headerOf = (text: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'im').exec(text.slice(0, text.indexOf('\r\n\r\n')))?.[1]?.trim();

describe('web: guards against hostile and broken requests (real socket)', function () {
  this.timeout(20_000);
  let web: Awaited<ReturnType<typeof serve>>;

  before(async () => {
    web = await serve();
  });
  after(() => new Promise<void>((resolve) => web.server.close(() => resolve())));

  it('answers 408 in Japanese and closes the connection when a chunked body never ends', async () => {
    const r = await raw(web.port, [
      'POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      '5\r\n{"a":\r\n',
    ]);
    assert.equal(statusOf(r.text), 'HTTP/1.1 408 Request Timeout');
    assert.equal(headerOf(r.text, 'Connection'), 'close');
    assert.deepEqual(JSON.parse(bodyOf(r.text)), TIMEOUT_JSON);
    assert.ok(r.ms >= IDLE_MS && r.ms < IDLE_MS + 2_000, `answered after ${r.ms} ms`);
  });

  it('answers 408 when fewer bytes arrive than Content-Length announced', async () => {
    const r = await raw(web.port, [
      'POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":1',
    ]);
    assert.equal(statusOf(r.text), 'HTTP/1.1 408 Request Timeout');
    assert.deepEqual(JSON.parse(bodyOf(r.text)), TIMEOUT_JSON);
  });

  it('lets a slow but steady body and a handler slower than the window through', async () => {
    const body = JSON.stringify({ a: 'x'.repeat(40) });
    const pieces = body.match(/.{1,6}/g) ?? [];
    // Each piece comes within the window, the whole body takes longer than it.
    const steady = await raw(
      web.port,
      [
        `POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
        ...pieces,
      ],
      IDLE_MS / 4,
    );
    assert.ok(steady.ms > IDLE_MS, `${steady.ms} ms`);
    assert.equal(statusOf(steady.text), 'HTTP/1.1 200 OK');
    assert.deepEqual(JSON.parse(bodyOf(steady.text)), { body: { a: 'x'.repeat(40) } });
    const slow = await fetch(`${web.url}/api/slow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"b":2}',
    });
    assert.equal(slow.status, 200);
    assert.deepEqual(await slow.json(), { body: { b: 2 } });
  });

  it('answers 413 at once to a body that never stops coming or announces more than the app takes', async () => {
    const tooLarge = { error: { code: 'INPUT_TOO_LARGE', message: 'リクエストが大きすぎます。' } };
    // body-parser refuses past its limit but waits for the end of the body before answering: the app does not.
    const started = Date.now();
    const endless = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const chunk = `4000\r\n${'x'.repeat(0x4000)}\r\n`;
      let flood: NodeJS.Timeout | undefined;
      // The chunks start after the head is written: a socket buffers writes made before it connects, so a chunk
      // queued earlier (a slow connect on a loaded machine) would reach the server ahead of the request line.
      const socket = net.connect(web.port, '127.0.0.1', () => {
        socket.write(
          'POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
        );
        flood = setInterval(() => socket.writable && socket.write(chunk), 5);
      });
      const giveUp = setTimeout(() => reject(new Error('no answer to an endless body')), 5_000);
      socket.on('data', (c) => chunks.push(c));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(flood);
        clearTimeout(giveUp);
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
    });
    assert.ok(Date.now() - started < 3_000, `answered after ${Date.now() - started} ms`);
    assert.equal(statusOf(endless), 'HTTP/1.1 413 Payload Too Large');
    assert.equal(headerOf(endless, 'Connection'), 'close');
    assert.deepEqual(JSON.parse(bodyOf(endless)), tooLarge);
    const declared = await raw(web.port, [
      'POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n{"a":',
    ]);
    assert.equal(statusOf(declared.text), 'HTTP/1.1 413 Payload Too Large');
    assert.deepEqual(JSON.parse(bodyOf(declared.text)), tooLarge);
    assert.ok(declared.ms < 2_000, `answered after ${declared.ms} ms`);
  });

  it('answers OPTIONS with the Japanese 404 of a path no route answers (not express’s English list)', async () => {
    const api = await fetch(`${web.url}/api/ask`, { method: 'OPTIONS' });
    assert.equal(api.status, 404);
    assert.equal(api.headers.get('allow'), null);
    assert.deepEqual(await api.json(), { error: { code: 'NOT_FOUND', message: '指定されたAPIはありません。' } });
    const page = await fetch(`${web.url}/`, { method: 'OPTIONS' });
    assert.equal(page.status, 404);
    assert.deepEqual(await page.json(), {
      error: { code: 'NOT_FOUND', message: 'お探しのページは見つかりません。URLをご確認ください。' },
    });
  });

  it('refuses JSON nested deeper than 64 levels with 400 and takes 64', async () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    for (const body of [nested(MAX_BODY_DEPTH + 1), `{"a":${nested(20_000)}}`]) {
      const r = await fetch(`${web.url}/api/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      assert.equal(r.status, 400);
      assert.deepEqual(await r.json(), { error: { code: 'INPUT_INVALID', message: TOO_DEEP } });
    }
    const ok = await fetch(`${web.url}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: nested(MAX_BODY_DEPTH),
    });
    assert.equal(ok.status, 200);
    assert.equal(nestsDeeperThan({ a: [{ b: [] }] }, 4), false);
    assert.equal(nestsDeeperThan({ a: [{ b: [] }] }, 3), true);
  });

  it('answers 400 to a body whose Content-Encoding does not match it (gzip sent as br)', async () => {
    const r = await fetch(`${web.url}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
      body: new Uint8Array(zlib.gzipSync('{"a":1}')),
    });
    assert.equal(r.status, 400);
    assert.deepEqual(await r.json(), {
      error: { code: 'INPUT_INVALID', message: '圧縮されたリクエストを展開できませんでした。' },
    });
  });

  it('answers a missing Host, a CONNECT and an unknown Expect in Japanese', async () => {
    const noHost = await raw(web.port, ['GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n']);
    assert.equal(statusOf(noHost.text), 'HTTP/1.1 400 Bad Request');
    assert.deepEqual(JSON.parse(bodyOf(noHost.text)), {
      error: { code: 'INPUT_INVALID', message: 'リクエストに Host ヘッダーがありません。' },
    });
    // HTTP/1.0 needs no Host.
    const old = await raw(web.port, ['GET /healthz HTTP/1.0\r\n\r\n']);
    assert.equal(statusOf(old.text), 'HTTP/1.1 200 OK');
    const connect = await raw(web.port, ['CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n']);
    const refusal = 'この方法（HTTPメソッド）のリクエストには対応していません。GET または POST で送信してください。\n';
    assert.equal(
      connect.text,
      [
        'HTTP/1.1 405 Method Not Allowed',
        'Content-Type: text/plain; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(refusal)}`,
        'X-Content-Type-Options: nosniff',
        'Cache-Control: no-store',
        'Allow: GET, HEAD, POST',
        'Connection: close',
        '',
        refusal,
      ].join('\r\n'),
    );
    const expect = await raw(web.port, [
      'POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 200-ok\r\n\r\n{}',
    ]);
    assert.equal(statusOf(expect.text), 'HTTP/1.1 417 Expectation Failed');
    assert.equal(headerOf(expect.text, 'Content-Type'), 'text/plain; charset=utf-8');
    assert.equal(headerOf(expect.text, 'X-Content-Type-Options'), 'nosniff');
    assert.equal(
      bodyOf(expect.text),
      'Expect ヘッダーの指定には対応していません。Expect ヘッダーを付けずに、もう一度送信してください。\n',
    );
    assert.equal((await fetch(`${web.url}/healthz`)).status, 200);
  });

  it('sends HSTS only when the public URL is https', async () => {
    assert.equal((await fetch(`${web.url}/healthz`)).headers.get('strict-transport-security'), null);
    const https = await serve('https://kotae.city.example.lg.jp');
    try {
      const r = await fetch(`${https.url}/healthz`);
      assert.equal(r.headers.get('strict-transport-security'), 'max-age=31536000');
    } finally {
      await new Promise<void>((resolve) => https.server.close(() => resolve()));
    }
  });

  it('drops zero-width and bidirectional controls from file names (report\\u202Egpj.txt read as reporttxt.jpg)', () => {
    assert.equal(safeFileName('report\u202Egpj.txt'), 'reportgpj.txt');
    assert.equal(safeFileName('\u2066請求書\u2069\u200b.pdf'), '請求書.pdf');
    assert.equal(safeFileName('..\\..\\win.ini'), 'win.ini');
  });
});
