/**
 * FAQs managed in the console (approved rows of faq_entry) join the index as a CSV sheet in
 * `<dataDir>/managed-kb/`, written atomically and ingested beside the knowledge folder. An override of
 * a sheet's FAQ is written under that FAQ's id, and the ingest prefers this sheet's row to the original.
 * Hidden (非公開) FAQs are left out of it; a hidden override of a sheet's FAQ is written to the sheet of
 * `<dataDir>/managed-kb-hidden/`, whose ids the ingest keeps out of the index.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FaqEntry } from '../tickets';

/** Folder of the managed-FAQ sheet. */
export function managedKbDir(dataDir: string): string {
  return path.join(dataDir, 'managed-kb');
}

/** Folder of the sheet of hidden FAQ ids (ingested with `withholds`). */
export function hiddenFaqsDir(dataDir: string): string {
  return path.join(dataDir, 'managed-kb-hidden');
}

function cell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Writes `faqs` as the sheet `file` of `dir` (UTF-8 with BOM, atomically); removes it when there are none. */
function writeSheet(dir: string, file: string, faqs: readonly FaqEntry[]): void {
  const sheet = path.join(dir, file);
  fs.mkdirSync(dir, { recursive: true });
  if (faqs.length === 0) {
    fs.rmSync(sheet, { force: true });
    return;
  }
  const header = 'id,category,question,alternate_questions,answer,source_url';
  const rows = faqs.map((f) =>
    [f.sourceKey ?? f.id, f.category, f.question, f.alternateQuestions.join('|'), f.answer, f.sourceUrl ?? '']
      .map(cell)
      .join(','),
  );
  const tmp = `${sheet}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, '\uFEFF' + [header, ...rows].join('\r\n') + '\r\n');
  fs.renameSync(tmp, sheet);
}

/**
 * Writes the approved FAQs answered from as `faq-managed.csv`, and the hidden overrides of sheets' FAQs as
 * `faq-hidden.csv` (a hidden console FAQ is in neither).
 */
export function writeManagedFaqs(dataDir: string, faqs: readonly FaqEntry[]): void {
  const approved = faqs.filter((f) => f.status === 'approved');
  writeSheet(
    managedKbDir(dataDir),
    'faq-managed.csv',
    approved.filter((f) => f.hiddenAt === undefined),
  );
  writeSheet(
    hiddenFaqsDir(dataDir),
    'faq-hidden.csv',
    approved.filter((f) => f.hiddenAt !== undefined && f.sourceKey !== undefined),
  );
}
