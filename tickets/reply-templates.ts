/** Canned replies (テンプレート): admin-managed texts with the placeholders {氏名} {受付番号} {担当者}. */
import { KotaeError } from '../core';
import type { TicketRecord } from './records';

/** A canned reply. */
export interface ReplyTemplate {
  id: string;
  name: string;
  body: string;
  updatedAt: Date;
}

/** Stored canned replies. */
export interface ReplyTemplates {
  list(): Promise<ReplyTemplate[]>;
  get(id: string): Promise<ReplyTemplate | undefined>;
  /** Creates (no id) or replaces a template. */
  save(input: { id?: string; name: string; body: string }, at: Date): Promise<ReplyTemplate>;
  delete(id: string): Promise<void>;
}

/** Japanese texts of templates. */
export const TEMPLATE_MESSAGES = {
  nameRequired: 'テンプレート名を入力してください（100文字以内）。',
  bodyRequired: '本文を入力してください（5,000文字以内）。',
} as const;

/** Checks a template's name and body; INPUT_INVALID with a Japanese message. */
export function validateTemplate(name: string, body: string): { name: string; body: string } {
  const n = name.trim();
  const b = body.trim();
  if (!n || n.length > 100)
    throw new KotaeError('INPUT_INVALID', 'template name', { userMessage: TEMPLATE_MESSAGES.nameRequired });
  if (!b || b.length > 5000)
    throw new KotaeError('INPUT_INVALID', 'template body', { userMessage: TEMPLATE_MESSAGES.bodyRequired });
  return { name: n, body: b };
}

/** The template's text for a ticket: {氏名} the requester, {受付番号} the number, {担当者} the assignee's name. */
export function fillTemplate(body: string, ticket: TicketRecord, assigneeName: string): string {
  return body
    .replaceAll('{氏名}', ticket.requester.name ?? '')
    .replaceAll('{受付番号}', ticket.number)
    .replaceAll('{担当者}', assigneeName);
}
