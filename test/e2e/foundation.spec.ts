import assert from 'node:assert/strict';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { signInConsole } from '../helpers/console-client';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

describe('end to end: ask → answer → no_answer → escalate → ticket', function () {
  this.timeout(120_000);
  let kotae: RunningApp;
  let ticketNumber = '';
  let conversationToken = '';

  before(async () => {
    kotae = await startApp();
  });
  after(() => kotae?.stop());

  it('ingested the bundled sample knowledge base on first start', async () => {
    const res = await fetch(`${kotae.url}/healthz`);
    assert.equal(res.status, 200);
    const health = (await res.json()) as {
      ok: boolean;
      version: string;
      db: string;
      index: { ready: boolean; chunks: number };
    };
    assert.equal(health.db, 'ok');
    assert.equal(health.index.ready, true);
    assert.ok(health.index.chunks >= 100, `chunks ${health.index.chunks}`);
  });

  it('answers a forgotten-password question with its source', async () => {
    const { status, body } = await postJson(`${kotae.url}/api/ask`, {
      question: 'パスワードを忘れてしまいました。どうすればいいですか？',
      user: { id: 'e2e-user', name: '試験 太郎', department: '市民課' },
    });
    assert.equal(status, 200);
    assert.equal(body.outcome, 'answered', JSON.stringify(body));
    assert.match(body.answer, /パスワード/);
    assert.ok(body.sources.length >= 1);
    assert.match(body.sources[0].url, /kotonoha\.example\.lg\.jp/);
    assert.ok(body.confidence > 0 && body.confidence <= 1);
    assert.ok(body.conversationId);
  });

  it('does not answer out-of-scope questions and escalates them to a ticket', async () => {
    const weather = await postJson(`${kotae.url}/api/ask`, { question: '明日の天気を教えてください' });
    assert.notEqual(weather.body.outcome, 'answered', JSON.stringify(weather.body));
    const secret = { 'x-kotae-conversation-token': weather.body.conversationToken };
    const recipe = await postJson(
      `${kotae.url}/api/ask`,
      { question: 'カレーライスのおいしい作り方は？', conversationId: weather.body.conversationId },
      secret,
    );
    assert.notEqual(recipe.body.outcome, 'answered', JSON.stringify(recipe.body));
    assert.ok(recipe.body.actions.includes('escalate'));
    const ticket = await postJson(
      `${kotae.url}/api/tickets`,
      {
        conversationId: weather.body.conversationId,
        details: '天気予報の確認方法を知りたい',
        user: { name: '試験 太郎', department: '市民課', phone: '内線 1234' },
      },
      secret,
    );
    assert.equal(ticket.status, 201);
    assert.match(ticket.body.number, /^HD-\d{4}-\d{6}$/);
    const stored = await kotae.app.dataSource.getRepository('ticket').findOneBy({ number: ticket.body.number });
    assert.ok(stored);
    ticketNumber = ticket.body.number;
    conversationToken = weather.body.conversationToken;
  });

  it('shows the ticket in the console after sign-in, and the operator reply reaches the web chat', async () => {
    const anonymous = await fetch(`${kotae.url}/console/tickets`, { redirect: 'manual' });
    assert.equal(anonymous.status, 302);
    const session = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const queue = await session.get('/console/tickets');
    assert.equal(queue.status, 200);
    assert.match(queue.text, new RegExp(ticketNumber));
    const ticket = await kotae.app.dataSource
      .getRepository<{ id: string; conversationId: string; number: string }>('ticket')
      .findOneByOrFail({ number: ticketNumber });
    const reply = await session.post(
      `/console/tickets/${ticket.id}/reply`,
      { body: '天気予報は気象庁のサイトをご覧ください。' },
      `/console/tickets/${ticket.id}`,
    );
    assert.equal(reply.status, 303);
    const res = await fetch(
      `${kotae.url}/api/conversations/${ticket.conversationId}/messages?since=2000-01-01T00:00:00Z`,
      { headers: { 'x-kotae-conversation-token': conversationToken } },
    );
    const { messages } = (await res.json()) as { messages: { text: string }[] };
    assert.ok(
      messages.some((m) => m.text.includes('気象庁')),
      JSON.stringify(messages),
    );
  });

  it('counts the questions and the ticket in the monthly report', async () => {
    const month = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date());
    const bin = path.join(__dirname, '..', '..', 'bin', 'kotae.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'report', 'monthly', month, '--json'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, KOTAE_DATA_DIR: kotae.dataDir },
    });
    const model = JSON.parse(stdout) as {
      inquiries: { asked: number; escalated: number };
      tickets: { opened: number; sla: { clocks?: unknown[] } };
      extraSections?: { id: string }[];
    };
    assert.ok(model.inquiries.asked >= 3, JSON.stringify(model.inquiries));
    assert.ok(model.inquiries.escalated >= 1);
    assert.ok(model.tickets.opened >= 1);
    // The command line's report has what the server's has: the per-type clocks and the contributed sections.
    assert.ok(Array.isArray(model.tickets.sla.clocks) && model.tickets.sla.clocks.length > 0);
    assert.deepEqual(
      (model.extraSections ?? []).map((x) => x.id),
      [
        'planned-work',
        'planned-work-failures',
        'register-issued',
        'register-withdrawn',
        'lending-bookings',
        'lending-utilisation',
        'lending-overdue',
        'confidential-roster',
      ],
    );
  });

  it('answers from an FAQ published in the console once the index is rebuilt', async () => {
    const question = '庁舎の屋上ヘリポートの予約はどうすればよいですか';
    const before = await postJson(`${kotae.url}/api/ask`, { question });
    assert.notEqual(before.body.outcome, 'answered');
    const session = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const created = await session.post(
      '/console/faqs',
      {
        category: 'その他',
        question,
        alternates: 'ヘリポートを使いたい',
        answer: 'ヘリポートの予約は危機管理課（内線 9999）で受け付けています。',
        sourceUrl: '',
      },
      '/console/faqs/new',
    );
    assert.equal(created.status, 303);
    const after = await postJson(`${kotae.url}/api/ask`, { question });
    assert.equal(after.body.outcome, 'answered', JSON.stringify(after.body));
    assert.match(after.body.answer, /危機管理課/);
  });

  it('records feedback', async () => {
    const ask = await postJson(`${kotae.url}/api/ask`, { question: 'プリンタのトナーを交換したい' });
    const fb = await postJson(
      `${kotae.url}/api/feedback`,
      { conversationId: ask.body.conversationId, resolved: true },
      { 'x-kotae-conversation-token': ask.body.conversationToken },
    );
    assert.equal(fb.status, 200);
    assert.equal(fb.body.ok, true);
  });

  it('gives clear errors for bad input and stays up', async () => {
    const malformed = await postJson(`${kotae.url}/api/ask`, '{"question": ');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'INPUT_INVALID');
    const empty = await postJson(`${kotae.url}/api/ask`, { question: '' });
    assert.equal(empty.status, 400);
    // Only emoji or punctuation: no words to search for, in a new conversation or an open one.
    const wordless = await postJson(`${kotae.url}/api/ask`, { question: '🙏🙏 ？？' });
    assert.deepEqual(
      [wordless.status, wordless.body.error.message],
      [400, 'ご質問の内容を文章で入力してください（例: 「パスワードを忘れました」）。'],
    );
    const asked = await postJson(`${kotae.url}/api/ask`, { question: 'パスワードを忘れました' });
    const again = await postJson(
      `${kotae.url}/api/ask`,
      { question: '👍', conversationId: asked.body.conversationId },
      { 'x-kotae-conversation-token': asked.body.conversationToken as string },
    );
    assert.deepEqual(
      [again.status, again.body.error.message],
      [400, 'ご質問の内容を文章で入力してください（例: 「パスワードを忘れました」）。'],
    );
    const long = await postJson(`${kotae.url}/api/ask`, { question: 'あ'.repeat(2001) });
    assert.equal(long.status, 413);
    assert.match(long.body.error.message, /2000文字/);
    const unknown = await postJson(`${kotae.url}/api/tickets`, { conversationId: 'no-such-conversation' });
    assert.equal(unknown.status, 404);
    const wrongType = await postJson(`${kotae.url}/api/feedback`, { conversationId: 'x', resolved: 'yes' });
    assert.equal(wrongType.status, 400);
    const huge = await postJson(`${kotae.url}/api/ask`, { question: 'x'.repeat(200_000) });
    assert.equal(huge.status, 413);
    const health = await fetch(`${kotae.url}/healthz`);
    assert.equal(health.status, 200);
  });

  it('serves the manuals that answers cite, and nothing outside the knowledge folder', async () => {
    const manual = await fetch(`${kotae.url}/kb/manuals/network-guide.html`);
    assert.equal(manual.status, 200);
    const outside = await fetch(`${kotae.url}/kb/..%2Fpackage.json`);
    assert.equal(outside.status, 404);
    const { body } = await postJson(`${kotae.url}/api/ask`, {
      question: '件名の先頭に【外部】と付いているメールは何ですか',
    });
    // Kotae's own documents are linked on the host the chat was opened from (relative), others as they are.
    const urls = (body.sources as { url?: string }[]).flatMap((s) => (s.url ? [s.url] : []));
    const own = urls.filter((u) => u.startsWith('/kb/'));
    assert.deepEqual(own, ['/kb/manuals/mail-guide.md']);
    for (const u of urls.filter((x) => !own.includes(x))) assert.match(u, /^https?:\/\/(?!127\.0\.0\.1|localhost)/);
    assert.equal((await fetch(`${kotae.url}${own[0]}`)).status, 200);
  });

  it('serves the web chat page', async () => {
    const res = await fetch(`${kotae.url}/`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<html lang="ja">/);
  });
});
