/** HTML escaping for server-rendered pages: the `html` tag escapes every interpolated value. */
import { escapeHtml } from '../../../core';

/** The project's one HTML escape (core/escape-markup.ts), re-exported for the web adapter. */
export { escapeHtml };

/** Markup that is already safe (built by `html` or `raw`). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Interpolated value: text (escaped), safe markup, or lists of them. */
export type HtmlValue = string | number | boolean | undefined | null | SafeHtml | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template that escapes interpolations. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  values.forEach((v, i) => (out += render(v) + strings[i + 1]));
  return new SafeHtml(out);
}

/** Marks trusted markup as safe (only for constants). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
