/** E-mail addresses. */
import type { PiiSpan } from '../types';

const EMAIL =
  /(?<![\w.%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+/g;

/** Addresses of mail systems, no person's (noreply@, MAILER-DAEMON@). */
const SYSTEM_SENDER = /^(?:no-?reply|do-?not-?reply|postmaster|mailer-daemon)@/i;

/** A section's or a shared mailbox's display name before <address> (子育て支援課 共有 <kosodate@…>). */
const GROUP_DISPLAY_NAME = /(?:[課係室部局]|共有|代表|窓口|センター)\s*<$/;

/** A role's mailbox, no person's (helpdesk@, info@, webmaster@). */
const ROLE_MAILBOX = /^(?:helpdesk|help|info|support|webmaster|contact|office|desk|admin|system)@/i;
/** A note right after the address calling it a shared or a section's mailbox (…（資格係 共有アドレス）). */
const GROUP_NOTE_AFTER = /^[ \t]*[（(][^）)\n]{0,24}(?:共有|代表)[^）)\n]{0,10}[）)]/;

/** Finds e-mail addresses (not a mail system's own). */
export function detectEmail(normalized: string): PiiSpan[] {
  return [...normalized.matchAll(EMAIL)]
    .filter(
      (m) =>
        !SYSTEM_SENDER.test(m[0]) &&
        !ROLE_MAILBOX.test(m[0]) &&
        !GROUP_DISPLAY_NAME.test(normalized.slice(Math.max(0, m.index - 30), m.index)) &&
        !GROUP_NOTE_AFTER.test(normalized.slice(m.index + m[0].length, m.index + m[0].length + 40)),
    )
    .map((m) => ({ type: 'email' as const, start: m.index, end: m.index + m[0].length }));
}
