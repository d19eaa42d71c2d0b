/**
 * `kotae eval --abstain`: removes every judged document of a fixed half of the queries (every
 * other query id in sorted order), rebuilds, and measures whether the answer policy answers
 * the queries that still have a grade-2 document and abstains on the others.
 *
 * "Answered" means the outcome `answered` only; a tentative answer (the top entry shown as a
 * proposal) is counted apart: `answerable_shown_rate` counts answered + tentative, and
 * `unanswerable_declined_rate` counts the unanswerable questions neither answered nor tentative.
 * The main figures use the benchmark-fitted prior weights and the default thresholds; `calibrated`
 * gives the same figures with the weights and thresholds the index's self-calibration fitted on the
 * knowledge base (as `kotae ingest` does), which is what the bot would use.
 */
import { decideOutcome, DEFAULT_THRESHOLDS, type AnswerThresholds } from '../../bot';
import type { ChatModel } from '../../bot';
import { decideWithSources, GENERATION, type SourceDecision } from '../../bot';
import { CONFIDENCE_WEIGHTS, confidenceOf, type IndexCalibration } from '../../knowledge';
import type { EvalDataset } from './eval-dataset';
import { auroc, expectedCalibrationError } from './eval-metrics';
import { round, type EvalTarget, type QueryResult, runRanking } from './eval-run';

/** Result of the abstention protocol. */
export interface AbstainReport {
  answerable: number;
  unanswerable: number;
  /** Answerable questions answered (outcome `answered`, tentative not counted) with a relevant top-1. */
  answerable_answered_rate: number;
  /** Unanswerable questions not answered (tentative, clarify or no_answer). */
  unanswerable_abstained_rate: number;
  /** Answerable questions answered or tentative with a relevant top-1 (the top entry shown either way). */
  answerable_shown_rate: number;
  /** Unanswerable questions neither answered nor tentative (clarify or no_answer: nothing shown as an answer). */
  unanswerable_declined_rate: number;
  /** Answerable questions in the clarify band with a relevant document among the 3 candidates shown. */
  answerable_clarified_rate: number;
  /** Unanswerable questions below the clarify threshold (no candidates shown). */
  unanswerable_no_answer_rate: number;
  auroc: number;
  /** Expected calibration error (10 bins) of the confidence against "the top hit is relevant", both halves. */
  ece: number;
  thresholds: AnswerThresholds;
  /** Rates at other answer thresholds, to choose DEFAULT_THRESHOLDS. */
  sweep: { answer: number; answered: number; abstained: number }[];
  /** The same figures with the index's self-calibrated weights and thresholds (absent: not calibrated). */
  calibrated?: CalibratedAbstainReport;
  /** The same protocol with the configured chat model reading the sources (`--answer-model`). */
  answer_model?: AnswerModelReport;
}

/** The abstain figures as the self-calibrated index decides (knowledge/calibration.ts). */
export interface CalibratedAbstainReport {
  thresholds: AnswerThresholds;
  weights?: IndexCalibration['weights'];
  answerable_answered_rate: number;
  unanswerable_abstained_rate: number;
  answerable_shown_rate: number;
  unanswerable_declined_rate: number;
  auroc: number;
  /** Answered (top-1 relevant) / abstained at other answer thresholds, on the calibrated confidences. */
  sweep: { answer: number; answered: number; abstained: number }[];
}

/** Rates of the answer policy with a chat model reading the sources (bot/source-check.ts). */
export interface AnswerModelReport {
  check_sources: boolean;
  answerable_answered_rate: number;
  unanswerable_abstained_rate: number;
  /** Questions the model was asked, and how many of those calls failed (the confidence decided). */
  asked: number;
  failed: number;
}

/** A chat model to measure, and how the policy uses it. */
export interface AbstainModel {
  model: ChatModel;
  checkSources: boolean;
  /** Curated FAQs above the answer threshold sent verbatim without the model (`KOTAE_FAQ_VERBATIM`, default true). */
  faqVerbatim?: boolean;
  /** Questions in flight at once (default 4). */
  concurrency?: number;
}

/** Query ids whose documents are removed: every other id in natural sort order. */
export function unanswerableHalf(data: EvalDataset): Set<string> {
  const ids = Object.keys(data.qrels).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return new Set(ids.filter((_, i) => i % 2 === 1));
}

/** Documents judged for any query of `ids`. */
export function removedDocuments(data: EvalDataset, ids: ReadonlySet<string>): Set<string> {
  return new Set([...ids].flatMap((id) => Object.keys(data.qrels[id] ?? {})));
}

/** Runs the protocol on a knowledge base built without the removed documents. */
export async function runAbstain(
  target: EvalTarget,
  data: EvalDataset,
  removed: ReadonlySet<string>,
  thresholds: AnswerThresholds = DEFAULT_THRESHOLDS,
  withModel?: AbstainModel,
  calibration?: IndexCalibration,
): Promise<AbstainReport> {
  const { results: searched } = await runRanking(target, data);
  // The main figures use the prior weights whatever the index calibrated (the calibrated ones follow).
  const calibratedConfidence = new Map(searched.map((r) => [r.id, r.retrieval.confidence]));
  const results = searched.map((r) => ({
    ...r,
    retrieval: { ...r.retrieval, confidence: confidenceOf(r.retrieval.features, CONFIDENCE_WEIGHTS) },
  }));
  const { answerable, unanswerable } = splitResults(data, removed, results);
  const relevant = (r: QueryResult, doc: string | undefined): boolean =>
    doc !== undefined && (data.qrels[r.id][doc] ?? 0) >= 1;
  const pos = answerable.map((r) => ({
    conf: r.retrieval.confidence,
    correct: relevant(r, r.ranked[0]),
    inTop3: r.ranked.slice(0, 3).some((d) => relevant(r, d)),
  }));
  const neg = unanswerable.map((r) => r.retrieval.confidence);
  const rates = (answer: number): { answered: number; abstained: number } => {
    const policy = { answer, tentative: answer, clarify: Math.min(thresholds.clarify, answer) };
    const answered = (c: number): boolean => decideOutcome(c, policy) === 'answered';
    return {
      answered: round(pos.filter((p) => p.correct && answered(p.conf)).length / Math.max(pos.length, 1)),
      abstained: round(neg.filter((c) => !answered(c)).length / Math.max(neg.length, 1)),
    };
  };
  const at = rates(thresholds.answer);
  const share = (n: number, of: number): number => round(n / Math.max(of, 1));
  const shownAndDeclined = (
    t: AnswerThresholds,
    conf: (r: QueryResult) => number,
  ): { answerable_shown_rate: number; unanswerable_declined_rate: number } => {
    const shown = (r: QueryResult): boolean => ['answered', 'tentative'].includes(decideOutcome(conf(r), t));
    return {
      answerable_shown_rate: share(answerable.filter((r) => shown(r) && relevant(r, r.ranked[0])).length, pos.length),
      unanswerable_declined_rate: share(unanswerable.filter((r) => !shown(r)).length, neg.length),
    };
  };
  const clarified = pos.filter((p) => p.inTop3 && decideOutcome(p.conf, thresholds) === 'clarify').length;
  const noAnswer = neg.filter((c) => decideOutcome(c, thresholds) === 'no_answer').length;
  return {
    answerable: pos.length,
    unanswerable: neg.length,
    answerable_answered_rate: at.answered,
    unanswerable_abstained_rate: at.abstained,
    ...shownAndDeclined(thresholds, (r) => r.retrieval.confidence),
    answerable_clarified_rate: share(clarified, pos.length),
    unanswerable_no_answer_rate: share(noAnswer, neg.length),
    auroc: round(
      auroc(
        pos.map((p) => p.conf),
        neg,
      ),
    ),
    ece: round(
      expectedCalibrationError([
        ...pos.map((p) => ({ confidence: p.conf, correct: p.correct })),
        ...neg.map((c) => ({ confidence: c, correct: false })),
      ]),
    ),
    thresholds: { ...thresholds },
    sweep: Array.from({ length: 19 }, (_, i) => round((i + 1) * 0.05, 2)).map((answer) => ({
      answer,
      ...rates(answer),
    })),
    ...(calibration
      ? { calibrated: calibratedReport(calibration, answerable, unanswerable, calibratedConfidence, relevant) }
      : {}),
    ...(withModel
      ? { answer_model: await runWithModel(data, { answerable, unanswerable }, thresholds, withModel, relevant) }
      : {}),
  };
}

/** The abstain figures with the confidences and thresholds of the self-calibrated index. */
function calibratedReport(
  calibration: IndexCalibration,
  answerable: readonly QueryResult[],
  unanswerable: readonly QueryResult[],
  confidence: ReadonlyMap<string, number>,
  relevant: (r: QueryResult, doc: string | undefined) => boolean,
): CalibratedAbstainReport {
  const t = calibration.thresholds;
  const conf = (r: QueryResult): number => confidence.get(r.id) ?? 0;
  const outcome = (r: QueryResult): string => decideOutcome(conf(r), t);
  const share = (rs: readonly QueryResult[], f: (r: QueryResult) => boolean): number =>
    round(rs.filter(f).length / Math.max(rs.length, 1));
  const right = (r: QueryResult): boolean => relevant(r, r.ranked[0]);
  return {
    thresholds: { ...t },
    ...(calibration.weights ? { weights: { ...calibration.weights } } : {}),
    answerable_answered_rate: share(answerable, (r) => outcome(r) === 'answered' && right(r)),
    unanswerable_abstained_rate: share(unanswerable, (r) => outcome(r) !== 'answered'),
    answerable_shown_rate: share(answerable, (r) => ['answered', 'tentative'].includes(outcome(r)) && right(r)),
    unanswerable_declined_rate: share(unanswerable, (r) => !['answered', 'tentative'].includes(outcome(r))),
    auroc: round(auroc(answerable.map(conf), unanswerable.map(conf))),
    sweep: Array.from({ length: 19 }, (_, i) => round((i + 1) * 0.05, 2)).map((answer) => ({
      answer,
      answered: share(answerable, (r) => conf(r) >= answer && right(r)),
      abstained: share(unanswerable, (r) => conf(r) < answer),
    })),
  };
}

/** The kept half's queries that still have a grade-2 document, and the hidden half's. */
function splitResults(
  data: EvalDataset,
  removed: ReadonlySet<string>,
  results: readonly QueryResult[],
): { answerable: QueryResult[]; unanswerable: QueryResult[] } {
  const hidden = unanswerableHalf(data);
  const answerable: QueryResult[] = [];
  const unanswerable: QueryResult[] = [];
  for (const r of results) {
    if (hidden.has(r.id)) unanswerable.push(r);
    else if (Object.entries(data.qrels[r.id]).some(([doc, g]) => g >= 2 && !removed.has(doc))) answerable.push(r);
  }
  return { answerable, unanswerable };
}

/** Asks the chat model about every question of the protocol, as the bot would, a few at a time. */
async function runWithModel(
  data: EvalDataset,
  split: { answerable: QueryResult[]; unanswerable: QueryResult[] },
  thresholds: AnswerThresholds,
  withModel: AbstainModel,
  relevant: (r: QueryResult, doc: string | undefined) => boolean,
): Promise<AnswerModelReport> {
  const all = [...split.answerable, ...split.unanswerable];
  const decisions = new Map<QueryResult, SourceDecision>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < all.length) {
      const r = all[next++];
      decisions.set(
        r,
        await decideWithSources(data.queries[r.id], r.retrieval, withModel.model, {
          ...GENERATION,
          thresholds,
          checkSources: withModel.checkSources,
          faqVerbatim: withModel.faqVerbatim,
          // A batch of questions in flight at once may wait longer than one staff member would.
          timeoutMs: 60_000,
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, withModel.concurrency ?? 4) }, worker));
  const d = (r: QueryResult): SourceDecision => decisions.get(r)!;
  const share = (n: number, of: number): number => round(n / Math.max(of, 1));
  const answeredRight = split.answerable.filter(
    (r) => d(r).outcome === 'answered' && relevant(r, d(r).hits[0]?.chunk.documentId),
  );
  const abstained = split.unanswerable.filter((r) => d(r).outcome !== 'answered');
  const checks = [...decisions.values()].map((x) => x.check);
  return {
    check_sources: withModel.checkSources,
    answerable_answered_rate: share(answeredRight.length, split.answerable.length),
    unanswerable_abstained_rate: share(abstained.length, split.unanswerable.length),
    asked: checks.filter((c) => c !== 'not_asked').length,
    failed: checks.filter((c) => c === 'failed').length,
  };
}
