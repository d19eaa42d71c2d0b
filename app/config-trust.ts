/**
 * Settings of identity (Entra ID / OpenID Connect sign-in), rate limits, the SQLite busy timeout and
 * /metrics. Kept apart from config.ts so each concern's variables are validated in one place; config.ts
 * (the only reader of the environment) spreads TRUST_ENV_SHAPE into its schema and calls the checks.
 */
import path from 'node:path';
import { z } from 'zod';
import type { OperatorRole } from '../tickets';

const OPERATOR_ROLE_NAMES = ['staff', 'operator', 'auditor', 'admin'] as const satisfies readonly OperatorRole[];

/** `N/S`: at most N requests per S seconds (fixed window); `off` disables the limit. */
const rate = z
  .string()
  .regex(/^(off|\d{1,6}\/\d{1,6})$/, '「回数/秒数」（例: 10/900）または off で指定してください')
  .transform((s) => {
    // null, not undefined: zod would put the default in place of an undefined output.
    if (s === 'off') return null;
    const [limit, seconds] = s.split('/').map(Number);
    return { limit, windowSeconds: seconds };
  })
  .refine((r) => r === null || (r.limit >= 1 && r.windowSeconds >= 1 && r.windowSeconds <= 86_400), {
    message: '回数は1以上、秒数は1〜86400で指定してください',
  });

/** `claimValue=role,…`: an app role value or a group object id mapped to a Kotae role. */
const roleMap = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const eq = part.lastIndexOf('=');
        return { value: part.slice(0, eq).trim(), role: part.slice(eq + 1).trim() };
      }),
  )
  .pipe(
    z
      .array(
        z.object({
          value: z.string().min(1, '「値=ロール」の値が空です'),
          role: z.enum(OPERATOR_ROLE_NAMES, {
            error: 'ロールは staff / operator / auditor / admin のいずれかで指定してください',
          }),
        }),
      )
      .min(1, '「アプリロールまたはグループID=ロール」をカンマ区切りで1つ以上指定してください'),
  );

const yesNo = z
  .enum(['true', 'false'], { error: 'true または false で指定してください' })
  .transform((v) => v === 'true');

/** The variables of this module (spread into config.ts's schema). */
export const TRUST_ENV_SHAPE = {
  KOTAE_OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
  KOTAE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  KOTAE_OIDC_TENANT_ID: z.guid({ error: 'テナントID（GUID）で指定してください' }).optional(),
  KOTAE_OIDC_AUTHORITY: z
    .url({ protocol: /^https$/, error: 'https:// で始まるURLで指定してください（MSALはhttpの発行者を受け付けません）' })
    .optional(),
  KOTAE_OIDC_CA_FILE: z.string().min(1).optional(),
  KOTAE_OIDC_POST_LOGOUT_URI: z
    .url({ protocol: /^https?$/, error: 'http(s):// で始まるURLで指定してください' })
    .optional(),
  KOTAE_OIDC_ROLE_MAP: roleMap.optional(),
  KOTAE_OIDC_WEB_CHAT: yesNo.default(false),
  KOTAE_OIDC_LOCAL_SIGNIN: z
    .enum(['all', 'admin'], { error: 'all（すべてのローカルアカウント）または admin（管理者のみ）で指定してください' })
    .default('all'),
  KOTAE_OIDC_DEPARTMENT_CLAIM: z.string().min(1).max(100).default('department'),
  KOTAE_OIDC_GRAPH_GROUPS: yesNo.default(false),
  KOTAE_OIDC_GRAPH_URL: z
    .url({ protocol: /^https?$/, error: 'https:// で始まるURLで指定してください' })
    // The app's Graph token goes with every request: plain http only to this machine (a test server).
    .refine((u) => u.startsWith('https://') || ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname), {
      message: 'https:// で始まるURLで指定してください（http はループバックのテスト用サーバーだけ）',
    })
    .optional(),
  KOTAE_OIDC_ROLE_RECHECK_MINUTES: z.coerce
    .number({ error: 'Entra ID のロール再確認の間隔: 分を整数で指定してください' })
    .int('Entra ID のロール再確認の間隔: 分を整数で指定してください')
    .min(0, 'Entra ID のロール再確認の間隔: 0以上を指定してください（0は再確認しない）')
    .max(480, 'Entra ID のロール再確認の間隔: 480分（8時間、セッションの最長時間）以下を指定してください')
    .default(10),
  KOTAE_RATE_SIGNIN_ACCOUNT: rate.default({ limit: 10, windowSeconds: 900 }),
  KOTAE_RATE_SIGNIN_IP: rate.default({ limit: 30, windowSeconds: 900 }),
  KOTAE_RATE_SSO_SIGNIN_IP: rate.default({ limit: 30, windowSeconds: 900 }),
  KOTAE_RATE_API_CONVERSATION: rate.default({ limit: 30, windowSeconds: 60 }),
  KOTAE_RATE_API_IP: rate.default({ limit: 120, windowSeconds: 60 }),
  KOTAE_RATE_UPLOAD: rate.default({ limit: 20, windowSeconds: 600 }),
  KOTAE_DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  KOTAE_METRICS: z
    .enum(['off', 'loopback', 'token'], { error: 'off / loopback / token のいずれかで指定してください' })
    .default('loopback'),
  KOTAE_METRICS_TOKEN: z.string().min(32, '32文字以上で指定してください').optional(),
} as const;

type TrustEnv = z.output<z.ZodObject<typeof TRUST_ENV_SHAPE>>;

/** A fixed-window limit: at most `limit` requests per `windowSeconds`. */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/** Entra ID (or another OpenID Connect provider for tests) sign-in. */
export interface OidcConfig {
  clientId: string;
  clientSecret: string;
  /** https authority: the Entra tenant's, or KOTAE_OIDC_AUTHORITY. */
  authority: string;
  /** True for Entra ID (MSAL's AAD mode); false for another OpenID Connect issuer (MSAL's OIDC mode). */
  entra: boolean;
  /** PEM file of a private CA the authority's certificate chains to. */
  caFile?: string;
  /** App role values / group ids → Kotae roles (empty: nobody may use the console through SSO). */
  roleMap: { value: string; role: OperatorRole }[];
  /** Web chat requires sign-in; name and 所属 come from the directory. */
  webChat: boolean;
  /** Local accounts that may still sign in with a password: all, or admins only (break-glass). */
  localSignIn: 'all' | 'admin';
  /** ID token claim holding the 所属 (when the directory is not asked through Graph). */
  departmentClaim: string;
  /** Where the provider sends the browser back (register it in the app registration). */
  redirectUri: string;
  /** Where the provider's sign-out sends the browser back (register it too): Kotae's signed-out page by default. */
  postLogoutRedirectUri: string;
  /**
   * Groups overage: ask Microsoft Graph (checkMemberGroups, with the app's own client credentials) which
   * mapped groups the user is in; undefined: an overage token maps by app roles only.
   */
  graphGroups?: { graphUrl: string };
  /**
   * How often (minutes) a console single sign-on session's role is checked again against the directory (a refresh of
   * its ID token); 0: never, roles follow the directory at the next sign-in only.
   */
  roleRecheckMinutes: number;
}

/** Rate limits (undefined: off). */
export interface RateLimitConfig {
  signInAccount?: RateRule;
  signInIp?: RateRule;
  /** `GET /auth/signin` (single sign-on start) per client address. */
  ssoSignInIp?: RateRule;
  apiConversation?: RateRule;
  apiIp?: RateRule;
  upload?: RateRule;
}

/** What this module adds to the configuration. */
export interface TrustConfig {
  oidc?: OidcConfig;
  rateLimits: RateLimitConfig;
  /** SQLite: how long a write waits for another connection's lock before DB_LOCKED (503). */
  dbBusyTimeoutMs: number;
  /** /metrics: off, loopback callers only, or callers presenting the bearer token. */
  metrics: { mode: 'off' | 'loopback' | 'token'; token?: string };
}

/** Cross-variable checks (Japanese messages), reported with every other configuration problem. */
export function checkTrust(env: TrustEnv, need: (cond: boolean, key: string, message: string) => void): void {
  const configured = Boolean(env.KOTAE_OIDC_CLIENT_ID);
  if (!configured) {
    for (const key of [
      'KOTAE_OIDC_CLIENT_SECRET',
      'KOTAE_OIDC_TENANT_ID',
      'KOTAE_OIDC_AUTHORITY',
      'KOTAE_OIDC_ROLE_MAP',
      'KOTAE_OIDC_POST_LOGOUT_URI',
    ])
      need(env[key as keyof TrustEnv] !== undefined, key, 'KOTAE_OIDC_CLIENT_ID を設定しない場合は使用できません');
    need(env.KOTAE_OIDC_WEB_CHAT, 'KOTAE_OIDC_WEB_CHAT', 'KOTAE_OIDC_CLIENT_ID を設定してください');
    need(env.KOTAE_OIDC_GRAPH_GROUPS, 'KOTAE_OIDC_GRAPH_GROUPS', 'KOTAE_OIDC_CLIENT_ID を設定してください');
  } else {
    need(!env.KOTAE_OIDC_CLIENT_SECRET, 'KOTAE_OIDC_CLIENT_SECRET', 'KOTAE_OIDC_CLIENT_ID には必須です');
    need(
      Boolean(env.KOTAE_OIDC_TENANT_ID) === Boolean(env.KOTAE_OIDC_AUTHORITY),
      'KOTAE_OIDC_TENANT_ID',
      'KOTAE_OIDC_TENANT_ID（Entra ID）と KOTAE_OIDC_AUTHORITY（その他のOpenID Connectプロバイダー）のどちらか一方を指定してください',
    );
    need(
      !env.KOTAE_OIDC_ROLE_MAP && !env.KOTAE_OIDC_WEB_CHAT,
      'KOTAE_OIDC_ROLE_MAP',
      'コンソールのロール対応（例: Kotae.Admin=admin,Kotae.Operator=operator）か KOTAE_OIDC_WEB_CHAT=true が必要です',
    );
    need(
      env.KOTAE_OIDC_GRAPH_GROUPS && !(env.KOTAE_OIDC_ROLE_MAP ?? []).some((m) => z.guid().safeParse(m.value).success),
      'KOTAE_OIDC_GRAPH_GROUPS',
      'KOTAE_OIDC_ROLE_MAP にグループのオブジェクトID（GUID）を1つ以上指定してください（アプリロールだけならグループの確認は不要です）',
    );
  }
  need(
    env.KOTAE_OIDC_GRAPH_URL !== undefined && !env.KOTAE_OIDC_GRAPH_GROUPS,
    'KOTAE_OIDC_GRAPH_URL',
    'KOTAE_OIDC_GRAPH_GROUPS=true の場合だけ使用します',
  );
  need(
    env.KOTAE_METRICS === 'token' && !env.KOTAE_METRICS_TOKEN,
    'KOTAE_METRICS_TOKEN',
    'KOTAE_METRICS=token の場合は必須です',
  );
  need(
    env.KOTAE_METRICS !== 'token' && env.KOTAE_METRICS_TOKEN !== undefined,
    'KOTAE_METRICS_TOKEN',
    'KOTAE_METRICS=token の場合だけ使用します',
  );
}

/** The validated settings of this module. */
export function toTrustConfig(env: TrustEnv, cwd: string, publicUrl: string): TrustConfig {
  const oidc: OidcConfig | undefined = env.KOTAE_OIDC_CLIENT_ID
    ? {
        clientId: env.KOTAE_OIDC_CLIENT_ID,
        clientSecret: env.KOTAE_OIDC_CLIENT_SECRET ?? '',
        authority: env.KOTAE_OIDC_TENANT_ID
          ? `https://login.microsoftonline.com/${env.KOTAE_OIDC_TENANT_ID}`
          : (env.KOTAE_OIDC_AUTHORITY ?? ''),
        entra: Boolean(env.KOTAE_OIDC_TENANT_ID),
        caFile: env.KOTAE_OIDC_CA_FILE ? path.resolve(cwd, env.KOTAE_OIDC_CA_FILE) : undefined,
        roleMap: env.KOTAE_OIDC_ROLE_MAP ?? [],
        webChat: env.KOTAE_OIDC_WEB_CHAT,
        localSignIn: env.KOTAE_OIDC_LOCAL_SIGNIN,
        departmentClaim: env.KOTAE_OIDC_DEPARTMENT_CLAIM,
        redirectUri: `${publicUrl.replace(/\/+$/, '')}/auth/callback`,
        postLogoutRedirectUri: env.KOTAE_OIDC_POST_LOGOUT_URI ?? `${publicUrl.replace(/\/+$/, '')}/auth/signed-out`,
        graphGroups: env.KOTAE_OIDC_GRAPH_GROUPS
          ? { graphUrl: env.KOTAE_OIDC_GRAPH_URL ?? 'https://graph.microsoft.com' }
          : undefined,
        roleRecheckMinutes: env.KOTAE_OIDC_ROLE_RECHECK_MINUTES,
      }
    : undefined;
  return {
    oidc,
    rateLimits: {
      signInAccount: env.KOTAE_RATE_SIGNIN_ACCOUNT ?? undefined,
      signInIp: env.KOTAE_RATE_SIGNIN_IP ?? undefined,
      ssoSignInIp: env.KOTAE_RATE_SSO_SIGNIN_IP ?? undefined,
      apiConversation: env.KOTAE_RATE_API_CONVERSATION ?? undefined,
      apiIp: env.KOTAE_RATE_API_IP ?? undefined,
      upload: env.KOTAE_RATE_UPLOAD ?? undefined,
    },
    dbBusyTimeoutMs: env.KOTAE_DB_BUSY_TIMEOUT_MS,
    metrics: { mode: env.KOTAE_METRICS, token: env.KOTAE_METRICS_TOKEN },
  };
}

/** A summary safe to log at start (no secrets). */
export function describeTrust(t: TrustConfig): Record<string, unknown> {
  return {
    oidc: t.oidc
      ? {
          authority: t.oidc.authority,
          webChat: t.oidc.webChat,
          localSignIn: t.oidc.localSignIn,
          roles: t.oidc.roleMap.length,
          graphGroups: t.oidc.graphGroups?.graphUrl ?? 'off',
          roleRecheckMinutes: t.oidc.roleRecheckMinutes,
        }
      : 'off',
    rateLimits: Object.fromEntries(
      Object.entries(t.rateLimits).map(([k, r]) => [k, r ? `${r.limit}/${r.windowSeconds}s` : 'off']),
    ),
    dbBusyTimeoutMs: t.dbBusyTimeoutMs,
    metrics: t.metrics.mode,
  };
}
