/**
 * Attachments on the real app: a requester uploads from the web chat (held, then linked at
 * escalation), operators see and download it, an operator replies with a file that the requester
 * downloads; other conversations, missing tokens and signed-out callers get nothing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]);
const TOKEN = 'x-kotae-conversation-token';

/** Files below the data dir's attachments folder (temp folder excluded). */
function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'attachments');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((d) => d !== 'tmp')
    .flatMap((d) => fs.readdirSync(path.join(root, d)));
}

describe('attachments on the real app', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  let operator: ConsoleSession;
  const tokens = new Map<string, string>();

  before(async () => {
    kotae = await startApp({ KOTAE_ATTACHMENT_MAX_BYTES: '2048' });
    operator = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
  });
  after(() => kotae?.stop());

  /** A new web conversation; its secret is kept under its id and, when given, under `label`. */
  async function conversation(label?: string): Promise<string> {
    const ask = await postJson(`${kotae.url}/api/ask`, {
      question: 'プリンタで印刷できない',
      user: { name: '山田 花子' },
    });
    const id = ask.body.conversationId as string;
    tokens.set(id, ask.body.conversationToken as string);
    if (label) tokens.set(label, ask.body.conversationToken as string);
    return id;
  }

  const secret = (key: string) => ({ [TOKEN]: tokens.get(key)! });

  const escalate = (conversationId: string, details: string) =>
    postJson(
      `${kotae.url}/api/tickets`,
      { conversationId, details, user: { name: '山田 花子', department: '総務課', phone: '内線1234' } },
      secret(conversationId),
    );

  async function upload(conversationId: string, name: string, type: string, content: Buffer, token?: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), name);
    const res = await fetch(`${kotae.url}/api/conversations/${conversationId}/attachments`, {
      method: 'POST',
      headers: token ? secret(token) : {},
      body: form,
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${kotae.url}${url}`, { headers, redirect: 'manual' });

  it('holds a requester file until escalation, then operators see and download it', async () => {
    const conv = await conversation('secret-a');
    const up = await upload(conv, 'エラー画面.png', 'image/png', PNG, 'secret-a');
    assert.equal(up.status, 201);
    assert.equal(up.body.ticketNumber, undefined);
    assert.equal(
      up.body.message,
      '「エラー画面.png」を受け取りました。担当者に問い合わせると、このファイルも引き継がれます。',
    );
    const ticket = await escalate(conv, '画面を添付しました');
    assert.equal(ticket.status, 201);
    const page = await operator.get(`/console/tickets/${ticket.body.number}`);
    const id = up.body.attachment.id as string;
    assert.match(page.text, new RegExp(`<img class="thumb" src="/console/attachments/${id}"`));
    assert.equal((page.text.match(/class="attachment"/g) ?? []).length, 1);

    const res = await get(`/console/attachments/${id}`, { cookie: operator.cookie });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(
      res.headers.get('content-disposition'),
      `inline; filename="_____.png"; filename*=UTF-8''${encodeURIComponent('エラー画面')}.png`,
    );
    assert.match(res.headers.get('content-security-policy') ?? '', /^default-src 'none';.*sandbox/);
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(PNG));

    // A second file while the ticket is open joins it at once.
    const second = await upload(conv, 'network.log', 'text/plain', Buffer.from('ping: timeout\n'), 'secret-a');
    assert.equal(second.status, 201);
    assert.equal(second.body.ticketNumber, ticket.body.number);
    const page2 = await operator.get(`/console/tickets/${ticket.body.number}`);
    assert.equal((page2.text.match(/class="attachment"/g) ?? []).length, 2);
  });

  it('serves a file to its requester with the token only; other conversations and signed-out callers get 404 or sign-in', async () => {
    const mine = await conversation('secret-b');
    const other = await conversation('secret-c');
    const up = await upload(mine, 'manual.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n本文'), 'secret-b');
    assert.equal(up.status, 201);
    const url = up.body.attachment.url as string;
    assert.equal(url, `/api/conversations/${mine}/attachments/${up.body.attachment.id}`);

    const ok = await get(url, secret('secret-b'));
    assert.equal(ok.status, 200);
    assert.equal(
      ok.headers.get('content-disposition'),
      `attachment; filename="manual.pdf"; filename*=UTF-8''manual.pdf`,
    );
    assert.equal((await ok.arrayBuffer()).byteLength, Buffer.byteLength('%PDF-1.4\n本文'));

    assert.equal((await get(url)).status, 404, 'no token');
    assert.equal((await get(url, secret('secret-c'))).status, 404, 'another conversation’s token');
    const viaOther = await get(`/api/conversations/${other}/attachments/${up.body.attachment.id}`, secret('secret-c'));
    assert.equal(viaOther.status, 404, 'through another conversation');
    assert.deepEqual(await viaOther.json(), {
      error: { code: 'NOT_FOUND', message: '添付ファイルが見つかりません。' },
    });
    const list = await get(`/api/conversations/${other}/attachments`, secret('secret-c'));
    assert.deepEqual(((await list.json()) as any).attachments, []);

    const signedOut = await get(`/console/attachments/${up.body.attachment.id}`);
    assert.equal(signedOut.status, 302);
    assert.match(signedOut.headers.get('location') ?? '', /\/console\/signin$/);
  });

  it('refuses bad files with a Japanese message naming the limit and stores nothing', async () => {
    const conv = await conversation();
    const before = storedFiles(kotae.dataDir);
    const cases: [string, string, Buffer, number, string][] = [
      [
        'big.png',
        'image/png',
        Buffer.concat([PNG, Buffer.alloc(4096)]),
        413,
        'ファイルが大きすぎます。添付できるのは1ファイル2KBまでです。',
      ],
      ['empty.txt', 'text/plain', Buffer.alloc(0), 400, '空のファイルは添付できません（1ファイル2KBまで）。'],
      [
        'tool.exe',
        'application/octet-stream',
        Buffer.from('MZ'),
        400,
        'この種類のファイルは添付できません。添付できるのは画像（PNG・JPEG・GIF・WebP）、PDF、テキスト・ログ（.txt・.log・.csv）、Office文書（Word・Excel・PowerPoint）、ZIPで、1ファイル2KBまでです。',
      ],
      [
        'photo.png',
        'image/png',
        Buffer.from('%PDF-1.4'),
        400,
        '「photo.png」は、ファイルの内容が名前や種類と一致しないため添付できません。',
      ],
    ];
    for (const [name, type, content, status, message] of cases) {
      const res = await upload(conv, name, type, content, conv);
      assert.equal(res.status, status, name);
      assert.equal(res.body.error.message, message, name);
    }
    assert.deepEqual(storedFiles(kotae.dataDir), before);
    assert.deepEqual(fs.readdirSync(path.join(kotae.dataDir, 'attachments', 'tmp')), []);
    const list = await get(`/api/conversations/${conv}/attachments`, secret(conv));
    assert.deepEqual(((await list.json()) as any).attachments, []);
  });

  it('an operator replies with a file; the reply names it and the requester downloads it', async () => {
    const conv = await conversation('secret-d');
    const ticket = await escalate(conv, '手順を教えてください');
    const pagePath = `/console/tickets/${ticket.body.number}`;
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await operator.get(pagePath)).text)![1];
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('body', '設定手順を添付します。');
    form.append(
      'files',
      new Blob([new Uint8Array(Buffer.from('手順1: 再起動\n'))], { type: 'text/plain' }),
      '手順.txt',
    );
    const res = await fetch(`${kotae.url}${pagePath}/reply`, {
      method: 'POST',
      headers: { cookie: operator.cookie },
      body: form,
      redirect: 'manual',
    });
    assert.equal(res.status, 303);
    const messages = await get(`/api/conversations/${conv}/messages?since=1970-01-01T00:00:00Z`, secret('secret-d'));
    const texts = ((await messages.json()) as any).messages.map((m: { text: string }) => m.text);
    assert.deepEqual(texts, [
      `【ヘルプデスクからの回答】${ticket.body.number}\n設定手順を添付します。\n📎 添付ファイル: 手順.txt（19バイト）`,
    ]);
    const list = (await (await get(`/api/conversations/${conv}/attachments`, secret('secret-d'))).json()) as any;
    assert.equal(list.attachments.length, 1);
    assert.deepEqual([list.attachments[0].fileName, list.attachments[0].kind], ['手順.txt', 'operator']);
    const file = await get(list.attachments[0].url, secret('secret-d'));
    assert.equal(file.status, 200);
    assert.equal(await file.text(), '手順1: 再起動\n');
  });

  it('a reply whose file is refused shows the message on the ticket page and sends nothing', async () => {
    const conv = await conversation();
    const ticket = await escalate(conv, '確認');
    const pagePath = `/console/tickets/${ticket.body.number}`;
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await operator.get(pagePath)).text)![1];
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('body', '添付します。');
    form.append('files', new Blob([new Uint8Array(Buffer.from('not a png'))], { type: 'image/png' }), 'fake.png');
    const res = await fetch(`${kotae.url}${pagePath}/reply`, {
      method: 'POST',
      headers: { cookie: operator.cookie },
      body: form,
      redirect: 'manual',
    });
    assert.equal(res.status, 303);
    const shown = await operator.get(pagePath);
    assert.equal(shown.status, 400);
    assert.match(shown.text, /「fake\.png」は、ファイルの内容が名前や種類と一致しないため添付できません。/);
    assert.match(shown.text, /添付します。<\/textarea>/, 'the typed reply is kept');
    const messages = await get(`/api/conversations/${conv}/messages?since=1970-01-01T00:00:00Z`, secret(conv));
    assert.deepEqual(((await messages.json()) as any).messages, []);
  });

  it('refuses a console upload without the CSRF token and keeps no file', async () => {
    const conv = await conversation();
    const ticket = await escalate(conv, '確認');
    const before = storedFiles(kotae.dataDir);
    const form = new FormData();
    form.append('body', '添付します。');
    form.append(
      'files',
      new Blob([new Uint8Array(Buffer.from('%PDF-1.4 csrf'))], { type: 'application/pdf' }),
      'x.pdf',
    );
    const res = await fetch(`${kotae.url}/console/tickets/${ticket.body.number}/reply`, {
      method: 'POST',
      headers: { cookie: operator.cookie },
      body: form,
      redirect: 'manual',
    });
    assert.equal(res.status, 403);
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(storedFiles(kotae.dataDir), before);
    assert.deepEqual(fs.readdirSync(path.join(kotae.dataDir, 'attachments', 'tmp')), []);
  });
});
