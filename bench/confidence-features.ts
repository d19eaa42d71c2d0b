/**
 * Dumps the confidence features of every query of an evaluation set, for refitting the logistic
 * weights of knowledge/confidence.ts: once on the full corpus (label: top-1 relevant) and once on
 * the `kotae eval --abstain` corpus (unanswerable half: label 0). Not a test; run it by hand.
 * Usage: tsx bench/confidence-features.ts EVAL_DIR OUT.json   (EVAL_DIR holds corpus/queries/qrels.json)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { unanswerableHalf } from '../adapters/cli/eval-abstain';
import { loadDataset } from '../adapters/cli/eval-dataset';
import { buildAbstainTarget, buildCandidate } from '../adapters/cli/eval-targets';
import { createJapaneseAnalyzer } from '../knowledge';

async function main(dir: string, out: string): Promise<void> {
  const corpusPath = path.join(dir, 'corpus.json');
  const data = loadDataset({
    corpus: corpusPath,
    queries: path.join(dir, 'queries.json'),
    qrels: path.join(dir, 'qrels.json'),
  });
  const options = { analyzer: await createJapaneseAnalyzer(), corpusPath };
  const hidden = unanswerableHalf(data);
  const rows: Record<string, unknown>[] = [];
  for (const mode of ['full', 'abstain'] as const) {
    const built =
      mode === 'full'
        ? { ...(await buildCandidate(data, options)), removed: new Set<string>() }
        : await buildAbstainTarget(data, options);
    for (const id of Object.keys(data.qrels)) {
      const r = await built.target.searchExplained(data.queries[id], 10);
      const judged = data.qrels[id];
      const top = r.hits[0]?.chunk.documentId;
      const hiddenQuery = mode === 'abstain' && hidden.has(id);
      const answerable = Object.entries(judged).some(([doc, g]) => g >= 2 && !built.removed.has(doc));
      const label = hiddenQuery ? 0 : top !== undefined && (judged[top] ?? 0) >= 1 ? 1 : 0;
      rows.push({ id, mode, hidden: hiddenQuery, answerable, label, confidence: r.confidence, ...r.features });
    }
  }
  writeFileSync(out, JSON.stringify(rows));
  console.log(`${rows.length} rows written to ${out}`);
}

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: tsx bench/confidence-features.ts EVAL_DIR OUT.json');
  process.exitCode = 2;
} else {
  main(dir, out).catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
