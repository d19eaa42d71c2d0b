/**
 * FAQs managed in the console (approved rows of faq_entry) join the index as a CSV sheet in
 * `<dataDir>/managed-kb/`, written atomically and ingested beside the knowledge folder. An override of
 * a sheet's FAQ is written under that FAQ's id, and the ingest prefers this sheet's row to the original.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FaqEntry } from '../tickets';

/** Folder of the managed-FAQ sheet. */
export function managedKbDir(dataDir: string): string {
  return path.join(dataDir, 'managed-kb');
}

function cell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Writes the approved FAQs as `faq-managed.csv` (UTF-8 with BOM); removes it when there are none. */
export function writeManagedFaqs(dataDir: string, faqs: readonly FaqEntry[]): void {
  const dir = managedKbDir(dataDir);
  const file = path.join(dir, 'faq-managed.csv');
  const approved = faqs.filter((f) => f.status === 'approved');
  fs.mkdirSync(dir, { recursive: true });
  if (approved.length === 0) {
    fs.rmSync(file, { force: true });
    return;
  }
  const header = 'id,category,question,alternate_questions,answer,source_url';
  const rows = approved.map((f) =>
    [f.sourceKey ?? f.id, f.category, f.question, f.alternateQuestions.join('|'), f.answer, f.sourceUrl ?? '']
      .map(cell)
      .join(','),
  );
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, '\uFEFF' + [header, ...rows].join('\r\n') + '\r\n');
  fs.renameSync(tmp, file);
}
