/**
 * The answer policy: turns the knowledge layer's calibrated confidence into an outcome.
 * Thresholds are measured with `kotae eval --abstain` (see README).
 */
import type { Outcome } from './records';

/** Confidence thresholds: answered at or above `answer`, clarify at or above `clarify`. */
export interface AnswerThresholds {
  answer: number;
  clarify: number;
}

/** Thresholds measured on the retrieval benchmark (`kotae eval --abstain`, localgovFAQ dev split). */
export const DEFAULT_THRESHOLDS: Readonly<AnswerThresholds> = Object.freeze({ answer: 0.45, clarify: 0.25 });

/** Chooses answered / clarify / no_answer from a confidence in [0, 1]. */
export function decideOutcome(confidence: number, thresholds: AnswerThresholds = DEFAULT_THRESHOLDS): Outcome {
  if (confidence >= thresholds.answer) return 'answered';
  if (confidence >= thresholds.clarify) return 'clarify';
  return 'no_answer';
}
