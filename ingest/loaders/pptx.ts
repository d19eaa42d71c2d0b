/**
 * PowerPoint decks (.pptx): manuals and FAQ decks as departments make them. Each shown slide is a
 * section (its title the heading, its text boxes, tables and speaker notes the text, its number the
 * page: sources say 「スライド3」); then the page logic applies, so a deck with a question per slide
 * (「Q. VPNにつながらない」 as the title, or a text box asking 「…ですか？」 above the answer) or 「Q：」/「A：」
 * lines becomes FAQ entries. The contents slide, hidden slides and text repeated on most slides (a footer
 * typed into a text box) are left out.
 */
import * as path from 'node:path';
import type * as cheerio from 'cheerio';
import type JSZip from 'jszip';
import { SKIP_REASONS, skipFile } from '../skip-reasons';
import { isQuestionHeading, pageDocuments, type PageSection } from './faq-page';
import { readSlide, type SlideBlock, type SlideText } from './pptx-slide';
import type { LoadResult, SourceFile } from './types';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
/** Bounds on what a deck may unpack to: a small file must not inflate into gigabytes of XML. */
const MAX_PART_BYTES = 16 * 1024 * 1024;
const MAX_TOTAL_BYTES = 128 * 1024 * 1024;
const MAX_SLIDES = 2000;
/** A contents or agenda slide lists what follows: no content of its own. */
const CONTENTS_TITLE = /^(?:目次|もくじ|目　次|contents|table of contents|agenda|アジェンダ|本日の内容|内容)$/i;
/** A text box that only asks (「トナーの交換方法は？」) opens a question when a slide holds several. */
const MAX_QUESTION_BOX_CHARS = 120;

interface Slide extends SlideText {
  number: number;
  notes: string[];
}

/** Loads a PowerPoint deck. */
export async function loadPptx(file: SourceFile): Promise<LoadResult> {
  const head = file.bytes.subarray(0, 4);
  if (head.equals(OLE_MAGIC)) throw skipFile(SKIP_REASONS.pptxProtected, `OLE container in ${file.relPath}`);
  if (!head.equals(ZIP_MAGIC)) throw skipFile(SKIP_REASONS.pptxCorrupt, `not a zip: ${file.relPath}`);
  let zip: JSZip;
  try {
    // jszip loads with the first PowerPoint file, not with the server.
    const JSZipClass = require('jszip') as typeof JSZip;
    zip = await JSZipClass.loadAsync(file.bytes);
  } catch (err) {
    throw skipFile(SKIP_REASONS.pptxCorrupt, `jszip failed on ${file.relPath}`, err);
  }
  const budget = { left: MAX_TOTAL_BYTES };
  const read = async (name: string): Promise<string | undefined> => {
    const entry = zip.file(name);
    if (!entry) return undefined;
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (size > MAX_PART_BYTES || size > budget.left) {
      throw skipFile(SKIP_REASONS.pptxCorrupt, `${name} of ${file.relPath} inflates to ${size} bytes`);
    }
    budget.left -= size;
    return entry.async('string');
  };
  try {
    const slidePaths = await slideOrder(read);
    if (slidePaths.length === 0) throw skipFile(SKIP_REASONS.pptxCorrupt, `no slides in ${file.relPath}`);
    const slides: Slide[] = [];
    for (const [n, slidePath] of slidePaths.slice(0, MAX_SLIDES).entries()) {
      const xml = await read(slidePath);
      if (!xml) continue;
      const slide = readSlide(xml);
      const notesPath = (await relationTargets(read, slidePath, 'notesSlide'))[0];
      const notesXml = notesPath ? await read(notesPath) : undefined;
      const notes = notesXml ? readSlide(notesXml).blocks.flatMap((b) => b.lines) : [];
      slides.push({ ...slide, number: n + 1, notes });
    }
    const title = (await deckTitle(read)) ?? firstTitle(slides);
    const sections = slideSections(slides.filter((s) => !s.hidden));
    return { documents: pageDocuments(file, sections, { title }), skippedParts: [] };
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'INGEST_FILE_SKIPPED') throw err;
    throw skipFile(SKIP_REASONS.pptxCorrupt, `cannot read ${file.relPath}: ${String(err)}`, err);
  }
}

type Read = (name: string) => Promise<string | undefined>;

/** Slide part names in presentation order (p:sldIdLst through the presentation's relationships). */
async function slideOrder(read: Read): Promise<string[]> {
  const presentation = await read('ppt/presentation.xml');
  const rels = await relations(read, 'ppt/presentation.xml');
  const ids = [...(presentation ?? '').matchAll(/<p:sldId\b[^>]*?\br:id="([^"]+)"/g)].map((m) => m[1] ?? '');
  return ids.flatMap((id) => {
    const rel = rels.find((r) => r.id === id);
    return rel ? [rel.target] : [];
  });
}

interface Relation {
  id: string;
  type: string;
  target: string;
}

/** The relationships of a part, targets resolved to part names. */
async function relations(read: Read, part: string): Promise<Relation[]> {
  const dir = path.posix.dirname(part);
  const xml = await read(`${dir}/_rels/${path.posix.basename(part)}.rels`);
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b([^>]*)\/?>/g)].flatMap((m) => {
    const attrs = m[1] ?? '';
    const id = /\bId="([^"]+)"/.exec(attrs)?.[1];
    const type = /\bType="([^"]+)"/.exec(attrs)?.[1] ?? '';
    const target = /\bTarget="([^"]+)"/.exec(attrs)?.[1];
    if (!id || !target || /\bTargetMode="External"/.test(attrs)) return [];
    const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(`${dir}/${target}`);
    return [{ id, type, target: resolved }];
  });
}

async function relationTargets(read: Read, part: string, kind: string): Promise<string[]> {
  return (await relations(read, part)).filter((r) => r.type.endsWith(`/${kind}`)).map((r) => r.target);
}

/** dc:title of the document properties, when set. */
async function deckTitle(read: Read): Promise<string | undefined> {
  const core = await read('docProps/core.xml');
  if (!core) return undefined;
  // cheerio (already read for the slides) decodes the XML's entities.
  const $ = (require('cheerio') as typeof cheerio).load(core, { xml: true });
  return $('dc\\:title').first().text().trim() || undefined;
}

function firstTitle(slides: readonly Slide[]): string | undefined {
  return slides
    .find((s) => s.blocks.some((b) => b.title))
    ?.blocks.find((b) => b.title)
    ?.lines.join(' ');
}

/** Sections of the shown slides: chrome repeated on most slides and the contents slide left out. */
function slideSections(slides: readonly Slide[]): PageSection[] {
  const repeated = repeatedLines(slides);
  const sections: PageSection[] = [];
  const covers = new Set<PageSection>();
  for (const slide of slides) {
    const keep = (line: string): boolean => !repeated.has(key(line)) && !/^[\d\s/／-]+$/.test(line);
    const titleBlock = slide.blocks.find((b) => b.title) ?? typedTitle(slide.blocks);
    const title = titleBlock ? titleBlock.lines.filter(keep).join(' ').trim() : '';
    if (CONTENTS_TITLE.test(title.normalize('NFKC').replace(/\s+/g, ' '))) continue;
    const boxes = slide.blocks.filter((b) => b !== titleBlock).map((b) => b.lines.filter(keep));
    const notes = slide.notes.filter(keep);
    // Text boxes that only ask a question open a question of their own (the title is then a category).
    const asks = boxes.map(
      (lines) =>
        lines.length === 1 && (lines[0] ?? '').length <= MAX_QUESTION_BOX_CHARS && isQuestionHeading(lines[0] ?? ''),
    );
    const heading = title ? [title] : [];
    if (asks.some(Boolean) && !(title && isQuestionHeading(title))) {
      let current: PageSection = { headingPath: heading, text: '', page: slide.number };
      const out: PageSection[] = [current];
      boxes.forEach((lines, i) => {
        if (asks[i]) {
          current = { headingPath: [...heading, lines[0] ?? ''], text: '', page: slide.number, question: true };
          out.push(current);
        } else current.text = [current.text, lines.join('\n')].filter(Boolean).join('\n');
      });
      current.text = [current.text, notes.join('\n')].filter(Boolean).join('\n');
      sections.push(...out.filter((s) => s.question || s.text.trim()));
    } else {
      const text = [...boxes.map((lines) => lines.join('\n')), notes.join('\n')].filter(Boolean).join('\n');
      const section: PageSection = { headingPath: heading, text, page: slide.number };
      // The title slide, or the first slide: the deck's cover, not a topic.
      if (titleBlock?.cover || slide === slides[0]) {
        section.question = false;
        covers.add(section);
      }
      if (title || text) sections.push(section);
    }
  }
  return asQuestionDeck(sections, covers);
}

/** Share of a deck's titled slides asking a question that makes every titled slide an entry. */
const QUESTION_DECK_SHARE = 0.6;

/**
 * An FAQ deck, where most titled slides ask a question (「Q3. …」「…ですか？」), has one entry per slide:
 * a slide titled as a topic among them (「LoGoチャットを使いたい」) is an entry too, not a page of a manual.
 */
function asQuestionDeck(sections: PageSection[], covers: ReadonlySet<PageSection>): PageSection[] {
  const titled = sections.filter((s) => s.headingPath.length === 1 && s.text.trim() && !s.question && !covers.has(s));
  const asking = titled.filter((s) => isQuestionHeading(s.headingPath[0] ?? ''));
  if (titled.length < 3 || asking.length < QUESTION_DECK_SHARE * titled.length) return sections;
  return sections.map((s) => (titled.includes(s) ? { ...s, question: true } : s));
}

/**
 * A deck drawn without a title placeholder (text boxes only, as generated decks are): the first box,
 * when it is one short line and other boxes follow, is the slide's title.
 */
function typedTitle(blocks: readonly SlideBlock[]): SlideBlock | undefined {
  const [first, ...others] = blocks;
  return first &&
    others.length > 0 &&
    first.lines.length === 1 &&
    (first.lines[0] ?? '').length <= MAX_TYPED_TITLE_CHARS
    ? first
    : undefined;
}

const MAX_TYPED_TITLE_CHARS = 80;

/** Lines on at least half of the slides (three or more): a footer or a running header. */
function repeatedLines(slides: readonly Slide[]): Set<string> {
  const counts = new Map<string, number>();
  for (const slide of slides) {
    const title = slide.blocks.find((b) => b.title) ?? typedTitle(slide.blocks);
    const lines = new Set(slide.blocks.filter((b) => b !== title).flatMap((b) => b.lines.map(key)));
    for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const min = Math.max(3, Math.ceil(slides.length / 2));
  return new Set([...counts].filter(([, n]) => n >= min).map(([line]) => line));
}

function key(line: string): string {
  return line.normalize('NFKC').replace(/\s+/g, '');
}
