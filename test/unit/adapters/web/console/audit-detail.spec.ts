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
});
