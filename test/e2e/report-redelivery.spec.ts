/**
 * A scheduled report's delivery on the console's 報告書 page, on the real app with a loopback SMTP server:
 * each report shows its e-mail channel (未送信 / 失敗 / 送信済み); an administrator's 再送 after an SMTP
 * failure mails once and writes one export.report and one report.redeliver row; operators and auditors
 * are refused; a double submit sends once; another instance's delivery in progress is left alone.
 */
import assert from 'node:assert/strict';
import { FakeClock } from '../../core/clock';
import { SqlJobLease } from '../../db';
import { formKey, signInConsole, type ConsoleSession } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';
import { startLoopbackSmtp } from '../fakes/loopback-smtp';

const REFUSED = 'この操作を行う権限がありません。';
const NOW = new Date('2026-06-10T01:00:00Z');
const password = 'redeliver-password-1';

describe('report delivery status and 再送 on the console of the real app', function () {
  this.timeout(120_000);
  let kotae: RunningApp;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  let admin: ConsoleSession;

  /** The audit rows of `action`, oldest first. */
  const audited = async (action: string) =>
    (await kotae.app.operators.audit.recent(500)).filter((r) => r.action === action).reverse();
  /** The 配信 cell of a report's row on the list page. */
  const cell = (page: string, period: string) =>
    new RegExp(
      `<a href="/console/reports/monthly/${period}">[^<]*</a>[\\s\\S]*?<td><ul class="delivery">(.*?)</ul>(.*?)</td>`,
    ).exec(page);
  /** The scheduled delivery of a generated report, as the scheduler runs it (one attempt). */
  const scheduledAttempt = async (period: string) => {
    const { delivery, service } = kotae.app.reports;
    await delivery!.deliver(await service.get('monthly', period));
  };

  before(async () => {
    smtp = await startLoopbackSmtp({ refuse: true });
    kotae = await startApp(
      {
        KOTAE_SMTP_HOST: '127.0.0.1',
        KOTAE_SMTP_PORT: String(smtp.port),
        KOTAE_SMTP_FROM: 'kotae@example.lg.jp',
        KOTAE_PUBLIC_URL: 'https://kotae.example.lg.jp',
        KOTAE_REPORT_DELIVERY_EMAILS: 'johosei@example.lg.jp,kacho@example.lg.jp',
      },
      { clock: new FakeClock(NOW) },
    );
    for (const role of ['operator', 'auditor'] as const) {
      await kotae.app.operators.accounts.create({ username: `${role}1`, displayName: role, role, password }, 'test');
    }
    for (const period of ['2026-03', '2026-04', '2026-05']) await kotae.app.reports.service.generate('monthly', period);
    admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
  });
  after(async () => {
    await kotae?.stop();
    await smtp?.close();
  });

  it('shows each report’s e-mail delivery: not sent, then failed with its attempts and a short reason', async () => {
    let page = (await admin.get('/console/reports')).text;
    assert.match(page, /<th>配信<\/th>/);
    assert.equal(cell(page, '2026-05')?.[1], '<li>メール: 未送信</li>');
    await assert.rejects(scheduledAttempt('2026-05'));
    page = (await admin.get('/console/reports')).text;
    assert.equal(
      cell(page, '2026-05')?.[1],
      '<li>メール: 失敗（試行 1回、送信先のサーバーが受け取りを拒否しました）</li>',
    );
    assert.match(
      cell(page, '2026-05')?.[2] ?? '',
      /action="\/console\/reports\/monthly\/2026-05\/redeliver".*>再送<\/button>/,
    );
    // Random form tokens (CSRF, request keys) may contain the digits 554: only the page's text counts.
    assert.doesNotMatch(page.replace(/ value="[^"]*"/g, ''), /mailbox unavailable|554/);
    assert.equal(smtp.received.length, 0);
  });

  it('refuses 再送 to an operator and an auditor with the Japanese message, and hides the button from them', async () => {
    for (const username of ['operator1', 'auditor1']) {
      const session = await signInConsole(kotae.url, username, password);
      const page = (await session.get('/console/reports')).text;
      assert.equal(cell(page, '2026-05')?.[2], '', username);
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await session.get('/console/tickets')).text)?.[1] ?? '';
      const res = await fetch(`${kotae.url}/console/reports/monthly/2026-05/redeliver`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf }).toString(),
      });
      assert.equal(res.status, 403, username);
      assert.ok((await res.text()).includes(REFUSED), username);
    }
    assert.equal(smtp.received.length, 0);
    assert.deepEqual(await audited('report.redeliver'), []);
  });

  it('sends a failed delivery once on an administrator’s 再送, with one export.report and one report.redeliver row', async () => {
    smtp.refuse(false);
    const res = await admin.post('/console/reports/monthly/2026-05/redeliver', {}, '/console/reports');
    assert.equal(res.status, 303);
    assert.equal(res.location, '/console/reports/?notice=sent%3Aemail');
    const page = (await admin.get(res.location)).text;
    assert.match(page, /<p class="notice" role="status">報告書を再送しました（メール）。<\/p>/);
    assert.equal(cell(page, '2026-05')?.[1], '<li>メール: 送信済み（2026/06/10 10:00）</li>');
    assert.equal(cell(page, '2026-05')?.[2], '');
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0]!.to, ['johosei@example.lg.jp', 'kacho@example.lg.jp']);
    const exports = (await audited('export.report')).filter((r) => r.actor === 'system');
    assert.deepEqual(
      exports.map((r) => [r.target, r.detail?.channel, r.detail?.recipients]),
      [['monthly-2026-05', 'email', 2]],
    );
    const requests = await audited('report.redeliver');
    assert.deepEqual(
      requests.map((r) => [r.actor, r.target, r.detail?.channels]),
      [['admin', 'monthly-2026-05', 'email']],
    );
  });

  it('sends once when the same 再送 form is posted twice at once', async () => {
    const page = (await admin.get('/console/reports')).text;
    const key = formKey(page, '/monthly/2026-04/redeliver');
    assert.ok(key);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const post = () =>
      fetch(`${kotae.url}/console/reports/monthly/2026-04/redeliver`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _key: key, _csrf: csrf }).toString(),
      });
    const answers = await Promise.all([post(), post()]);
    assert.deepEqual(
      answers.map((a) => [a.status, a.headers.get('location')]),
      [
        [303, '/console/reports/?notice=sent%3Aemail'],
        [303, '/console/reports/?notice=sent%3Aemail'],
      ],
    );
    assert.equal(smtp.received.length, 2);
    assert.equal((await audited('report.redeliver')).length, 2);
    const exports = (await audited('export.report')).filter((r) => r.target === 'monthly-2026-04');
    assert.equal(exports.length, 1);
  });

  it('answers that another instance is sending, and sends nothing, while its lease is held', async () => {
    const lease = new SqlJobLease(kotae.app.dataSource);
    const name = 'report-delivery:monthly/2026-03';
    assert.equal(await lease.acquire(name, 'other-instance', new Date(), new Date(Date.now() + 600_000)), true);
    try {
      const res = await admin.post('/console/reports/monthly/2026-03/redeliver', {}, '/console/reports');
      assert.equal(res.location, '/console/reports/?notice=busy');
      const page = (await admin.get(res.location)).text;
      assert.match(page, /別の処理がこの報告書を送信中です。/);
    } finally {
      await lease.release(name, 'other-instance');
    }
    assert.equal(smtp.received.length, 2);
    assert.equal((await audited('report.redeliver')).length, 2);
  });

  it('answers with the reason when the 再送 fails again', async () => {
    smtp.refuse(true);
    const res = await admin.post('/console/reports/monthly/2026-03/redeliver', {}, '/console/reports');
    assert.equal(res.location, '/console/reports/?notice=failed%3Aemail%3Arefused');
    const page = (await admin.get(res.location)).text;
    assert.match(
      page,
      /再送できませんでした（メール：送信先のサーバーが受け取りを拒否しました）。しばらくしてからもう一度お試しください。/,
    );
    assert.equal(
      cell(page, '2026-03')?.[1],
      '<li>メール: 失敗（試行 1回、送信先のサーバーが受け取りを拒否しました）</li>',
    );
    assert.equal(smtp.received.length, 2);
    assert.equal((await audited('report.redeliver')).length, 3);
  });
});

describe('report delivery status without delivery configured', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  after(() => kotae?.stop());

  it('says that delivery is not configured and shows no 配信 column', async () => {
    kotae = await startApp({}, { clock: new FakeClock(NOW) });
    await kotae.app.reports.service.generate('monthly', '2026-05');
    const admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const page = (await admin.get('/console/reports')).text;
    assert.match(page, /配信は設定されていません。/);
    assert.doesNotMatch(page, /<th>配信<\/th>|再送/);
  });
});
