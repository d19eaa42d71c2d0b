/**
 * `npm run bench:abuse [N]` (not a test): starts Kotae on a temporary data directory and sends N
 * hostile requests (bad %-encoding, NUL and lone surrogates, broken or unknown Content-Encoding,
 * oversized and malformed bodies, wrong types, absurd dates) over every route, signed out and as
 * admin. Prints the count per status class, 5xx (target 0), crashes (target 0) and the max RSS.
 */
import zlib from 'node:zlib';
import { signInConsole } from '../test/helpers/console-client';
import { startApp } from '../test/helpers/start-app';
import { runAuditTamperCases } from './audit-tamper';

const N = Number(process.argv[2] ?? 2000);

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

const ROUTES: Array<[string, string]> = [
  ['GET', '/'],
  ['GET', '/healthz'],
  ['GET', '/privacy'],
  ['GET', '/terms'],
  ['GET', '/kb/manuals/network-guide.html'],
  ['GET', '/api/conversations/ID/messages'],
  ['POST', '/api/ask'],
  ['POST', '/api/tickets'],
  ['POST', '/api/feedback'],
  ['POST', '/api/messages'],
  ['GET', '/console/'],
  ['GET', '/console/tickets'],
  ['GET', '/console/tickets/HD-2026-000001'],
  ['POST', '/console/tickets'],
  ['POST', '/console/tickets/HD-2026-000001/comments'],
  ['GET', '/console/worklogs'],
  ['POST', '/console/worklogs'],
  ['GET', '/console/faqs'],
  ['POST', '/console/faqs'],
  ['GET', '/console/reports'],
  ['POST', '/console/reports'],
  ['POST', '/console/signin'],
  ['GET', '/console/accounts'],
  ['POST', '/console/accounts'],
  ['GET', '/console/audit'],
];

const TEXTS = [
  'パスワード\u0000を忘れました',
  'VPN\ud800がつながらない',
  '\udc00\u0001\u0002',
  'あ'.repeat(100_000),
  '%E0%A4%A',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '0000-01-01T00:00',
  '99999-12-31T25:61',
  '',
];

type Mutation = (text: string) => { path?: (p: string) => string; headers?: Record<string, string>; body?: BodyInit };

const MUTATIONS: Record<string, Mutation> = {
  badPercent: () => ({ path: (p) => `${p}/%E0%A4%A` }),
  badPercentQuery: () => ({ path: (p) => `${p}?since=%FF%FE&from=%` }),
  arrayQuery: () => ({ path: (p) => `${p}?since[]=1&from[a]=2&to=0000-00-00` }),
  jsonText: (t) => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question: t, conversationId: t, details: t, comment: t, resolved: t, user: { name: t } }),
  }),
  jsonWrongTypes: () => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question: 42, conversationId: ['x'], details: { a: 1 }, resolved: 'yes', user: 'x' }),
  }),
  jsonMalformed: () => ({ headers: { 'content-type': 'application/json' }, body: '{"question": "a",' }),
  jsonDeep: () => ({ headers: { 'content-type': 'application/json' }, body: '['.repeat(5000) + ']'.repeat(5000) }),
  formText: (t) => ({
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      title: t,
      details: t,
      body: t,
      content: t,
      startedAt: t,
      endedAt: '0000-01-01T00:00',
      question: t,
      answer: t,
      username: t,
      password: t,
    }).toString(),
  }),
  formMalformed: () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '%%%=%E0&a' }),
  oversized: () => ({
    headers: { 'content-type': 'application/json' },
    body: `{"question":"${'x'.repeat(1_500_000)}"}`,
  }),
  gzipJunk: () => ({ headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'not gzip' }),
  gzipBomb: () => ({
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: new Blob([new Uint8Array(zlib.gzipSync(`{"question":"${'a'.repeat(5_000_000)}"}`))]),
  }),
  unknownEncoding: () => ({
    headers: { 'content-type': 'application/json', 'content-encoding': 'zstd-9' },
    body: '{}',
  }),
  wrongCharset: () => ({ headers: { 'content-type': 'application/json; charset=x-unknown' }, body: '{}' }),
  oddContentType: () => ({ headers: { 'content-type': 'text/plain' }, body: 'question=hello' }),
};

async function main(): Promise<void> {
  const crashes: string[] = [];
  process.on('uncaughtException', (e) => crashes.push(String(e)));
  process.on('unhandledRejection', (e) => crashes.push(String(e)));
  const kotae = await startApp();
  const admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
  const random = seeded(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const byClass: Record<string, number> = {};
  const failures = new Map<string, number>();
  let maxRss = process.memoryUsage().rss;
  const started = performance.now();
  for (let i = 0; i < N; i++) {
    const [method, route] = pick(ROUTES);
    const name = pick(Object.keys(MUTATIONS));
    const m = (MUTATIONS[name] as Mutation)(pick(TEXTS));
    const path = m.path ? m.path(route) : route;
    const headers: Record<string, string> = { ...m.headers };
    if (random() < 0.5) headers.cookie = admin.cookie;
    let status: number;
    try {
      const res = await fetch(`${kotae.url}${path}`, {
        method,
        headers,
        body: method === 'POST' ? m.body : undefined,
        redirect: 'manual',
      });
      await res.arrayBuffer();
      status = res.status;
    } catch (err) {
      status = 0;
      crashes.push(`request failed: ${method} ${path} ${name}: ${String(err)}`);
    }
    const cls = status === 0 ? 'none' : `${Math.floor(status / 100)}xx`;
    byClass[cls] = (byClass[cls] ?? 0) + 1;
    if (status >= 500) {
      const key = `${status} ${method} ${route} ${name}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
    maxRss = Math.max(maxRss, process.memoryUsage().rss);
  }
  const health = await fetch(`${kotae.url}/healthz`);
  await kotae.stop();
  const tamper = await runAuditTamperCases();
  const fiveXx = Object.entries(byClass)
    .filter(([k]) => k === '5xx')
    .reduce((n, [, v]) => n + v, 0);
  console.log(
    JSON.stringify(
      {
        requests: N,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        byClass,
        fiveXx,
        crashes: crashes.length,
        healthAfter: health.status,
        maxRssMb: Math.round(maxRss / 1e6),
        worst: [...failures].sort((a, b) => b[1] - a[1]).slice(0, 10),
        crashSamples: crashes.slice(0, 5),
        auditTamperCases: `${tamper.filter((t) => t.detected).length}/${tamper.length} detected`,
        auditTamper: tamper,
      },
      null,
      2,
    ),
  );
}

void main();
