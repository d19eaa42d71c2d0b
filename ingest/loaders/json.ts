/**
 * FAQ knowledge bases exported as JSON or JSON Lines: an array of entries (or an object holding one under any
 * key: `{"faqs": [...]}`, `{"items": [...]}`), or one entry per line. Each entry's keys are read like a sheet's
 * header (faq-sheet.ts: id / question / answer / category / alternates / url, or the Japanese names); a list
 * value (alternates) is joined with |, a nested object is left out.
 */
import { SKIP_REASONS, skipFile } from '../skip-reasons';
import { decodeText } from '../text-decode';
import { tablesToFaqDocuments } from './faq-sheet';
import type { LoadResult, SourceFile } from './types';

/** Loads an FAQ JSON (.json) or JSON Lines (.jsonl) file. */
export async function loadJson(file: SourceFile): Promise<LoadResult> {
  const { text } = decodeText(file.bytes, file.relPath);
  const entries = parseEntries(text, file.relPath);
  const keys = [...new Set(entries.flatMap((e) => Object.keys(e)))];
  const rows = [keys, ...entries.map((e) => keys.map((k) => cellOf(e[k])))];
  const result = tablesToFaqDocuments([{ rows, label: file.relPath }], file);
  if (!result) throw skipFile(SKIP_REASONS.noFaqHeader, `no FAQ keys in ${file.relPath}`);
  return result;
}

type Entry = Record<string, unknown>;

function parseEntries(text: string, relPath: string): Entry[] {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !/}\s*\n\s*{/.test(trimmed))) {
      return entriesOf(JSON.parse(trimmed));
    }
    // JSON Lines: one object per line (blank lines allowed).
    return trimmed
      .split('\n')
      .filter((line) => line.trim())
      .flatMap((line) => entriesOf(JSON.parse(line)));
  } catch (err) {
    throw skipFile(SKIP_REASONS.jsonInvalid, `JSON parse error in ${relPath}`, err);
  }
}

/** The entries of a parsed value: an array's objects, or the longest array of objects an object holds. */
function entriesOf(value: unknown): Entry[] {
  const objects = (items: unknown[]): Entry[] => items.filter(isEntry);
  if (Array.isArray(value)) return objects(value);
  if (!isEntry(value)) return [];
  const lists = Object.values(value).filter(Array.isArray).map(objects);
  const longest = lists.sort((a, b) => b.length - a.length)[0];
  return longest && longest.length > 0 ? longest : [value];
}

function isEntry(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.filter((v) => typeof v !== 'object' || v === null).join('|');
  if (typeof value === 'object') return '';
  return String(value);
}
