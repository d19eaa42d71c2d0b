/** The 障害 (incident) rule: an incident is resolved only with cause, actions and prevention recorded. */
import { KotaeError } from '../core';
import type { TicketPatch } from './ports';
import type { TicketRecord, TicketStatus, TicketType } from './records';
import type { IncidentField } from './types';
import { TICKET_MESSAGES } from './messages';

/** Incident fields in display order. */
export const INCIDENT_FIELDS: readonly IncidentField[] = ['cause', 'actions', 'prevention'];

/** Incident fields that are still empty (blank text counts as empty). */
export function missingIncidentFields(incident: TicketRecord['incident']): IncidentField[] {
  return INCIDENT_FIELDS.filter((f) => !(incident?.[f] ?? '').trim());
}

/**
 * Throws INPUT_INVALID (naming the missing fields in Japanese) when an incident ticket is about to
 * become 解決 or クローズ without its report.
 */
export function assertIncidentComplete(type: TicketType, to: TicketStatus, incident: TicketRecord['incident']): void {
  if (type !== 'incident' || (to !== 'resolved' && to !== 'closed')) return;
  const missing = missingIncidentFields(incident);
  if (missing.length === 0) return;
  throw new KotaeError('INPUT_INVALID', `incident ticket needs ${missing.join(', ')} before ${to}`, {
    userMessage: TICKET_MESSAGES.incidentIncomplete(missing),
    details: { missing },
  });
}

/**
 * The 復旧作業開始 to record when a save leaves an incident 解決 or クローズ with none recorded: recovery began at
 * the latest when the failure was resolved, so the resolve time stops the restoration-start clock and stays
 * after a reopen. Undefined when nothing is to be recorded.
 */
export function impliedRestorationStart(before: TicketRecord, patch: TicketPatch, now: Date): Date | undefined {
  if (before.restorationStartedAt || (patch.type ?? before.type) !== 'incident') return undefined;
  const status = patch.status ?? before.status;
  if (status !== 'resolved' && status !== 'closed') return undefined;
  return patch.resolvedAt ?? before.resolvedAt ?? now;
}
