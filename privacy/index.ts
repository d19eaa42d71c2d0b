/** Personal-data masking: one masker for every text a person writes (see masker.ts). */
export { PII_TYPES, PII_LABELS, isPiiType, type PiiType, type PiiSpan } from './types';
export {
  createPiiMasker,
  maskFor,
  maskNotice,
  type MaskResult,
  type PiiMasker,
  type PiiMaskerOptions,
  type PersonNameTagger,
} from './masker';
export { isValidMyNumber, passesLuhn } from './detectors';
export { evaluatePii, type PiiCase, type PiiEvaluation, type PiiScore } from './evaluate';
export { cleanUserText } from './clean-text';
export { COMMON_FAMILY_NAMES, PLACE_FAMILY_NAMES } from './family-names';
