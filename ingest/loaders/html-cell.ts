/**
 * A sheet cell holding HTML, as helpdesk and CMS exports store an article's body (<p>, <br>, <ol><li>,
 * &nbsp;): read as the text a person sees — paragraphs and list items on lines of their own, numbered
 * items numbered, entities decoded — so that answers show no tags and tags are no search terms.
 */
import type * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';

/** Markup that makes a cell HTML (a lone 「<」 in text does not). */
const HTML_TAG =
  /<\/?(?:p|br|div|span|ul|ol|li|strong|b|em|i|u|a|h[1-6]|table|tr|td|th|tbody|thead|font|hr|img|pre|code)\b[^>]*>/i;
const BLOCK = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'pre', 'hr']);

/** Whether a cell holds HTML markup. */
export function isHtmlCell(cell: string): boolean {
  return HTML_TAG.test(cell);
}

/** The text of an HTML cell, one line per paragraph, list item or table row. */
export function htmlCellText(cell: string): string {
  // cheerio loads with the first export that needs it, not with the server.
  const $ = (require('cheerio') as typeof cheerio).load(cell, null, false);
  const out: string[] = [];
  const walk = (node: AnyNode, ordinal?: { n: number }): void => {
    if (node.type === 'text') {
      out.push(node.data.replace(/\s+/g, ' '));
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name.toLowerCase();
    if (name === 'br') return void out.push('\n');
    if (name === 'td' || name === 'th') out.push(' ');
    if (name === 'li') out.push(ordinal ? `${++ordinal.n}. ` : '・');
    const inner = name === 'ol' ? { n: 0 } : name === 'ul' ? undefined : ordinal;
    for (const child of node.children) walk(child, inner);
    if (BLOCK.has(name)) out.push('\n');
  };
  for (const node of $.root().contents().toArray()) walk(node);
  return out
    .join('')
    .split('\n')
    .map((line) =>
      line
        .replace(/\u00a0/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');
}
