/**
 * The read-only 監査担当 (auditor) role on the real app: it opens the audit log with its verification, the
 * deletion certificates and the reports (機密性3 hidden as for a non-rostered reader) and changes its own
 * password; every other page answers 403 and a refused write changes nothing but its `auth.denied` row.
 * An operator is still refused the audit pages; an administrator keeps every page and creates auditors.
 */
import assert from 'node:assert/strict';
import { jstDateKey } from '../../calendar';
import type { Router } from 'express';
import { createRegistersRouter } from '../../adapters/web/registers';
import { createReportsRouter } from '../../adapters/web/reports';
import { SqlDeletionCertificates } from '../../db';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';
import { csvRows } from '../unit/reports/external-tools';

const REFUSED = 'この操作を行う権限がありません。';

/** The labels of the console's main menu on a page. */
function menu(page: string): string[] {
  const nav = /<nav aria-label="メインメニュー">([\s\S]*?)<\/nav>/.exec(page)?.[1] ?? '';
  return [...nav.matchAll(/<li><a href="[^"]*">([^<]*)<\/a><\/li>/g)].map((m) => m[1]!);
}

/**
 * `METHOD /path` of every route of a router the console mounts beside its own routes, read from the router
 * (built with stand-in services: no route runs here, the real app answers the requests).
 */
function routesOf(router: Router): string[] {
  const stack = (router as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] })
    .stack;
  return stack.flatMap((l) => (l.route ? Object.keys(l.route.methods).map((m) => `${m} ${l.route!.path}`) : []));
}

const pass = () => (_req: unknown, _res: unknown, next: () => void) => next();

describe('console auditor role (監査担当) on the real app', function () {
  this.timeout(90_000);
  let kotae: RunningApp;
  let admin: ConsoleSession;
  let auditor: ConsoleSession;
  let certificateId: string;
  let reportPath: string;
  let number: string;
  const password = 'auditor-e2e-password-1';
  const day = (offsetDays: number) => jstDateKey(new Date(Date.now() + offsetDays * 86_400_000));

  before(async () => {
    kotae = await startApp();
    const { accounts } = kotae.app.operators;
    await accounts.create({ username: 'audit1', displayName: '監査 花子', role: 'auditor', password }, 'test');
    await accounts.create({ username: 'op1', displayName: '担当 一郎', role: 'operator', password }, 'test');
    const { helpdesk } = kotae.app;
    const secret = await helpdesk.ask({ channel: 'web', text: '人事評価シートの閲覧権限を変更したい' });
    const { ticket } = await helpdesk.escalate({
      conversationId: secret.conversationId,
      details: '人事評価の件',
      requester: { name: '職員', department: '市民課' },
    });
    number = ticket.number;
    await helpdesk.ask({ channel: 'web', text: 'プリンタの紙詰まりを直したい' });
    admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const marked = await admin.post(
      `/console/tickets/${number}/confidential`,
      { confidential: 'on' },
      `/console/tickets/${number}`,
    );
    assert.equal(marked.status, 303);
    const generated = await admin.post(
      '/console/reports/generate',
      { kind: 'custom', from: day(-1), to: day(0) },
      '/console/reports',
    );
    assert.equal(generated.status, 303);
    reportPath = generated.location;
    certificateId = (
      await new SqlDeletionCertificates(kotae.app.dataSource).add({
        createdAt: new Date(),
        performedBy: 'Kotae（保存期間経過データの自動削除）',
        medium: 'SQLiteデータベース',
        method: 'SQLite secure_delete ＋ VACUUM',
        items: [{ item: '質問と回答の記録', table: 'question', count: 2 }],
        settings: {},
        total: 2,
      })
    ).id;
    auditor = await signInConsole(kotae.url, 'audit1', password);
  });
  after(() => kotae?.stop());

  const audited = async (action: string) =>
    (await kotae.app.operators.audit.recent(200)).filter((r) => r.action === action).reverse();

  it('lands an auditor on the audit log with its verification and shows only the pages it may open', async () => {
    const home = await fetch(`${kotae.url}/console/`, { headers: { cookie: auditor.cookie }, redirect: 'manual' });
    assert.equal(home.status, 302);
    assert.equal(home.headers.get('location'), '/console/audit');
    const page = await auditor.get('/console/audit');
    assert.equal(page.status, 200);
    assert.match(
      page.text,
      /改ざんは検出されませんでした（\d+件。HMACチェーンと、データベース外に記録したチェックポイント\d+件で検証）/,
    );
    assert.match(page.text, /監査 花子（監査担当）/);
    assert.deepEqual(menu(page.text), ['報告書', '監査ログ', '消去証明書', '隔離ファイル', 'パスワード変更']);
  });

  it('lets an auditor list, open and download the deletion certificates (each download audited)', async () => {
    const list = await auditor.get('/console/certificates');
    assert.equal(list.status, 200);
    assert.ok(list.text.includes(`href="/console/certificates/${certificateId}/pdf"`));
    const detail = await auditor.get(`/console/certificates/${certificateId}`);
    assert.equal(detail.status, 200);
    assert.match(detail.text, /質問と回答の記録/);
    for (const [format, magic] of [
      ['pdf', '%PDF'],
      ['xlsx', 'PK'],
    ] as const) {
      const res = await fetch(`${kotae.url}/console/certificates/${certificateId}/${format}`, {
        headers: { cookie: auditor.cookie },
      });
      assert.equal(res.status, 200);
      assert.equal(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, magic.length)
          .toString(),
        magic,
      );
    }
    const exports = (await audited('export.certificate')).map((r) => [r.actor, r.target, r.detail?.format]);
    assert.deepEqual(exports, [
      ['audit1', certificateId, 'pdf'],
      ['audit1', certificateId, 'xlsx'],
    ]);
  });

  it('lets an auditor read and download reports, with 機密性3 hidden as for a non-rostered reader', async () => {
    const list = await auditor.get('/console/reports');
    assert.equal(list.status, 200);
    assert.doesNotMatch(list.text, /action="\/console\/reports\/generate"/);
    const page = await auditor.get(reportPath);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /<form method="post"[^>]*\/issues"/);
    const file = /href="([^"]*\/files\/[^"]*\.xlsx)"/.exec(page.text)?.[1];
    assert.ok(file, 'the report page links its xlsx');
    const download = await fetch(`${kotae.url}${file}`, { headers: { cookie: auditor.cookie } });
    assert.equal(download.status, 200);
    assert.equal(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
    );

    const log = await auditor.get(`/console/reports/conversation-log.csv?from=${day(-2)}&to=${day(0)}`);
    assert.equal(log.status, 200);
    const rows = csvRows(log.text)
      .slice(1)
      .map((r) => [r[2], r[3], r[7]]);
    assert.deepEqual(rows, [['所属不明', 'プリンタの紙詰まりを直したい', '']]);
    const adminLog = await admin.get(`/console/reports/conversation-log.csv?from=${day(-2)}&to=${day(0)}`);
    assert.equal(csvRows(adminLog.text).length, 1 + 2);
  });

  it('refuses an auditor the ticket, knowledge, register, settings and account pages (403, Japanese)', async () => {
    for (const path of [
      `/console/tickets/${number}`,
      '/console/tickets',
      '/console/faqs',
      '/console/knowledge',
      '/console/registers',
      '/console/operations/terminals',
      '/console/templates',
      '/console/roster',
      '/console/accounts',
      '/console/account/notifications',
      `${reportPath}/final?version=1`,
    ]) {
      const res = await auditor.get(path);
      assert.equal(res.status, 403, path);
      assert.ok(res.text.includes(REFUSED), path);
    }
  });

  it('refuses an auditor a write: 403, nothing written, one auth.denied row', async () => {
    const before = await kotae.app.operators.ticketService.detail(number);
    const head = (await kotae.app.operators.audit.recent(1))[0]?.seq ?? 0;
    const note = await auditor.post(`/console/tickets/${number}/note`, { body: '監査担当のメモ' }, '/console/audit');
    assert.equal(note.status, 403);
    const account = await auditor.post(
      '/console/accounts',
      { username: 'sneaky', displayName: '不正', role: 'admin', password: 'a-long-password-9' },
      '/console/audit',
    );
    assert.equal(account.status, 403);
    const generate = await auditor.post(
      '/console/reports/generate',
      { kind: 'custom', from: day(-3), to: day(-2) },
      '/console/reports',
    );
    assert.equal(generate.status, 403);

    const after = await kotae.app.operators.ticketService.detail(number);
    assert.equal(after.comments.length, before.comments.length);
    assert.equal(after.ticket.version, before.ticket.version);
    assert.equal(
      (await kotae.app.operators.accounts.list()).some((o) => o.username === 'sneaky'),
      false,
    );
    assert.equal(
      (await admin.get('/console/reports')).text.includes(`/custom/${day(-3).slice(2).replace(/-/g, '')}`),
      false,
    );
    const denied = (await audited('auth.denied'))
      .filter((r) => r.actor === 'audit1' && r.seq > head)
      .map((r) => [r.target, r.detail?.role, r.detail?.required]);
    assert.deepEqual(denied, [
      [`/console/tickets/${number}/note`, 'auditor', 'operator'],
      ['/console/accounts', 'auditor', 'admin'],
      ['/console/reports/generate', 'auditor', 'operator'],
    ]);
  });

  it('refuses an auditor every register and lending route, and every report route that writes', async () => {
    const send = async (method: string, path: string) => {
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await auditor.get('/console/audit')).text)?.[1] ?? '';
      const res = await fetch(`${kotae.url}${path}`, {
        method: method.toUpperCase(),
        redirect: 'manual',
        headers: { cookie: auditor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: method === 'post' ? new URLSearchParams({ _csrf: csrf, version: '1', confirm: 'yes' }) : undefined,
      });
      return { status: res.status, text: await res.text() };
    };
    const fill = (path: string) =>
      path
        .replace(':id', '00000000-0000-4000-8000-000000000000')
        .replace(':kind/:period', reportPath.replace('/console/reports/', ''))
        .replace(':name', 'missing.xlsx');
    const registers = routesOf(createRegistersRouter({ authorize: pass } as never));
    assert.equal(registers.length, 18);
    const reports = routesOf(createReportsRouter({ authorize: pass } as never));
    const failures: string[] = [];
    for (const route of registers) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await send(method, `/console/registers${fill(path)}`);
      if (res.status !== 403 || !res.text.includes(REFUSED)) failures.push(`registers ${route}: ${res.status}`);
    }
    const refused: string[] = [];
    for (const route of reports) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await send(method, `/console/reports${fill(path)}`);
      if (res.status === 403 && res.text.includes(REFUSED)) refused.push(route);
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(refused, [
      'post /generate',
      'post /:kind/:period/issues',
      'get /:kind/:period/final',
      'post /:kind/:period/final',
      'post /:kind/:period/redeliver',
    ]);
  });

  it('lets an auditor change its own password', async () => {
    const changed = await auditor.post(
      '/console/account/password',
      { current: password, next: 'auditor-e2e-password-2', confirm: 'auditor-e2e-password-2' },
      '/console/account/password',
    );
    assert.equal(changed.status, 303);
    auditor = await signInConsole(kotae.url, 'audit1', 'auditor-e2e-password-2');
    assert.equal((await auditor.get('/console/audit')).status, 200);
  });

  it('still refuses an operator the audit log and the certificates', async () => {
    const op = await signInConsole(kotae.url, 'op1', password);
    for (const path of ['/console/audit', '/console/certificates', `/console/certificates/${certificateId}/pdf`]) {
      const res = await op.get(path);
      assert.equal(res.status, 403, path);
      assert.ok(res.text.includes(REFUSED), path);
    }
    const queue = await op.get('/console/tickets');
    assert.equal(queue.status, 200);
    assert.equal(menu(queue.text).includes('監査ログ'), false);
    assert.equal(menu(queue.text).includes('消去証明書'), false);
    assert.match((await op.get('/console/reports')).text, /action="\/console\/reports\/generate"/);
  });

  it('keeps every page for an administrator, who creates an auditor from the accounts page', async () => {
    for (const path of ['/console/audit', '/console/certificates', '/console/tickets', '/console/accounts'])
      assert.equal((await admin.get(path)).status, 200, path);
    const accounts = await admin.get('/console/accounts');
    assert.match(accounts.text, /<option value="auditor"\s*>監査担当<\/option>/);
    assert.deepEqual(menu(accounts.text), [
      'チケット一覧',
      '作業実績',
      'FAQ',
      'FAQ承認待ち',
      '未回答の質問',
      'ナレッジの管理',
      'FAQ・文書の利用状況',
      '報告書',
      '拠点・端末',
      '計画作業',
      '台帳・貸出',
      '年度切替',
      'アカウント管理',
      '監査ログ',
      '消去証明書',
      '隔離ファイル',
      'テンプレート',
      '機密性3名簿',
      '通知の送信状況',
      '通知設定',
      'パスワード変更',
    ]);
    const created = await admin.post(
      '/console/accounts',
      { username: 'audit2', displayName: '監査 次郎', role: 'auditor', password: 'auditor-first-password-3' },
      '/console/accounts',
    );
    assert.equal(created.status, 303);
    const account = (await kotae.app.operators.accounts.list()).find((o) => o.username === 'audit2');
    assert.equal(account?.role, 'auditor');
    const first = await signInConsole(kotae.url, 'audit2', 'auditor-first-password-3');
    // The administrator's password is a one-time one: the new auditor sets its own first.
    const forced = await fetch(`${kotae.url}/console/audit`, { headers: { cookie: first.cookie }, redirect: 'manual' });
    assert.equal(forced.status, 303);
    assert.match(forced.headers.get('location') ?? '', /\/console\/account\/password\?notice=mustChange$/);
  });
});
