/**
 * Hostile requests the bench and the earlier sweeps did not send, on the real app over real HTTP: a keyed
 * JSON body nested 10,000 levels deep (500: JSON.stringify of the key's fingerprint overflowed the stack), an
 * upload whose body stops arriving (held the route for Node's 5 minutes, and its staged copy for good), gzip
 * data declared as `br` on a console form (500), OPTIONS (express's English 200), the report pages without
 * the console's headers, an upload that never stops coming (read to its end before the refusal) and a file
 * name with a right-to-left override. Each gets an exact Japanese answer,
 * nothing is written and nothing is left behind.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { BODY_IDLE_MS } from '../../adapters/web/body-guard';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';

const TOO_DEEP = 'リクエストの形式（JSON）が正しくありません。入れ子（配列・オブジェクトの階層）が深すぎます。';
const TIMEOUT = {
  code: 'INPUT_TIMEOUT',
  message: 'リクエストの受信が時間内に終わりませんでした。もう一度お試しください。',
};
const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

describe('hostile requests on the real app: protocol and body shapes', function () {
  this.timeout(90_000);
  let kotae: RunningApp;
  let admin: ConsoleSession;
  let csrf: string;

  before(async () => {
    kotae = await startApp();
    admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    csrf = /name="_csrf" value="([^"]+)"/.exec((await admin.get('/console/tickets')).text)?.[1] ?? '';
  });
  after(() => kotae?.stop());

  const count = (table: string) => kotae.app.dataSource.getRepository(table).count();
  const json = { 'content-type': 'application/json' };

  /** A new web chat conversation: its id and page secret. */
  async function conversation(): Promise<{ id: string; token: string }> {
    const r = await fetch(`${kotae.url}/api/ask`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        question: 'VPNにつながりません',
        user: { name: '山田', department: '総務課', phone: '1234' },
      }),
    });
    assert.equal(r.status, 200);
    const body = (await r.json()) as { conversationId: string; conversationToken: string };
    return { id: body.conversationId, token: body.conversationToken };
  }

  /** Sends `head` over a raw socket and then nothing; resolves with what the server sent until it closed. */
  function stall(head: string): Promise<{ text: string; ms: number }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const chunks: Buffer[] = [];
      const socket = net.connect(Number(new URL(kotae.url).port), '127.0.0.1', () => socket.write(head));
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('the server did not answer the stalled request'));
      }, BODY_IDLE_MS + 20_000);
      socket.on('data', (c) => chunks.push(c));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve({ text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started });
      });
    });
  }

  it('refuses a keyed question or escalation nested 10,000 levels deep with 400, writing nothing', async () => {
    const chat = await conversation();
    const before = await Promise.all(['conversation', 'question', 'ticket', 'request_key'].map(count));
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const sends = [
      { path: '/api/ask', body: deep, key: 'deepAskKey-0000000001' },
      { path: '/api/ask', body: `{"question":"VPN","user":${deep}}`, key: 'deepAskKey-0000000002' },
      {
        path: '/api/tickets',
        body: `{"conversationId":"${chat.id}","details":${deep}}`,
        key: 'deepTicketKey-00000001',
      },
    ];
    for (const s of sends) {
      const r = await fetch(`${kotae.url}${s.path}`, {
        method: 'POST',
        headers: { ...json, 'idempotency-key': s.key, 'x-kotae-conversation-token': chat.token },
        body: s.body,
      });
      assert.equal(r.status, 400, s.path);
      assert.deepEqual(await r.json(), { error: { code: 'INPUT_INVALID', message: TOO_DEEP } }, s.path);
    }
    assert.deepEqual(await Promise.all(['conversation', 'question', 'ticket', 'request_key'].map(count)), before);
    assert.equal(kotae.logger.lines.filter((l) => l.level === 'error').length, 0);
  });

  it('answers 408 to uploads whose body stops arriving, keeping no staged copy and logging no error', async () => {
    const chat = await conversation();
    const boundary = 'stalledBoundary';
    const part = (fields: string) =>
      `${fields}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="log.txt"\r\n` +
      'Content-Type: text/plain\r\n\r\nthe first bytes of a log';
    const head = (p: string, headers: string, fields = '') =>
      `POST ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
      `Content-Length: 50000\r\n\r\n${part(fields)}`;
    const csrfField = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`;
    const errorsBefore = kotae.logger.lines.filter((l) => l.level === 'error').length;
    const [api, manuals] = await Promise.all([
      stall(head(`/api/conversations/${chat.id}/attachments`, `X-Kotae-Conversation-Token: ${chat.token}\r\n`)),
      stall(head('/console/knowledge/documents', `Cookie: ${admin.cookie}\r\n`, csrfField)),
    ]);
    for (const r of [api, manuals]) {
      assert.match(r.text, /^HTTP\/1\.1 408 Request Timeout\r\n/);
      assert.match(r.text, /\r\nConnection: close\r\n/);
      assert.deepEqual(JSON.parse(r.text.slice(r.text.indexOf('\r\n\r\n') + 4)), { error: TIMEOUT });
      assert.ok(r.ms >= BODY_IDLE_MS - 100 && r.ms < BODY_IDLE_MS + 10_000, `answered after ${r.ms} ms`);
    }
    // The readers end with the connection: the staged copies are gone, no row, no handler answering again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const staging = path.join(kotae.dataDir, 'attachments', 'tmp');
    assert.deepEqual(fs.existsSync(staging) ? fs.readdirSync(staging) : [], []);
    assert.equal(await count('attachment'), 0);
    assert.equal(kotae.logger.lines.filter((l) => l.level === 'error').length, errorsBefore);
    assert.equal((await fetch(`${kotae.url}/healthz`)).status, 200);
  });

  it('answers 413 to an upload that never stops coming once it passes the most the form takes', async () => {
    const chat = await conversation();
    const started = Date.now();
    const text = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const chunk = `10000\r\n${'x'.repeat(0x10000)}\r\n`;
      let flood: NodeJS.Timeout | undefined;
      // The chunks start after the head is written (a socket buffers writes made before it connects).
      const socket = net.connect(Number(new URL(kotae.url).port), '127.0.0.1', () => {
        socket.write(
          `POST /api/conversations/${chat.id}/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
            `X-Kotae-Conversation-Token: ${chat.token}\r\nContent-Type: multipart/form-data; boundary=endless\r\n` +
            'Transfer-Encoding: chunked\r\n\r\n',
        );
        flood = setInterval(() => socket.writable && socket.write(chunk), 2);
      });
      const giveUp = setTimeout(() => reject(new Error('no answer to an endless upload')), 60_000);
      socket.on('data', (c) => chunks.push(c));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(flood);
        clearTimeout(giveUp);
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
    });
    assert.match(text, /^HTTP\/1\.1 413 Payload Too Large\r\n/);
    assert.deepEqual(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)), {
      error: { code: 'INPUT_TOO_LARGE', message: 'ファイルが大きすぎます。添付できるのは1ファイル10MBまでです。' },
    });
    assert.ok(Date.now() - started < 45_000, `answered after ${Date.now() - started} ms`);
    assert.equal(await count('attachment'), 0);
  });

  it('answers gzip data declared as br with 400 on a console form (was 500) and on the API', async () => {
    const templates = await count('reply_template');
    const form = await fetch(`${kotae.url}/console/templates`, {
      method: 'POST',
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': csrf,
        'content-type': 'application/x-www-form-urlencoded',
        'content-encoding': 'br',
      },
      body: new Uint8Array(zlib.gzipSync('name=a&body=b')),
    });
    assert.equal(form.status, 400);
    assert.match(await form.text(), /<p class="error" role="alert">圧縮されたリクエストを展開できませんでした。<\/p>/);
    assert.equal(await count('reply_template'), templates);
    const api = await fetch(`${kotae.url}/api/ask`, {
      method: 'POST',
      headers: { ...json, 'content-encoding': 'br' },
      body: new Uint8Array(zlib.gzipSync('{"question":"VPN"}')),
    });
    assert.equal(api.status, 400);
    assert.deepEqual(await api.json(), {
      error: { code: 'INPUT_INVALID', message: '圧縮されたリクエストを展開できませんでした。' },
    });
  });

  it('answers OPTIONS with a Japanese 404 on the API and the console', async () => {
    const api = await fetch(`${kotae.url}/api/ask`, { method: 'OPTIONS' });
    assert.equal(api.status, 404);
    assert.deepEqual(await api.json(), { error: { code: 'NOT_FOUND', message: '指定されたAPIはありません。' } });
    const page = await fetch(`${kotae.url}/console/tickets`, { method: 'OPTIONS', headers: { cookie: admin.cookie } });
    assert.equal(page.status, 404);
    assert.deepEqual(await page.json(), {
      error: { code: 'NOT_FOUND', message: 'お探しのページは見つかりません。URLをご確認ください。' },
    });
  });

  it('serves the report pages with the console’s headers (no-store, the console CSP)', async () => {
    const r = await fetch(`${kotae.url}/console/reports`, { headers: { cookie: admin.cookie } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.equal(r.headers.get('content-security-policy'), CONSOLE_CSP);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
    await r.body?.cancel();
  });

  it('stores a file name without its right-to-left override (report\\u202Egpj.txt showed as reporttxt.jpg)', async () => {
    const chat = await conversation();
    const form = new FormData();
    form.append('file', new Blob(['log'], { type: 'text/plain' }), 'report\u202Egpj.txt');
    const r = await fetch(`${kotae.url}/api/conversations/${chat.id}/attachments`, {
      method: 'POST',
      headers: { 'x-kotae-conversation-token': chat.token },
      body: form,
    });
    assert.equal(r.status, 201);
    const body = (await r.json()) as { attachment: { fileName: string }; message: string };
    assert.equal(body.attachment.fileName, 'reportgpj.txt');
    assert.equal(
      body.message,
      '「reportgpj.txt」を受け取りました。担当者に問い合わせると、このファイルも引き継がれます。',
    );
  });
});
