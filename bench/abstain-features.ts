/**
 * Dumps the confidence features of every query of the `kotae eval --abstain` protocol (the corpus
 * without the unanswerable half's documents), for studying the answer decision. Not a test.
 * Usage: tsx bench/abstain-features.ts EVAL_DIR OUT.json [--dropout]
 * With --dropout it also searches each question with each phrase dropped in turn
 * (self-consistency: `stability` = share of variants keeping the top-1, `dropConf` = their mean confidence).
 * The knowledge base is self-calibrated, so `confidence` is the calibrated one; the calibration is printed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { unanswerableHalf } from '../adapters/cli/eval-abstain';
import { loadDataset } from '../adapters/cli/eval-dataset';
import { buildAbstainTarget } from '../adapters/cli/eval-targets';
import { createJapaneseAnalyzer } from '../knowledge';

async function main(dir: string, out: string, flags: { dropout: boolean }): Promise<void> {
  const corpusPath = path.join(dir, 'corpus.json');
  const data = loadDataset({
    corpus: corpusPath,
    queries: path.join(dir, 'queries.json'),
    qrels: path.join(dir, 'qrels.json'),
  });
  const options = { analyzer: await createJapaneseAnalyzer(), corpusPath };
  const hidden = unanswerableHalf(data);
  const built = await buildAbstainTarget(data, options);
  const rows: Record<string, unknown>[] = [];
  for (const id of Object.keys(data.qrels)) {
    const r = await built.target.searchExplained(data.queries[id], 10);
    const judged = data.qrels[id];
    const top = r.hits[0]?.chunk.documentId;
    const isHidden = hidden.has(id);
    const answerable = !isHidden && Object.entries(judged).some(([doc, g]) => g >= 2 && !built.removed.has(doc));
    const correct = top !== undefined && (judged[top] ?? 0) >= 1;
    const phrases = data.queries[id].split(/[、。，．？！?!\s]+|(?<=[ぁ-ゖ])(?=[^ぁ-ゖー])/u).filter(Boolean);
    let same = 0;
    let confs = 0;
    if (flags.dropout && phrases.length > 1) {
      for (let i = 0; i < phrases.length; i++) {
        const v = await built.target.searchExplained(phrases.filter((_, j) => j !== i).join(''), 3);
        if (v.hits[0]?.chunk.documentId === top) same++;
        confs += v.confidence;
      }
    }
    const stability = phrases.length > 1 ? same / phrases.length : 1;
    const dropConf = phrases.length > 1 ? confs / phrases.length : r.confidence;
    rows.push({
      id,
      hidden: isHidden,
      answerable,
      correct,
      stability,
      dropConf,
      confidence: r.confidence,
      scores: r.hits.map((h) => h.score),
      ...r.features,
    });
  }
  console.log(JSON.stringify(built.calibration));
  writeFileSync(out, JSON.stringify(rows));
  console.log(`${rows.length} rows written to ${out}`);
}

const argv = process.argv.slice(2);
const [dir, out] = argv.filter((a) => a !== '--dropout');
main(dir!, out!, { dropout: argv.includes('--dropout') }).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
