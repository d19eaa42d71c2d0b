/**
 * HTML to manual sections with cheerio: h1–h4 open sections (building the heading path), the
 * text of everything else in document order fills them; scripts, styles and the site's chrome (navigation,
 * breadcrumbs, side panels, footers) are dropped.
 */
import type * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { PageSection } from './faq-page';
import { isQuestionHeading } from './faq-page';

const DROPPED = 'script, style, nav, noscript, template, iframe, svg, head';
/** The site around the page: footers (「Copyright …｜このページの先頭へ」), side panels, breadcrumbs. */
const CHROME = 'footer, aside, [role="navigation"], [role="contentinfo"], [role="complementary"]';
/** An id or class naming such a part: footer, site-footer, gnav, sidebar, side, breadcrumb(s), topicpath, pankuzu… */
const CHROME_NAME =
  /^(?:(?:site|page|global|common|local|sub|main|g|l)[-_]?)?(?:footer|nav|navi|navigation|sidebar|side|sidenav|sidemenu|breadcrumbs?|topicpath|pankuzu)(?:[-_]?(?:area|wrap|wrapper|inner|container|block|box|menu|list|links?))?$/i;
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

/** What an HTML page yields: sections (with their heading's element id) plus the title and canonical URL. */
export interface HtmlContent {
  sections: PageSection[];
  title?: string;
  url?: string;
  /** The page's <title>, as written. */
  headTitle?: string;
  /**
   * The first heading when it is an h1 and the page's only one: the name of the whole page. Several h1s are
   * chapters; a first heading below h1 names its own section only.
   */
  soleH1?: string;
}

/** Extracts sections, title (first h1, else <title>, else first heading) and canonical URL from HTML. */
export function htmlSections(html: string): HtmlContent {
  // cheerio loads with the first HTML or Word file, not with the server.
  const $ = (require('cheerio') as typeof cheerio).load(html);
  const pageTitle = clean($('head > title').first().text()) || undefined;
  const url = $('link[rel="canonical"]').attr('href') || $('meta[property="og:url"]').attr('content') || undefined;
  $(DROPPED).remove();
  dropChrome($);
  const sections: PageSection[] = [];
  // The open headings, outermost first, with their levels (an h3 right under an h1 is one level down).
  const path: { heading: string; level: number; anchor?: string; question?: boolean }[] = [];
  let parts: string[] = [];
  let firstHeading: string | undefined;
  let firstH1: string | undefined;
  let h1Count = 0;
  let firstIsH1 = false;
  const flush = (): void => {
    const last = path[path.length - 1];
    const anchor = last?.anchor;
    sections.push({
      headingPath: path.map((p) => p.heading),
      text: finish(parts.join('')),
      ...(anchor ? { anchor } : {}),
      ...(last?.question ? { question: true } : {}),
    });
    parts = [];
  };
  const open = (heading: string, level: number, anchor?: string, question = false): void => {
    flush();
    while (path.length > 0 && path[path.length - 1].level >= level) path.pop();
    path.push({ heading, level, ...(anchor ? { anchor } : {}), ...(question ? { question } : {}) });
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') return void parts.push(node.data.replace(/\s+/g, ' '));
    if (node.type !== 'tag') return;
    const level = /^h([1-4])$/.exec(node.name);
    if (level) {
      const heading = clean($(node).text());
      if (!heading) return;
      open(heading, Number(level[1]), anchorOf(node));
      if (firstHeading === undefined) firstIsH1 = level[1] === '1';
      firstHeading ??= heading;
      if (level[1] === '1') {
        firstH1 ??= heading;
        h1Count += 1;
      }
      return;
    }
    // A table with a question column and an answer column: each row is a question and its answer.
    const columns = node.name === 'table' ? faqTableColumns($, node) : undefined;
    if (columns) {
      const depth = path.length;
      for (const row of $(node).find('tr').toArray()) {
        const cells = row.children.filter((c): c is Element => isTag(c, 'td') || isTag(c, 'th'));
        const q = cells[columns.question];
        const a = cells[columns.answer];
        const text = q ? clean(textOf(q)) : '';
        if (!q || !a || !text || isTag(q, 'th') || text.length > MAX_QUESTION_CHARS) continue;
        open(text, QUESTION_LEVEL, anchorOf(row) ?? anchorOf(q), true);
        for (const child of a.children) walk(child);
      }
      flush();
      path.length = Math.min(path.length, depth);
      return;
    }
    // FAQ pages: an accordion's summary, or a <dt> that reads as a question, heads its answer (see faq-page).
    const question = faqQuestion(node);
    if (question) {
      const depth = path.length;
      open(question.text, QUESTION_LEVEL, question.anchor, true);
      const body = node.name === 'details' ? node.children.filter((c) => !isTag(c, 'summary')) : [];
      for (const child of body) walk(child);
      if (node.name === 'details') {
        flush();
        path.length = Math.min(path.length, depth);
      }
      return;
    }
    if (node.name === 'br') parts.push('\n');
    // Paragraphs end with a blank line, other blocks (list items, rows) with a line break.
    const edge = node.name === 'p' ? PARAGRAPH : BLOCKS.has(node.name) ? '\n' : '';
    parts.push(edge);
    for (const child of node.children) walk(child);
    parts.push(edge);
    // The last question of a definition list ends with the list.
    if (node.name === 'dl' && path[path.length - 1]?.level === QUESTION_LEVEL) {
      flush();
      path.pop();
    }
    if (node.name === 'td' || node.name === 'th') parts.push('\t');
  };
  for (const node of $('body').length ? $('body').contents().toArray() : $.root().contents().toArray()) walk(node);
  flush();
  // The first h1 is the page's own name; <title> often appends the site name (「｜〇〇市」).
  const soleH1 = h1Count === 1 && firstIsH1 ? firstH1 : undefined;
  return { sections, title: firstH1 ?? pageTitle ?? firstHeading, url, headTitle: pageTitle, soleH1 };
}

/**
 * Removes the site's chrome: footer, aside and navigation landmarks, and elements whose id or a class
 * names a footer, navigation, side panel or breadcrumb — unless the element holds the page itself (its
 * main, article or h1: a page wrapped whole in such a container loses nothing).
 */
function dropChrome($: cheerio.CheerioAPI): void {
  const named = (el: Element): boolean =>
    [el.attribs.id ?? '', ...(el.attribs.class ?? '').split(/\s+/)].some((name) => CHROME_NAME.test(name));
  const chrome = $(CHROME).toArray().concat($('[id], [class]').toArray().filter(named));
  for (const el of chrome) if ($(el).find('main, article, h1').length === 0) $(el).remove();
}

/** Below h1–h4 (accordions and definition lists sit inside the page's sections). */
const QUESTION_LEVEL = 5;

function isTag(node: AnyNode, name: string): node is Element {
  return node.type === 'tag' && node.name === name;
}

/** The element id naming a heading: its own, an inner anchor's, or (for a summary) its details'. */
function anchorOf(node: Element): string | undefined {
  const own = node.attribs.id;
  if (own) return own;
  for (const child of node.children) {
    if (child.type === 'tag' && (child.attribs.id || (child.name === 'a' && child.attribs.name)))
      return child.attribs.id || child.attribs.name;
  }
  return undefined;
}

/**
 * A question that heads an answer: `<details>` with a `<summary>` (the rest of the details is the
 * answer), a `<dt>` reading as a question (its `<dd>` follows), or an element classed as the question
 * (`<p class="faq-question">`, its answer follows). Text of the summary / dt / element is cleaned.
 */
function faqQuestion(node: Element): { text: string; anchor?: string } | undefined {
  if (node.name === 'details') {
    const summary = node.children.find((c): c is Element => isTag(c, 'summary'));
    if (!summary) return undefined;
    const text = clean(textOf(summary));
    return text ? { text, anchor: anchorOf(summary) ?? node.attribs.id } : undefined;
  }
  if (node.name === 'dt' || QUESTION_CLASS.test(node.attribs.class ?? '')) {
    const text = clean(textOf(node));
    const marked = node.name !== 'dt' || isQuestionHeading(text) || questionList(node);
    return text && text.length <= MAX_QUESTION_CHARS && marked ? { text, anchor: anchorOf(node) } : undefined;
  }
  return undefined;
}

/**
 * A definition list most of whose terms read as questions is a list of questions: its other terms are
 * problems stated as facts (「異動したら共有メールボックスが見られなくなりました。」), asked all the same.
 */
function questionList(dt: Element): boolean {
  const parent = dt.parent;
  if (!parent || parent.type !== 'tag' || parent.name !== 'dl') return false;
  const terms = parent.children.filter((c): c is Element => isTag(c, 'dt')).map((t) => clean(textOf(t)));
  return terms.length >= 2 && 2 * terms.filter((t) => isQuestionHeading(t)).length >= terms.length;
}

/** Header cells of an FAQ table's question and answer columns (質問 / 回答, Q / A, 問 / 答). */
export const QUESTION_HEADER = /^(?:Q|Ｑ|質問|ご質問|問|問い|質問内容|よくある質問)$/;
export const ANSWER_HEADER = /^(?:A|Ａ|回答|答え?|回答内容|解答)$/;

/** The question and answer columns of a table whose first row heads them, else undefined. */
function faqTableColumns($: cheerio.CheerioAPI, table: Element): { question: number; answer: number } | undefined {
  const first = $(table).find('tr').first().toArray()[0];
  if (!first) return undefined;
  const heads = first.children
    .filter((c): c is Element => isTag(c, 'td') || isTag(c, 'th'))
    .map((c) => clean(textOf(c)));
  const question = heads.findIndex((h) => QUESTION_HEADER.test(h));
  const answer = heads.findIndex((h) => ANSWER_HEADER.test(h));
  return question >= 0 && answer >= 0 && question !== answer ? { question, answer } : undefined;
}

/** CMS FAQ markup: an element whose class names it the question (`class="faq-question"`, `class="q"`). */
const QUESTION_CLASS = /(?:^|\s)(?:q|question|faq[-_]?q|faq[-_]?question|qa[-_]?q|qa[-_]?question)(?:\s|$)/i;
/** Longer text in such an element is a block of content, not one question. */
const MAX_QUESTION_CHARS = 200;

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag') return '';
  return node.children.map(textOf).join('');
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
