import assert from 'node:assert/strict';
import { auditDetailText } from '../../../../../adapters/web/console/audit-detail';

describe('console audit detail text', () => {
  it('names a failed password sign-in and a failed single sign-on in Japanese', () => {
    assert.equal(auditDetailText({ reason: 'password', failures: 2 }), '理由: パスワード誤り ／ 連続失敗回数: 2');
    assert.equal(
      auditDetailText({ via: 'sso', reason: 'provider_error', error: 'access_denied' }),
      '方法: シングルサインオン ／ 理由: IDプロバイダーがエラーを返した ／ IDプロバイダーのエラー: access_denied',
    );
    assert.equal(
      auditDetailText({ via: 'sso', reason: 'no_pending' }),
      '方法: シングルサインオン ／ 理由: サインインの開始情報なし（期限切れ・別のブラウザー）',
    );
    assert.equal(
      auditDetailText({ via: 'sso', reason: 'groups_lookup_failed' }),
      '方法: シングルサインオン ／ 理由: グループ数の上限超過（Microsoft Graph でのグループ確認に失敗）',
    );
    assert.equal(
      auditDetailText({ via: 'sso', reason: 'malformed_callback' }),
      '方法: シングルサインオン ／ 理由: コールバックURLの形式不正',
    );
  });

  it('names an export of the conversation log in Japanese', () => {
    assert.equal(
      auditDetailText({
        report: 'conversation-log',
        period: '260501-260531',
        format: 'csv',
        rows: 8,
        complete: true,
        osUser: 'kotae-ops',
      }),
      '出力したもの: 会話ログ ／ 対象期間: 260501-260531 ／ 形式: csv ／ 行数: 8 ／ 出力: 全件 ／ OSユーザー: kotae-ops',
    );
  });

  it('names a scheduled delivery by e-mail and to Teams in Japanese', () => {
    assert.equal(
      auditDetailText({
        report: 'halfyear',
        period: 'FY2026H2',
        format: 'xlsx+pdf',
        rows: 120,
        channel: 'email',
        recipients: 2,
      }),
      '出力したもの: 半期報告書 ／ 対象期間: FY2026H2 ／ 形式: xlsx+pdf ／ 行数: 120 ／ チャネル: メール ／ 宛先数: 2',
    );
    assert.equal(
      auditDetailText({
        report: 'monthly',
        period: '2026-05',
        format: 'link',
        rows: 0,
        channel: 'teams',
        recipients: 1,
      }),
      '出力したもの: 月次報告書 ／ 対象期間: 2026-05 ／ 形式: リンクのみ ／ 行数: 0 ／ チャネル: Microsoft Teams ／ 宛先数: 1',
    );
  });

  it('names where a sign-in came from in Japanese', () => {
    assert.equal(
      auditDetailText({ role: 'operator', ip: '10.20.30.40', userAgent: 'Mozilla/5.0', instance: 'kotae-a' }),
      '権限: オペレーター ／ IPアドレス: 10.20.30.40 ／ ブラウザー（User-Agent）: Mozilla/5.0 ／ インスタンス: kotae-a',
    );
  });

  it('names where a single sign-on went; `to` of a role change stays the new role', () => {
    const chat = { to: 'chat', ip: '10.20.30.40', userAgent: 'Mozilla/5.0', instance: 'kotae-a' };
    assert.equal(
      auditDetailText(chat, 'auth.sign_in_sso'),
      'サインイン先: Webチャット ／ IPアドレス: 10.20.30.40 ／ ブラウザー（User-Agent）: Mozilla/5.0 ／ インスタンス: kotae-a',
    );
    assert.equal(
      auditDetailText({ from: 'operator', to: 'admin' }, 'account.role'),
      '変更前: オペレーター ／ 変更後: 管理者',
    );
    assert.equal(auditDetailText({ from: 'operator', to: 'admin' }), '変更前: オペレーター ／ 変更後: 管理者');
  });
});
