/**
 * Ticket texts written by people (titles, details, comments, incident fields, work logs, FAQ
 * drafts) pass the personal-data masker before they are stored; all types unless configured.
 */
import { createPiiMasker, type PiiMasker } from '../privacy';

const ALL_TYPES = createPiiMasker();

/** The text with personal data masked by `masker` (all types when absent). */
export function masked(text: string, masker: PiiMasker = ALL_TYPES): string {
  return masker.mask(text).text;
}

/** `masked` for an optional text. */
export function maskedOptional(text: string | undefined, masker?: PiiMasker): string | undefined {
  return text === undefined ? undefined : masked(text, masker);
}
