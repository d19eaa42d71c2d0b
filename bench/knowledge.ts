/**
 * `npm run bench:knowledge`: builds a knowledge base over 100k synthetic Japanese chunks and
 * prints build time, query latency (p50/p95), RSS and the ANN recall@10 of the hnsw index
 * against exact search over the same vectors. Not a test; run it by hand.
 * Usage: tsx bench/knowledge.ts [chunks=100000] [queries=300]
 */
import { performance } from 'node:perf_hooks';
import { percentile } from '../adapters/cli/eval-metrics';
import {
  buildIndexData,
  createJapaneseAnalyzer,
  createQueryExpander,
  HnswVectorIndex,
  HybridSearcher,
  InMemoryVectorIndex,
} from '../knowledge';
import { syntheticChunks, syntheticQueries } from './synthetic-corpus';

async function main(argv: string[]): Promise<void> {
  const count = Number(argv[0] ?? 100_000);
  const queryCount = Number(argv[1] ?? 300);
  const mb = (): number => Math.round(process.memoryUsage().rss / 2 ** 20);
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, mb());
  }, 100);
  const analyzer = await createJapaneseAnalyzer();
  const chunks = syntheticChunks(count);
  const queries = syntheticQueries(queryCount);
  console.log(`chunks: ${count}, queries: ${queryCount}, rss before build: ${mb()} MB`);
  const start = performance.now();
  let last = 0;
  const built = await buildIndexData(chunks, analyzer, {
    createVectorIndex: (dims) => HnswVectorIndex.create(dims),
    onProgress: (done, total) => {
      if (done - last >= 20_000 || done === total) {
        last = done;
        console.log(`  analysed ${done}/${total} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
      }
    },
  });
  const buildSeconds = (performance.now() - start) / 1000;
  const buildPeak = Math.max(peak, mb());
  console.log(
    `build: ${buildSeconds.toFixed(1)} s, embedder ${built.data.stats.embedder}, rss ${mb()} MB (peak during build ${buildPeak} MB)`,
  );

  const searcher = new HybridSearcher(
    built.data,
    analyzer,
    built.queryEmbedder,
    await createQueryExpander(analyzer, 'curated+sudachi'),
  );
  for (const q of queries.slice(0, 20)) await searcher.search(q); // warm-up
  const latencies: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await searcher.search(q);
    latencies.push(performance.now() - t);
  }
  console.log(
    `query latency: p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms`,
  );
  const rssServing = mb();
  console.log(`rss after queries: ${rssServing} MB`);
  clearInterval(sampler);

  // ANN recall@10: hnsw vs exact search over the same document vectors.
  const { dims, vectors, index } = built.data.dense;
  const exact = new InMemoryVectorIndex(dims);
  for (let i = 0; i < chunks.length; i++) {
    const v = vectors.subarray(i * dims, (i + 1) * dims);
    if (v.some((x) => x !== 0)) exact.add(i, Array.from(v));
  }
  let found = 0;
  let total = 0;
  for (const q of queries.slice(0, 100)) {
    const qv = await built.queryEmbedder.embedQuery(q);
    const truth = new Set(exact.search(qv, 10).map((h) => h.label));
    found += index.search(qv, 10).filter((h) => truth.has(h.label)).length;
    total += truth.size;
  }
  console.log(`ANN recall@10 (hnsw vs exact, 100 queries): ${(found / total).toFixed(4)}`);
  console.log(
    JSON.stringify({
      chunks: count,
      build_s: Number(buildSeconds.toFixed(1)),
      p50_ms: Number(percentile(latencies, 50).toFixed(2)),
      p95_ms: Number(percentile(latencies, 95).toFixed(2)),
      ann_recall_at_10: Number((found / total).toFixed(4)),
      rss_mb: rssServing,
      build_peak_rss_mb: buildPeak,
    }),
  );
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
