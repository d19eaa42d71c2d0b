/** Checks and helpers of ticket saves: length limits, masking of changed texts, the fields a save changed. */
import { KotaeError } from '../core';
import type { TicketPatch } from './ports';
import type { TicketRecord } from './records';
import type { PiiMasker } from '../privacy';
import { TICKET_MESSAGES } from './messages';
import { masked, maskedOptional } from './personal-data';

/** Longest reply or note accepted. */
export const MAX_COMMENT_LENGTH = 20_000;
/** Longest ticket title and details accepted. */
export const MAX_TITLE_LENGTH = 200;
export const MAX_DETAILS_LENGTH = 10_000;

/** Japanese messages of the duties of issue 16 on a ticket. */
export const DUTY_MESSAGES = {
  notIncident: '復旧作業開始は障害チケットにのみ記録できます。',
  alreadyStarted: '復旧作業開始は記録済みです。',
  notRostered: '機密性3の取扱者名簿に登録された担当者または管理者のみ変更できます。',
  mergeConfidential: '機密性3のチケットは、機密性3でないチケットに統合できません。',
};

/** Title and incident texts of a save, checked for length and masked. */
export function maskedChanges(
  changes: Pick<TicketPatch, 'title' | 'incident'>,
  m: PiiMasker | undefined,
): Partial<TicketPatch> {
  const out: Partial<TicketPatch> = {};
  if (changes.title !== undefined) {
    checkLength(changes.title, MAX_TITLE_LENGTH);
    out.title = masked(changes.title, m);
  }
  if (changes.incident) {
    const { cause, actions, prevention } = changes.incident;
    for (const t of [cause, actions, prevention]) if (t !== undefined) checkLength(t, MAX_DETAILS_LENGTH);
    out.incident = {
      ...changes.incident,
      cause: maskedOptional(cause, m),
      actions: maskedOptional(actions, m),
      prevention: maskedOptional(prevention, m),
    };
    for (const k of ['cause', 'actions', 'prevention'] as const)
      if (out.incident[k] === undefined) delete out.incident[k];
  }
  return out;
}

export function checkBody(body: string): string {
  const text = body.trim();
  if (!text) throw new KotaeError('INPUT_INVALID', 'empty comment', { userMessage: TICKET_MESSAGES.bodyRequired });
  if (text.length > MAX_COMMENT_LENGTH) {
    throw new KotaeError('INPUT_TOO_LARGE', 'comment too long', {
      userMessage: TICKET_MESSAGES.bodyTooLong(MAX_COMMENT_LENGTH),
    });
  }
  return text;
}

export function checkLength(text: string, max: number): void {
  if (text.length > max) {
    throw new KotaeError('INPUT_TOO_LARGE', `text of ${text.length} chars > ${max}`, {
      userMessage: TICKET_MESSAGES.bodyTooLong(max),
    });
  }
}

/** The fields a save really changed (the audit log shows only these). */
export function changedFields(before: TicketRecord, after: TicketRecord): string[] {
  const simple = ['status', 'type', 'priority', 'category', 'title', 'assignee'] as const;
  const out: string[] = simple.filter((k) => (before[k] ?? null) !== (after[k] ?? null));
  for (const k of ['cause', 'actions', 'prevention'] as const)
    if ((before.incident?.[k] ?? '') !== (after.incident?.[k] ?? '')) out.push(k);
  return out;
}
