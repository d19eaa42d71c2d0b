/**
 * Entra ID's groups overage, end to end: the loopback OpenID Connect provider issues ID tokens without
 * `groups` but with the overage marker (`_claim_names`/`_claim_sources`, or `hasgroups`); Kotae takes a
 * token of its own from the same provider (client credentials, the sign-in app's own secret) and asks a
 * loopback Microsoft Graph `POST /v1.0/users/{oid}/checkMemberGroups` about the mapped group ids, at
 * most 20 per call, then maps the role as usual. Graph refusing (403: no GroupMember.Read.All), failing
 * (500) or slow: a Japanese 503 page, no session, `groups_lookup_failed` in the audit log. Without
 * KOTAE_OIDC_GRAPH_GROUPS the overage is refused as before (`groups_overage`).
 */
import assert from 'node:assert/strict';
import { GraphGroupMembership, MsalOidcSignIn } from '../../adapters/graph';
import { SSO_MESSAGES as M } from '../../adapters/web/sso';
import { KotaeError } from '../../core';
import { FakeGraphGroups } from '../fakes/graph-groups-server';
import { startOidcServer, type OidcServer } from '../fakes/oidc-server';
import { freePort, throughProvider } from '../helpers/oidc-browser';
import { ADMIN_GROUP, BROWSER_AGENT, OVERAGE, client, failed, oid, user } from '../helpers/sso-accounts';
import { signInRecords } from '../helpers/sso-router';
import { startApp, type RunningApp } from '../helpers/start-app';

const OPERATOR_GROUP = '00000000-0000-0000-0000-0000000000bb';
const UNMAPPED_GROUP = '00000000-0000-0000-0000-0000000000cc';
/** 21 groups mapped to staff: with the two above, 23 group ids, so a full lookup takes two calls (20 + 3). */
const STAFF_GROUPS = Array.from({ length: 21 }, (_, i) => `5eaf0000-0000-4000-8000-${String(i).padStart(12, '0')}`);
const ROLE_MAP = [
  'Kotae.Operator=operator',
  'Kotae.Admin=admin',
  ...STAFF_GROUPS.map((g) => `${g}=staff`),
  `${OPERATOR_GROUP}=operator`,
  // Upper case, as an administrator may paste it; Graph answers in lower case.
  `${ADMIN_GROUP.toUpperCase()}=admin`,
].join(',');
const ALL_GROUPS = [...STAFF_GROUPS, OPERATOR_GROUP, ADMIN_GROUP.toUpperCase()];

const ACCOUNTS = {
  ingroups: user(20, { roles: [] }),
  hasgroups: user(21, { roles: [] }),
  operatorrole: user(22, { roles: ['Kotae.Operator'] }),
  adminrole: user(23, { roles: ['Kotae.Admin'] }),
  nogroup: user(24, { roles: [] }),
  graphdown: user(25, { roles: [] }),
};
const upn = (n: number) => `user${n}@kotonoha.example.lg.jp`;
const withOverage = (c: Record<string, unknown>) => ({ ...c, ...OVERAGE });
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** A Kotae on a port known in advance (its public URL is the provider's redirect URI) and its provider. */
async function startPair(env: Record<string, string>): Promise<{ op: OidcServer; kotae: RunningApp }> {
  const port = await freePort();
  const op = await startOidcServer(`http://127.0.0.1:${port}/auth/callback`, ACCOUNTS);
  const kotae = await startApp(
    {
      KOTAE_PUBLIC_URL: `http://127.0.0.1:${port}`,
      KOTAE_OIDC_CLIENT_ID: op.clientId,
      KOTAE_OIDC_CLIENT_SECRET: op.clientSecret,
      KOTAE_OIDC_AUTHORITY: op.issuer,
      KOTAE_OIDC_CA_FILE: op.caFile,
      KOTAE_OIDC_ROLE_MAP: ROLE_MAP,
      KOTAE_OIDC_WEB_CHAT: 'true',
      ...env,
    },
    { port },
  );
  return { op, kotae };
}

/** A browser signing in as `login` to `to`: the callback's status, page and cookie names. */
async function signIn(pair: { op: OidcServer; kotae: RunningApp }, login: string, to = 'console') {
  const start = await fetch(`${pair.kotae.url}/auth/signin?to=${to}`, { redirect: 'manual' });
  const cookie = (start.headers.getSetCookie().find((c) => c.startsWith('kotae_oidc=')) ?? '').split(';')[0];
  const back = await throughProvider(pair.op, start.headers.get('location') ?? '', login);
  const res = await fetch(back, { headers: { cookie, 'user-agent': BROWSER_AGENT }, redirect: 'manual' });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0].replace(/=.*/, '='));
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '', cookies };
}

/** Where the specs' browser signs in from, as the audit rows of `pair`'s instance record it. */
const from = (pair: { kotae: RunningApp }) => client(pair.kotae.app.leases.holder);

const roleOf = async (kotae: RunningApp, n: number) =>
  (await kotae.app.operators.operators.findByUsername(upn(n)))?.role;

describe('Entra ID groups overage resolved through Microsoft Graph (loopback provider and Graph)', function () {
  this.timeout(60_000);
  let pair: { op: OidcServer; kotae: RunningApp };
  let graph: FakeGraphGroups;
  const calls = () => graph.requests.map((r) => ({ path: r.path, groupIds: r.groupIds, status: r.status }));
  const check = (n: number, groupIds: string[], status = 200) => ({
    path: `/v1.0/users/${oid(n)}/checkMemberGroups`,
    groupIds,
    status,
  });

  before(async function () {
    this.timeout(120_000);
    graph = new FakeGraphGroups((token) => pair?.op.appTokens.some((t) => t.token === token) ?? false, {
      [oid(20)]: [STAFF_GROUPS[3], OPERATOR_GROUP, UNMAPPED_GROUP],
      [oid(21)]: [ADMIN_GROUP],
      [oid(22)]: [ADMIN_GROUP, STAFF_GROUPS[0]],
      [oid(24)]: [UNMAPPED_GROUP],
      [oid(25)]: [ADMIN_GROUP],
    });
    await graph.start();
    pair = await startPair({ KOTAE_OIDC_GRAPH_GROUPS: 'true', KOTAE_OIDC_GRAPH_URL: graph.url });
  });
  beforeEach(() => {
    graph.requests.length = 0;
    graph.failWith = undefined;
    graph.throttle = undefined;
    pair.op.editIdToken = withOverage;
  });
  after(async () => {
    await pair?.kotae.stop();
    await pair?.op.close();
    await graph?.stop();
  });

  it('gives an overage token the highest role of the mapped groups Graph reports, 20 ids per call, with the app’s own token', async () => {
    const res = await signIn(pair, 'ingroups');
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.ok(res.cookies.includes('kotae_session='));
    assert.equal(await roleOf(pair.kotae, 20), 'operator');
    assert.deepEqual(calls(), [check(20, ALL_GROUPS.slice(0, 20)), check(20, ALL_GROUPS.slice(20))]);
    // The bearer token is one the provider issued to Kotae's client itself, for Graph (client credentials).
    assert.deepEqual(
      pair.op.appTokens.map((t) => t.scope),
      [GRAPH_SCOPE],
    );
    assert.deepEqual(
      graph.requests.map((r) => r.token),
      [pair.op.appTokens[0].token, pair.op.appTokens[0].token],
    );
  });

  it('reads the other overage marker (hasgroups: true) the same way', async () => {
    pair.op.editIdToken = (c) => ({ ...c, hasgroups: true });
    assert.equal((await signIn(pair, 'hasgroups')).status, 200);
    assert.equal(await roleOf(pair.kotae, 21), 'admin');
    assert.deepEqual(calls(), [check(21, ALL_GROUPS.slice(0, 20)), check(21, ALL_GROUPS.slice(20))]);
  });

  it('asks only about groups that would raise the app role, and nothing when the app role is the highest', async () => {
    assert.equal((await signIn(pair, 'operatorrole')).status, 200);
    assert.equal(await roleOf(pair.kotae, 22), 'admin');
    assert.deepEqual(calls(), [check(22, [ADMIN_GROUP.toUpperCase()])]);
    graph.requests.length = 0;
    assert.equal((await signIn(pair, 'adminrole')).status, 200);
    assert.equal(await roleOf(pair.kotae, 23), 'admin');
    assert.deepEqual(calls(), []);
  });

  it('refuses as no_role a user Graph reports in none of the mapped groups', async () => {
    const before = (await signInRecords(pair.kotae.app.dataSource).failures()).length;
    const res = await signIn(pair, 'nogroup');
    assert.equal(res.status, 403);
    assert.ok(res.text.includes(M.noRole));
    assert.equal(await roleOf(pair.kotae, 24), undefined);
    assert.deepEqual(calls(), [check(24, ALL_GROUPS.slice(0, 20)), check(24, ALL_GROUPS.slice(20))]);
    const rows = await signInRecords(pair.kotae.app.dataSource).failures();
    assert.deepEqual(rows.slice(before), [failed({ reason: 'no_role' }, upn(24), from(pair))]);
  });

  for (const status of [403, 500] as const) {
    it(`refuses with a Japanese 503 page and groups_lookup_failed when Graph answers ${status}`, async () => {
      graph.failWith = status;
      const records = signInRecords(pair.kotae.app.dataSource);
      const before = { counts: await records.counts(), failures: (await records.failures()).length };
      const res = await signIn(pair, 'graphdown');
      assert.equal(res.status, 503);
      assert.match(res.type, /^text\/html/);
      assert.ok(res.text.includes(M.groupsLookupFailed), res.text.slice(0, 2000));
      assert.deepEqual(
        [...res.text.matchAll(/<a href="(\/auth\/[^"]*)"/g)].map((m) => m[1]),
        ['/auth/signin?to=console'],
      );
      assert.deepEqual(res.cookies, ['kotae_oidc=']);
      assert.deepEqual(await records.counts(), before.counts);
      assert.deepEqual((await records.failures()).slice(before.failures), [
        failed({ reason: 'groups_lookup_failed' }, upn(25), from(pair)),
      ]);
      assert.deepEqual(calls(), [check(25, ALL_GROUPS.slice(0, 20), status)]);
      // The administrator finds Graph's status and error code in the log (403: a permission is missing).
      const logged = pair.kotae.logger.lines.filter((l) => l.fields?.reason === 'groups_lookup_failed').at(-1);
      const code = status === 403 ? 'Authorization_RequestDenied' : 'generalException';
      assert.deepEqual([logged?.level, logged?.fields?.status, logged?.fields?.code], ['warn', status, code]);
    });
  }

  it('retries a throttled or busy Graph call once when Graph asks for a short wait, and refuses at once for a long one', async () => {
    graph.throttle = { status: 429, times: 1, retryAfter: '1' };
    const started = Date.now();
    assert.equal((await signIn(pair, 'ingroups')).status, 200);
    assert.ok(Date.now() - started >= 1_000, 'waited the second Graph asked for');
    assert.equal(await roleOf(pair.kotae, 20), 'operator');
    assert.deepEqual(calls(), [
      check(20, ALL_GROUPS.slice(0, 20), 429),
      check(20, ALL_GROUPS.slice(0, 20)),
      check(20, ALL_GROUPS.slice(20)),
    ]);
    // Busy twice in a row (no Retry-After: half a second): one retry only, then the Japanese 503 page.
    graph.requests.length = 0;
    graph.throttle = { status: 503, times: 2 };
    const busy = await signIn(pair, 'ingroups');
    assert.equal(busy.status, 503);
    assert.ok(busy.text.includes(M.groupsLookupFailed));
    assert.deepEqual(calls(), [check(20, ALL_GROUPS.slice(0, 20), 503), check(20, ALL_GROUPS.slice(0, 20), 503)]);
    // A wait of a minute is not one a person on the sign-in page should sit through: no retry.
    graph.requests.length = 0;
    graph.throttle = { status: 429, times: 1, retryAfter: '60' };
    assert.equal((await signIn(pair, 'ingroups')).status, 503);
    assert.deepEqual(calls(), [check(20, ALL_GROUPS.slice(0, 20), 429)]);
  });

  it('asks Graph nothing for a web chat sign-in (roles do not matter there)', async () => {
    const res = await signIn(pair, 'graphdown', 'chat');
    assert.equal(res.status, 200);
    assert.ok(res.cookies.includes('kotae_chat='));
    assert.deepEqual(calls(), []);
  });

  it('gives up on a Graph that answers too late, and never sends a subject that is not an object id', async () => {
    const tokens = new MsalOidcSignIn({
      clientId: pair.op.clientId,
      clientSecret: pair.op.clientSecret,
      authority: pair.op.issuer,
      entra: false,
      redirectUri: `${pair.kotae.url}/auth/callback`,
      caFile: pair.op.caFile,
    });
    const membership = new GraphGroupMembership({ tokens, baseUrl: graph.url, timeoutMs: 300 });
    assert.deepEqual(await membership.memberOf(oid(21), [ADMIN_GROUP, OPERATOR_GROUP, 'Kotae.Admin']), [ADMIN_GROUP]);
    graph.delayMs = 1_500;
    try {
      await assert.rejects(membership.memberOf(oid(21), [ADMIN_GROUP]), (err) => {
        assert.ok(err instanceof KotaeError && err.code === 'CLOUD_UNAVAILABLE', String(err));
        return true;
      });
    } finally {
      graph.delayMs = 0;
    }
    await assert.rejects(membership.memberOf('not-an-object-id', [ADMIN_GROUP]), /has no directory object id/);
    assert.deepEqual(calls(), [check(21, [ADMIN_GROUP, OPERATOR_GROUP]), check(21, [ADMIN_GROUP])]);
  });
});

describe('Entra ID groups overage without KOTAE_OIDC_GRAPH_GROUPS', function () {
  this.timeout(60_000);
  let pair: { op: OidcServer; kotae: RunningApp };

  before(async function () {
    this.timeout(120_000);
    pair = await startPair({});
    pair.op.editIdToken = withOverage;
  });
  after(async () => {
    await pair?.kotae.stop();
    await pair?.op.close();
  });

  it('refuses an overage token whose app roles map to nothing with groups_overage, and still honours app roles', async () => {
    const res = await signIn(pair, 'ingroups');
    assert.equal(res.status, 403);
    assert.ok(res.text.includes(M.groupsOverage));
    assert.deepEqual(await signInRecords(pair.kotae.app.dataSource).failures(), [
      failed({ reason: 'groups_overage' }, upn(20), from(pair)),
    ]);
    assert.equal((await signIn(pair, 'operatorrole')).status, 200);
    assert.equal(await roleOf(pair.kotae, 22), 'operator');
    assert.deepEqual(pair.op.appTokens, []);
  });
});
