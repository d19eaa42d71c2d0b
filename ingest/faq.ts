/**
 * FAQ rows (from a CSV/XLSX sheet, or the evaluation corpus) to KnowledgeDocuments.
 * Every FAQ source goes through here, so evaluation and real ingestion index FAQs the same way.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeDocument } from '../knowledge';

/** One FAQ row as read from a sheet. */
export interface FaqRow {
  id: string;
  category?: string;
  question: string;
  alternateQuestions?: string[];
  answer: string;
  sourceUrl?: string;
}

/** Converts rows to FAQ documents; `sourcePath` is the sheet they came from. */
export function faqRowsToDocuments(rows: readonly FaqRow[], sourcePath: string): KnowledgeDocument[] {
  return rows.map((row) => ({
    id: row.id,
    kind: 'faq' as const,
    title: row.question,
    url: row.sourceUrl,
    category: row.category,
    question: row.question,
    alternateQuestions: row.alternateQuestions ?? [],
    answer: row.answer,
    sourcePath,
    contentHash: createHash('sha256').update(JSON.stringify(row)).digest('hex'),
  }));
}

/** Shortest derived question line kept (shorter ones are fragments such as 「至急」). */
const MIN_VARIANT_CHARS = 4;

/**
 * Question lines derived from an FAQ's own question, for FAQ pages and sheets written without
 * alternates (public FAQs rarely have them): each sentence of a question of several sentences
 * (「新しく着任しました。青葉IDはいつ受け取れますか。」 → both), and the question without its
 * parenthesised glosses (「青葉ID（統合認証アカウント）の…」 → 「青葉IDの…」). A staff question usually
 * restates one of these, not the whole official wording. Lines equal to the question or to each other
 * are left out.
 */
export function questionVariants(question: string, existing: readonly string[] = []): string[] {
  const q = question.trim();
  const seen = new Set([q, ...existing.map((a) => a.trim())]);
  const out: string[] = [];
  const add = (line: string): void => {
    const l = line.trim();
    if (l.length >= MIN_VARIANT_CHARS && !seen.has(l)) {
      seen.add(l);
      out.push(l);
    }
  };
  const withoutGloss = q.replace(/[（(][^（）()]{1,30}[）)]/g, '');
  const sentences = withoutGloss.split(/(?<=[。？！?!])\s*|\n+/).filter((s) => s.trim());
  if (sentences.length > 1) sentences.forEach(add);
  else add(withoutGloss);
  return out;
}
