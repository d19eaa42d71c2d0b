/** Audit rows of the FAQ specs: the newest sequence number, and the `faq.*` rows written since one. */
import type { ConsoleHarness } from './console-harness';

/** The sequence number of the newest audit row (0 when there is none). */
export async function auditHead(h: ConsoleHarness): Promise<number> {
  return (await h.audit.recent(1))[0]?.seq ?? 0;
}

/** The `faq.*` audit rows written after `head`, newest first, as `actor action`. */
export async function faqAuditSince(h: ConsoleHarness, head: number): Promise<string[]> {
  return (await h.audit.recent(50))
    .filter((r) => r.seq > head && r.action.startsWith('faq.'))
    .map((r) => `${r.actor} ${r.action}`);
}
