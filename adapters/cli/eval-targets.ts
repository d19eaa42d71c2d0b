/**
 * The knowledge bases `kotae eval` compares: the hybrid one (built on disk and reopened, as in
 * production), the plain BM25 baseline, and the hybrid one without the documents of the
 * unanswerable half (for --abstain).
 */
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildKnowledgeIndex,
  createKnowledgeBase,
  createQueryExpander,
  openKnowledgeIndex,
  type JapaneseAnalyzer,
  type IndexCalibration,
  type QueryExpander,
  type SearchTuning,
  type SynonymSource,
} from '../../knowledge';
import { corpusToChunks, type EvalDataset } from './eval-dataset';
import { removedDocuments, unanswerableHalf } from './eval-abstain';
import { round, type EvalTarget } from './eval-run';

/** Settings shared by the builds of one eval run. */
export interface EvalBuildOptions {
  analyzer: JapaneseAnalyzer;
  corpusPath: string;
  synonyms?: SynonymSource;
  tuning?: Partial<SearchTuning>;
}

const expanders = new WeakMap<EvalBuildOptions, Promise<QueryExpander>>();

/** One query expander per eval run (the Sudachi dictionary loads once, when the first hybrid target needs it). */
function expanderOf(o: EvalBuildOptions): Promise<QueryExpander> {
  let expander = expanders.get(o);
  if (!expander) expanders.set(o, (expander = createQueryExpander(o.analyzer, o.synonyms ?? 'curated+sudachi')));
  return expander;
}

/** The hybrid knowledge base, built into a temporary directory and reopened. */
export async function buildCandidate(
  data: EvalDataset,
  o: EvalBuildOptions,
): Promise<{ target: EvalTarget; buildSeconds: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kotae-eval-'));
  try {
    const start = performance.now();
    await buildKnowledgeIndex(corpusToChunks(data.corpus, o.corpusPath), dir, { analyzer: o.analyzer });
    const buildSeconds = round((performance.now() - start) / 1000, 2);
    const target = await openKnowledgeIndex(dir, {
      analyzer: o.analyzer,
      expander: await expanderOf(o),
      tuning: o.tuning,
    });
    return { target, buildSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Plain kuromoji BM25: base forms, no folding, synonyms, fields, bigrams or vectors. */
export async function buildBaseline(
  data: EvalDataset,
  o: EvalBuildOptions,
): Promise<{ target: EvalTarget; buildSeconds: number }> {
  const start = performance.now();
  const target = await createKnowledgeBase(corpusToChunks(data.corpus, o.corpusPath), {
    analyzer: o.analyzer.withMode('plain'),
    synonyms: 'none',
    dense: false,
    tuning: { questionWeight: 0, contentWeight: 1, gramWeight: 0, denseWeight: 0, k1: 1.2, b: 0.75, rerankDepth: 0 },
  });
  return { target, buildSeconds: round((performance.now() - start) / 1000, 2) };
}

/** The hybrid knowledge base without the judged documents of the unanswerable half. */
export async function buildAbstainTarget(
  data: EvalDataset,
  o: EvalBuildOptions,
): Promise<{ target: EvalTarget; removed: Set<string>; calibration?: IndexCalibration }> {
  const removed = removedDocuments(data, unanswerableHalf(data));
  // Self-calibrated on the knowledge base without the removed documents, as `kotae ingest` would.
  const target = await createKnowledgeBase(corpusToChunks(data.corpus, o.corpusPath, removed), {
    analyzer: o.analyzer,
    expander: await expanderOf(o),
    tuning: o.tuning,
    vectorIndex: 'hnsw',
    calibrate: true,
  });
  const calibration = target.stats().calibration;
  return { target, removed, ...(calibration ? { calibration } : {}) };
}
