/** E-mail addresses. */
import type { PiiSpan } from '../types';

const EMAIL =
  /(?<![\w.%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+/g;

/** Addresses of mail systems, no person's (noreply@, MAILER-DAEMON@). */
const SYSTEM_SENDER = /^(?:no-?reply|do-?not-?reply|postmaster|mailer-daemon)@/i;

/** Finds e-mail addresses (not a mail system's own). */
export function detectEmail(normalized: string): PiiSpan[] {
  return [...normalized.matchAll(EMAIL)]
    .filter((m) => !SYSTEM_SENDER.test(m[0]))
    .map((m) => ({ type: 'email' as const, start: m.index, end: m.index + m[0].length }));
}
