/** Own password change, admin password reset and the audit log page, through the console's HTTP routes. */
import assert from 'node:assert/strict';
import { startConsole, PASSWORD, type ConsoleHarness, type Session } from './console-harness';
import { tamperAuditSql } from '../../../../helpers/audit';

const alert = (text: string) => text.match(/role="alert">([^<]*)/)?.[1];
const NEW_PASSWORD = 'a-brand-new-password';

describe('console account security', () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  const account = async (username: string) => (await h.deps.accounts.list()).find((o) => o.username === username)!;
  const change = (session: Session, form: Record<string, string>) =>
    h.request('POST', '/console/account/password', { session, form });
  const signedIn = async (session: Session) =>
    (await h.request('GET', '/console/account/password', { session })).status === 200;

  describe('パスワード変更', () => {
    it('is linked for every role, staff included', async () => {
      const page = await h.request('GET', '/console/account/password', { session: await h.sessionFor('staff') });
      assert.equal(page.status, 200);
      assert.match(page.text, /href="\/console\/account\/password">パスワード変更</);
      assert.match(page.text, /autocomplete="current-password"/);
      assert.doesNotMatch(page.text, /href="\/console\/audit"/);
    });

    it('rejects a wrong current password and counts it toward the lockout', async () => {
      const s = await h.sessionFor('operator');
      const res = await change(s, { current: 'wrong-password!', next: NEW_PASSWORD, confirm: NEW_PASSWORD });
      assert.equal(res.status, 400);
      assert.equal(alert(res.text), '現在のパスワードが正しくありません。');
      assert.equal((await account('op1')).failedAttempts, 1);
      assert.ok(await h.deps.auth.signIn('op1', PASSWORD), 'password unchanged');
    });

    it('rejects a mismatched confirmation, a short password and an unchanged one', async () => {
      const s = await h.sessionFor('operator');
      const cases: [Record<string, string>, string][] = [
        [
          { current: PASSWORD, next: NEW_PASSWORD, confirm: `${NEW_PASSWORD}x` },
          '新しいパスワードと確認用のパスワードが一致しません。',
        ],
        [{ current: PASSWORD, next: 'short', confirm: 'short' }, 'パスワードは12文字以上200文字以下にしてください。'],
        [
          { current: PASSWORD, next: PASSWORD, confirm: PASSWORD },
          '新しいパスワードには現在のパスワードと異なるものを指定してください。',
        ],
      ];
      for (const [form, message] of cases) {
        const res = await change(s, form);
        assert.equal(res.status, 400);
        assert.equal(alert(res.text), message);
      }
      assert.ok(await h.deps.auth.signIn('op1', PASSWORD), 'password unchanged');
    });

    it('changes the password, ends the other sessions, keeps this one and audits it', async () => {
      const current = await h.sessionFor('operator');
      const other = await h.sessionFor('operator');
      const admin = await h.sessionFor('admin');
      const res = await change(current, { current: PASSWORD, next: NEW_PASSWORD, confirm: NEW_PASSWORD });
      assert.equal(res.status, 303);
      assert.equal(res.location, '/console/account/password?notice=passwordChanged');
      const page = await h.request('GET', res.location, { session: current });
      assert.match(page.text, /パスワードを変更しました。/);
      assert.equal(await signedIn(other), false, 'the other session ended');
      assert.equal(await signedIn(admin), true, "other operators' sessions stay");
      await assert.rejects(h.deps.auth.signIn('op1', PASSWORD), { code: 'AUTH_REQUIRED' });
      assert.ok(await h.deps.auth.signIn('op1', NEW_PASSWORD));
      const entry = (await h.audit.recent(10)).find((e) => e.action === 'auth.password_change');
      assert.equal(entry?.actor, 'op1');
    });

    it('locks the account and ends its sessions after repeated wrong current passwords', async () => {
      const s = await h.sessionFor('operator');
      const other = await h.sessionFor('operator');
      const wrong = { current: 'wrong-password!', next: NEW_PASSWORD, confirm: NEW_PASSWORD };
      for (let i = 0; i < 4; i++) assert.equal((await change(s, wrong)).status, 400);
      const locked = await change(s, wrong);
      assert.equal(locked.status, 423);
      assert.match(alert(locked.text) ?? '', /現在のパスワードの誤りが続いたため/);
      assert.match(locked.headers.get('set-cookie') ?? '', /kotae_session=; .*Max-Age=0/);
      assert.equal(await signedIn(s), false);
      assert.equal(await signedIn(other), false);
      await assert.rejects(h.deps.auth.signIn('op1', PASSWORD), { code: 'AUTH_LOCKED' });
    });
  });

  describe('パスワード再設定 (admin)', () => {
    it('sets a new password, ends the sessions, unlocks and audits it', async () => {
      const op = await h.sessionFor('operator');
      for (let i = 0; i < 5; i++) await h.deps.auth.signIn('op1', 'wrong-password!').catch(() => undefined);
      assert.ok((await account('op1')).lockedUntil, 'locked');
      const admin = await h.sessionFor('admin');
      const list = await h.request('GET', '/console/accounts', { session: admin });
      const id = (await account('op1')).id;
      assert.match(list.text, new RegExp(`action="/console/accounts/${id}/password"`));
      const res = await h.request('POST', `/console/accounts/${id}/password`, {
        session: admin,
        form: { password: NEW_PASSWORD },
      });
      assert.equal(res.status, 303);
      assert.equal(res.location, '/console/accounts?notice=passwordReset');
      assert.equal(await signedIn(op), false, "the operator's session ended");
      assert.equal((await account('op1')).lockedUntil, undefined, 'unlocked');
      const signed = await h.deps.auth.signIn('op1', NEW_PASSWORD);
      assert.ok(signed);
      // The admin knows it: the operator must set their own before anything else.
      const first = await h.request('GET', '/console/tickets', {
        session: { cookie: `kotae_session=${signed.token}`, csrf: signed.session.csrfToken },
      });
      assert.equal(first.status, 303);
      assert.equal(first.location, '/console/account/password?notice=mustChange');
      const entry = (await h.audit.recent(10)).find((e) => e.action === 'account.password_reset');
      assert.deepEqual([entry?.actor, entry?.target], ['admin1', 'op1']);
    });

    it('disables an account (sessions ended, no sign-in) and enables it again; never the last admin or oneself', async () => {
      const op = await h.sessionFor('operator');
      const admin = await h.sessionFor('admin');
      const id = (await account('op1')).id;
      const off = await h.request('POST', `/console/accounts/${id}/disable`, { session: admin });
      assert.equal(off.status, 303);
      assert.equal(await signedIn(op), false, "the operator's session ended");
      await assert.rejects(h.deps.auth.signIn('op1', PASSWORD));
      const list = await h.request('GET', '/console/accounts', { session: admin });
      assert.match(list.text, /無効（サインインできません）/);
      const on = await h.request('POST', `/console/accounts/${id}/enable`, { session: admin });
      assert.equal(on.status, 303);
      assert.ok(await h.deps.auth.signIn('op1', PASSWORD));
      const self = await h.request('POST', `/console/accounts/${(await account('admin1')).id}/disable`, {
        session: admin,
      });
      assert.match(self.text, /自分のアカウントは無効にできません。/);
      const actions = (await h.audit.recent(10)).map((e) => e.action);
      assert.ok(actions.includes('account.disable') && actions.includes('account.enable'));
    });

    it("refuses a short password and the admin's own account", async () => {
      const admin = await h.sessionFor('admin');
      const op = (await account('op1')).id;
      const short = await h.request('POST', `/console/accounts/${op}/password`, {
        session: admin,
        form: { password: 'short' },
      });
      assert.equal(short.status, 400);
      const self = await h.request('POST', `/console/accounts/${(await account('admin1')).id}/password`, {
        session: admin,
        form: { password: NEW_PASSWORD },
      });
      assert.equal(self.status, 400);
      assert.equal(alert(self.text), '自分のパスワードは「パスワード変更」から変更してください。');
      assert.equal(await signedIn(admin), true);
    });

    it('is forbidden to staff and operators', async () => {
      const id = (await account('admin1')).id;
      for (const role of ['staff', 'operator'] as const) {
        const res = await h.request('POST', `/console/accounts/${id}/password`, {
          session: await h.sessionFor(role),
          form: { password: NEW_PASSWORD },
        });
        assert.equal(res.status, 403);
      }
      assert.ok(await h.deps.auth.signIn('admin1', PASSWORD), 'password unchanged');
    });
  });

  describe('消去証明書', () => {
    it('lists the certificates, shows one with its counts per table and exports it as PDF and xlsx (audited)', async () => {
      const admin = await h.sessionFor('admin');
      const list = await h.request('GET', '/console/certificates', { session: admin });
      assert.equal(list.status, 200);
      assert.match(list.text, /href="\/console\/certificates">消去証明書</);
      assert.match(list.text, new RegExp(`href="/console/certificates/${h.certificate.id}/pdf"`));
      const page = await h.request('GET', `/console/certificates/${h.certificate.id}`, { session: admin });
      assert.match(page.text, /<dt>媒体名<\/dt>\s*<dd>SQLiteデータベース（テスト）<\/dd>/);
      assert.match(page.text, /<tr>\s*<td>質問と回答の記録<\/td>\s*<td>question<\/td>\s*<td>3<\/td>\s*<\/tr>/);
      const pdf = await fetch(`${h.origin}/console/certificates/${h.certificate.id}/pdf`, {
        headers: { cookie: admin.cookie },
      });
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 4)
          .toString(),
        '%PDF',
      );
      const xlsx = await fetch(`${h.origin}/console/certificates/${h.certificate.id}/xlsx`, {
        headers: { cookie: admin.cookie },
      });
      assert.equal(
        Buffer.from(await xlsx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
        'PK',
      );
      const exports = (await h.audit.recent(2)).map((e) => [e.action, e.detail?.format]);
      assert.deepEqual(exports, [
        ['export.certificate', 'xlsx'],
        ['export.certificate', 'pdf'],
      ]);
      const missing = await h.request('GET', '/console/certificates/00000000-0000-4000-8000-000000000000', {
        session: admin,
      });
      assert.equal(missing.status, 404);
      assert.match(missing.text, /消去証明書が見つかりません。/);
    });
  });

  describe('監査ログ', () => {
    it('lists the latest entries in JST with the chain intact, escaping what users typed', async () => {
      await h.deps.auth.signIn('<b>x</b>', 'nope').catch(() => undefined);
      const admin = await h.sessionFor('admin');
      const page = await h.request('GET', '/console/audit', { session: admin });
      assert.equal(page.status, 200);
      assert.match(page.text, /href="\/console\/audit">監査ログ</);
      const count = (await h.audit.verify()).count;
      assert.match(
        page.text,
        new RegExp(
          `改ざんは検出されませんでした（${count}件。HMACチェーンと、データベース外に記録したチェックポイント0件で検証）`,
        ),
      );
      assert.match(page.text, /<td>2026\/04\/01 10:00<\/td>/);
      assert.match(page.text, /title="account.create">アカウント作成</);
      assert.match(page.text, /<td>&lt;b&gt;x&lt;\/b&gt;<\/td>/);
      assert.doesNotMatch(page.text, /<b>x<\/b>/);
      assert.match(page.text, /<td>権限: 職員<\/td>/);
    });

    it('flags a row whose detail was changed in the database', async () => {
      const admin = await h.sessionFor('admin');
      await tamperAuditSql(h.db.ds, `UPDATE audit_log SET detail = '{"role":"admin"}' WHERE seq = 1`);
      await tamperAuditSql(h.db.ds, `UPDATE audit_log SET detail = 'not json' WHERE seq = 2`);
      const page = await h.request('GET', '/console/audit', { session: admin });
      assert.equal(page.status, 200);
      assert.equal(
        alert(page.text),
        '改ざんを検出しました。最初の不整合は連番 1 です：記録の内容が鍵付きハッシュ（HMAC）と一致しません（記録の改変・偽造、または鍵なしでの再計算）。',
      );
      assert.match(page.text, /<tr class="warn">\s*<td>1（不一致）<\/td>/);
      assert.match(page.text, /<td>記録内容（形式不正）: not json<\/td>/);
    });

    it('is forbidden to staff and operators', async () => {
      for (const role of ['staff', 'operator'] as const) {
        const res = await h.request('GET', '/console/audit', { session: await h.sessionFor(role) });
        assert.equal(res.status, 403);
      }
    });
  });
});
