/**
 * 機密性3 tickets in reports (issue 16 point 5): reports are read by every operator and leave the system
 * as files, so a marked ticket is counted like any other but its texts are replaced.
 */
import type { TicketRecord } from '../tickets';

/** What a report prints instead of a 機密性3 ticket's texts. */
export const CONFIDENTIAL_TEXT = '（機密性3のため非表示）';

/** The ticket with title, details, requester (all but the 所属) and incident texts hidden when it is marked 機密性3. */
export function redactConfidential(t: TicketRecord): TicketRecord {
  if (!t.confidential) return t;
  const hide = (v: string | undefined) => (v ? CONFIDENTIAL_TEXT : v);
  return {
    ...t,
    title: CONFIDENTIAL_TEXT,
    details: '',
    requester: t.requester.department ? { department: t.requester.department } : {},
    incident: t.incident
      ? { cause: hide(t.incident.cause), actions: hide(t.incident.actions), prevention: hide(t.incident.prevention) }
      : undefined,
  };
}
