/** Every console route × every role (and signed out): the server decides, never the page. */
import assert from 'node:assert/strict';
import { CONSOLE_ROUTES } from '../../../../../adapters/web/console';
import type { OperatorRole } from '../../../../../tickets';
import { startConsole, type ConsoleHarness, type Session } from './console-harness';
import { REQUESTS } from './console-route-requests';

type Who = OperatorRole | 'signed_out';

/**
 * Who meets each requirement, written out here rather than computed with hasRole: staff < operator < admin,
 * and the auditor beside operator (it meets `staff` and `auditor` only; an operator never meets `auditor`).
 */
const MEETS: Record<OperatorRole, readonly OperatorRole[]> = {
  staff: ['staff', 'operator', 'auditor', 'admin'],
  operator: ['operator', 'admin'],
  auditor: ['auditor', 'admin'],
  admin: ['admin'],
};

/**
 * Expected status: signed out → 302 to sign-in; a role that does not meet the route's → 403; else 200 (GET),
 * 302 (GET / for operators, auditors and admins) or 303 (POST).
 */
function expected(route: (typeof CONSOLE_ROUTES)[number], who: Who): number {
  if (who === 'signed_out') return 302;
  if (!MEETS[route.role].includes(who)) return 403;
  if (route.method === 'post') return 303;
  if (route.path === '/' && who !== 'staff') return 302;
  return 200;
}

/** What an auditor may open, listed by hand: every other route refuses it. */
const AUDITOR_ROUTES = [
  'get /',
  'get /audit',
  'get /certificates',
  'get /certificates/:id',
  'get /certificates/:id/pdf',
  'get /certificates/:id/xlsx',
  'get /quarantine',
  'get /account/password',
  'post /account/password',
  'post /signout',
];

describe('console authorization matrix', () => {
  let h: ConsoleHarness;
  before(async () => {
    h = await startConsole();
  });
  after(() => h.close());

  it('has a request for every route and no stale entries', () => {
    assert.deepEqual(CONSOLE_ROUTES.map((r) => `${r.method} ${r.path}`).sort(), Object.keys(REQUESTS).sort());
  });

  it('admits an auditor to the audit log, the certificates, the quarantined files, its own password and sign-out only', () => {
    const open = CONSOLE_ROUTES.filter((r) => expected(r, 'auditor') !== 403).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(open.sort(), [...AUDITOR_ROUTES].sort());
  });

  for (const who of ['signed_out', 'staff', 'operator', 'auditor', 'admin'] as const) {
    it(`enforces every route for ${who}`, async () => {
      const failures: string[] = [];
      for (const route of CONSOLE_ROUTES) {
        const key = `${route.method} ${route.path}`;
        const prepared = await REQUESTS[key](h);
        const session: Session | undefined = who === 'signed_out' ? undefined : await h.sessionFor(who);
        const head = (await h.audit.recent(1))[0]?.seq ?? 0;
        const res = await h.request(route.method === 'get' ? 'GET' : 'POST', `/console${prepared.path}`, {
          session,
          form: prepared.form,
          files: prepared.files,
        });
        const actor = who === 'signed_out' ? undefined : h.users[who];
        const written = (await h.audit.recent(50)).filter((r) => r.seq > head && r.actor === actor);
        await prepared.after?.();
        const want = expected(route, who);
        // A refusal changes nothing: a refused write leaves its `auth.denied` row only, a refused page view none.
        const refusal = route.method === 'post' ? [`auth.denied /console${route.path}`] : [];
        const audited = written.map((r) => `${r.action} ${String(r.detail?.route)}`);
        if (want === 403 && audited.join() !== refusal.join()) failures.push(`${key}: audited ${audited.join()}`);
        if (res.status !== want)
          failures.push(`${key}: ${res.status} != ${want} ${res.text.match(/role="alert">([^<]*)/)?.[1] ?? ''}`);
        if (who === 'signed_out' && !res.location.endsWith('/console/signin'))
          failures.push(`${key}: location ${res.location}`);
        if (want === 403 && !res.text.includes('この操作を行う権限がありません。'))
          failures.push(`${key}: no Japanese 403 message`);
      }
      assert.deepEqual(failures, []);
    });
  }
});
