/**
 * One PowerPoint slide's XML (PresentationML, ECMA-376 part 1 §19) read as text blocks in reading
 * order: the title placeholder first, then text boxes, placeholders and tables top to bottom, left to
 * right. Footer, date and slide-number placeholders carry no content and are left out.
 */
import type * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { ANSWER_HEADER, QUESTION_HEADER } from './html-sections';

/** One shape's text: its paragraphs as lines. */
export interface SlideBlock {
  lines: string[];
  /** The slide's title placeholder (title or ctrTitle). */
  title: boolean;
  /** A title slide's title (ctrTitle): the deck's cover, not a topic. */
  cover?: boolean;
  /** Position on the slide (EMU); shapes that inherit theirs from the layout have none. */
  y?: number;
  x?: number;
}

/** What one slide says. */
export interface SlideText {
  hidden: boolean;
  blocks: SlideBlock[];
}

/** Placeholders that hold no content of the slide. */
const CHROME_PLACEHOLDERS = new Set(['ftr', 'dt', 'sldNum', 'hdr', 'sldImg']);
const TITLE_PLACEHOLDERS = new Set(['title', 'ctrTitle']);

/** Parses one slide (or notes page) XML. */
export function readSlide(xml: string): SlideText {
  // cheerio loads with the first PowerPoint file, not with the server.
  const $ = (require('cheerio') as typeof cheerio).load(xml, { xml: true });
  const root = $.root()[0];
  const sld = root ? firstChild(root, (e) => e.name === 'p:sld' || e.name === 'p:notes') : undefined;
  const tree = sld && find(sld, 'p:cSld', 'p:spTree');
  const blocks: SlideBlock[] = [];
  if (tree) collect(tree, blocks, 0);
  const ordered = blocks
    .map((b, i) => ({ b, i }))
    .sort((p, q) => rank(p.b) - rank(q.b) || position(p.b, q.b) || p.i - q.i)
    .map((p) => p.b);
  return { hidden: sld?.attribs.show === '0' || sld?.attribs.show === 'false', blocks: ordered };
}

function rank(b: SlideBlock): number {
  return b.title ? 0 : 1;
}

/** Top to bottom, then left to right, when both shapes have a position; else document order. */
function position(a: SlideBlock, b: SlideBlock): number {
  if (a.y === undefined || b.y === undefined || a.x === undefined || b.x === undefined) return 0;
  // Shapes on about the same line (within a quarter of a centimetre) are read left to right.
  return Math.abs(a.y - b.y) > 90_000 ? a.y - b.y : a.x - b.x;
}

function collect(node: Element, out: SlideBlock[], depth: number): void {
  if (depth > 16) return;
  for (const child of elements(node)) {
    if (child.name === 'p:grpSp') collect(child, out, depth + 1);
    else if (child.name === 'p:sp') {
      const ph = find(child, 'p:nvSpPr', 'p:nvPr', 'p:ph');
      const type = ph?.attribs.type ?? (ph ? 'body' : undefined);
      if (type && CHROME_PLACEHOLDERS.has(type)) continue;
      const body = find(child, 'p:txBody');
      const lines = body ? paragraphs(body) : [];
      if (lines.length > 0) {
        const title = TITLE_PLACEHOLDERS.has(type ?? '');
        out.push({ lines, title, ...(type === 'ctrTitle' ? { cover: true } : {}), ...offset(child, 'p:spPr') });
      }
    } else if (child.name === 'p:graphicFrame') {
      const table = find(child, 'a:graphic', 'a:graphicData', 'a:tbl');
      const lines = table ? tableLines(table) : [];
      if (lines.length > 0) out.push({ lines, title: false, ...offset(child, 'p:xfrm') });
    }
  }
}

function offset(shape: Element, container: 'p:spPr' | 'p:xfrm'): { x?: number; y?: number } {
  const off = container === 'p:spPr' ? find(shape, 'p:spPr', 'a:xfrm', 'a:off') : find(shape, 'p:xfrm', 'a:off');
  const x = Number(off?.attribs.x);
  const y = Number(off?.attribs.y);
  return Number.isFinite(x) && Number.isFinite(y) && off ? { x, y } : {};
}

/** The paragraphs of a text body, each one line (line breaks inside a paragraph kept). */
function paragraphs(body: Element): string[] {
  const lines: string[] = [];
  for (const p of elements(body)) {
    if (p.name !== 'a:p') continue;
    const text = runsText(p).replace(/[ \t\u00a0\u3000]+/g, (s) => (s.includes('\u3000') ? '\u3000' : ' '));
    for (const line of text.split('\n')) if (line.trim()) lines.push(line.trim());
  }
  return lines;
}

function runsText(p: Element): string {
  let text = '';
  for (const r of elements(p)) {
    if (r.name === 'a:r' || r.name === 'a:fld') text += textOf(find(r, 'a:t'));
    else if (r.name === 'a:br') text += '\n';
  }
  return text;
}

/**
 * A table's rows, cells tab-separated; a table headed 質問 / 回答 (Q / A) becomes 「Q. …」「A. …」 lines so
 * that each row reads as a question and its answer.
 */
function tableLines(table: Element): string[] {
  const rows = elements(table)
    .filter((e) => e.name === 'a:tr')
    .map((tr) =>
      elements(tr)
        .filter((e) => e.name === 'a:tc' && e.attribs.hMerge !== '1' && e.attribs.vMerge !== '1')
        .map((tc) => {
          const body = find(tc, 'a:txBody');
          return body ? paragraphs(body).join('\n') : '';
        }),
    );
  const head = (rows[0] ?? []).map((h) => h.normalize('NFKC').replace(/\s+/g, ''));
  const q = head.findIndex((h) => QUESTION_HEADER.test(h));
  const a = head.findIndex((h) => ANSWER_HEADER.test(h));
  if (q >= 0 && a >= 0 && q !== a) {
    return rows.slice(1).flatMap((cells) => {
      const question = cells[q]?.replace(/\n+/g, ' ').trim();
      const answer = cells[a]?.trim();
      return question && answer ? [`Q. ${question}`, `A. ${answer}`] : [];
    });
  }
  return rows.map((cells) => cells.join('\t').trim()).filter((line) => line.length > 0);
}

function elements(node: AnyNode): Element[] {
  return 'children' in node ? node.children.filter((c): c is Element => c.type === 'tag') : [];
}

function firstChild(node: AnyNode, test: (e: Element) => boolean): Element | undefined {
  return elements(node).find(test);
}

/** The first element along a path of child names. */
function find(node: Element, ...names: string[]): Element | undefined {
  let current: Element | undefined = node;
  for (const name of names) {
    current = current && firstChild(current, (e) => e.name === name);
    if (!current) return undefined;
  }
  return current;
}

function textOf(node: AnyNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
