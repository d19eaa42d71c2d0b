/**
 * Renders a legal page: its text in a small Markdown subset (`#`/`##` headings, `-` and `1.` lists,
 * paragraphs with their line breaks), every character escaped by the console's `html` tag; or an HTML
 * fragment the administrator wrote (used as is: it is the operator's own file, not user input).
 */
import { html, raw, type SafeHtml } from '../console';
import { LEGAL_MESSAGES as M } from './messages';

/** One page's content and the format it is written in. */
export interface LegalContent {
  format: 'markdown' | 'html';
  text: string;
}

const ORDERED = /^\d{1,3}[.)]\s+/;
const BULLET = /^[-*+]\s+/;

function block(lines: string[]): SafeHtml {
  const first = lines[0];
  if (/^#{1,6}\s/.test(first)) {
    const level = first.startsWith('##') ? 3 : 2;
    const heading = first.replace(/^#+\s+/, '');
    const rest = lines.length > 1 ? block(lines.slice(1)) : '';
    return level === 2
      ? html`<h2>${heading}</h2>
          ${rest}`
      : html`<h3>${heading}</h3>
          ${rest}`;
  }
  if (lines.every((l) => BULLET.test(l)))
    return html`<ul>
      ${lines.map((l) => html`<li>${l.replace(BULLET, '')}</li>`)}
    </ul>`;
  if (lines.every((l) => ORDERED.test(l)))
    return html`<ol>
      ${lines.map((l) => html`<li>${l.replace(ORDERED, '')}</li>`)}
    </ol>`;
  return html`<p>${lines.map((l, i) => (i === 0 ? html`${l}` : html`<br />${l}`))}</p>`;
}

/** The Markdown subset as escaped HTML. */
export function markdownToHtml(text: string): SafeHtml {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((b) => b.length > 0);
  return html`${blocks.map(block)}`;
}

/** A complete page (lang="ja", the app's name, a link to the other page). */
export function renderLegalPage(kind: 'privacy' | 'terms', content: LegalContent): string {
  const title = kind === 'privacy' ? M.privacyTitle : M.termsTitle;
  const other = kind === 'privacy' ? '/terms' : '/privacy';
  const body = content.format === 'html' ? raw(content.text) : markdownToHtml(content.text);
  return html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} - ${M.appName}</title>
        <link rel="stylesheet" href="/static/legal.css" />
      </head>
      <body>
        <header><p>${M.appName}</p></header>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
        <footer><a href="${other}">${M.otherPage[kind]}</a></footer>
      </body>
    </html>`.value;
}
