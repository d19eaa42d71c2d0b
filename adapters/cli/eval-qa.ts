/**
 * `kotae eval --qa-set F [--kb DIR] [--json]`: ingests a knowledge folder the way `kotae ingest` does,
 * asks every question of a JSONL question set through the bot's answer policy (no chat model) and
 * counts what a staff member would have seen. Lines of the set:
 * `{"id","kind":"answerable"|"unanswerable"|"off_topic","question","expected":["FAQ-0001"],"previous"?,"tag"?}`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { KotaeError } from '../../core';
import { MemoryLogger } from '../../core';
import { runIngest } from '../../ingest';
import {
  buildKnowledgeIndex,
  createJapaneseAnalyzer,
  createQueryExpander,
  openKnowledgeIndex,
  type HybridKnowledgeBase,
  type QueryExpander,
  type SearchTuning,
  type TextAnalyzer,
} from '../../knowledge';
import { composeAnswer } from '../../bot';
import { decideWithSources, GENERATION } from '../../bot';
import { DEFAULT_THRESHOLDS, type AnswerThresholds } from '../../bot';
import { followUpQuery, redactPersonalData } from '../../bot';
import type { Outcome } from '../../conversations';
import { percentile } from './eval-metrics';
import { round } from './eval-run';

/** One question of a QA set. */
export interface QaItem {
  id: string;
  kind: 'answerable' | 'unanswerable' | 'off_topic';
  question: string;
  expected: string[];
  /** The question asked just before in the same conversation (follow-ups). */
  previous?: string;
  tag?: string;
}

/** What happened to one question. */
export interface QaResult {
  item: QaItem;
  outcome: Outcome;
  /** Documents shown: the answer's (answered / tentative) or the candidates' (clarify). */
  shown: string[];
  confidence: number;
  latencyMs: number;
}

/** Counts of one QA run (rates over the questions of each kind). */
export interface QaReport {
  questions: number;
  thresholds: AnswerThresholds;
  answerable: {
    n: number;
    shown_correct: number;
    answered_correct: number;
    tentative_correct: number;
    shown_wrong: number;
    clarify_with_correct: number;
    clarify_without_correct: number;
    no_answer: number;
    by_tag: Record<string, { n: number; shown_correct: number }>;
  };
  unanswerable: { n: number; shown: number; declined: number };
  off_topic: { n: number; shown: number; declined: number };
  /** Unanswerable and off-topic together. */
  others: { n: number; shown: number; declined: number };
  latency_ms: { p50: number; p95: number };
  build_s: number;
}

const KINDS = new Set(['answerable', 'unanswerable', 'off_topic']);

/** Reads and checks a JSONL question set. */
export function loadQaSet(file: string): QaItem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new KotaeError('INPUT_INVALID', `cannot read ${file}`, {
      cause: err,
      userMessage: `質問セット ${file} を読み込めません。`,
    });
  }
  const items: QaItem[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let v: Partial<QaItem>;
    try {
      v = JSON.parse(line) as Partial<QaItem>;
    } catch {
      throw bad(file, i + 1);
    }
    const expected = v.expected ?? [];
    if (
      typeof v.id !== 'string' ||
      typeof v.question !== 'string' ||
      !KINDS.has(v.kind ?? '') ||
      !Array.isArray(expected) ||
      (v.kind === 'answerable' && expected.length === 0)
    )
      throw bad(file, i + 1);
    items.push({ ...(v as QaItem), expected });
  });
  return items;
}

function bad(file: string, line: number): KotaeError {
  return new KotaeError('INPUT_INVALID', `${file}:${line}: malformed QA line`, {
    userMessage: `質問セット ${file} の ${line} 行目の形式が正しくありません。`,
  });
}

/** Ingests `kbDir` into a temporary data folder and opens the index as the app does. */
export async function buildQaKnowledge(
  kbDir: string,
  tools?: { analyzer: TextAnalyzer; expander: QueryExpander },
  tuning?: Partial<SearchTuning>,
): Promise<{ kb: HybridKnowledgeBase; buildSeconds: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kotae-qa-'));
  try {
    const loading = tools?.analyzer ?? createJapaneseAnalyzer();
    const expander = tools?.expander ?? (await createQueryExpander(loading, 'curated+sudachi'));
    const analyzer = await loading;
    const start = performance.now();
    const summary = await runIngest({
      sourceDir: kbDir,
      dataDir,
      logger: new MemoryLogger(),
      build: (chunks, dir, options) => buildKnowledgeIndex(chunks, dir, { analyzer, expander, tuning, ...options }),
    });
    const buildSeconds = round((performance.now() - start) / 1000, 2);
    const kb = await openKnowledgeIndex(summary.indexDir, { analyzer, expander, tuning });
    return { kb, buildSeconds };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Asks every question the way the bot does (follow-up context, search, answer policy, composed reply). */
export async function runQa(
  kb: HybridKnowledgeBase,
  items: readonly QaItem[],
  overrides: Partial<AnswerThresholds> = {},
): Promise<{ results: QaResult[]; thresholds: AnswerThresholds }> {
  const results: QaResult[] = [];
  let used: AnswerThresholds = { ...DEFAULT_THRESHOLDS, ...overrides };
  for (const item of items) {
    const t0 = performance.now();
    // Masked as the app masks a question before searching it (bot/helpdesk-service.ts).
    const masked = (text: string): string => redactPersonalData(text).text;
    const query = await followUpQuery(kb, masked(item.question), item.previous && masked(item.previous));
    const retrieval = query.retrieval ?? (await kb.search(query.text, { k: 5 }));
    used = { ...DEFAULT_THRESHOLDS, ...retrieval.thresholds, ...overrides };
    const decision = await decideWithSources(query.text, retrieval, undefined, {
      ...GENERATION,
      thresholds: used,
      checkSources: true,
    });
    const composed = composeAnswer(decision.outcome, { ...retrieval, hits: decision.hits });
    const latencyMs = performance.now() - t0;
    results.push({
      item,
      outcome: decision.outcome,
      shown: composed.sources.map((s) => s.documentId ?? ''),
      confidence: retrieval.confidence,
      latencyMs,
    });
  }
  return { results, thresholds: used };
}

/** Aggregates the results. */
export function qaReport(results: readonly QaResult[], thresholds: AnswerThresholds, buildSeconds: number): QaReport {
  const rate = (n: number, of: number): number => round(n / Math.max(of, 1));
  const isShown = (o: Outcome): boolean => o === 'answered' || o === 'tentative';
  const answerable = results.filter((r) => r.item.kind === 'answerable');
  const right = (r: QaResult): boolean => r.item.expected.includes(r.shown[0] ?? '');
  const anyRight = (r: QaResult): boolean => r.shown.some((d) => r.item.expected.includes(d));
  const count = (f: (r: QaResult) => boolean): number => answerable.filter(f).length;
  const byTag: Record<string, { n: number; shown_correct: number }> = {};
  for (const r of answerable) {
    const tag = r.item.tag ?? 'plain';
    const t = (byTag[tag] ??= { n: 0, shown_correct: 0 });
    t.n += 1;
    if (isShown(r.outcome) && right(r)) t.shown_correct += 1;
  }
  for (const t of Object.values(byTag)) t.shown_correct = rate(t.shown_correct, t.n);
  const declineStats = (kind: (r: QaResult) => boolean): { n: number; shown: number; declined: number } => {
    const rs = results.filter(kind);
    const shown = rs.filter((r) => isShown(r.outcome)).length;
    return { n: rs.length, shown: rate(shown, rs.length), declined: rate(rs.length - shown, rs.length) };
  };
  const latencies = results.map((r) => r.latencyMs);
  const n = answerable.length;
  return {
    questions: results.length,
    thresholds: { ...thresholds },
    answerable: {
      n,
      shown_correct: rate(
        count((r) => isShown(r.outcome) && right(r)),
        n,
      ),
      answered_correct: rate(
        count((r) => r.outcome === 'answered' && right(r)),
        n,
      ),
      tentative_correct: rate(
        count((r) => r.outcome === 'tentative' && right(r)),
        n,
      ),
      shown_wrong: rate(
        count((r) => isShown(r.outcome) && !right(r)),
        n,
      ),
      clarify_with_correct: rate(
        count((r) => r.outcome === 'clarify' && anyRight(r)),
        n,
      ),
      clarify_without_correct: rate(
        count((r) => r.outcome === 'clarify' && !anyRight(r)),
        n,
      ),
      no_answer: rate(
        count((r) => r.outcome === 'no_answer'),
        n,
      ),
      by_tag: byTag,
    },
    unanswerable: declineStats((r) => r.item.kind === 'unanswerable'),
    off_topic: declineStats((r) => r.item.kind === 'off_topic'),
    others: declineStats((r) => r.item.kind !== 'answerable'),
    latency_ms: { p50: round(percentile(latencies, 50), 2), p95: round(percentile(latencies, 95), 2) },
    build_s: buildSeconds,
  };
}
