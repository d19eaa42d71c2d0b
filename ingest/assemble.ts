/**
 * The chunks of one run, collected from the files' outcomes in path order: FAQ ids scoped per file
 * when two files use the same id (faq-ids.ts), the console's overriding sheet first.
 */
import type { Chunk } from '../knowledge';
import type { FileOutcome } from './file-ingest';
import { claimOrder, FaqIdScope } from './faq-ids';
import { INGEST_WARNINGS, SKIP_REASONS } from './skip-reasons';
import type { SkippedItem } from './types';

/** What the index is built from, what was left out, and what was kept but should be checked. */
export interface Assembled {
  chunks: Chunk[];
  skipped: SkippedItem[];
  warnings: SkippedItem[];
}

/**
 * Collects chunks in path order (files named as copies last). An FAQ id already used by an earlier file is indexed as
 * `<file>#<id>` (and reported as a warning naming both files). Files under an overriding prefix (the
 * console's FAQ sheet) come first, and the rows they replace (same indexed id) are left out silently:
 * an FAQ edited in the console is served with its edit, on every ingest of its sheet. Files under a withholding
 * prefix (the console's hidden FAQs, also overriding) claim their ids without being indexed: a hidden FAQ is left
 * out on every ingest of its sheet.
 */
export function assemble(
  outcomes: readonly FileOutcome[],
  overriding: readonly string[] = [],
  withholding: readonly string[] = [],
): Assembled {
  const chunks: Chunk[] = [];
  const skipped: SkippedItem[] = [];
  const warnings: SkippedItem[] = [];
  const owner = new Map<string, string>();
  const scope = new FaqIdScope();
  const overrides = (p: string) => overriding.some((prefix) => p.startsWith(prefix));
  const ordered = [
    ...outcomes.filter((o) => overrides(o.relPath)),
    ...claimOrder(outcomes.filter((o) => !overrides(o.relPath))),
  ];
  for (const o of ordered) {
    if (o.kind === 'skipped') {
      skipped.push({ path: o.relPath, reason: o.reason });
      continue;
    }
    skipped.push(...o.cached.skippedParts);
    warnings.push(...(o.cached.warnings ?? []));
    const reported = new Set<string>();
    const shared = new Map<string, string[]>();
    for (const chunk of o.cached.chunks) {
      const { id, heldBy } = overrides(o.relPath)
        ? { id: chunk.documentId, heldBy: undefined }
        : scope.claim(o.relPath, chunk.documentId);
      const taken = owner.get(id);
      if (taken !== undefined && taken !== o.relPath) {
        if (!reported.has(id) && !overrides(taken))
          skipped.push({ path: o.relPath, reason: SKIP_REASONS.rowDuplicateId(id) });
        reported.add(id);
        continue;
      }
      if (heldBy !== undefined && !reported.has(id)) {
        reported.add(id);
        shared.set(heldBy, [...(shared.get(heldBy) ?? []), chunk.documentId]);
      }
      owner.set(id, o.relPath);
      if (withholding.some((prefix) => o.relPath.startsWith(prefix))) continue;
      chunks.push(id === chunk.documentId ? chunk : withDocumentId(chunk, id));
    }
    for (const [heldBy, ids] of shared)
      warnings.push({ path: o.relPath, reason: INGEST_WARNINGS.faqIdShared(heldBy, ids, o.relPath) });
  }
  return { chunks, skipped, warnings };
}

/** The chunk under another document id (chunk ids are `<document id>#<n>`). */
function withDocumentId(chunk: Chunk, documentId: string): Chunk {
  return { ...chunk, documentId, id: documentId + chunk.id.slice(chunk.documentId.length) };
}
