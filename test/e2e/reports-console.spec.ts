import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createReportsRouter } from '../../adapters/web/reports/router';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../calendar';
import { FakeClock } from '../../core/clock';
import { KotaeError, toKotaeError } from '../../core/errors';
import { InMemoryReportStore, ReportService, type ReportModel } from '../../reports';
import { csvRows } from '../unit/reports/external-tools';
import { NOW_AFTER_MAY } from '../unit/reports/fixture';
import { hasRole, isOperatorRole, type OperatorRole } from '../../tickets';
import { memoryData, ORGANIZATION } from '../unit/reports/helpers';

const CSRF = 'test-csrf-token';

/** The role the test sends in `x-role` (an unknown name: staff, who may open no report page). */
function roleOf(req: Request): OperatorRole {
  const role = req.get('x-role') ?? '';
  return isOperatorRole(role) ? role : 'staff';
}

describe('console report pages (express on an ephemeral port)', () => {
  let server: ReturnType<express.Express['listen']>;
  let base: string;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-console-'));
    const reports = new ReportService({
      data: memoryData(),
      store: new InMemoryReportStore(),
      reportsDir: dir,
      calendar: new BusinessCalendar(),
      slaPolicy: DEFAULT_SLA_POLICY,
      organization: ORGANIZATION,
      clock: new FakeClock(NOW_AFTER_MAY),
    });
    const app = express();
    app.use(
      '/console/reports',
      createReportsRouter({
        reports,
        authorize: (roles) => (req, _res, next) => {
          if (!hasRole(roleOf(req), roles)) throw new KotaeError('AUTH_FORBIDDEN', 'role');
          if (req.method === 'POST' && (req.body as Record<string, unknown>)?._csrf !== CSRF)
            throw new KotaeError('AUTH_CSRF', 'csrf');
          next();
        },
        layout: (title, body) => `<!doctype html><html lang="ja"><title>${title}</title><body>${body}</body></html>`,
        allows: (roles, req) => hasRole(roleOf(req), roles),
        csrfToken: () => CSRF,
      }),
    );
    app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const e = toKotaeError(err);
      res.status(e.status).type('text').send(e.userMessage);
    });
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/console/reports`;
  });
  after(() => {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (p: string, role = 'operator') =>
    fetch(`${base}${p}`, { headers: { 'x-role': role }, redirect: 'manual' });
  const post = (p: string, form: Record<string, string>, role = 'operator') =>
    fetch(`${base}${p}`, {
      method: 'POST',
      headers: { 'x-role': role, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: CSRF, ...form }),
      redirect: 'manual',
    });

  it('admits operators, auditors and admins only', async () => {
    assert.equal((await get('/', 'viewer')).status, 403);
    assert.equal((await get('/', 'staff')).status, 403);
    assert.equal((await get('/', 'admin')).status, 200);
    assert.equal((await get('/', 'auditor')).status, 200);
  });

  it('lets an auditor read and download reports but not generate, edit or finalise them', async () => {
    assert.equal((await post('/generate', { kind: 'monthly', period: '2026-04' })).status, 303);
    assert.equal((await post('/generate', { kind: 'monthly', period: '2026-03' }, 'auditor')).status, 403);
    assert.equal(
      (await post('/generate', { kind: 'custom', from: '2026-05-01', to: '2026-05-02' }, 'auditor')).status,
      403,
    );
    const list = await (await get('/', 'auditor')).text();
    assert.doesNotMatch(list, /action="[^"]*\/generate"/);
    assert.match(list, /action="\/console\/reports\/conversation-log\.csv"/);
    assert.match(list, /監査担当は報告書の閲覧とダウンロードだけができます/);
    assert.match(await (await get('/')).text(), /action="\/console\/reports\/generate"/);

    const page = await (await get('/monthly/2026-04', 'auditor')).text();
    assert.doesNotMatch(page, /<form/);
    assert.doesNotMatch(page, /\/final\?version=/);
    assert.match(page, /<a href="\/console\/reports\/monthly\/2026-04\/files\/monthly-2026-04\.xlsx">/);
    assert.match(await (await get('/monthly/2026-04')).text(), /action="\/console\/reports\/monthly\/2026-04\/issues"/);
    assert.equal((await get('/monthly/2026-04/files/monthly-2026-04.pdf', 'auditor')).status, 200);
    assert.equal((await get('/monthly/2026-04/model.json', 'auditor')).status, 200);
    assert.equal((await get('/conversation-log.csv?from=2026-05-01&to=2026-05-31', 'auditor')).status, 200);

    assert.equal((await get('/monthly/2026-04/final?version=1', 'auditor')).status, 403);
    assert.equal((await post('/monthly/2026-04/issues', { version: '1', issuesText: '監査' }, 'auditor')).status, 403);
    assert.equal((await post('/monthly/2026-04/final', { version: '1', confirm: 'yes' }, 'auditor')).status, 403);
    const json = (await (await get('/monthly/2026-04/model.json')).json()) as ReportModel;
    assert.equal(json.issuesText, '');
    assert.match(await (await get('/monthly/2026-04')).text(), /下書き　第1版/);
  });

  it('generates now, shows the figures, edits 課題・対策 with a version check, marks final and serves downloads', async () => {
    const gen = await post('/generate', { kind: 'monthly', period: '2026-05' });
    assert.equal(gen.status, 303);
    assert.equal(gen.headers.get('location'), '/console/reports/monthly/2026-05');
    const list = await (await get('/')).text();
    assert.match(list, /令和8年5月（2026年5月）/);
    let page = await (await get('/monthly/2026-05')).text();
    assert.match(page, /<td>問合せ件数<\/td><td>8<\/td><td>件<\/td>/);
    assert.match(page, /当該期間|作業実績報告書/);
    assert.match(page, /name="version" value="1"/);

    assert.equal(
      (await post('/monthly/2026-05/issues', { version: '1', issuesText: '課題: 証明書期限の監視<script>' })).status,
      303,
    );
    assert.equal((await post('/monthly/2026-05/issues', { version: '1', issuesText: '古い版からの保存' })).status, 409);
    page = await (await get('/monthly/2026-05')).text();
    assert.ok(page.includes('課題: 証明書期限の監視&lt;script&gt;'));
    const json = (await (await get('/monthly/2026-05/model.json')).json()) as ReportModel;
    assert.equal(json.issuesText, '課題: 証明書期限の監視<script>');
    assert.equal(json.inquiries.asked, 8);

    const xlsx = await get('/monthly/2026-05/files/monthly-2026-05.xlsx');
    assert.equal(xlsx.status, 200);
    assert.equal(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
    );
    const pdf = await get('/monthly/2026-05/files/monthly-2026-05.pdf');
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 4)
        .toString(),
      '%PDF',
    );
    const csv = await get('/monthly/2026-05/files/monthly-2026-05-summary.csv');
    assert.match(await csv.text(), /問合せ件数,8,件/);
    assert.equal((await get('/monthly/2026-05/files/..%2F..%2Fetc%2Fpasswd')).status, 404);

    const confirmPage = await (await get('/monthly/2026-05/final?version=2')).text();
    assert.match(confirmPage, /<input type="checkbox" name="confirm" value="yes" required>/);
    assert.doesNotMatch(confirmPage, /\son[a-z]+=|<script/i);
    const unconfirmed = await post('/monthly/2026-05/final', { version: '2' });
    assert.equal(unconfirmed.status, 400);
    assert.equal(await unconfirmed.text(), '確定するには、確認欄にチェックを入れてください。');
    assert.equal((await post('/monthly/2026-05/final', { version: '2', confirm: 'yes' })).status, 303);
    page = await (await get('/monthly/2026-05')).text();
    assert.match(page, /確定済みのため編集できません/);
    assert.equal((await post('/monthly/2026-05/issues', { version: '3', issuesText: 'x' })).status, 409);
    assert.equal((await post('/generate', { kind: 'monthly', period: '2026-05' })).status, 409);
  });

  it('refuses 確定 before the period has ended (409, Japanese message)', async () => {
    assert.equal((await post('/generate', { kind: 'monthly', period: '2026-06' })).status, 303);
    const early = await post('/monthly/2026-06/final', { version: '1', confirm: 'yes' });
    assert.equal(early.status, 409);
    assert.equal(
      await early.text(),
      '対象期間「令和8年6月（2026年6月）」が終了していないため、まだ確定できません。期間の終了後に確定してください。',
    );
    assert.match(await (await get('/monthly/2026-06')).text(), /下書き/);
  });

  it('generates a custom-period report from the from/to form and refuses bad periods in Japanese', async () => {
    const gen = await post('/generate', { kind: 'custom', from: '2026-05-11', to: '2026-05-20' });
    assert.equal(gen.status, 303);
    assert.equal(gen.headers.get('location'), '/console/reports/custom/260511-260520');
    const page = await (await get('/custom/260511-260520')).text();
    assert.match(page, /令和8年5月11日〜令和8年5月20日（2026年5月11日〜2026年5月20日）/);
    assert.match(page, /<h2>作業実績報告書<\/h2>/);
    const cases: [Record<string, string>, string][] = [
      [{ from: '2026-05-20', to: '2026-05-11' }, '開始日（2026-05-20）が終了日（2026-05-11）より後になっています。'],
      [
        { from: '2026-06-01', to: '2026-06-11' },
        '終了日（2026-06-11）が明日以降のため、報告書を作成できません。終了日には今日以前の日付を指定してください。',
      ],
      [
        { from: '2024-01-01', to: '2026-05-31' },
        '対象期間が882日間あります。期間指定の報告書は366日以内で指定してください（それより長い期間は年次報告書をご利用ください）。',
      ],
      [
        { from: '2026-02-30', to: '2026-03-02' },
        '対象期間「2026-02-30..2026-03-02」が正しくありません。開始日と終了日を YYYY-MM-DD の形式（例: 2026-04-01..2026-04-15）で指定してください。',
      ],
    ];
    for (const [form, message] of cases) {
      const res = await post('/generate', { kind: 'custom', ...form });
      assert.equal(res.status, 400);
      assert.equal(await res.text(), message);
    }
    assert.equal((await get('/')).status, 200);
  });

  it('downloads the conversation log as CSV for from/to, refusing a future period in Japanese', async () => {
    const res = await get('/conversation-log.csv?from=2026-05-01&to=2026-05-31');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /conversation-log-260501-260531\.csv/);
    const rows = csvRows(await res.text());
    assert.equal(rows.length, 1 + 8);
    assert.deepEqual(rows[1].slice(0, 5), [
      '2026/05/01 00:30',
      'Webチャット',
      '総務課',
      'パスワードを忘れました',
      '自動回答',
    ]);
    const future = await get('/conversation-log.csv?from=2026-06-01&to=2026-06-30');
    assert.equal(future.status, 400);
    assert.match(await future.text(), /^終了日（2026-06-30）が明日以降のため/);
    assert.equal((await get('/conversation-log.csv')).status, 400);
  });

  it('generates the second half-year report from the list form (halfyear 2025H2 → FY2025H2, 下半期)', async () => {
    const list = await (await get('/')).text();
    assert.ok(list.includes('半期: 2026H1（上半期 4月〜9月）・2026H2（下半期 10月〜翌年3月）'));
    const gen = await post('/generate', { kind: 'halfyear', period: '2025H2' });
    assert.equal(gen.status, 303);
    assert.equal(gen.headers.get('location'), '/console/reports/halfyear/FY2025H2');
    const page = await (await get('/halfyear/FY2025H2')).text();
    assert.match(page, /令和7年度 下半期（2025年10月〜2026年3月）/);
    assert.match(
      await (await get('/')).text(),
      /<td>半期<\/td><td><a href="\/console\/reports\/halfyear\/FY2025H2">令和7年度 下半期/,
    );
  });

  it('answers an invalid period with 400 and a Japanese message, an unknown report with 404', async () => {
    const bad = await post('/generate', { kind: 'monthly', period: '2099-01' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /まだ始まっていない/);
    assert.equal((await get('/annual/FY2020')).status, 404);
    assert.equal((await get('/weekly/2026-05')).status, 404);
  });
});
