/**
 * Ticket search in the desk domain: turning what an operator typed into terms (every term must occur)
 * and finding the excerpt that shows why a ticket matched. The database does the matching (db/).
 */
import { KotaeError } from '../core';
import type { TicketComment } from './ports';
import type { TicketRecord } from './records';

/** Longest search input accepted, and most terms. */
export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_TERMS = 8;

/** Japanese messages of the search box. */
export const SEARCH_MESSAGES = {
  tooLong: `検索語は${MAX_SEARCH_LENGTH}文字以内で入力してください。`,
  tooManyTerms: `検索語は${MAX_SEARCH_TERMS}語までにしてください。`,
} as const;

/**
 * Splits the input at white space (ASCII and 全角) into distinct terms. Empty or only spaces → no terms
 * (no search), width folded (NFKC); too long or too many terms → INPUT_INVALID with a Japanese message. Every other character,
 * quotes and FTS operators included, is searched for literally.
 */
export function parseSearch(input: string): string[] {
  const text = input.trim();
  if (text.length > MAX_SEARCH_LENGTH)
    throw new KotaeError('INPUT_INVALID', `search of ${text.length} chars`, { userMessage: SEARCH_MESSAGES.tooLong });
  // Width folded as staff type it (ｖｐｎ, ＶＰＮ → vpn; ﾌﾟﾘﾝﾀ → プリンタ): the stored texts are written half-width ASCII
  // and full-width kana.
  const terms = [
    ...new Set(
      text
        .normalize('NFKC')
        .split(/\s+/u)
        .filter((t) => t.length > 0),
    ),
  ];
  if (terms.length > MAX_SEARCH_TERMS)
    throw new KotaeError('INPUT_INVALID', `search of ${terms.length} terms`, {
      userMessage: SEARCH_MESSAGES.tooManyTerms,
    });
  return terms;
}

/** Where a search term was found, with some text around it. */
export interface SearchExcerpt {
  /** Which part of the ticket: number, title, details, requester, department, comment. */
  field: 'number' | 'title' | 'details' | 'requester' | 'department' | 'comment';
  text: string;
}

const AROUND = 40;

function around(text: string, at: number, length: number): string {
  const start = Math.max(0, at - AROUND);
  const end = Math.min(text.length, at + length + AROUND);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

/** The first part of the ticket (in the order of SearchExcerpt.field) that contains one of the terms. */
export function searchExcerpt(
  ticket: TicketRecord,
  comments: readonly TicketComment[],
  terms: readonly string[],
): SearchExcerpt | undefined {
  const parts: [SearchExcerpt['field'], string][] = [
    ['number', ticket.number],
    ['title', ticket.title],
    ['details', ticket.details],
    ['requester', [ticket.requester.name, ticket.requester.id].filter(Boolean).join(' ')],
    ['department', ticket.requester.department ?? ''],
    ...comments.map((c): [SearchExcerpt['field'], string] => ['comment', c.body]),
  ];
  for (const [field, text] of parts) {
    const lower = text.toLowerCase();
    for (const term of terms) {
      const at = lower.indexOf(term.toLowerCase());
      if (at >= 0) return { field, text: around(text, at, term.length) };
    }
  }
  return undefined;
}
