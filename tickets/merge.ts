/**
 * Merging a duplicate into a surviving ticket: comments, attachments and history move to the survivor,
 * the duplicate is closed with a note naming the survivor, and its requester is told the surviving
 * number through the usual reply delivery. Merging into itself or into a closed ticket is refused.
 */
import { KotaeError } from '../core';
import type { TicketRecord } from './records';

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
