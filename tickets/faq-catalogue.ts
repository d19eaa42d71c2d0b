/**
 * The console's list of every FAQ the bot can answer from, whatever its origin: the sheets' FAQs (with the
 * console's override when there is one, hidden ones included and marked) and the console's own published FAQs.
 */
import type { FaqEntry, FaqInput, FaqOrigin, IndexedFaq } from './types';

/** One row of the console's FAQ list: every FAQ the bot can answer from, with its origin. */
export interface FaqListItem {
  /** `entry:<faq_entry id>` or `indexed:<FAQ id in the index>`. */
  key: string;
  origin: FaqOrigin;
  content: FaqInput;
  /** The sheet (knowledge folder or SharePoint) an indexed FAQ comes from. */
  sourcePath?: string;
  /** The published faq_entry row (console FAQs, and overrides of a sheet's FAQ). */
  entry?: FaqEntry;
  /** True when a sheet's FAQ is served with the console's edit instead of the sheet's text. */
  overridden: boolean;
  /** True when the FAQ is hidden (非公開): the bot never answers with it. */
  hidden: boolean;
  /** Drafts waiting for approval that will replace this FAQ. */
  pendingDrafts: number;
}

/** Which FAQs of the list to show: all, the published ones or the hidden ones. */
export type FaqVisibility = 'all' | 'published' | 'hidden';

/** The filters of the list: words of a search and the visibility. */
export interface FaqListFilter {
  search?: string;
  visibility?: FaqVisibility;
}

/** Whether `item` matches the words of a search (all of them, case- and width-insensitive). */
function matches(item: FaqListItem, words: readonly string[]): boolean {
  const c = item.content;
  const hay = [c.category, c.question, ...c.alternateQuestions, c.answer, item.sourcePath ?? '']
    .join('\n')
    .normalize('NFKC')
    .toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** Drafts waiting for approval, counted per FAQ they change (`key:<sourceKey>` or the replaced entry's id). */
function pendingCounts(entries: readonly FaqEntry[]): Map<string, number> {
  const pending = new Map<string, number>();
  for (const e of entries) {
    const key = e.status === 'draft' ? (e.replacesId ?? (e.sourceKey ? `key:${e.sourceKey}` : undefined)) : undefined;
    if (key) pending.set(key, (pending.get(key) ?? 0) + 1);
  }
  return pending;
}

/** The list of every FAQ from faq_entry and the sheets' FAQs, filtered. */
export function faqCatalogue(
  entries: readonly FaqEntry[],
  indexed: readonly IndexedFaq[],
  filter: FaqListFilter = {},
): FaqListItem[] {
  const pending = pendingCounts(entries);
  const overrides = new Map(
    entries.filter((e) => e.status === 'approved' && e.sourceKey).map((e) => [e.sourceKey as string, e]),
  );
  const items: FaqListItem[] = indexed.map((f) => {
    const entry = overrides.get(f.id);
    return {
      key: `indexed:${f.id}`,
      origin: f.origin,
      content: entry ?? f,
      sourcePath: f.sourcePath,
      entry,
      overridden: entry !== undefined,
      hidden: entry?.hiddenAt !== undefined,
      pendingDrafts: (pending.get(`key:${f.id}`) ?? 0) + (entry ? (pending.get(entry.id) ?? 0) : 0),
    };
  });
  const known = new Set(indexed.map((f) => f.id));
  for (const e of entries) {
    if (e.status !== 'approved' || (e.sourceKey && known.has(e.sourceKey))) continue;
    items.push({
      key: `entry:${e.id}`,
      origin: e.origin,
      content: e,
      entry: e,
      overridden: false,
      hidden: e.hiddenAt !== undefined,
      pendingDrafts: pending.get(e.id) ?? 0,
    });
  }
  const visibility = filter.visibility ?? 'all';
  const shown = visibility === 'all' ? items : items.filter((i) => i.hidden === (visibility === 'hidden'));
  const words = (filter.search ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  return words.length ? shown.filter((i) => matches(i, words)) : shown;
}
