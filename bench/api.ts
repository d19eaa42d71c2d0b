/**
 * `npm run bench:api` (not a test): starts Kotae on the bundled sample knowledge base in a temporary
 * data directory and asks the FAQ's alternate phrasings (indexed), staff-style phrasings that are not in the
 * knowledge base (bench/unseen-questions.json) and out-of-scope questions through
 * POST /api/ask with a few concurrent clients. Prints latency, throughput and outcome shares.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { startApp } from '../test/helpers/start-app';

const CONCURRENCY = Number(process.argv[2] ?? 4);
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const rows = parse(fs.readFileSync(path.join(__dirname, '..', 'sample-kb', 'faq.csv')), {
    columns: true,
    bom: true,
  }) as { id: string; alternate_questions: string }[];
  const inScope = rows
    .flatMap((r) => r.alternate_questions.split('|').map((q) => ({ q: q.trim(), id: r.id })))
    .filter((x) => x.q);
  const unseen = (
    JSON.parse(fs.readFileSync(path.join(__dirname, 'unseen-questions.json'), 'utf8')) as {
      questions: { q: string; faq: string }[];
    }
  ).questions.map((x) => ({ q: x.q, id: x.faq }));
  const kotae = await startApp();
  try {
    const jobs = [
      ...inScope.map((x) => ({ ...x, scope: 'in' as const })),
      ...unseen.map((x) => ({ ...x, scope: 'unseen' as const })),
      ...OUT_OF_SCOPE.map((q) => ({ q, id: '', scope: 'out' as const })),
    ];
    const latencies: number[] = [];
    const outcomes = {
      in: { answered: 0, clarify: 0, no_answer: 0, top1: 0 },
      unseen: { answered: 0, clarify: 0, no_answer: 0, top1: 0 },
      out: { answered: 0, clarify: 0, no_answer: 0, top1: 0 },
    };
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          const t0 = performance.now();
          const res = await fetch(`${kotae.url}/api/ask`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ question: job.q }),
          });
          const body = (await res.json()) as {
            outcome: 'answered' | 'clarify' | 'no_answer';
            sources: { url?: string }[];
          };
          latencies.push(performance.now() - t0);
          outcomes[job.scope][body.outcome] += 1;
          // The FAQ that answers it is the top source of an answer, or among the clarify candidates.
          const offered = body.outcome === 'answered' ? body.sources.slice(0, 1) : body.sources;
          if (job.id && body.outcome !== 'no_answer' && offered.some((s) => s.url?.endsWith(job.id)))
            outcomes[job.scope].top1 += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const share = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
    console.log(
      JSON.stringify(
        {
          questions: jobs.length,
          concurrency: CONCURRENCY,
          throughput_per_s: Number((jobs.length / seconds).toFixed(1)),
          latency_ms: {
            p50: Number(percentile(latencies, 50).toFixed(1)),
            p95: Number(percentile(latencies, 95).toFixed(1)),
            max: Number(latencies.at(-1)!.toFixed(1)),
          },
          in_scope: {
            n: inScope.length,
            answered: share(outcomes.in.answered, inScope.length),
            its_faq_answered_or_offered: share(outcomes.in.top1, inScope.length),
            clarify: share(outcomes.in.clarify, inScope.length),
            no_answer: share(outcomes.in.no_answer, inScope.length),
          },
          unseen_phrasings: {
            n: unseen.length,
            answered: share(outcomes.unseen.answered, unseen.length),
            clarify: share(outcomes.unseen.clarify, unseen.length),
            no_answer: share(outcomes.unseen.no_answer, unseen.length),
            its_faq_answered_or_offered: share(outcomes.unseen.top1, unseen.length),
          },
          out_of_scope: {
            n: OUT_OF_SCOPE.length,
            answered: outcomes.out.answered,
            clarify: outcomes.out.clarify,
            no_answer: outcomes.out.no_answer,
          },
          rss_mb: Math.round(process.memoryUsage().rss / 1e6),
        },
        null,
        2,
      ),
    );
  } finally {
    await kotae.stop();
  }
}

void main();
