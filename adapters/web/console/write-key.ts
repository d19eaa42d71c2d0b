/**
 * The one-time key of a console form (issue 17 point 5): a fresh UUID in a hidden field each time the
 * page is rendered, so a POST retried by the proxy, the browser or a double click is written once.
 */
import { randomUUID } from 'node:crypto';
import { parseWriteKey } from '../../../tickets';
import { html, type SafeHtml } from './html';
import { field, type HandlerContext } from './route-types';

/** The form field that carries the key. */
export const WRITE_KEY_FIELD = '_key';

/** A hidden field with a new key. */
export function writeKeyInput(): SafeHtml {
  return html`<input type="hidden" name="${WRITE_KEY_FIELD}" value="${randomUUID()}" />`;
}

/** The key posted with the form: undefined when absent (older pages); INPUT_INVALID (400) when malformed. */
export function writeKeyOf(c: HandlerContext): string | undefined {
  return parseWriteKey(field(c.req, WRITE_KEY_FIELD));
}
