/**
 * Personal data never enters the logs: every text a person writes to the bot goes through the
 * personal-data masker (privacy/) before it is searched, stored, escalated or sent to a model.
 */
import { createPiiMasker, maskNotice, type PiiMasker, type PiiType } from '../privacy';

/** The masker with every type enabled, for callers that are not given a configured one. */
export const DEFAULT_MASKER: PiiMasker = createPiiMasker();

/** The mask put in place of an individual number (kept for callers of the old API). */
export const MY_NUMBER_MASK = '［マイナンバー］';

/** Masks personal data; `redacted` tells whether anything was removed and `types` what. */
export function redactPersonalData(
  text: string,
  masker: PiiMasker = DEFAULT_MASKER,
): { text: string; redacted: boolean; types: PiiType[]; notice: string } {
  const result = masker.mask(text);
  return {
    text: result.text,
    redacted: result.types.length > 0,
    types: result.types,
    notice: maskNotice(result.types),
  };
}
