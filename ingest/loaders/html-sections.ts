/**
 * HTML to manual sections with cheerio: h1–h4 open sections (building the heading path), the
 * text of everything else in document order fills them; scripts, styles and navigation are dropped.
 */
import type * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { Section } from './manual';

const DROPPED = 'script, style, nav, noscript, template, iframe, svg, head';
const BLOCKS = new Set([
  'div',
  'section',
  'article',
  'main',
  'aside',
  'header',
  'footer',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'h5',
  'h6',
  'form',
  'fieldset',
  'address',
]);
const PARAGRAPH = '\u2029';
const CJK = '[\\u3000-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]';
/** HTML source line breaks inside Japanese text are not spaces. */
const SPACE_BETWEEN_CJK = new RegExp(`(${CJK}) (?=${CJK})`, 'g');

/** What an HTML page yields: sections plus the title and canonical URL when present. */
export interface HtmlContent {
  sections: Section[];
  title?: string;
  url?: string;
}

/** Extracts sections, title (first h1, else <title>, else first heading) and canonical URL from HTML. */
export function htmlSections(html: string): HtmlContent {
  // cheerio loads with the first HTML or Word file, not with the server.
  const $ = (require('cheerio') as typeof cheerio).load(html);
  const pageTitle = clean($('head > title').first().text()) || undefined;
  const url = $('link[rel="canonical"]').attr('href') || $('meta[property="og:url"]').attr('content') || undefined;
  $(DROPPED).remove();
  const sections: Section[] = [];
  const path: string[] = [];
  let parts: string[] = [];
  let firstHeading: string | undefined;
  let firstH1: string | undefined;
  const flush = (): void => {
    sections.push({ headingPath: [...path], text: finish(parts.join('')) });
    parts = [];
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') return void parts.push(node.data.replace(/\s+/g, ' '));
    if (node.type !== 'tag') return;
    const level = /^h([1-4])$/.exec(node.name);
    if (level) {
      const heading = clean($(node).text());
      if (!heading) return;
      flush();
      path.length = Math.min(path.length, Number(level[1]) - 1);
      path.push(heading);
      firstHeading ??= heading;
      if (level[1] === '1') firstH1 ??= heading;
      return;
    }
    if (node.name === 'br') parts.push('\n');
    // Paragraphs end with a blank line, other blocks (list items, rows) with a line break.
    const edge = node.name === 'p' ? PARAGRAPH : BLOCKS.has(node.name) ? '\n' : '';
    parts.push(edge);
    for (const child of node.children) walk(child);
    parts.push(edge);
    if (node.name === 'td' || node.name === 'th') parts.push('\t');
  };
  for (const node of $('body').length ? $('body').contents().toArray() : $.root().contents().toArray()) walk(node);
  flush();
  // The first h1 is the page's own name; <title> often appends the site name (「｜〇〇市」).
  return { sections, title: firstH1 ?? pageTitle ?? firstHeading, url };
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(SPACE_BETWEEN_CJK, '$1');
}

function finish(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/ +/g, ' ')
        .replace(/^[ \t\u2029]+|[ \t\u2029]+$/g, '')
        .replace(SPACE_BETWEEN_CJK, '$1'),
    )
    .join('\n')
    .replace(/[\n\u2029]+/g, (breaks) => (breaks.includes(PARAGRAPH) ? '\n\n' : '\n'))
    .trim();
}
