/**
 * Hostile requests on the real app: each gets a 4xx with a Japanese message, never a 500, and
 * nothing is half written; also those Node's HTTP parser refuses before express (raw socket).
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import zlib from 'node:zlib';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('hostile requests on the real app', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  let admin: ConsoleSession;

  before(async () => {
    kotae = await startApp();
    admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
  });
  after(() => kotae?.stop());

  async function send(path: string, init: RequestInit = {}): Promise<{ status: number; text: string }> {
    const res = await fetch(`${kotae.url}${path}`, { redirect: 'manual', ...init });
    return { status: res.status, text: await res.text() };
  }
  const gzip = (text: string): Blob => new Blob([new Uint8Array(zlib.gzipSync(text))]);
  const ask = (body: string | Blob, headers: Record<string, string> = {}) =>
    send('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const conversationCount = () => kotae.app.dataSource.getRepository('conversation').count();

  it('answers 400 in Japanese to bad %-encoding in any path', async () => {
    for (const path of ['/%E0%A4%A', '/api/conversations/%E0%A4%A/messages', '/kb/%E0%A4%A', '/console/tickets/%C0']) {
      const r = await send(path, { headers: { cookie: admin.cookie } });
      assert.equal(r.status, 400, path);
      assert.match(r.text, /URLの形式が正しくありません/, path);
    }
  });

  it('cleans NUL and lone surrogates out of a question before analysis', async () => {
    const nul = await ask(JSON.stringify({ question: 'パスワード\u0000を忘れました' }));
    assert.equal(nul.status, 200);
    const surrogate = await ask('{"question":"パスワード\\ud800を忘れました"}');
    assert.equal(surrogate.status, 200);
    const { conversationId } = JSON.parse(surrogate.text) as { conversationId: string };
    const stored = await kotae.app.dataSource.getRepository('question').findOneByOrFail({ conversationId });
    assert.equal((stored as { text: string }).text, 'パスワードを忘れました');
  });

  it('masks personal data in a question before it is stored, and says which types', async () => {
    const r = await ask(JSON.stringify({ question: '山田太郎です。携帯090-1234-5678、パスワードを忘れました' }));
    assert.equal(r.status, 200);
    const body = JSON.parse(r.text) as { conversationId: string; answer: string };
    assert.match(body.answer, /個人情報と思われる内容（電話番号、氏名）は記録せずに伏せ字にしました/);
    const stored = await kotae.app.dataSource
      .getRepository('question')
      .findOneByOrFail({ conversationId: body.conversationId });
    assert.equal((stored as { text: string }).text, '［氏名］です。携帯［電話番号］、パスワードを忘れました');
  });

  it('cleans control characters out of contact details and refuses contacts of only such characters', async () => {
    type Row = { requesterName: string | null; department: string | null; requesterPhone: string | null };
    const started = await ask(
      JSON.stringify({
        question: 'VPNにつながりません',
        user: { name: '山\u0000田', department: '\ud800情報政策課', phone: '1\u00002' },
      }),
    );
    assert.equal(started.status, 200);
    const { conversationId, conversationToken } = JSON.parse(started.text) as Record<string, string>;
    const conversation = (await kotae.app.dataSource
      .getRepository('conversation')
      .findOneByOrFail({ id: conversationId })) as Row;
    assert.deepEqual(
      [conversation.requesterName, conversation.department, conversation.requesterPhone],
      ['山田', '情報政策課', '12'],
    );
    const tickets = kotae.app.dataSource.getRepository('ticket');
    const before = await tickets.count();
    const escalate = (body: Record<string, unknown>) =>
      send('/api/tickets', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kotae-conversation-token': conversationToken! },
        body: JSON.stringify({ conversationId, details: '試験', ...body }),
      });
    const invisible = await escalate({ user: { name: '\u0000', department: '\u0001', phone: '\u200b' } });
    assert.equal(invisible.status, 400);
    assert.equal(
      JSON.parse(invisible.text).error.message,
      '担当者からご連絡するため、お名前・所属・内線（電話）を入力してください。',
    );
    const category = await escalate({ category: '\u0000\u0001' });
    assert.equal(category.status, 400);
    assert.equal(JSON.parse(category.text).error.message, '入力内容に誤りがあります（category）。');
    const id = await escalate({ conversationId: `${conversationId}\u0000` });
    assert.equal(id.status, 400);
    assert.equal(JSON.parse(id.text).error.message, '入力内容に誤りがあります（conversationId）。');
    assert.equal(await tickets.count(), before);
    const created = await escalate({});
    assert.equal(created.status, 201);
    const ticket = (await tickets.findOneByOrFail({ conversationId })) as Row;
    assert.deepEqual([ticket.requesterName, ticket.department, ticket.requesterPhone], ['山田', '情報政策課', '12']);
  });

  it('rejects a question of control characters only without writing a conversation', async () => {
    const before = await conversationCount();
    const r = await ask(JSON.stringify({ question: '\u0000\u0001\u0007' }));
    assert.equal(r.status, 400);
    assert.match(JSON.parse(r.text).error.message, JAPANESE);
    assert.equal(await conversationCount(), before);
  });

  it('decodes gzip bodies, refuses broken ones with 400 and unknown encodings with 415', async () => {
    const ok = await ask(gzip(JSON.stringify({ question: 'パスワードを忘れました' })), {
      'content-encoding': 'gzip',
    });
    assert.equal(ok.status, 200);
    const broken = await ask('{"question":"a"}', { 'content-encoding': 'gzip' });
    assert.equal(broken.status, 400);
    assert.match(broken.text, /圧縮されたリクエストを展開できませんでした/);
    const unknown = await ask('{"question":"a"}', { 'content-encoding': 'x-compress-9' });
    assert.equal(unknown.status, 415);
    assert.match(unknown.text, /Content-Encoding/);
    const bomb = await ask(gzip(JSON.stringify({ question: 'a'.repeat(2_000_000) })), {
      'content-encoding': 'gzip',
    });
    assert.equal(bomb.status, 413);
  });

  it('answers 413 and 400 pages in Japanese to oversized or malformed console bodies', async () => {
    const big = await send('/console/worklogs', {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `content=${'x'.repeat(300_000)}`,
    });
    assert.equal(big.status, 413);
    assert.match(big.text, /リクエストが大きすぎます/);
    const malformed = await send('/console/tickets', {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/json' },
      body: '{"title":',
    });
    assert.equal(malformed.status, 400);
    assert.match(malformed.text, /正しくありません/);
    const gzipped = await send('/console/reports', {
      method: 'POST',
      headers: {
        cookie: admin.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'content-encoding': 'gzip',
      },
      body: 'a=b',
    });
    assert.equal(gzipped.status, 400);
  });

  it('refuses a work log of more than 10,000 characters or dated year 0000, in Japanese', async () => {
    const entry = {
      startedAt: '2026-11-02T10:00',
      endedAt: '2026-11-02T11:00',
      operatorName: '管理者',
      title: '作業',
      content: 'あ'.repeat(10_001),
    };
    const before = await kotae.app.dataSource.getRepository('work_log').count();
    const long = await admin.post('/console/worklogs', entry, '/console/worklogs');
    assert.ok(long.status >= 400 && long.status < 500, `status ${long.status}`);
    const year0 = await admin.post(
      '/console/worklogs',
      { ...entry, content: '作業', startedAt: '0000-01-01T10:00', endedAt: '0000-01-01T11:00' },
      '/console/worklogs',
    );
    assert.ok(year0.status >= 400 && year0.status < 500, `status ${year0.status}`);
    assert.equal(await kotae.app.dataSource.getRepository('work_log').count(), before);
  });

  it('answers an unsatisfiable Range with 416 and a failed If-Match with 412 on files, in Japanese', async () => {
    for (const path of ['/', '/static/chat.js', '/console/assets/console.css', '/kb/faq.csv']) {
      const range = await fetch(`${kotae.url}${path}`, { headers: { range: 'bytes=999999999-' } });
      assert.equal(range.status, 416, path);
      assert.match(range.headers.get('content-range') ?? '', /^bytes \*\/\d+$/, path);
      assert.equal(range.headers.get('cache-control'), 'no-store', path);
      assert.match(await range.text(), /指定された範囲（Range）はこのファイルにありません。/, path);
      const match = await send(path, { headers: { 'if-match': '"junk"' } });
      assert.equal(match.status, 412, path);
      assert.match(match.text, /ファイルが更新されています。ページを再読み込みしてから/, path);
    }
    // A satisfiable one still gets its bytes.
    const part = await fetch(`${kotae.url}/static/chat.js`, { headers: { range: 'bytes=0-9' } });
    assert.equal(part.status, 206);
    assert.equal((await part.text()).length, 10);
  });

  /** Sends `request` as it is over a raw socket (then `next` once something came back); all the server wrote. */
  function raw(request: string, next?: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(new URL(kotae.url).port), '127.0.0.1', () => socket.write(request));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => {
        if (next && !chunks.length) socket.write(next);
        chunks.push(chunk);
      });
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
  }
  const answer = (status: string, text: string) => {
    const body = `${text}\n`;
    return [
      `HTTP/1.1 ${status}`,
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'X-Content-Type-Options: nosniff',
      'Cache-Control: no-store',
      'Connection: close',
      '',
      body,
    ].join('\r\n');
  };

  it('answers a URL or headers past Node’s 16 KB limit, and a broken request line, with a short Japanese text', async () => {
    const tooLong = answer(
      '431 Request Header Fields Too Large',
      'リクエストのURLまたはヘッダーが長すぎます。URLを短くするか、ブラウザーのこのサイトのCookieを削除してから、もう一度お試しください。',
    );
    const url = `GET /console/tickets?q=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
    assert.equal(await raw(url), tooLong);
    const cookie = `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: kotae_chat=${'c'.repeat(17_000)}\r\n\r\n`;
    assert.equal(await raw(cookie), tooLong);
    const badRequest = answer('400 Bad Request', 'リクエストの形式が正しくありません。');
    assert.equal(await raw('HELLO THERE\r\n\r\n'), badRequest);
    assert.equal(await raw('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n'), badRequest);
    // A keep-alive connection: the first request is answered as usual, the oversized second one in Japanese.
    const both = await raw('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', url);
    assert.match(both, /^HTTP\/1\.1 200 OK\r\n/);
    assert.equal(both.slice(both.indexOf('HTTP/1.1 431')), tooLong);
    assert.equal((await send('/healthz')).status, 200);
  });
});
