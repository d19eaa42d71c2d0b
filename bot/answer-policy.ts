/**
 * The answer policy: turns the knowledge layer's calibrated confidence into an outcome.
 * Each index carries thresholds calibrated on its own knowledge base (knowledge/calibration.ts);
 * these defaults apply to indexes built before that, and configuration may override either.
 */
import type { Outcome } from '../conversations';

/**
 * Confidence thresholds: answered at or above `answer`, tentative (the top answer shown as a
 * proposal with the other candidates) at or above `tentative`, clarify at or above `clarify`.
 */
export interface AnswerThresholds {
  answer: number;
  tentative: number;
  clarify: number;
}

/**
 * Thresholds measured on the retrieval benchmark (`kotae eval --abstain`, localgovFAQ dev split):
 * answering at 0.5 keeps well over 80 % of the unanswerable questions unanswered; between 0.35 and
 * 0.5 the top answer is proposed, below that candidate questions are shown down to 0.2.
 */
export const DEFAULT_THRESHOLDS: Readonly<AnswerThresholds> = Object.freeze({
  answer: 0.5,
  tentative: 0.35,
  clarify: 0.2,
});

/** Thresholds in order (clarify ≤ tentative ≤ answer) whatever was configured. */
export function orderedThresholds(t: AnswerThresholds): AnswerThresholds {
  const answer = t.answer;
  const tentative = Math.min(t.tentative, answer);
  return { answer, tentative, clarify: Math.min(t.clarify, tentative) };
}

/** Chooses answered / tentative / clarify / no_answer from a confidence in [0, 1]. */
export function decideOutcome(confidence: number, thresholds: AnswerThresholds = DEFAULT_THRESHOLDS): Outcome {
  const t = orderedThresholds(thresholds);
  if (confidence >= t.answer) return 'answered';
  if (confidence >= t.tentative) return 'tentative';
  if (confidence >= t.clarify) return 'clarify';
  return 'no_answer';
}
