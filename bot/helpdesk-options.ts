/** Options of the helpdesk core (HelpdeskService), set by the composition root from the configuration. */
import type { AnswerThresholds } from './answer-policy';

/** Options of the helpdesk core. */
export interface HelpdeskOptions {
  maxQuestionChars: number;
  /** Overrides of the measured thresholds. */
  thresholds?: Partial<AnswerThresholds>;
  /** Desk hours as staff read them, e.g. 「平日 8:30〜17:15」. */
  deskHours: string;
  /** Whether the desk is open at an instant (business calendar). */
  isDeskOpen: (at: Date) => boolean;
  /** The next desk opening after an instant (business calendar): named in out-of-hours notices. */
  nextOpening?: (at: Date) => Date;
  defaultCategory?: string;
  /** Turns a document's own link (absolute URL or a path inside the knowledge folder) into one staff can open. */
  resolveSourceUrl?: (url: string) => string;
  /** How long a generated answer may take before the extractive answer is used instead (default 30 s). */
  generationTimeoutMs?: number;
  /**
   * With a chat model: whether its reading of the sources decides answered / clarify (default true;
   * see bot/source-check.ts). false: the model only writes the text of answers the confidence chose.
   */
  checkSources?: boolean;
  /** With a chat model: FAQs answered above the answer threshold are sent verbatim (default true). */
  faqVerbatim?: boolean;
}
