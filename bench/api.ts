/**
 * `npm run bench:api [connections=16] [--duration S] [--answers FILE] [--cpu-prof DIR]` (a benchmark, not a test):
 * starts Kotae as `npm start` does (`node bin/kotae.js serve`, the compiled build) on the bundled sample
 * knowledge base in a temporary data directory, and measures POST /api/ask over real HTTP.
 * 1. Outcome shares: the FAQ's alternate phrasings (indexed), staff-style phrasings that are not in the
 *    knowledge base (bench/unseen-questions.json) and out-of-scope questions, each asked once
 *    (`--answers FILE` writes every answer, to check that a change leaves them identical).
 * 2. Throughput: autocannon at `connections` for `--duration` seconds over the same questions, against
 *    Kotae and, in the same run, against a bare express 5 server that parses the same JSON; prints
 *    answers/s, p50/p95 and the ratio. RSS of the server at idle (after start) and after the load.
 *    `--cpu-prof DIR` writes the server's V8 CPU profile (node --cpu-prof) into DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { percentile } from '../adapters/cli/eval-metrics';
import { childEnv } from './child-env';

const ROOT = path.join(__dirname, '..');
const OUT_OF_SCOPE = [
  '明日の天気は？',
  'カレーの作り方を教えて',
  'おすすめの映画は？',
  '今日のランチどこがいい？',
  '住民票の写しを取りたい',
  '株価の見通しは？',
  '旅行のおすすめを教えて',
  '占いをして',
];

/** One question and the FAQ that answers it ('' when none does). */
interface AskJob {
  q: string;
  id: string;
  scope: 'in' | 'unseen' | 'out';
}

/** The FAQ's alternate phrasings, the unseen staff phrasings and the out-of-scope questions. */
function questionJobs(): AskJob[] {
  const faq = parse(fs.readFileSync(path.join(ROOT, 'sample-kb', 'faq.csv')), { columns: true, bom: true }) as {
    id: string;
    alternate_questions: string;
  }[];
  const unseen = JSON.parse(fs.readFileSync(path.join(__dirname, 'unseen-questions.json'), 'utf8')) as {
    questions: { q: string; faq: string }[];
  };
  return [
    ...faq.flatMap((r) =>
      r.alternate_questions
        .split('|')
        .map((q) => q.trim())
        .filter((q) => q)
        .map((q) => ({ q, id: r.id, scope: 'in' as const })),
    ),
    ...unseen.questions.map((x) => ({ q: x.q, id: x.faq, scope: 'unseen' as const })),
    ...OUT_OF_SCOPE.map((q) => ({ q, id: '', scope: 'out' as const })),
  ];
}

interface Args {
  connections: number;
  duration: number;
  answersFile?: string;
  cpuProfDir?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { connections: 16, duration: 15 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--duration') args.duration = Number(argv[++i]);
    else if (argv[i] === '--answers') args.answersFile = argv[++i];
    else if (argv[i] === '--cpu-prof') args.cpuProfDir = path.resolve(argv[++i]);
    else args.connections = Number(argv[i]);
  }
  return args;
}

/** A server child process listening on a loopback port. */
interface Served {
  url: string;
  child: ChildProcess;
}

/** Spawns `node <args>` and waits until it prints a loopback URL and answers `ready` with 200. */
async function serve(args: string[], env: Record<string, string>, ready: string): Promise<Served> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/[^\s:]+:(\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
  for (;;) {
    const ok = await fetch(url + ready).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url, child };
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(s: Served): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

/** Resident set size of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonInstance {
  on(event: 'response', cb: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (
  opts: Record<string, unknown>,
  done: (err: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

/** CPU time (user + system) a process has used, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Load at `connections` for `duration` s, cycling through the questions: answers/s, latency, and the
 * server's CPU time per answer (steadier than answers/s on a machine shared with other work).
 */
async function load(server: Served, jobs: readonly AskJob[], a: Args) {
  const url = server.url;
  const pid = server.child.pid!;
  const autocannon = require('autocannon') as Autocannon;
  const latencies: number[] = [];
  const requests = jobs.map((j) => ({
    method: 'POST',
    path: '/api/ask',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question: j.q }),
  }));
  const started = performance.now();
  const cpuBefore = cpuMs(pid);
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon({ url, connections: a.connections, duration: a.duration, requests }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
    instance.on('response', (_c, status, _b, ms) => {
      if (status === 200) latencies.push(ms);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuMs(pid) - cpuBefore;
  latencies.sort((x, y) => x - y);
  return {
    answers_per_s: Math.round(latencies.length / seconds),
    p50_ms: Number(percentile(latencies, 50).toFixed(1)),
    p95_ms: Number(percentile(latencies, 95).toFixed(1)),
    server_cpu_ms_per_answer: Number((cpu / Math.max(1, latencies.length)).toFixed(2)),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

type Outcome = 'answered' | 'tentative' | 'clarify' | 'no_answer';

/** Asks every question once (4 at a time) and counts outcomes; optionally writes the answers. */
async function outcomeShares(url: string, jobs: readonly AskJob[], answersFile?: string) {
  const counts = {
    in: { answered: 0, tentative: 0, clarify: 0, no_answer: 0, found: 0, n: 0 },
    unseen: { answered: 0, tentative: 0, clarify: 0, no_answer: 0, found: 0, n: 0 },
    out: { answered: 0, tentative: 0, clarify: 0, no_answer: 0, found: 0, n: 0 },
  };
  const answers: string[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < jobs.length) {
        const i = next++;
        const job = jobs[i];
        const res = await fetch(`${url}/api/ask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ question: job.q }),
        });
        const body = (await res.json()) as {
          outcome: Outcome;
          answer: string;
          sources: { url?: string; title?: string }[];
          confidence: number;
          choices?: unknown;
        };
        answers[i] = JSON.stringify([job.q, body.outcome, body.answer, body.sources, body.confidence, body.choices]);
        const c = counts[job.scope];
        c.n += 1;
        c[body.outcome] += 1;
        // The FAQ that answers it is the top source of an answer, or among the clarify candidates.
        const offered = body.outcome === 'answered' ? body.sources.slice(0, 1) : body.sources;
        if (job.id && body.outcome !== 'no_answer' && offered.some((s) => s.url?.endsWith(job.id))) c.found += 1;
      }
    }),
  );
  if (answersFile) fs.writeFileSync(answersFile, answers.join('\n') + '\n');
  const share = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
  const shares = (c: (typeof counts)['in']) => ({
    n: c.n,
    answered: share(c.answered, c.n),
    tentative: share(c.tentative, c.n),
    its_faq_answered_or_offered: share(c.found, c.n),
    clarify: share(c.clarify, c.n),
    no_answer: share(c.no_answer, c.n),
  });
  return {
    in_scope: shares(counts.in),
    unseen_phrasings: shares(counts.unseen),
    out_of_scope: {
      n: counts.out.n,
      answered: counts.out.answered,
      tentative: counts.out.tentative,
      clarify: counts.out.clarify,
      no_answer: counts.out.no_answer,
    },
  };
}

/** A bare express 5 server: parses the JSON body and answers a small JSON object. */
const BARE_EXPRESS = `
const express = require('express');
const app = express();
app.use(express.json({ limit: '64kb' }));
app.post('/api/ask', (req, res) => res.json({ outcome: 'no_answer', answer: String(req.body.question).slice(0, 10), sources: [] }));
app.get('/healthz', (_req, res) => res.json({ ok: true }));
const server = app.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const jobs = questionJobs();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-api-'));
  const env = {
    PORT: '0',
    KOTAE_DATA_DIR: dataDir,
    KOTAE_KB_DIR: path.join(ROOT, 'sample-kb'),
    KOTAE_ADMIN_PASSWORD: 'bench-admin-password',
    KOTAE_SCHEDULER: 'false',
    // Throughput is measured from one address: the public API's rate limits would answer 429.
    KOTAE_RATE_API_IP: 'off',
    KOTAE_RATE_API_CONVERSATION: 'off',
  };
  try {
    // The first start ingests the sample knowledge base; the measured start finds the index there.
    await stop(await serve(['bin/kotae.js', 'serve'], env, '/healthz'));
    const t0 = performance.now();
    const profile = args.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${args.cpuProfDir}`] : [];
    const kotae = await serve([...profile, 'bin/kotae.js', 'serve'], env, '/healthz');
    const startMs = Math.round(performance.now() - t0);
    try {
      await new Promise((r) => setTimeout(r, 500));
      const rssIdle = rssMb(kotae.child.pid!);
      const outcomes = await outcomeShares(kotae.url, jobs, args.answersFile);
      const bare = await serve(['-e', BARE_EXPRESS], {}, '/healthz');
      let bareLoad;
      try {
        bareLoad = await load(bare, jobs, args);
      } finally {
        await stop(bare);
      }
      const kotaeLoad = await load(kotae, jobs, args);
      console.log(
        JSON.stringify(
          {
            questions: jobs.length,
            connections: args.connections,
            duration_s: args.duration,
            start_to_healthz_ms: startMs,
            kotae: kotaeLoad,
            bare_express: bareLoad,
            ratio_to_bare_express: Number((kotaeLoad.answers_per_s / bareLoad.answers_per_s).toFixed(3)),
            rss_mb: { idle: rssIdle, after_load: rssMb(kotae.child.pid!) },
            ...outcomes,
          },
          null,
          2,
        ),
      );
    } finally {
      await stop(kotae);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
