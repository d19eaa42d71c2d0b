/**
 * `kotae eval --abstain`: removes every judged document of a fixed half of the queries (every
 * other query id in sorted order), rebuilds, and measures whether the answer policy answers
 * the queries that still have a grade-2 document and abstains on the others.
 */
import { decideOutcome, DEFAULT_THRESHOLDS, type AnswerThresholds } from '../../bot/answer-policy';
import type { EvalDataset } from './eval-dataset';
import { auroc, expectedCalibrationError } from './eval-metrics';
import { round, type EvalTarget, runRanking } from './eval-run';

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
): Promise<AbstainReport> {
  const hidden = unanswerableHalf(data);
  const { results } = await runRanking(target, data);
  const pos: { conf: number; correct: boolean; inTop3: boolean }[] = [];
  const neg: number[] = [];
  for (const r of results) {
    const j = data.qrels[r.id];
    if (hidden.has(r.id)) neg.push(r.retrieval.confidence);
    else if (Object.entries(j).some(([doc, g]) => g >= 2 && !removed.has(doc))) {
      pos.push({
        conf: r.retrieval.confidence,
        correct: (j[r.ranked[0]] ?? 0) >= 1,
        inTop3: r.ranked.slice(0, 3).some((d) => (j[d] ?? 0) >= 1),
      });
    }
  }
  const rates = (answer: number): { answered: number; abstained: number } => {
    const policy = { answer, clarify: Math.min(thresholds.clarify, answer) };
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
  };
}
