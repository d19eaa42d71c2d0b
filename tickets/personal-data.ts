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

/**
 * `masked`, keeping the requester's own name where an operator's reply addresses them (田中 健様, 田中様): the
 * ticket already holds that name, and a salutation masked as ［氏名］様 reads as an error to the requester. Other
 * people's names and every other item are masked as usual.
 */
export function maskedKeepingName(text: string, requesterName: string | undefined, masker = ALL_TYPES): string {
  const kept = keptNames(requesterName);
  if (kept.size === 0) return masked(text, masker);
  return masker.mask(text, { keep: (item, type) => type === 'person_name' && kept.has(item.trim()) }).text;
}

/** The requester's full name as written, without or with another space, and the family name before a space. */
function keptNames(name: string | undefined): Set<string> {
  const full = name?.trim() ?? '';
  if (full.length < 2 || full.length > 60) return new Set();
  const parts = full.split(/[ \u3000]+/);
  const names = new Set([full, parts.join(''), parts.join(' '), parts.join('\u3000')]);
  if (parts.length > 1 && parts[0]!.length >= 2) names.add(parts[0]!);
  return names;
}
