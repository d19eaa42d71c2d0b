/** Identity, rate-limit, busy-timeout and metrics settings: validated at start, problems named in Japanese. */
import assert from 'node:assert/strict';
import { loadConfig } from '../../../app/config';
import { KotaeError } from '../../../core/errors';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/kotae');
  } catch (err) {
    assert.ok(err instanceof KotaeError && err.code === 'CONFIG_INVALID');
    return (err.details?.problems as string[]) ?? [];
  }
  return [];
}

describe('loadConfig: identity, rate limits, busy timeout, metrics', () => {
  it('defaults: no sign-in, limits on, 1 s busy timeout, metrics from loopback', () => {
    const c = loadConfig({}, '/srv/kotae');
    assert.equal(c.trust.oidc, undefined);
    assert.deepEqual(c.trust.rateLimits, {
      signInAccount: { limit: 10, windowSeconds: 900 },
      signInIp: { limit: 30, windowSeconds: 900 },
      ssoSignInIp: { limit: 30, windowSeconds: 900 },
      apiConversation: { limit: 30, windowSeconds: 60 },
      apiIp: { limit: 120, windowSeconds: 60 },
      upload: { limit: 20, windowSeconds: 600 },
    });
    assert.equal(c.trust.dbBusyTimeoutMs, 1000);
    assert.deepEqual(c.trust.metrics, { mode: 'loopback', token: undefined });
  });

  it('builds the Entra ID settings: tenant authority, role map, redirect URI', () => {
    const c = loadConfig(
      {
        KOTAE_PUBLIC_URL: 'https://kotae.city.example.lg.jp',
        KOTAE_OIDC_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
        KOTAE_OIDC_CLIENT_SECRET: 'secret',
        KOTAE_OIDC_TENANT_ID: '99999999-8888-7777-6666-555555555555',
        KOTAE_OIDC_ROLE_MAP: 'Kotae.Admin=admin, Kotae.Operator=operator, Kotae.Auditor=auditor',
        KOTAE_OIDC_LOCAL_SIGNIN: 'admin',
        KOTAE_RATE_UPLOAD: 'off',
      },
      '/srv/kotae',
    );
    assert.deepEqual(c.trust.oidc, {
      clientId: '11111111-2222-3333-4444-555555555555',
      clientSecret: 'secret',
      authority: 'https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555',
      entra: true,
      caFile: undefined,
      roleMap: [
        { value: 'Kotae.Admin', role: 'admin' },
        { value: 'Kotae.Operator', role: 'operator' },
        { value: 'Kotae.Auditor', role: 'auditor' },
      ],
      webChat: false,
      localSignIn: 'admin',
      departmentClaim: 'department',
      redirectUri: 'https://kotae.city.example.lg.jp/auth/callback',
      postLogoutRedirectUri: 'https://kotae.city.example.lg.jp/auth/signed-out',
      graphGroups: undefined,
      roleRecheckMinutes: 10,
    });
    assert.equal(c.trust.rateLimits.upload, undefined);
  });

  it('re-checks single sign-on roles every KOTAE_OIDC_ROLE_RECHECK_MINUTES (0 off, at most 480), in Japanese', () => {
    const entra = {
      KOTAE_OIDC_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
      KOTAE_OIDC_CLIENT_SECRET: 'secret',
      KOTAE_OIDC_TENANT_ID: '99999999-8888-7777-6666-555555555555',
      KOTAE_OIDC_ROLE_MAP: 'Kotae.Admin=admin',
    };
    for (const [value, minutes] of [
      ['0', 0],
      ['1', 1],
      ['480', 480],
    ] as const)
      assert.equal(
        loadConfig({ ...entra, KOTAE_OIDC_ROLE_RECHECK_MINUTES: value }, '/srv/kotae').trust.oidc?.roleRecheckMinutes,
        minutes,
      );
    const named = 'KOTAE_OIDC_ROLE_RECHECK_MINUTES';
    assert.deepEqual(problems({ ...entra, [named]: '-1' }), [
      `${named}: Entra ID のロール再確認の間隔: 0以上を指定してください（0は再確認しない）`,
    ]);
    assert.deepEqual(problems({ ...entra, [named]: '481' }), [
      `${named}: Entra ID のロール再確認の間隔: 480分（8時間、セッションの最長時間）以下を指定してください`,
    ]);
    assert.deepEqual(problems({ ...entra, [named]: '2.5' }), [
      `${named}: Entra ID のロール再確認の間隔: 分を整数で指定してください`,
    ]);
    assert.deepEqual(problems({ ...entra, [named]: 'ten' }), [
      `${named}: Entra ID のロール再確認の間隔: 分を整数で指定してください`,
    ]);
  });

  it('resolves the groups overage through Graph only when asked, with group ids to ask about', () => {
    const entra = {
      KOTAE_OIDC_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
      KOTAE_OIDC_CLIENT_SECRET: 'secret',
      KOTAE_OIDC_TENANT_ID: '99999999-8888-7777-6666-555555555555',
      KOTAE_OIDC_ROLE_MAP: 'Kotae.Admin=admin,0f1e2d3c-4b5a-6978-8a9b-acbdcedfe0f1=operator',
    };
    const on = loadConfig({ ...entra, KOTAE_OIDC_GRAPH_GROUPS: 'true' }, '/srv/kotae');
    assert.deepEqual(on.trust.oidc?.graphGroups, { graphUrl: 'https://graph.microsoft.com' });
    const cloud = { ...entra, KOTAE_OIDC_GRAPH_GROUPS: 'true', KOTAE_OIDC_GRAPH_URL: 'https://graph.microsoft.us' };
    assert.deepEqual(loadConfig(cloud, '/srv/kotae').trust.oidc?.graphGroups, {
      graphUrl: 'https://graph.microsoft.us',
    });
    assert.deepEqual(
      problems({
        ...entra,
        KOTAE_OIDC_ROLE_MAP: 'Kotae.Admin=admin',
        KOTAE_OIDC_GRAPH_GROUPS: 'true',
        KOTAE_OIDC_GRAPH_URL: 'http://graph.example.lg.jp',
      }),
      [
        'KOTAE_OIDC_GRAPH_URL: https:// で始まるURLで指定してください（http はループバックのテスト用サーバーだけ）',
        'KOTAE_OIDC_GRAPH_GROUPS: KOTAE_OIDC_ROLE_MAP にグループのオブジェクトID（GUID）を1つ以上指定してください（アプリロールだけならグループの確認は不要です）',
      ],
    );
    assert.deepEqual(problems({ ...entra, KOTAE_OIDC_GRAPH_URL: 'http://127.0.0.1:8080' }), [
      'KOTAE_OIDC_GRAPH_URL: KOTAE_OIDC_GRAPH_GROUPS=true の場合だけ使用します',
    ]);
    assert.deepEqual(problems({ KOTAE_OIDC_GRAPH_GROUPS: 'true' }), [
      'KOTAE_OIDC_GRAPH_GROUPS: KOTAE_OIDC_CLIENT_ID を設定してください',
    ]);
  });

  it('names every problem in Japanese, all at once', () => {
    assert.deepEqual(
      problems({
        KOTAE_OIDC_CLIENT_ID: 'kotae',
        KOTAE_OIDC_AUTHORITY: 'http://idp.example.lg.jp',
        KOTAE_OIDC_ROLE_MAP: 'Kotae.Admin=superuser',
        KOTAE_RATE_API_IP: '100 per minute',
        KOTAE_METRICS: 'token',
      }),
      [
        'KOTAE_OIDC_AUTHORITY: https:// で始まるURLで指定してください（MSALはhttpの発行者を受け付けません）',
        'KOTAE_OIDC_ROLE_MAP.0.role: ロールは staff / operator / auditor / admin のいずれかで指定してください',
        'KOTAE_RATE_API_IP: 「回数/秒数」（例: 10/900）または off で指定してください',
      ],
    );
    assert.deepEqual(problems({ KOTAE_OIDC_CLIENT_ID: 'kotae', KOTAE_METRICS: 'token' }), [
      'KOTAE_OIDC_CLIENT_SECRET: KOTAE_OIDC_CLIENT_ID には必須です',
      'KOTAE_OIDC_TENANT_ID: KOTAE_OIDC_TENANT_ID（Entra ID）と KOTAE_OIDC_AUTHORITY（その他のOpenID Connectプロバイダー）のどちらか一方を指定してください',
      'KOTAE_OIDC_ROLE_MAP: コンソールのロール対応（例: Kotae.Admin=admin,Kotae.Operator=operator）か KOTAE_OIDC_WEB_CHAT=true が必要です',
      'KOTAE_METRICS_TOKEN: KOTAE_METRICS=token の場合は必須です',
    ]);
    assert.deepEqual(problems({ KOTAE_OIDC_WEB_CHAT: 'true' }), [
      'KOTAE_OIDC_WEB_CHAT: KOTAE_OIDC_CLIENT_ID を設定してください',
    ]);
  });
});
