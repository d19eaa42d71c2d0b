/**
 * The one-time key of a console form (issue 17 point 5): a fresh UUID in a hidden field each time the
 * page is rendered, so a POST retried by the proxy, the browser or a double click is written once.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { parseWriteKey } from '../../../tickets';
import { requireAuth } from '../auth';
import { keyedRequest, type RequestKeys } from '../request-keys';
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

/**
 * Makes a console POST once-per-key when its form carries `_key` (writeKeyInput): the key belongs to the
 * signed-in operator; a repeat gets the first answer (the same 303). The CSRF token is left out of what
 * must match, so a form resent after the session's token changed is still the same form.
 */
export function consoleFormKeys(keys: RequestKeys | undefined): RequestHandler {
  return keyedRequest(keys, {
    scope: 'console.form',
    key: (req) => field(req, WRITE_KEY_FIELD),
    owner: (req, res) => `operator:${requireAuth(res).operator.username}\n${req.method} ${req.baseUrl}${req.path}`,
    content: (req) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      return Object.keys(body)
        .filter((k) => k !== '_csrf')
        .sort()
        .map((k) => `${k}=${JSON.stringify(body[k])}`);
    },
  });
}
