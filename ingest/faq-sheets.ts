/**
 * The FAQs of a folder's sheets (CSV, TSV, XLSX), read with the same loaders the ingest uses, so the
 * console lists exactly the FAQs the index holds. Parsed sheets are remembered by size and mtime.
 */
import * as fs from 'node:fs';
import type { KnowledgeDocument } from '../knowledge';
import { claimOrder, FaqIdScope } from './faq-ids';
import { loaderFor } from './loaders';
import { listSourceFiles } from './source-walk';

const SHEET = /\.(csv|tsv|xlsx)$/i;

/** Reads the FAQ documents of every sheet under a folder (paths get `prefix/` when given). */
export class FaqSheetReader {
  private readonly cache = new Map<string, { stamp: string; documents: KnowledgeDocument[] }>();

  constructor(
    private readonly dir: string,
    private readonly prefix?: string,
  ) {}

  /**
   * FAQ documents in path order (files named as copies last), with the ids the ingest gives them (an id an earlier sheet of the
   * folder also uses becomes `<file>#<id>`); unreadable or malformed sheets contribute none.
   */
  async read(): Promise<KnowledgeDocument[]> {
    if (!fs.existsSync(this.dir)) return [];
    const out: KnowledgeDocument[] = [];
    const scope = new FaqIdScope();
    const add = (relPath: string, documents: readonly KnowledgeDocument[]) => {
      for (const d of documents) out.push({ ...d, id: scope.claim(relPath, d.id).id });
    };
    for (const entry of claimOrder(listSourceFiles(this.dir).entries)) {
      if (!SHEET.test(entry.relPath)) continue;
      const relPath = this.prefix ? `${this.prefix}/${entry.relPath}` : entry.relPath;
      const stat = fs.statSync(entry.absPath, { throwIfNoEntry: false });
      if (!stat) continue;
      const stamp = `${stat.size}:${stat.mtimeMs}`;
      const cached = this.cache.get(relPath);
      if (cached?.stamp === stamp) {
        add(relPath, cached.documents);
        continue;
      }
      const documents = await loadFaqs(relPath, entry.absPath, entry.sidecarPath);
      this.cache.set(relPath, { stamp, documents });
      add(relPath, documents);
    }
    return out;
  }
}

async function loadFaqs(relPath: string, absPath: string, sidecarPath?: string): Promise<KnowledgeDocument[]> {
  const loader = loaderFor(relPath);
  if (!loader) return [];
  try {
    const bytes = fs.readFileSync(absPath);
    const meta = sidecarPath
      ? (JSON.parse(fs.readFileSync(sidecarPath, 'utf8').replace(/^\uFEFF/, '')) as { url?: string; title?: string })
      : undefined;
    const { documents } = await loader({ relPath, bytes, contentHash: '', meta });
    return documents.filter((d) => d.kind === 'faq');
  } catch {
    return [];
  }
}
