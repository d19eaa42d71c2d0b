/**
 * The knowledge side of the console harness: uploaded manuals in a temporary folder, a background ingest
 * that records its runs instead of indexing, and usage insights.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../../../../core/logger';
import type { FaqService, FileScanStore } from '../../../../../tickets';
import { UploadedDocuments } from '../../../../../app/uploaded-documents';
import { quarantinedCopyName } from '../../../../../app/manual-rescan-source';
import { KnowledgeIngestJob } from '../../../../../jobs';
import { KnowledgeInsights } from '../../../../../app/knowledge-insights';
import { SqlKnowledgeUsage } from '../../../../../db/repositories/sql-knowledge-usage';
import { tempDir } from '../../../../helpers/temp-dir';

/** The console's knowledge dependencies (`deps`) and what tests inspect; `cleanup` removes the folder. */
export function consoleKnowledge(ds: DataSource, faqs: FaqService, logger: Logger, now: () => Date) {
  const uploads = tempDir('kotae-uploads-');
  const documents = new UploadedDocuments(path.join(uploads.dir, 'uploads'), 64 * 1024);
  const ingestRuns: string[] = [];
  const ingest = new KnowledgeIngestJob({
    ingest: async (onProgress) => {
      onProgress({ phase: 'parse', done: 1, total: 1, path: 'x' });
      ingestRuns.push(
        documents
          .list()
          .map((d) => d.name)
          .join(','),
      );
      return {
        files: documents.list().length,
        indexed: 1,
        unchanged: 0,
        removed: 0,
        chunks: 3,
        skipped: [
          { path: '@uploads/scan.pdf', reason: '文字を抽出できないPDF（画像のみ）' },
          { path: '@sharepoint/0123abcd/規程.pdf', reason: '暗号化されたPDF' },
        ],
        durationMs: 1,
        indexDir: uploads.dir,
        rebuilt: true,
      };
    },
    published: async () => undefined,
    logger,
    now,
  });
  const deps = {
    documents,
    ingest,
    sharePoint: { busy: false, status: async () => [], syncNow: async () => undefined },
    // Character-level analysis is enough for the console's routes (the e2e test uses kuromoji).
    insights: new KnowledgeInsights({
      usage: new SqlKnowledgeUsage(ds),
      faqs,
      analyzer: { analyze: (t: string) => ({ words: [...t], grams: [] }), bigrams: () => [] },
      now,
    }),
  };
  const quarantineDir = path.join(uploads.dir, 'quarantine', 'manuals');
  return { dir: uploads.dir, quarantineDir, documents, ingest, ingestRuns, deps, cleanup: uploads.cleanup };
}

/**
 * Seeds a manual as a rescan quarantines one: its copy `<UTC time>-<name>` in `dir` and an infected
 * `manual:<sha256>` row (signature Seed.Manual, version Seed 0.1) at the clock's time.
 */
export function quarantinedManualSeed(d: { dir: string; scans: FileScanStore; now: () => Date }) {
  return async (name: string, content: string) => {
    const at = d.now();
    const copy = path.join(d.dir, quarantinedCopyName(at, name));
    fs.mkdirSync(d.dir, { recursive: true });
    fs.writeFileSync(copy, content);
    const file = {
      kind: 'manual' as const,
      sha256: createHash('sha256').update(content).digest('hex'),
      fileName: name,
    };
    await d.scans.claim(file, 'Seed 0.1', undefined, { holder: 'seed', now: at, until: at });
    await d.scans.recordInfected(file, 'Seed.Manual', 'Seed 0.1', 'seed', at);
    return { sha256: file.sha256, copy };
  };
}
