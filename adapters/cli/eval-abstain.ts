/**
 * `kotae eval --abstain`: removes every judged document of a fixed half of the queries (every
 * other query id in sorted order), rebuilds, and measures whether the answer policy answers
 * the queries that still have a grade-2 document and abstains on the others.
 */
import { decideOutcome, DEFAULT_THRESHOLDS, type AnswerThresholds } from '../../bot';
import type { ChatModel } from '../../bot';
import { decideWithSources, GENERATION, type SourceDecision } from '../../bot';
import type { EvalDataset } from './eval-dataset';
import { auroc, expectedCalibrationError } from './eval-metrics';
import { round, type EvalTarget, type QueryResult, runRanking } from './eval-run';

/** Result of the abstention protocol. */
export interface AbstainReport {
  answerable: number;
  unanswerable: number;
  answerable_answered_rate: number;
  unanswerable_abstained_rate: number;
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
  /** The same protocol with the configured chat model reading the sources (`--answer-model`). */
  answer_model?: AnswerModelReport;
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
): Promise<AbstainReport> {
  const { results } = await runRanking(target, data);
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
  const clarified = pos.filter((p) => p.inTop3 && decideOutcome(p.conf, thresholds) === 'clarify').length;
  const noAnswer = neg.filter((c) => decideOutcome(c, thresholds) === 'no_answer').length;
  return {
    answerable: pos.length,
    unanswerable: neg.length,
    answerable_answered_rate: at.answered,
    unanswerable_abstained_rate: at.abstained,
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
    ...(withModel
      ? { answer_model: await runWithModel(data, { answerable, unanswerable }, thresholds, withModel, relevant) }
      : {}),
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
