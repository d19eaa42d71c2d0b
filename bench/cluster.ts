/**
 * `npm run bench:cluster [-- --duration S] [--connections N] [--kill-at S] [--restart-after S]`
 * (a benchmark, not a test): two Kotae instances (`node bin/kotae.js serve`, the compiled build) on one
 * PostgreSQL database (the throw-away cluster of the tests, test/helpers/postgres.ts) behind a small
 * loopback reverse proxy (node http, round robin, a request retried on the other instance when the
 * connection fails). N connections (default 64) run a mix for S seconds (default 60): ask (70 %),
 * escalate (ask + POST /api/tickets, 15 %), operator reply from the console (15 %). One instance is
 * killed with SIGKILL at --kill-at (default S/2) and started again after --restart-after seconds
 * (default 5). Prints answers/s, p50/p95, errors (and those during the failover), and lost /
 * duplicated tickets and replies, checked in the database afterwards. A reply is posted as the browser
 * posts the console form: with the one-time key of the rendered page, sent again with the same key when
 * the connection fails (the proxy retries too), so a reply the killed instance applied is not doubled.
 * An ask carries an `Idempotency-Key` made for that message, as the web chat sends it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { percentile } from '../adapters/cli/eval-metrics';
import { createTestDatabase, postgresServer, stopPostgresServer } from '../test/helpers/postgres';
import { signInConsole } from '../test/helpers/console-client';
import { childEnv } from './child-env';

const ROOT = path.join(__dirname, '..');
const QUESTIONS = [
  'パスワードを忘れてパソコンにログインできません',
  'VPNにつながりません',
  'プリンタで印刷できません',
  'メールの容量がいっぱいです',
  'アカウントがロックされました',
  'Teamsの会議に参加できません',
];

interface Args {
  duration: number;
  connections: number;
  killAt: number;
  restartAfter: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const duration = get('--duration') ?? 60;
  return {
    duration,
    connections: get('--connections') ?? 64,
    killAt: get('--kill-at') ?? duration / 2,
    restartAfter: get('--restart-after') ?? 5,
  };
}

/** One Kotae instance: its process and URL. */
interface Instance {
  name: string;
  env: Record<string, string>;
  child?: ChildProcess;
  url?: string;
}

async function startInstance(inst: Instance): Promise<void> {
  const child = spawn(process.execPath, ['bin/kotae.js', 'serve'], {
    cwd: ROOT,
    env: childEnv(inst.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/[^\s:]+:(\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`${inst.name} exited (${code}): ${stderr}`)));
  });
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  inst.child = child;
  inst.url = url;
}

/** A round-robin reverse proxy that retries a request on the next instance when the connection fails. */
function startProxy(instances: Instance[]): Promise<{ url: string; close(): void; retried: () => number }> {
  let next = 0;
  let retried = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const forward = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse, tries: number): void => {
    const live = instances.filter((i) => i.url);
    if (live.length === 0 || tries > instances.length + 1) {
      res.writeHead(502).end('no backend');
      return;
    }
    const target = new URL(live[next++ % live.length].url!);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      retried += 1;
      forward(req, body, res, tries + 1);
    });
    upstream.end(body);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, Buffer.concat(chunks), res, 0));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close(), retried: () => retried });
    }),
  );
}

type Op = 'ask' | 'escalate' | 'reply';
interface Sample {
  op: Op;
  at: number;
  ms: number;
  ok: boolean;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const pg = await postgresServer();
  const database = await createTestDatabase(pg);
  const base = {
    PORT: '0',
    KOTAE_DB: 'postgres',
    KOTAE_PG_HOST: pg.host,
    KOTAE_PG_PORT: String(pg.port),
    KOTAE_PG_USER: pg.user,
    KOTAE_PG_PASSWORD: pg.password,
    KOTAE_PG_DATABASE: database,
    KOTAE_KB_DIR: path.join(ROOT, 'sample-kb'),
    KOTAE_ADMIN_PASSWORD: 'bench-admin-password',
    KOTAE_SCHEDULER: 'false',
    // Load comes from one address: the public API's rate limits would answer 429 (as in bench:api).
    KOTAE_RATE_API_IP: 'off',
    KOTAE_RATE_API_CONVERSATION: 'off',
  };
  const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-cluster-')));
  const instances: Instance[] = dirs.map((dir, i) => ({
    name: `kotae-${i + 1}`,
    env: { ...base, KOTAE_DATA_DIR: dir },
  }));
  const proxy = await startProxy(instances);
  try {
    for (const inst of instances) await startInstance(inst);
    const operator = await signInConsole(proxy.url, 'admin', 'bench-admin-password');
    const samples: Sample[] = [];
    const acknowledged = new Map<string, string>(); // marker → ticket number answered to the client
    const replies: string[] = []; // reply markers acknowledged (303)
    const unanswered: string[] = []; // escalations whose response was an error (may or may not exist)
    const started = performance.now();
    const end = started + a.duration * 1000;
    let seq = 0;
    let clientRetries = 0;
    let killedAt = 0;
    let restartedAt = 0;
    const timer = (async () => {
      await new Promise((r) => setTimeout(r, a.killAt * 1000));
      const victim = instances[0];
      victim.url = undefined;
      victim.child?.kill('SIGKILL');
      killedAt = performance.now() - started;
      console.error(`bench:cluster: killed ${victim.name} (kill -9) at ${(killedAt / 1000).toFixed(1)} s`);
      await new Promise((r) => setTimeout(r, a.restartAfter * 1000));
      await startInstance(victim);
      restartedAt = performance.now() - started;
      console.error(`bench:cluster: ${victim.name} serving again at ${(restartedAt / 1000).toFixed(1)} s`);
    })();
    // Why requests failed ("ask 503", "reply network", …), printed with the figures.
    const failures = new Map<string, number>();
    const fail = (why: string) => failures.set(why, (failures.get(why) ?? 0) + 1);
    const timed = async (op: Op, f: () => Promise<boolean>) => {
      const t0 = performance.now();
      const ok = await f().catch((err: unknown) => {
        fail(`${op} ${err instanceof Error ? err.message : String(err)}`);
        return false;
      });
      samples.push({ op, at: t0 - started, ms: performance.now() - t0, ok });
      return ok;
    };
    const ask = async (question: string) => {
      // Like the web chat: one key per message, so a retry by the proxy is answered, not asked again.
      const res = await fetch(`${proxy.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ question, user: { name: '山田 花子', department: '総務課', phone: '内線 1234' } }),
      });
      if (res.status !== 200) fail(`ask ${res.status}`);
      return res.status === 200
        ? ((await res.json()) as { conversationId: string; conversationToken: string })
        : undefined;
    };
    await Promise.all(
      Array.from({ length: a.connections }, async (_, worker) => {
        while (performance.now() < end) {
          const r = Math.random();
          const question = QUESTIONS[(seq++ + worker) % QUESTIONS.length];
          if (r < 0.7) {
            await timed('ask', async () => Boolean(await ask(question)));
          } else if (r < 0.85) {
            const marker = `bench-${worker}-${seq}`;
            await timed('escalate', async () => {
              const asked = await ask(question);
              if (!asked) return false;
              const res = await fetch(`${proxy.url}/api/tickets`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-kotae-conversation-token': asked.conversationToken },
                body: JSON.stringify({
                  conversationId: asked.conversationId,
                  details: `${marker} 朝から接続できません`,
                  user: { name: '山田 花子', department: '総務課', phone: '内線 1234' },
                }),
              }).catch(() => undefined);
              if (res?.status === 201 || res?.status === 200) {
                acknowledged.set(marker, ((await res.json()) as { number: string }).number);
                return true;
              }
              fail(`tickets ${res?.status ?? 'network'}`);
              unanswered.push(marker);
              return false;
            });
          } else {
            const numbers = [...acknowledged.values()];
            if (numbers.length === 0) continue;
            const number = numbers[Math.floor(Math.random() * numbers.length)];
            const marker = `reply-${worker}-${seq}`;
            await timed('reply', async () => {
              // Like a browser: the form's one-time key from the rendered page; the same post sent again
              // (same key) when the connection fails or the proxy answers 502.
              const posted = await operator.post(
                `/console/tickets/${number}/reply`,
                { body: `${marker} 対応しました。` },
                `/console/tickets/${number}`,
                { retries: 3 },
              );
              if (posted.attempts > 1) clientRetries += posted.attempts - 1;
              if (posted.status !== 303) {
                fail(`reply ${posted.status}`);
                return false;
              }
              replies.push(marker);
              return true;
            });
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await timer;
    // What the database holds, against what the clients were told.
    const db = new Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database });
    await db.connect();
    const ticketRows = (await db.query(`SELECT "number", "details" FROM "ticket" WHERE "details" LIKE 'bench-%'`))
      .rows as { number: string; details: string }[];
    const commentRows = (await db.query(`SELECT "body" FROM "ticket_comment" WHERE "body" LIKE '%reply-%'`)).rows as {
      body: string;
    }[];
    await db.end();
    const byMarker = new Map<string, number>();
    for (const t of ticketRows) {
      const m = /^bench-\d+-\d+/.exec(t.details)?.[0] ?? '';
      byMarker.set(m, (byMarker.get(m) ?? 0) + 1);
    }
    const lostTickets = [...acknowledged.keys()].filter((m) => !byMarker.has(m)).length;
    const duplicatedTickets = [...byMarker.values()].filter((n) => n > 1).length;
    const unansweredCreated = unanswered.filter((m) => byMarker.has(m)).length;
    const replyCount = new Map<string, number>();
    for (const c of commentRows) {
      const m = /reply-\d+-\d+/.exec(c.body)?.[0] ?? '';
      replyCount.set(m, (replyCount.get(m) ?? 0) + 1);
    }
    const asks = samples
      .filter((s) => s.op === 'ask' && s.ok)
      .map((s) => s.ms)
      .sort((x, y) => x - y);
    const window = (s: Sample) => s.at >= killedAt && s.at <= (restartedAt || killedAt) + 10_000;
    const result = {
      instances: 2,
      connections: a.connections,
      duration_s: Number(seconds.toFixed(1)),
      killed_at_s: Number((killedAt / 1000).toFixed(1)),
      restarted_at_s: Number((restartedAt / 1000).toFixed(1)),
      answers_per_s: Math.round(asks.length / seconds),
      ask_p50_ms: Number(percentile(asks, 50).toFixed(1)),
      ask_p95_ms: Number(percentile(asks, 95).toFixed(1)),
      operations: {
        ask: samples.filter((s) => s.op === 'ask').length,
        escalate: samples.filter((s) => s.op === 'escalate').length,
        reply: samples.filter((s) => s.op === 'reply').length,
      },
      errors: samples.filter((s) => !s.ok).length,
      failures: Object.fromEntries(failures),
      errors_during_failover: samples.filter((s) => !s.ok && window(s)).length,
      proxy_retries: proxy.retried(),
      client_reply_retries: clientRetries,
      tickets_acknowledged: acknowledged.size,
      tickets_lost: lostTickets,
      tickets_duplicated: duplicatedTickets,
      escalations_failed_but_created: unansweredCreated,
      replies_acknowledged: replies.length,
      replies_lost: replies.filter((m) => !replyCount.has(m)).length,
      replies_duplicated: [...replyCount.values()].filter((n) => n > 1).length,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    for (const inst of instances) inst.child?.kill('SIGTERM');
    proxy.close();
    await new Promise((r) => setTimeout(r, 1000));
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    stopPostgresServer();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
