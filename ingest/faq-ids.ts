/**
 * FAQ ids are numbered per sheet (No. 1, 2, 3 in every department's FAQ.csv), so the same id in two
 * files names two different FAQs. The first file in path order keeps the id as written (so the ids,
 * links and feedback of a knowledge base without such a clash never change); a later file's FAQ of
 * the same id is indexed as `<file>#<id>`. A file named as a copy (「FAQ集 - コピー.xlsx」) comes after
 * the others, so a backup copy laid beside a sheet never takes the sheet's ids. The ingest and the
 * console's FAQ list scope ids alike.
 */
import { createHash } from 'node:crypto';

/** Longest id kept as `<file>#<id>` (the console's override key, faq_entry.sourceKey, holds 200). */
const MAX_SCOPED_ID = 200;

/** The id of FAQ `id` of `relPath` when an earlier file holds the same id. */
export function scopedFaqId(relPath: string, id: string): string {
  const scoped = `${relPath}#${id}`;
  if (scoped.length <= MAX_SCOPED_ID) return scoped;
  // A deep path: its hash keeps it unique, the file name keeps it readable.
  const hash = createHash('sha256').update(relPath).digest('hex').slice(0, 16);
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  return `${hash}/${name}`.slice(0, Math.max(hash.length, MAX_SCOPED_ID - id.length - 1)) + `#${id}`;
}

/** A file name as Windows, macOS or a browser names a copy: 「… - コピー」「… - Copy (2)」「Copy of …」「… のコピー」「… (1)」. */
const COPY_NAME =
  /(?:\s-\s(?:コピー|Copy)(?:\s\(\d+\))?|\s?のコピー(?:\s\d+)?|\scopy(?:\s\d+)?|\s\(\d+\))$|^(?:Copy of |コピー ～ )/i;

/** True when the file's name (without its extension) reads as a copy of another file. */
export function isCopyName(relPath: string): boolean {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return COPY_NAME.test(name);
}

/** Items in the order ids are claimed: path order, files named as copies last. */
export function claimOrder<T extends { relPath: string }>(items: readonly T[]): T[] {
  return [...items.filter((i) => !isCopyName(i.relPath)), ...items.filter((i) => isCopyName(i.relPath))];
}

/** Assigns ids file by file (call in {@link claimOrder}): the first file holding an id keeps it. */
export class FaqIdScope {
  private readonly firstFile = new Map<string, string>();

  /** The id `relPath`'s document `id` is indexed under, and the file that keeps `id` when that is another. */
  claim(relPath: string, id: string): { id: string; heldBy?: string } {
    const first = this.firstFile.get(id);
    if (first === undefined) this.firstFile.set(id, relPath);
    if (first === undefined || first === relPath) return { id };
    return { id: scopedFaqId(relPath, id), heldBy: first };
  }
}
