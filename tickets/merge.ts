/**
 * Merging a duplicate into a surviving ticket: comments, attachments and history move to the survivor,
 * the duplicate is closed with a note naming the survivor, and its requester is told the surviving
 * number through the usual reply delivery. Merging into itself or into a closed ticket is refused.
 */
import { KotaeError, type Clock } from '../core';
import type { AuditTrail } from './audit';
import { statusPatch } from './lifecycle';
import type { TicketMerger, TicketStore } from './ports';
import type { TicketRecord } from './records';
import { DUTY_MESSAGES } from './ticket-checks';

/** Japanese texts of merging. */
export const MERGE_MESSAGES = {
  self: '同じチケットには統合できません。',
  targetClosed: (n: string) => `${n} はクローズ済みのため、統合先にできません。`,
  sourceClosed: 'クローズ済みのチケットは統合できません。',
  notConfigured: 'チケットの統合は利用できません。',
  note: (target: string) => `重複のため ${target} に統合しました。`,
  targetNote: (source: string) => `${source} を統合しました（回答・メモ・添付・履歴を移動）。`,
  requester: (source: string, target: string) =>
    `【ヘルプデスクからのお知らせ】${source}\nこのお問い合わせは ${target} にまとめて対応いたします。今後は受付番号 ${target} でお問い合わせください。`,
} as const;

/** Refuses a merge of a ticket into itself, into a closed ticket, or of a closed ticket. */
export function assertMergeable(source: TicketRecord, target: TicketRecord): void {
  if (source.id === target.id)
    throw new KotaeError('INPUT_INVALID', 'merge into itself', { userMessage: MERGE_MESSAGES.self });
  if (target.status === 'closed')
    throw new KotaeError('INPUT_INVALID', `merge into closed ${target.number}`, {
      userMessage: MERGE_MESSAGES.targetClosed(target.number),
    });
  if (source.status === 'closed')
    throw new KotaeError('INPUT_INVALID', `merge of closed ${source.number}`, {
      userMessage: MERGE_MESSAGES.sourceClosed,
    });
}

/** What a merge needs of the ticket service. */
export interface MergeDeps {
  merger?: TicketMerger;
  store: Pick<TicketStore, 'update' | 'addComment'>;
  audit: AuditTrail;
  clock: Clock;
  /** A ticket as the service's viewer may see it (NOT_FOUND otherwise). */
  get(idOrNumber: string): Promise<TicketRecord>;
}

/**
 * Moves the content of `sourceId` to `targetId` and closes the source with a note on both, audited, in
 * one transaction. Returns both tickets as read before and the closed source (the requester is told by
 * the caller, after the commit).
 */
export async function mergeTickets(
  d: MergeDeps,
  sourceId: string,
  targetId: string,
  actor: string,
): Promise<{ source: TicketRecord; target: TicketRecord; closed: TicketRecord }> {
  const merger = d.merger;
  if (!merger) throw new KotaeError('INPUT_INVALID', 'no merger', { userMessage: MERGE_MESSAGES.notConfigured });
  const source = await d.get(sourceId);
  const target = await d.get(targetId);
  assertMergeable(source, target);
  if (source.confidential && !target.confidential)
    throw new KotaeError('INPUT_INVALID', 'merge of a 機密性3 ticket into an unmarked one', {
      userMessage: DUTY_MESSAGES.mergeConfidential,
    });
  const now = d.clock.now();
  // The move, the close, both notes and the audit entry commit together.
  const closed = await d.audit.atomically(
    async () => {
      await merger.moveContent(source.id, target.id, actor, now);
      const updated = await d.store.update(
        source.id,
        source.version,
        { status: 'closed', ...statusPatch(source, 'closed', now) },
        actor,
      );
      await d.store.addComment(source.id, {
        kind: 'note',
        author: actor,
        body: MERGE_MESSAGES.note(target.number),
      });
      await d.store.addComment(target.id, {
        kind: 'note',
        author: actor,
        body: MERGE_MESSAGES.targetNote(source.number),
      });
      return updated;
    },
    () => ({ actor, action: 'ticket.merge', target: source.number, detail: { into: target.number } }),
  );
  return { source, target, closed };
}
