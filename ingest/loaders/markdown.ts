/**
 * Markdown and plain-text manuals. `#` headings (and setext underlines) build the heading path;
 * headings inside code fences are text. A leading front matter block may give `title` and `url`.
 */
import { decodeText } from '../text-decode';
import { pageDocuments } from './faq-page';
import { type Section } from './manual';
import type { LoadResult, SourceFile } from './types';

/** Loads a .md/.markdown/.txt manual. */
export async function loadMarkdown(file: SourceFile): Promise<LoadResult> {
  const { text } = decodeText(file.bytes, file.relPath);
  const { body, fields } = splitFrontMatter(text.replace(/\r\n?/g, '\n'));
  const { sections, firstHeading } = markdownSections(body);
  return {
    documents: pageDocuments(file, sections, { title: fields.title ?? firstHeading, url: fields.url }),
    skippedParts: [],
  };
}

/** Splits Markdown text into sections at ATX (`## x`) and setext headings. */
export function markdownSections(text: string): { sections: Section[]; firstHeading?: string } {
  const sections: Section[] = [];
  const path: string[] = [];
  let lines: string[] = [];
  let inFence = false;
  let firstHeading: string | undefined;
  const flush = (): void => {
    sections.push({ headingPath: [...path], text: lines.join('\n') });
    lines = [];
  };
  const open = (level: number, heading: string): void => {
    flush();
    path.length = Math.min(path.length, level - 1);
    while (path.length < level - 1) path.push('');
    path.push(heading);
    firstHeading ??= heading;
  };
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const atx = inFence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    const previous = lines[lines.length - 1];
    const setext = !inFence && previous?.trim() && /^(=+|-+)\s*$/.test(line) ? (line.startsWith('=') ? 1 : 2) : 0;
    if (atx) open(atx[1].length, atx[2].trim());
    else if (setext) {
      lines.pop();
      open(setext, previous.trim());
    } else lines.push(line);
  }
  flush();
  // Levels skipped in the source (an h3 under an h1) leave no empty names in the path.
  return { sections: sections.map((s) => ({ ...s, headingPath: s.headingPath.filter(Boolean) })), firstHeading };
}

function splitFrontMatter(text: string): { body: string; fields: { title?: string; url?: string } } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return { body: text, fields: {} };
  const fields: { title?: string; url?: string } = {};
  for (const line of match[1].split('\n')) {
    const kv = /^(title|url)\s*:\s*["']?(.*?)["']?\s*$/.exec(line);
    if (kv) fields[kv[1] as 'title' | 'url'] = kv[2];
  }
  return { body: text.slice(match[0].length), fields };
}
