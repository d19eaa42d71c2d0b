/**
 * A requester's message reached the ticket: 「依頼者から返信あり」 is set and a 保留 or 解決 ticket moves to 対応中.
 * Shared by a new message (RequesterDesk) and a correction or restore of one (RequesterMessageChanges).
 */
import { KotaeError } from '../core';
import { statusPatch } from './lifecycle';
import type { TicketPatch, TicketStore } from './ports';
import type { TicketRecord } from './records';
import { REQUESTER_ACTOR } from './requester-withdrawal';

/** What a requester's message does to the ticket: 「依頼者から返信あり」, and 保留 / 解決 → 対応中. */
export function requesterRepliedPatch(ticket: TicketRecord, now: Date): TicketPatch {
  const patch: TicketPatch = { requesterRepliedAt: now };
  if (ticket.status === 'on_hold' || ticket.status === 'resolved') {
    Object.assign(patch, statusPatch(ticket, 'in_progress', now));
  }
  return patch;
}

/** Flags the ticket for the operators (and reopens it from 保留 / 解決); one retry per operator save meanwhile. */
export async function markRequesterReplied(store: TicketStore, ticket: TicketRecord, now: Date): Promise<TicketRecord> {
  let current = ticket;
  for (let attempt = 0; ; attempt += 1) {
    const patch = requesterRepliedPatch(current, now);
    try {
      return await store.update(current.id, current.version, patch, REQUESTER_ACTOR);
    } catch (err) {
      if (!(err instanceof KotaeError) || err.code !== 'CONFLICT' || attempt >= 2) throw err;
      const fresh = await store.get(current.id);
      if (!fresh) throw err;
      current = fresh;
    }
  }
}
