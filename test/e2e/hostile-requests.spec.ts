/**
 * Hostile requests on the real app: each gets a 4xx with a Japanese message, never a 500, and
 * nothing is half written.
 */
import assert from 'node:assert/strict';
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
});
