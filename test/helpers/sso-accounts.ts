/** Accounts, tenants and audit entries the single sign-on specs share (loopback OpenID Connect provider). */
import type { AuditEntry } from '../../core';
export const ADMIN_GROUP = '00000000-0000-0000-0000-0000000000aa';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const OTHER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
export const oid = (n: number) => `6f1c2a52-3b7e-4d8a-9c41-0a1b2c3d4e${String(n).padStart(2, '0')}`;
export const user = (n: number, extra: Record<string, unknown> = {}) => ({
  oid: oid(n),
  name: `職員 ${n}`,
  preferred_username: `user${n}@kotonoha.example.lg.jp`,
  email: `user${n}@kotonoha.example.lg.jp`,
  department: '情報政策課',
  ...extra,
});
export const ACCOUNTS: Record<string, Record<string, unknown>> = {
  operator: user(1, { roles: ['Kotae.Operator'] }),
  bare: { oid: oid(3) },
  hostile: user(4, { name: '<script>alert(1)</script>', roles: ['Kotae.Operator'] }),
  rolestring: user(5, { roles: 'Kotae.Admin' }),
  rolesmany: user(6, { roles: ['Kotae.Operator', 'Kotae.Admin', ...Array.from({ length: 300 }, (_, i) => `R${i}`)] }),
  rolecase: user(7, { roles: ['kotae.admin', 'Kotae.Admin ', 'Kotae.Admin.Extra'] }),
  rolejunk: user(8, { roles: [42, null, { value: 'Kotae.Admin' }, ['Kotae.Admin'], 'Kotae.Operator'] }),
  group: user(9, { roles: [], groups: ['11111111-1111-1111-1111-111111111111', ADMIN_GROUP] }),
  overage: user(10, { roles: [] }),
  overagerole: user(11, { roles: ['Kotae.Operator'] }),
  disabled: user(12, { roles: ['Kotae.Operator'] }),
};
export const OVERAGE = {
  _claim_names: { groups: 'src1' },
  _claim_sources: { src1: { endpoint: `https://graph.microsoft.com/v1.0/users/${oid(10)}/getMemberObjects` } },
};

/** The User-Agent the specs' browser sends to Kotae (Edge on Windows, under 200 characters). */
export const BROWSER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

/** Where a sign-in came from, as its audit row records it: loopback, `userAgent`, the instance that answered. */
export const client = (instance: string | null, userAgent: string | null = BROWSER_AGENT) => ({
  ip: '127.0.0.1',
  userAgent,
  instance,
});

/** The audit entry of a failed single sign-on (`from`: `client(…)`, as for a password sign-in). */
export const failed = (
  detail: Record<string, unknown>,
  actor: string | undefined,
  from: ReturnType<typeof client>,
): AuditEntry => ({
  actor: actor ?? '(sso)',
  action: 'auth.sign_in_failed',
  detail: { via: 'sso', ...detail, ...from },
});

export function now(): number {
  return Math.floor(Date.now() / 1000);
}
