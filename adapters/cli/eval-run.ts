/**
 * Runs the queries of an evaluation set against a knowledge base and aggregates the metrics.
 */
import { performance } from 'node:perf_hooks';
import type { ExplainedRetrieval } from '../../knowledge';
import type { EvalDataset } from './eval-dataset';
import { mrrAt, ndcgAt, percentile, recallAt } from './eval-metrics';

/** Something that answers queries with explained retrievals. */
export interface EvalTarget {
  searchExplained(query: string, k: number): Promise<ExplainedRetrieval>;
}

/** Aggregated ranking metrics of one run. */
export interface RankingMetrics {
  queries: number;
  'ndcg@10': number;
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  'mrr@10': number;
  latency_ms: { p50: number; p95: number };
}

/** One query's outcome, kept for the abstention analysis. */
export interface QueryResult {
  id: string;
  ranked: string[];
  retrieval: ExplainedRetrieval;
}

/** Searches every judged query; ndcg/recall/mrr use `k` (10 unless told). */
export async function runRanking(
  target: EvalTarget,
  data: EvalDataset,
  k = 10,
): Promise<{ metrics: RankingMetrics; results: QueryResult[] }> {
  const ids = Object.keys(data.qrels).filter((id) => data.queries[id] !== undefined);
  const results: QueryResult[] = [];
  const latencies: number[] = [];
  const sums = { ndcg: 0, r1: 0, r5: 0, r10: 0, mrr: 0 };
  for (const id of ids) {
    const start = performance.now();
    const retrieval = await target.searchExplained(data.queries[id], Math.max(k, 10));
    latencies.push(performance.now() - start);
    const ranked = [...new Set(retrieval.hits.map((h) => h.chunk.documentId))];
    const j = data.qrels[id];
    sums.ndcg += ndcgAt(ranked, j, k);
    sums.r1 += recallAt(ranked, j, 1);
    sums.r5 += recallAt(ranked, j, 5);
    sums.r10 += recallAt(ranked, j, k);
    sums.mrr += mrrAt(ranked, j, k);
    results.push({ id, ranked, retrieval });
  }
  const n = Math.max(ids.length, 1);
  const metrics: RankingMetrics = {
    queries: ids.length,
    'ndcg@10': round(sums.ndcg / n),
    'recall@1': round(sums.r1 / n),
    'recall@5': round(sums.r5 / n),
    'recall@10': round(sums.r10 / n),
    'mrr@10': round(sums.mrr / n),
    latency_ms: { p50: round(percentile(latencies, 50), 2), p95: round(percentile(latencies, 95), 2) },
  };
  return { metrics, results };
}

/** Rounds for reports. */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
