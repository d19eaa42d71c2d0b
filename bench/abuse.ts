/**
 * `npm run bench:abuse [-- --db postgres] [--budget 420] [--random N]` (not a test): starts Kotae on a
 * temporary data directory and sends hostile requests to every route the express app has (read from its
 * routers, bench/abuse-routes.ts): each route × each hostile query, each `:param` × hostile ids and, for
 * POST, each hostile body (bench/abuse-cases.ts), as admin with its CSRF token, admin without it, a
 * wrong role (staff, operator) and signed out. After every refused POST (4xx) it checks that no row was
 * written. Then the raw-socket cases (bench/abuse-raw.ts: bodies that stop arriving, CONNECT, TRACE, no Host,
 * an unknown Expect, slow headers), each with the status it must get. Always prints its figures
 * (bench/abuse-figures.ts; also when cut by the time budget or a crash) and exits 1 on any 5xx, hang, crash,
 * half-written row, raw case answered otherwise or an incomplete run.
 */
import { signInConsole } from '../test/helpers/console-client';
import { createTestDatabase, postgresServer, stopPostgresServer } from '../test/helpers/postgres';
import { startApp, type RunningApp } from '../test/helpers/start-app';
import { bodyCases, PARAM_VALUES, queryCases, TEXTS, type AbuseCase } from './abuse-cases';
import { routesOf, type RouteSpec } from './abuse-routes';
import { addRawResults, newFigures, printFigures } from './abuse-figures';
import { runRawCases } from './abuse-raw';
import { runAuditTamperCases } from './audit-tamper';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? String(args[i + 1]) : fallback;
};
const DB = option('db', 'sqlite');
const BUDGET_S = Number(option('budget', '420'));
const REQUEST_TIMEOUT_MS = Number(option('request-timeout', '30')) * 1000;
const RANDOM = Number(option('random', '600'));
const PER_ROUTE = Number(option('per-route', '24'));
const PARAMS = Number(option('params', '12'));
const PASSWORD = 'bench-abuse-password-7Qx';

/** Routes only mounted as middleware (not listed by the routers) and paths no route has. */
const EXTRA_ROUTES: RouteSpec[] = [
  { method: 'GET', path: '/metrics' },
  { method: 'GET', path: '/kb/manuals/network-guide.html' },
  { method: 'GET', path: '/kb/..%2F..%2Fpackage.json' },
  { method: 'GET', path: '/kb/%2e%2e/%2e%2e/etc/passwd' },
  { method: 'GET', path: '/static/chat.js' },
  { method: 'GET', path: '/static/..%2F..%2F..%2Fpackage.json' },
  { method: 'POST', path: '/api/logo/events' },
  { method: 'GET', path: '/auth/signin' },
  { method: 'GET', path: '/auth/callback' },
  { method: 'GET', path: '/api/no-such-route' },
  { method: 'GET', path: '/console/no-such-page' },
];

/** %-encodes a text for a path; lone surrogates become the bytes of an (invalid) UTF-8 surrogate. */
function asPathSegment(t: string): string {
  return t
    .replace(/[\ud800-\udfff]/g, '\u0000')
    .split('\u0000')
    .map(encodeURIComponent)
    .join('%ED%A0%80');
}

/** Deterministic pseudo-random numbers (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Identity {
  name: 'admin' | 'operator' | 'staff' | 'anonymous';
  cookie?: string;
  csrf?: string;
}

/** One request to send. */
interface Planned {
  route: RouteSpec;
  path: string;
  kase: AbuseCase;
  who: Identity['name'];
}

/** What is printed at the end, filled in as the run goes. */
const figures = newFigures(DB);
let printed = false;

function print(): void {
  if (printed) return;
  printed = true;
  if (printFigures(figures)) process.exitCode = 1;
}

const crash = (what: string) => (e: unknown) => {
  figures.crashes++;
  if (figures.crashSamples.length < 10)
    figures.crashSamples.push(`${what}: ${e instanceof Error ? e.stack : String(e)}`);
};
process.on('uncaughtException', crash('uncaughtException'));
process.on('unhandledRejection', crash('unhandledRejection'));
// Nothing may end the process quietly (as a wait on an unref'd handle once did): no figures is a failure.
process.on('exit', () => {
  if (printed) return;
  figures.incomplete ||= 'the process ended before the run finished (event loop drained or process.exit)';
  print();
  process.exitCode = 1;
});

function plan(routes: RouteSpec[]): Planned[] {
  const bodies = bodyCases();
  const queries = queryCases();
  const who: Identity['name'][] = ['admin', 'admin', 'admin', 'operator', 'staff', 'admin', 'anonymous', 'admin'];
  let turn = 0;
  const next = () => who[turn++ % who.length] as Identity['name'];
  // Each route gets PER_ROUTE bodies and PARAMS ids, rotating through the lists: every case reaches many
  // routes and the run stays a few minutes on a loaded machine (all of them, `--per-route 999`).
  let bodyTurn = 0;
  let paramTurn = 0;
  const rotate = <T>(xs: readonly T[], n: number, from: number): T[] =>
    Array.from({ length: Math.min(n, xs.length) }, (_, i) => xs[(from + i) % xs.length] as T);
  const out: Planned[] = [];
  const benign: AbuseCase = {
    name: 'benignForm',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'title=件名&note=メモ',
  };
  for (const route of routes) {
    const sample = route.path.replace(/:(\w+)/g, (_m, name: string) =>
      name === 'kind' ? 'monthly' : name === 'period' ? '2026-11' : '1',
    );
    let cases = queries;
    if (route.method === 'POST') {
      cases = [...rotate(bodies, PER_ROUTE, bodyTurn), ...rotate(queries, 2, bodyTurn)];
      bodyTurn += PER_ROUTE;
    }
    for (const kase of cases) out.push({ route, path: sample, kase, who: next() });
    if (route.path.includes(':')) {
      const values = rotate(PARAM_VALUES, PARAMS, paramTurn);
      paramTurn += PARAMS;
      values.forEach((value, i) => {
        const path = route.path.replace(/:(\w+)/g, value);
        const kase = route.method === 'POST' ? benign : { name: 'param' };
        out.push({ route, path, kase, who: i === 0 ? 'anonymous' : next() });
      });
    }
  }
  const random = seeded(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  for (let i = 0; i < RANDOM; i++) {
    const route = pick(routes);
    const value = pick([...PARAM_VALUES, asPathSegment(pick(TEXTS).slice(0, 200))]);
    const kase = route.method === 'POST' ? pick(bodies) : pick(queries);
    out.push({ route, path: route.path.replace(/:(\w+)/g, value), kase, who: pick(who) });
  }
  return out;
}

async function signIn(url: string, username: string, password: string): Promise<Identity> {
  const s = await signInConsole(url, username, password);
  const page = await s.get('/console/tickets');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
  if (!csrf) throw new Error(`no CSRF token on the console page for ${username} (${page.status})`);
  return { name: username.replace(/1$/, '') as Identity['name'], cookie: s.cookie, csrf };
}

/** Row counts of every table but those a refused request may legitimately write (audit, limits, sessions). */
async function rowCounts(kotae: RunningApp): Promise<() => Promise<Record<string, number>>> {
  const skip = new Set(['audit_log', 'rate_limit', 'session', 'web_session', 'job_run', 'job_lease', 'alert_state']);
  const tables = kotae.app.dataSource.entityMetadatas.map((m) => m.tableName).filter((t) => !skip.has(t));
  const sql = `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(', ')}`;
  return async () => {
    const [row] = (await kotae.app.dataSource.query(sql)) as Record<string, number | string>[];
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
  };
}

async function start(): Promise<RunningApp> {
  const env: Record<string, string> = {
    KOTAE_ADMIN_PASSWORD: PASSWORD,
    // Every request comes from one address: the per-IP limits would answer 429 to most of them.
    KOTAE_RATE_API_IP: 'off',
    KOTAE_RATE_API_CONVERSATION: 'off',
    KOTAE_RATE_UPLOAD: 'off',
    // The hostile sign-in bodies use up the per-address sign-in limit: the bench's own sign-ins would get 429.
    KOTAE_RATE_SIGNIN_IP: 'off',
  };
  if (DB === 'postgres') {
    const pg = await postgresServer();
    Object.assign(env, {
      KOTAE_DB: 'postgres',
      KOTAE_PG_HOST: pg.host,
      KOTAE_PG_PORT: String(pg.port),
      KOTAE_PG_USER: pg.user,
      KOTAE_PG_PASSWORD: pg.password,
      KOTAE_PG_DATABASE: await createTestDatabase(pg),
    });
  } else if (DB !== 'sqlite') throw new Error(`--db must be sqlite or postgres, not ${DB}`);
  return startApp(env);
}

async function send(
  url: string,
  p: Planned,
  id: Identity,
): Promise<{ status: number; text: string; location: string }> {
  const headers: Record<string, string> = { ...p.kase.headers };
  if (id.cookie) headers.cookie = id.cookie;
  if (id.csrf && !p.kase.noCsrf) headers['x-csrf-token'] = id.csrf;
  const path = p.kase.path ? p.kase.path(p.path) : p.path;
  const method = p.kase.method ?? p.route.method;
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    body: method === 'POST' || method === 'PUT' ? ((p.kase.body ?? '') as BodyInit) : undefined,
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  // A stream (the console's server-sent events) never ends: its headers are the answer.
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, text: '', location: '' };
  }
  const text = await res.text();
  return { status: res.status, text: text.slice(0, 4000), location: res.headers.get('location') ?? '' };
}

async function run(): Promise<void> {
  const started = performance.now();
  const deadline = started + BUDGET_S * 1000;
  const rss = setInterval(() => {
    figures.maxRssMb = Math.max(figures.maxRssMb, Math.round(process.memoryUsage().rss / 1e6));
  }, 250);
  const kotae = await start();
  try {
    for (const role of ['staff', 'operator'] as const)
      await kotae.app.operators.accounts.create(
        { username: `${role}1`, displayName: role, role, password: PASSWORD },
        'bench',
      );
    const fromRouters = routesOf(kotae.app.web);
    const routes = [...fromRouters, ...EXTRA_ROUTES];
    figures.routesFromRouters = fromRouters.length;
    figures.routes = routes.length;
    const ids: Record<Identity['name'], Identity> = {
      admin: await signIn(kotae.url, 'admin', PASSWORD),
      operator: await signIn(kotae.url, 'operator1', PASSWORD),
      staff: await signIn(kotae.url, 'staff1', PASSWORD),
      anonymous: { name: 'anonymous' },
    };
    const counts = await rowCounts(kotae);
    const requests = plan(routes);
    figures.planned = requests.length;
    const failures = new Map<string, number>();
    const nonJapanese = new Map<string, number>();
    let before = await counts();
    let errorLines = 0;
    for (const p of requests) {
      if (performance.now() > deadline) {
        figures.incomplete = `time budget of ${BUDGET_S} s spent after ${figures.requests} of ${requests.length} requests`;
        break;
      }
      const label = `${p.route.method} ${p.path.slice(0, 120)} [${p.kase.name}] as ${p.who}`;
      let status = 0;
      let text = '';
      let location = '';
      try {
        ({ status, text, location } = await send(kotae.url, p, ids[p.who]));
      } catch (err) {
        const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
        if (timedOut) {
          figures.hangs++;
          if (figures.hangSamples.length < 10) figures.hangSamples.push(label);
        } else {
          // The server closed the connection (e.g. after answering 413 to a body still being sent).
          figures.connectionErrors++;
          const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
          if (figures.connectionErrorSamples.length < 10) figures.connectionErrorSamples.push(`${label}: ${cause}`);
        }
      }
      figures.requests++;
      const cls = status === 0 ? 'none' : `${Math.floor(status / 100)}xx`;
      figures.byClass[cls] = (figures.byClass[cls] ?? 0) + 1;
      if (status >= 500) {
        figures.fiveXx++;
        const key = `${status} ${p.route.method} ${p.route.path} ${p.kase.name}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
        const logged = kotae.logger.lines.slice(errorLines).find((l) => l.level === 'error');
        if (figures.fiveXxSamples.length < 30)
          figures.fiveXxSamples.push(`${status} ${label}: ${JSON.stringify(logged?.fields ?? text.slice(0, 300))}`);
      }
      errorLines = kotae.logger.lines.length;
      if (status >= 400 && status < 500 && text && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(text)) {
        figures.non4xxJapanese++;
        const key = `${status} ${p.route.method} ${p.route.path}: ${text.slice(0, 80)}`;
        nonJapanese.set(key, (nonJapanese.get(key) ?? 0) + 1);
      }
      if (p.route.method === 'POST') {
        const after = await counts();
        if (status >= 400 && status < 500) {
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          if (changed.length > 0) {
            figures.halfWrites++;
            if (figures.halfWriteSamples.length < 20)
              figures.halfWriteSamples.push(
                `${status} ${label}: ${changed.map((t) => `${t} ${before[t]}→${after[t]}`).join(', ')}`,
              );
          }
        }
        before = after;
      }
      // A request may end a session (sign-out, a role change): sign in again.
      if (p.who !== 'anonymous' && (location.endsWith('/signin') || p.route.path === '/console/signout')) {
        const who = p.who === 'admin' ? 'admin' : `${p.who}1`;
        ids[p.who] = await signIn(kotae.url, who, PASSWORD).catch(() => ids[p.who]);
      }
    }
    figures.worst = [...failures].sort((a, b) => b[1] - a[1]).slice(0, 15);
    figures.nonJapaneseSamples = [...nonJapanese]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${n} × ${k}`)
      .slice(0, 15);
    // The raw-socket cases last: the stalled ones hold their connection for the body idle window (10 s).
    // A fresh account: the hostile forms (posted with the admin's token) may have changed the admin's password.
    await kotae.app.operators.accounts.create(
      { username: 'raw1', displayName: 'raw', role: 'admin', password: PASSWORD },
      'bench',
    );
    const raw = await signIn(kotae.url, 'raw1', PASSWORD);
    const auth = { cookie: raw.cookie ?? '', csrf: raw.csrf ?? '' };
    addRawResults(figures, await runRawCases(kotae.url, auth, REQUEST_TIMEOUT_MS + 15_000));
    figures.seconds = Math.round((performance.now() - started) / 100) / 10;
    figures.healthAfter = (
      await fetch(`${kotae.url}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    ).status;
  } finally {
    figures.seconds ||= Math.round((performance.now() - started) / 100) / 10;
    await kotae.stop();
    if (DB === 'postgres') stopPostgresServer();
    clearInterval(rss);
  }
  const tamper = await runAuditTamperCases();
  figures.auditTamperCases = `${tamper.filter((t) => t.detected).length}/${tamper.length} detected`;
}

// A ref'd watchdog: the run cannot hang past its budget plus start-up and shutdown, and always prints.
const watchdog = setTimeout(
  () => {
    figures.incomplete ||= `watchdog: still running ${BUDGET_S + 300} s after the start`;
    print();
    process.exit(1);
  },
  (BUDGET_S + 300) * 1000,
);

run()
  .catch((err: unknown) => {
    figures.incomplete ||= `the run failed: ${err instanceof Error ? err.message : String(err)}`;
    crash('run')(err);
  })
  .finally(() => {
    clearTimeout(watchdog);
    print();
  });
