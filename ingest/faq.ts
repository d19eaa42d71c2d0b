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
