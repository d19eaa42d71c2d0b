/**
 * The one-time key of a console form (issue 17 point 5): a fresh UUID in a hidden field each time the
 * page is rendered, so a POST retried by the proxy, the browser or a double click is written once.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { parseWriteKey } from '../../../tickets';
import { requireAuth } from '../auth';
import { isMultipart } from '../multipart';
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
 * Fields left out of what a repeated form must match: the CSRF token (a form resent after the session's
 * token changed is still the same form) and the account forms' passwords, which never enter the key's
 * stored hash.
 */
const UNMATCHED_FIELDS: ReadonlySet<string> = new Set(['_csrf', 'password', 'current', 'next', 'confirm']);

/**
 * Makes a console POST once-per-key when its form carries `_key` (writeKeyInput): the key belongs to the
 * signed-in operator; a repeat gets the first answer (the same 303). A multipart form (manuals, the
 * terminal CSV, the fiscal-year file) has its fields read by the upload step before this runs; its
 * files are matched by the body's length (a repeat's staged files are discarded unused).
 */
export function consoleFormKeys(keys: RequestKeys | undefined): RequestHandler {
  return keyedRequest(keys, {
    scope: 'console.form',
    key: (req) => field(req, WRITE_KEY_FIELD),
    owner: (req, res) => `operator:${requireAuth(res).operator.username}\n${req.method} ${req.baseUrl}${req.path}`,
    content: (req) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const fields = Object.keys(body)
        .filter((k) => !UNMATCHED_FIELDS.has(k))
        .sort()
        .map((k) => `${k}=${JSON.stringify(body[k])}`);
      return isMultipart(req) ? [...fields, `length=${req.get('content-length') ?? ''}`] : fields;
    },
  });
}
