/**
 * The ticket lifecycle: 新規 → 対応中 → 保留（回答待ち）→ 解決 → クローズ, with reopening
 * (解決/クローズ → 対応中). Pure functions over TicketRecord.
 */
import { KotaeError } from '../core';
import type { TicketPatch } from './ports';
import type { TicketRecord, TicketStatus } from './records';
import { TICKET_MESSAGES } from './messages';

/** Allowed next statuses for each status. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = Object.freeze({
  new: ['in_progress', 'on_hold', 'resolved', 'closed'],
  in_progress: ['on_hold', 'resolved', 'closed'],
  on_hold: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
});

/** Whether a ticket may move from one status to another. */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

/** Throws TICKET_TRANSITION_INVALID when the move is not allowed. */
export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (!canTransition(from, to)) {
    throw new KotaeError('TICKET_TRANSITION_INVALID', `ticket status ${from} -> ${to} is not allowed`, {
      userMessage: TICKET_MESSAGES.transitionInvalid(from, to),
      details: { from, to },
    });
  }
}

/**
 * The timestamp fields a status change sets: any move starts the response (firstResponseAt),
 * 解決 sets resolvedAt, クローズ sets closedAt (and resolvedAt if missing), reopening clears both.
 */
export function statusPatch(ticket: TicketRecord, to: TicketStatus, now: Date): TicketPatch {
  const patch: TicketPatch = { status: to };
  if (!ticket.firstResponseAt) patch.firstResponseAt = now;
  if (to === 'resolved') {
    patch.resolvedAt = now;
    patch.closedAt = null;
  }
  if (to === 'closed') {
    patch.closedAt = now;
    if (!ticket.resolvedAt) patch.resolvedAt = now;
  }
  if (to === 'in_progress' || to === 'on_hold') {
    if (ticket.resolvedAt) patch.resolvedAt = null;
    if (ticket.closedAt) patch.closedAt = null;
  }
  return patch;
}
