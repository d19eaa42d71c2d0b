/**
 * Rebuilds structure that a PDF only shows visually: lines set in a larger font than the body
 * become headings (largest = level 1), lines wrapped inside a Japanese sentence are re-joined, and
 * page furniture (running headers and footers, page numbers) is dropped so snippets show content.
 */
import { startsWithQaMarker, type PageSection } from './faq-page';

/** The parts of a pdfjs text item the layout needs. */
export interface PdfTextItem {
  str: string;
  /** Font height in PDF units. */
  height: number;
  hasEOL: boolean;
  /** Baseline y (transform[5]). */
  y: number;
}

interface Line {
  text: string;
  height: number;
  page: number;
}

/** Lines at each end of a page that may be a running header or footer. */
const FURNITURE_LINES = 2;
/** A top/bottom line repeated (numbers aside) on at least this share of the pages is furniture. */
const FURNITURE_SHARE = 0.5;
const DIGITS = /[0-9０-９]+/g;
/** A line that is only a page number: 「3」「- 3 -」「3 / 12」「p.3」「Page 3」「3ページ」「（3）」. */
const PAGE_NUMBER =
  /^[\s\-–—‐ー－]*(?:p\.?|page|ｐ|ページ)?\s*[(（]?\s*#\s*[)）]?\s*(?:[\/／]\s*#|of\s*#)?\s*(?:ページ|頁)?[\s\-–—‐ー－]*$/i;

/** A line this much larger than the body font is a heading. */
const HEADING_RATIO = 1.2;
const MAX_HEADING_CHARS = 60;
/** A line ending in one of these ends its sentence; otherwise the next line continues it. */
const SENTENCE_END = /[。．.！？!?：:]$/;
const LIST_START = /^([0-9０-９]+[.．)）]|[（(][0-9０-９]+[)）]|[・●■◆□◇※\-①-⑳])/;
const CJK_END = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]$/;

/**
 * Groups text items into sections per page, opening a section at each heading. `titleHeading` is the document's
 * own name when its layout shows one: the first heading, set larger than every other heading and printed once.
 * Otherwise (chapters of one size, a running header in a large font) there is none: taking the first of them would
 * head every other chapter's passages with it.
 */
export function pdfSections(pages: readonly PdfTextItem[][]): { sections: PageSection[]; titleHeading?: string } {
  const lines = withoutContents(withoutFurniture(pages.map((items, i) => toLines(items, i + 1)))).flat();
  const body = bodyHeight(lines);
  const headingHeights = [...new Set(lines.filter((l) => isHeading(l, body)).map((l) => l.height))].sort(
    (a, b) => b - a,
  );
  const sections: PageSection[] = [];
  const path: string[] = [];
  let current: PageSection | undefined;
  // A sentence still open at the end of a page (no heading since): its rest on the next page stays with it.
  let open: PageSection | undefined;
  // The section a page break ended (no heading since): the next page's section carries it on.
  let broken: PageSection | undefined;
  for (const line of lines) {
    if (isHeading(line, body)) {
      const level = headingHeights.indexOf(line.height) + 1;
      path.length = Math.min(path.length, level - 1);
      path.push(line.text);
      current = undefined;
      open = undefined;
      broken = undefined;
      continue;
    }
    if (current && current.page !== line.page) {
      open = continues(current.text, line.text) ? current : undefined;
      broken = current;
      current = undefined;
    }
    if (open) {
      // The rest of a sentence begun on an earlier page: a passage starts at a sentence, not mid-word.
      if (continues(open.text, line.text)) {
        open.text = joinLine(open.text, line.text);
        continue;
      }
      open = undefined;
    }
    if (!current) {
      current = { headingPath: [...path], text: '', page: line.page, ...(broken ? { continued: true } : {}) };
      broken = undefined;
      sections.push(current);
    }
    current.text = joinLine(current.text, line.text);
  }
  return { sections, titleHeading: titleHeading(lines, headingHeights[0], body) };
}

/** The first heading when it is the only one of the largest heading size (see pdfSections). */
function titleHeading(lines: readonly Line[], top: number | undefined, body: number): string | undefined {
  const headings = lines.filter((l) => isHeading(l, body));
  const largest = headings.filter((l) => l.height === top);
  return largest.length === 1 && headings[0] === largest[0] ? largest[0].text : undefined;
}

function toLines(items: readonly PdfTextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let text = '';
  let height = 0;
  let y: number | undefined;
  const end = (): void => {
    if (text.trim()) lines.push({ text: text.trim(), height: Math.round(height * 10) / 10, page });
    text = '';
    height = 0;
    y = undefined;
  };
  for (const item of items) {
    if (y !== undefined && item.str && Math.abs(item.y - y) > Math.max(item.height, 1) / 2) end();
    if (item.str) {
      text += asIdeographs(item.str);
      if (item.str.trim()) height = Math.max(height, item.height);
      y ??= item.y;
    }
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

/** A line's text with its numbers replaced, so 「- 3 -」 and 「- 4 -」 or 「2026年5月版 3」 match. */
const furnitureKey = (text: string): string => text.replace(DIGITS, '#').replace(/\s+/g, ' ').trim();

/**
 * Drops running headers and footers: among the first and last FURNITURE_LINES lines of each page,
 * a line that is only a page number, or whose text (numbers aside) recurs at a page end on at least
 * half of the pages of a document of 3 pages or more.
 */
function withoutFurniture(pages: Line[][]): Line[][] {
  const ends = (lines: Line[]): Line[] =>
    lines.length <= FURNITURE_LINES * 2
      ? lines
      : [...lines.slice(0, FURNITURE_LINES), ...lines.slice(-FURNITURE_LINES)];
  const pagesWith = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(ends(lines).map((l) => furnitureKey(l.text))))
      pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const repeated = (key: string): boolean =>
    pages.length >= 3 && (pagesWith.get(key) ?? 0) >= Math.max(2, Math.ceil(pages.length * FURNITURE_SHARE));
  return pages.map((lines) => {
    const candidates = new Set(ends(lines));
    return lines.filter((l) => {
      if (!candidates.has(l)) return true;
      const key = furnitureKey(l.text);
      return !(PAGE_NUMBER.test(key) || repeated(key));
    });
  });
}

/**
 * Radicals some fonts map their kanji to (a PDF printed by a browser or a word processor reads 「⽤」
 * U+2F64, 「⻑」 U+2ED1 where 用 and 長 are printed), and the hyphenation point some fonts give for 「・」.
 * The Kangxi radicals fold to their kanji under NFKC; the supplement's do not, so the usual ones are listed.
 */
const RADICALS: Readonly<Record<string, string>> = {
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec6': '角',
  '\u2ec9': '貝',
  '\u2ecb': '車',
  '\u2ed1': '長',
  '\u2ed7': '雨',
  '\u2ed8': '青',
  '\u2edd': '食',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eeb': '斉',
  '\u2eed': '歯',
  '\u2eef': '竜',
  '\u2ef2': '亀',
  '\u2027': '・',
};
function asIdeographs(text: string): string {
  return text
    .replace(/[\u2f00-\u2fd5]/gu, (c) => c.normalize('NFKC'))
    .replace(/[\u2e80-\u2ef3\u2027]/gu, (c) => RADICALS[c] ?? c);
}

/** A table-of-contents line: text, then (after dot leaders or spaces) the page it starts on. */
const CONTENTS_LINE = /\S.*?(?:[.・…‥·。]{2,}|\s)\s*([0-9０-９]{1,3})$/u;
/** A page whose lines end in page numbers at least this often (and 5 of them) lists contents. */
const CONTENTS_SHARE = 0.6;

/**
 * Drops a table of contents: on a page where most lines end in a page number of the document, those
 * lines (「Q1-3 パスワードの有効期限が切れたと表示されます …… 5」 would read as questions without answers).
 */
function withoutContents(pages: Line[][]): Line[][] {
  return pages.map((lines) => {
    const listed = lines.filter((l) => {
      const page = CONTENTS_LINE.exec(l.text)?.[1];
      return page !== undefined && Number(page.normalize('NFKC')) <= pages.length;
    });
    if (listed.length < 5 || listed.length < lines.length * CONTENTS_SHARE) return lines;
    const drop = new Set(listed);
    return lines.filter((l) => !drop.has(l));
  });
}

/** The font height that carries the most characters. */
function bodyHeight(lines: readonly Line[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(l.height, (chars.get(l.height) ?? 0) + l.text.length);
  return [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

function isHeading(line: Line, body: number): boolean {
  return body > 0 && line.height >= body * HEADING_RATIO && line.text.length <= MAX_HEADING_CHARS;
}

function joinLine(text: string, line: string): string {
  return continues(text, line) ? text + line : text ? `${text}\n${line}` : line;
}

/** Whether `line` carries on the sentence or word `text` ends in (a wrapped line), rather than starting its own. */
function continues(text: string, line: string): boolean {
  if (!text) return false;
  // A Latin word wrapped at its hyphen (MIDORI-⏎SecurePrint), or a sentence wrapped after a Latin word before
  // its particle (いずれも Outlook⏎で送受信します).
  if (/[A-Za-z0-9]-$/.test(text) && /^[A-Za-z0-9]/.test(line)) return true;
  if (/[A-Za-z0-9]$/.test(text) && /^[ぁ-ゖ]/.test(line)) return true;
  // A question's or an answer's marker starts a line of its own (「…忘れました」 then 「A. …」).
  return CJK_END.test(text) && !SENTENCE_END.test(text) && !LIST_START.test(line) && !startsWithQaMarker(line);
}
