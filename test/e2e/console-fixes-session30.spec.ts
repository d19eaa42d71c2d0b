/**
 * Console fixes of session 30, over HTTP against the real app: resolving an incident stops its 復旧作業開始
 * clock on the page, in the JSON API and in the report; the public API refuses an unknown category (and a
 * ticket that already holds one can still be saved); impossible dates are refused, not rolled over; a 409
 * page is headed by what happened; history and report rows are Japanese; a client leaving mid-download is
 * no server error.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { FakeClock } from '../../core/clock';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

const TOKEN = 'x-kotae-conversation-token';
const CONTACT = { name: '山田 花子', department: '総務課', phone: '内線 1234' };
/** Tuesday 2026-11-10 10:00 JST, desk hours. */
const START = new Date('2026-11-10T01:00:00Z');
const ADMIN_PASSWORD = 'e2e-admin-password';

describe('console fixes (session 30)', function () {
  this.timeout(120_000);
  let kotae: RunningApp;
  let clock: FakeClock;
  let admin: ConsoleSession;

  before(async function () {
    this.timeout(180_000);
    clock = new FakeClock(START);
    kotae = await startApp({}, { clock });
    admin = await signInConsole(kotae.url, 'admin', ADMIN_PASSWORD);
  });
  after(() => kotae?.stop());

  /** A web-chat conversation and its ticket; returns the ticket number. */
  async function newTicket(extra: Record<string, unknown> = {}): Promise<string> {
    const asked = await postJson(`${kotae.url}/api/ask`, { question: 'VPNにつながりません', user: CONTACT });
    assert.equal(asked.status, 200);
    const res = await postJson(
      `${kotae.url}/api/tickets`,
      { conversationId: asked.body.conversationId, details: '朝から接続できません', user: CONTACT, ...extra },
      { [TOKEN]: asked.body.conversationToken },
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.number as string;
  }

  /** The update form of a ticket as the page fills it, with `changes` on top. */
  async function saveTicket(s: ConsoleSession, number: string, changes: Record<string, string>) {
    const page = (await s.get(`/console/tickets/${number}`)).text;
    const value = (name: string) =>
      new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ??
      new RegExp(`<select id="u-${name}" name="${name}">[\\s\\S]*?<option value="([^"]*)"\\s+selected`).exec(
        page,
      )?.[1] ??
      '';
    const form: Record<string, string> = {};
    for (const f of ['version', 'status', 'assignee', 'type', 'priority', 'category', 'title']) form[f] = value(f);
    return s.post(`/console/tickets/${number}/update`, { ...form, ...changes }, `/console/tickets/${number}`);
  }

  /** Text of the `<dd>` of one incident clock on the ticket page. */
  const clockCell = (page: string, kind: string) =>
    new RegExp(`<dd class="sla-([a-z_]+)" data-clock="${kind}">\\s*([^<]*?)\\s*</dd>`).exec(page);

  it('stops 復旧作業開始 when an incident is resolved, on the page, in the API, in 変更履歴 and in the report', async () => {
    const number = await newTicket();
    assert.equal((await saveTicket(admin, number, { type: 'incident', status: 'in_progress' })).status, 303);
    clock.advanceMinutes(3);
    const running = (await admin.get(`/console/tickets/${number}`)).text;
    assert.equal(clockCell(running, 'restorationStart')?.[1], 'ok');
    assert.match(running, /id="restoration-start"/);

    const resolved = await saveTicket(admin, number, {
      status: 'resolved',
      cause: 'ルータの設定誤り',
      actions: '設定を戻した',
      prevention: '変更手順にレビューを追加',
    });
    assert.equal(resolved.status, 303);
    assert.match(resolved.location, new RegExp(`/console/tickets/${number}\\?notice=saved$`));
    const page = (await admin.get(`/console/tickets/${number}`)).text;
    assert.equal(clockCell(page, 'restorationStart')?.[1], 'met');
    assert.equal(clockCell(page, 'restorationStart')?.[2], '期限内に対応済み（期限 2026/11/10 12:00）');
    assert.doesNotMatch(page, /id="restoration-start"/);
    assert.doesNotMatch(page, /残り/);
    assert.match(
      page,
      /<p id="restoration-started">\s*復旧作業開始: 2026\/11\/10 10:03（記録がないまま解決したため、解決日時を復旧作業開始としました）\s*<\/p>/,
    );
    // 変更履歴: Japanese labels only.
    const history = page.slice(page.indexOf('変更履歴'));
    assert.doesNotMatch(history, /incidentReportAt|restorationStartedAt|confidentiality/);
    assert.match(history, /<td>復旧作業開始<\/td>\s*<td><\/td>\s*<td>2026\/11\/10 10:03<\/td>/);
    assert.match(history, /<td>障害報告書の記録完了<\/td>\s*<td><\/td>\s*<td>2026\/11\/10 10:03<\/td>/);

    const api = await fetch(`${kotae.url}/console/api/tickets/${number}`, { headers: { cookie: admin.cookie } });
    const { ticket } = (await api.json()) as {
      ticket: { restorationStartedAt: string; sla: Record<string, { state: string }> };
    };
    assert.equal(ticket.restorationStartedAt, '2026-11-10T01:03:00.000Z');
    assert.equal(ticket.sla.restorationStart!.state, 'met');

    // The report of the period counts it as met (not 判定前), beside a Japanese 定期処理 name.
    await kotae.app.reports.runner.run('audit-anchor', async () => 'ok');
    clock.set(new Date('2026-11-12T01:00:00Z'));
    const next = await signInConsole(kotae.url, 'admin', ADMIN_PASSWORD);
    const gen = await next.post(
      '/console/reports/generate',
      { kind: 'custom', from: '2026-11-10', to: '2026-11-11' },
      '/console/reports',
    );
    assert.equal(gen.status, 303, gen.location);
    const reportPage = (await next.get(gen.location.replace(/^https?:\/\/[^/]+/, ''))).text;
    const csvLink = (id: string) => new RegExp(`href="([^"]*-${id}\\.csv)"`).exec(reportPage)?.[1];
    const csv = async (id: string) => {
      const link = csvLink(id);
      assert.ok(link, `no ${id} csv on the report page`);
      return (await next.get(link)).text.replace(/^\uFEFF/, '').split(/\r?\n/);
    };
    const clocks = await csv('sla-clocks');
    assert.deepEqual(
      clocks.filter((l) => l.startsWith('障害,復旧作業開始,')),
      ['障害,復旧作業開始,1,1,0,0,100.0%'],
    );
    const jobs = await csv('jobs');
    assert.equal(jobs.filter((l) => l.includes('audit-anchor')).length, 0);
    assert.equal(jobs.filter((l) => l.startsWith('監査ログの日次チェックポイント,1,0,')).length, 1);
    admin = next;
  });

  it('refuses an unknown category at intake in Japanese, keeps valid ones, and saves a ticket holding an old raw one', async () => {
    const asked = await postJson(`${kotae.url}/api/ask`, { question: 'メールが送れません', user: CONTACT });
    const body = { conversationId: asked.body.conversationId, details: '送信エラー', user: CONTACT };
    const headers = { [TOKEN]: asked.body.conversationToken };
    const bad = await postJson(`${kotae.url}/api/tickets`, { ...body, category: 'request' }, headers);
    assert.equal(bad.status, 400);
    assert.equal(
      bad.body.error.message,
      '分類「request」は登録されていません。分類を省略するか、次のいずれかを指定してください: ' +
        'アカウント・AD、ネットワーク、ファイルサーバ、メール、Office・Microsoft 365、プリンタ、ウイルス対策、' +
        'ソフトウェア配布、インターネット閲覧、静脈認証、LoGoチャット、チャットGPT、Web会議、リモートアクセス、' +
        '機器払い出し、文書管理・財務会計、その他',
    );
    const count = async () => Number((await kotae.app.dataSource.query(`SELECT COUNT(*) AS n FROM "ticket"`))[0].n);
    const before = await count();
    assert.equal((await postJson(`${kotae.url}/api/tickets`, { ...body, category: 'incident' }, headers)).status, 400);
    assert.equal(await count(), before);

    const ok = await postJson(`${kotae.url}/api/tickets`, { ...body, category: 'メール' }, headers);
    assert.equal(ok.status, 201);
    const [row] = await kotae.app.dataSource.query(`SELECT "category" FROM "ticket" WHERE "number" = ?`, [
      ok.body.number,
    ]);
    assert.equal(row.category, 'メール');

    // A ticket stored with a raw category before this check can still be saved (its category left as it is).
    const legacy = await newTicket();
    await kotae.app.dataSource.query(`UPDATE "ticket" SET "category" = 'request' WHERE "number" = ?`, [legacy]);
    const saved = await saveTicket(admin, legacy, { priority: 'high' });
    assert.equal(saved.status, 303);
    assert.match(saved.location, /notice=saved$/);
    const [after] = await kotae.app.dataSource.query(`SELECT "priority", "category" FROM "ticket" WHERE "number" = ?`, [
      legacy,
    ]);
    assert.deepEqual({ ...after }, { priority: 'high', category: 'request' });
    // Changing it to another unknown one is still refused.
    const refused = await saveTicket(admin, legacy, { category: 'incident' });
    assert.equal(refused.status, 303);
    const shown = await admin.get(`/console/tickets/${legacy}`);
    assert.equal(shown.status, 400);
    assert.match(shown.text, /分類「incident」は登録されていません。/);
  });

  it('refuses impossible dates of a work log and a booking with a Japanese 400, keeping what was typed', async () => {
    const workLogs = async () =>
      Number((await kotae.app.dataSource.query(`SELECT COUNT(*) AS n FROM "work_log"`))[0].n);
    const before = await workLogs();
    const entry = {
      startedAt: '2026-02-30T10:00',
      endedAt: '2026-02-30T11:00',
      operatorName: '管理者',
      title: 'プリンタ交換',
      content: '3階のプリンタを交換',
      remarks: '',
    };
    const standalone = await fetchForm(admin, '/console/worklogs', { ticket: '', ...entry }, '/console/worklogs');
    assert.equal(standalone.status, 400);
    assert.match(
      standalone.text,
      /<p class="error" role="alert">作業開始日時「2026-02-30T10:00」は存在しない日時です。正しい日時を入力してください（例: 2026-04-01T09:00）。<\/p>/,
    );
    assert.match(standalone.text, /name="startedAt" value="2026-02-30T10:00"/);
    assert.match(standalone.text, /name="title" value="プリンタ交換"/);
    assert.match(standalone.text, /name="content" rows="4" required>3階のプリンタを交換<\/textarea>/);

    // From a ticket page: back to the ticket (303), which shows the message and the typed entry once.
    const number = await newTicket();
    const onTicket = await admin.post(
      '/console/worklogs',
      { ticket: number, ...entry, startedAt: '2026-11-10T10:00', endedAt: '2026-11-10T24:30' },
      `/console/tickets/${number}`,
    );
    assert.equal(onTicket.status, 303);
    assert.match(onTicket.location, new RegExp(`/console/tickets/${number}$`));
    const page = await admin.get(`/console/tickets/${number}`);
    assert.equal(page.status, 400);
    assert.match(page.text, /作業終了日時「2026-11-10T24:30」は存在しない日時です。/);
    assert.match(page.text, /name="endedAt" value="2026-11-10T24:30"/);
    assert.match(page.text, /<details open>/);
    assert.equal(await workLogs(), before);

    // A valid entry is still recorded.
    const good = await admin.post(
      '/console/worklogs',
      { ticket: '', ...entry, startedAt: '2026-02-28T10:00', endedAt: '2026-02-28T11:00' },
      '/console/worklogs',
    );
    assert.equal(good.status, 303);
    assert.equal(await workLogs(), before + 1);

    // Lending: an item, then a booking on 2026-02-30.
    const item = await fetchForm(
      admin,
      '/console/registers/lending/items',
      { name: 'Web会議端末9', kind: 'web_conference', accessories: 'カメラ' },
      '/console/registers/lending',
    );
    assert.equal(item.status, 303);
    const [{ id: itemId }] = await kotae.app.dataSource.query(`SELECT "id" FROM "lending_item"`);
    const bookings = async () =>
      Number((await kotae.app.dataSource.query(`SELECT COUNT(*) AS n FROM "lending_booking"`))[0].n);
    const booking = await fetchForm(
      admin,
      '/console/registers/lending/bookings',
      {
        itemId,
        department: '企画課',
        requester: '沼津 太郎',
        purpose: '会議',
        from: '2026-02-30T10:00',
        to: '2026-03-03T10:00',
      },
      '/console/registers/lending',
    );
    assert.equal(booking.status, 400);
    assert.match(booking.text, /貸出開始日時「2026-02-30T10:00」は存在しない日時です。/);
    assert.match(booking.text, /value="2026-02-30T10:00"/);
    assert.equal(await bookings(), 0);
  });

  it('heads a 409 page by what happened: a duplicate or the last admin is no stale save', async () => {
    const heading = (text: string) => /<h1>([^<]*)<\/h1>/.exec(text)?.[1];
    const account = { username: 'dup1', displayName: '重複', role: 'operator', password: 'duplicate-password-1' };
    assert.equal((await fetchForm(admin, '/console/accounts', account, '/console/accounts')).status, 303);
    const again = await fetchForm(admin, '/console/accounts', account, '/console/accounts');
    assert.equal(again.status, 409);
    assert.equal(heading(again.text), 'この操作はできません');
    assert.match(again.text, /<p class="error" role="alert">このユーザー名は既に使われています/);

    const [{ id: adminId }] = await kotae.app.dataSource.query(
      `SELECT "id" FROM "operator" WHERE "username" = 'admin'`,
    );
    const last = await fetchForm(admin, `/console/accounts/${adminId}/role`, { role: 'operator' }, '/console/accounts');
    assert.equal(last.status, 409);
    assert.equal(heading(last.text), 'この操作はできません');
    assert.match(last.text, /最後の管理者の権限は変更できません。/);

    // A stale save keeps its heading.
    const faq = {
      category: 'その他',
      question: '会議室の予約方法は',
      alternates: '',
      answer: '庁内ポータルから',
      sourceUrl: '',
    };
    assert.equal((await fetchForm(admin, '/console/faqs', faq, '/console/faqs/new')).status, 303);
    const [{ id: faqId }] = await kotae.app.dataSource.query(
      `SELECT "id" FROM "faq_entry" WHERE "question" = '会議室の予約方法は'`,
    );
    const stale = await fetchForm(
      admin,
      `/console/faqs/${faqId}`,
      { ...faq, version: '99' },
      `/console/faqs/${faqId}/edit`,
    );
    assert.equal(stale.status, 409);
    assert.equal(heading(stale.text), '他の担当者が先に更新しました');
  });

  it('logs a client leaving mid-download at info, with no error line', async () => {
    const asked = await postJson(`${kotae.url}/api/ask`, { question: 'プリンタで印刷できない', user: CONTACT });
    const id = asked.body.conversationId as string;
    const form = new FormData();
    const big = Buffer.alloc(9 * 1024 * 1024, 'x');
    form.append('file', new Blob([new Uint8Array(big)], { type: 'text/plain' }), 'big.log');
    const up = await fetch(`${kotae.url}/api/conversations/${id}/attachments`, {
      method: 'POST',
      headers: { [TOKEN]: asked.body.conversationToken },
      body: form,
    });
    assert.equal(up.status, 201);
    const attachmentId = ((await up.json()) as { attachment: { id: string } }).attachment.id;
    await postJson(
      `${kotae.url}/api/tickets`,
      { conversationId: id, details: 'ログを添付', user: CONTACT },
      { [TOKEN]: asked.body.conversationToken },
    );
    const before = kotae.logger.lines.length;
    // Read the first bytes, then go away (as a browser leaving the page while a file loads).
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${kotae.url}/console/attachments/${attachmentId}`, { headers: { cookie: admin.cookie } });
      req.on('response', (res) => {
        assert.equal(res.statusCode, 200);
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
    });
    const deadline = Date.now() + 10_000;
    const gone = () => kotae.logger.lines.slice(before).filter((l) => l.msg === 'console client went away');
    while (gone().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const lines = kotae.logger.lines.slice(before);
    assert.equal(gone().length, 1);
    assert.equal(gone()[0]!.level, 'info');
    assert.equal(gone()[0]!.fields?.path, `/attachments/${attachmentId}`);
    assert.deepEqual(
      lines.filter((l) => l.level === 'error'),
      [],
    );
  });

  it('pages the queue by 200 with 「N件中…件を表示」 and links to the next and previous pages', async () => {
    const service = kotae.app.operators.ticketService;
    const open = async () =>
      Number((await admin.get('/console/tickets')).text.match(/<p id="queue-total">\s*(\d+)件/)?.[1]);
    const already = await open();
    for (let i = already; i < 210; i += 1)
      await service.create(
        {
          type: 'inquiry',
          priority: 'normal',
          category: 'その他',
          title: `ページ送りの確認 ${i}`,
          details: '一覧の確認',
          requester: { name: '確認 太郎' },
          channel: 'web',
          transcript: [],
        },
        'admin',
      );
    const rows = (text: string) => (text.match(/<tr class="[^"]*" data-ticket="/g) ?? []).length;
    const first = (await admin.get('/console/tickets')).text;
    assert.match(first, /<p id="queue-total">\s*210件/);
    assert.match(first, /<p id="queue-range">210件中1〜200件を表示<\/p>/);
    assert.match(first, /<a href="\/console\/tickets\?page=2" rel="next">次の200件<\/a>/);
    assert.doesNotMatch(first, /rel="prev"/);
    const second = (await admin.get('/console/tickets?page=2')).text;
    assert.match(second, /<p id="queue-range">210件中201〜210件を表示<\/p>/);
    assert.match(second, /<a href="\/console\/tickets" rel="prev">前の200件<\/a>/);
    assert.doesNotMatch(second, /rel="next"/);
    assert.equal(rows(first), 200);
    assert.equal(rows(second), 10);
    // The two pages together list every ticket once.
    const numbers = (text: string) => [...text.matchAll(/data-ticket="([^"]+)"/g)].map((m) => m[1]);
    const all = new Set([...numbers(first), ...numbers(second)]);
    assert.equal(all.size, 210);
    // Sorted in memory (by 状態) the pages work the same way.
    const sorted = (await admin.get('/console/tickets?sort=status&dir=asc&page=2')).text;
    assert.match(sorted, /<p id="queue-range">210件中201〜210件を表示<\/p>/);
  });

  /** Posts a form and returns the page it answers with (not following a redirect). */
  async function fetchForm(s: ConsoleSession, path: string, form: Record<string, string>, page: string) {
    const token = /name="_csrf" value="([^"]+)"/.exec((await s.get(page)).text)?.[1] ?? '';
    const r = await fetch(`${kotae.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, _csrf: token }).toString(),
    });
    return { status: r.status, location: r.headers.get('location') ?? '', text: await r.text() };
  }
});
