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

/**
 * Thresholds measured on the retrieval benchmark (`kotae eval --abstain`, localgovFAQ dev split):
 * answering at 0.5 keeps well over 80 % of the unanswerable questions unanswered; the wide clarify
 * band shows candidate questions for middling confidence, which staff find useful.
 */
export const DEFAULT_THRESHOLDS: Readonly<AnswerThresholds> = Object.freeze({ answer: 0.5, clarify: 0.2 });

/** Chooses answered / clarify / no_answer from a confidence in [0, 1]. */
export function decideOutcome(confidence: number, thresholds: AnswerThresholds = DEFAULT_THRESHOLDS): Outcome {
  if (confidence >= thresholds.answer) return 'answered';
  if (confidence >= thresholds.clarify) return 'clarify';
  return 'no_answer';
}
