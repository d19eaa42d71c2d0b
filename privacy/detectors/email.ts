/** E-mail addresses. */
import type { PiiSpan } from '../types';

const EMAIL =
  /(?<![\w.%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+/g;

/** Finds e-mail addresses. */
export function detectEmail(normalized: string): PiiSpan[] {
  return [...normalized.matchAll(EMAIL)].map((m) => ({
    type: 'email' as const,
    start: m.index,
    end: m.index + m[0].length,
  }));
}
