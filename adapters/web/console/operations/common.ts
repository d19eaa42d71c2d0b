/** Helpers shared by the operations pages. */
import { KotaeError } from '../../../../core';
import { html, type SafeHtml } from '../html';
import type { HandlerContext } from '../route-types';
import { writeKeyInput } from '../write-key';
import type { OperationsConsole } from './deps';
import { O } from './messages';

/** The operations services; 404 when the console runs without them. */
export function opsOf(c: HandlerContext): OperationsConsole {
  const ops = c.deps.operations;
  if (!ops) throw new KotaeError('NOT_FOUND', 'operations ledger not configured');
  return ops;
}

/** The hidden CSRF field of a form, and its one-time key (a form posted again is written once). */
export function csrfField(c: HandlerContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${c.auth.session.csrfToken}" />${writeKeyInput()}`;
}

/** Links between the operations pages. */
export function opsNav(c: HandlerContext): SafeHtml {
  const b = `${c.base}/operations`;
  return html`<p class="links">
    <a href="${b}/terminals">${O.terminals.title}</a> ・ <a href="${b}/sites">${O.sites.title}</a> ・
    <a href="${b}/campaigns">${O.campaigns.title}</a>
  </p>`;
}

/** Runs `work`; an INPUT_INVALID / CONFLICT / INPUT_TOO_LARGE becomes the page again with the message (400/409/413). */
export async function orShowError(
  work: () => Promise<void>,
  show: (status: number, message: string) => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof KotaeError) || !['INPUT_INVALID', 'CONFLICT', 'INPUT_TOO_LARGE'].includes(err.code)) throw err;
    await show(err.status, err.userMessage);
  }
}

/** The form fields posted as one value or several (checkbox groups). */
export function fieldList(c: HandlerContext, name: string): string[] {
  const body = (c.req.body ?? {}) as Record<string, unknown>;
  const value = body[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
