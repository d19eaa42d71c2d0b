/** Marks the search terms in a text (`<mark>`), every part escaped by the `html` template. */
import { html, type SafeHtml } from './html';

/** `text` with each case-insensitive occurrence of a term wrapped in <mark>. */
export function highlight(text: string, terms: readonly string[]): SafeHtml {
  const lower = text.toLowerCase();
  const needles = terms.map((t) => t.toLowerCase()).filter((t) => t.length > 0);
  const parts: SafeHtml[] = [];
  let at = 0;
  while (at < text.length) {
    let next = -1;
    let length = 0;
    for (const n of needles) {
      const i = lower.indexOf(n, at);
      if (i >= 0 && (next < 0 || i < next || (i === next && n.length > length))) [next, length] = [i, n.length];
    }
    if (next < 0) break;
    parts.push(html`${text.slice(at, next)}<mark>${text.slice(next, next + length)}</mark>`);
    at = next + length;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}
