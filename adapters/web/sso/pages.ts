/**
 * What the /auth routes and their error page share: the short-lived sign-in cookie (state, nonce and PKCE
 * verifier kept between the redirect and the callback), the Japanese page with its links back to sign-in,
 * and how a failed sign-in is logged, audited and answered.
 */
import type { Request, Response } from 'express';
import type { AuditTrail, Logger } from '../../../core';
import { clientOf, parseCookies, serializeCookie, signInContext } from '../auth';
import { html, type SafeHtml } from '../console';
import { renderPage } from '../console';
import { failureEntry, type SsoFailure } from './failures';
import { SSO_MESSAGES as M } from './messages';

export { clientOf };

/** What the browser keeps between the redirect and the callback. */
export interface Pending {
  state: string;
  nonce: string;
  verifier: string;
}

/** Where a sign-in lands: the console or the web chat. */
export type Target = 'console' | 'chat';

const PENDING_COOKIE = 'kotae_oidc';

/** The Set-Cookie value of the sign-in cookie (`maxAgeSeconds` 0 with an empty value ends it). */
export function pendingCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return serializeCookie(PENDING_COOKIE, value, { secure, maxAgeSeconds, path: '/auth', sameSite: 'Lax' });
}

/** The sign-in this browser started, or undefined (none, expired, or a cookie that is not ours). */
export function readPending(req: Request): (Pending & { target: Target }) | undefined {
  const value = parseCookies(req.headers.cookie).get(PENDING_COOKIE);
  if (!value || value.length > 2000) return undefined;
  try {
    const p = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;
    const ok = ['state', 'nonce', 'verifier'].every((k) => typeof p[k] === 'string' && p[k]);
    if (!ok || (p.target !== 'console' && p.target !== 'chat')) return undefined;
    return p as unknown as Pending & { target: Target };
  } catch {
    return undefined;
  }
}

/** Answers a sign-in page (never cached); `redirect` moves the browser on by itself. */
export function page(
  res: Response,
  status: number,
  body: SafeHtml,
  error?: string,
  redirect?: string,
  title: string = M.title,
): void {
  let markup = renderPage({ base: '/console', title, body, error });
  // The callback arrives from the provider's site, so SameSite=Strict cookies are not sent on a redirect
  // from it; a refresh from Kotae's own page is a same-site navigation that carries the new session.
  if (redirect)
    markup = markup.replace(
      '<head>',
      html`<head>
        <meta http-equiv="refresh" content="0;url=${redirect}" />
      </head>`.value,
    );
  res.status(status).type('html').setHeader('Cache-Control', 'no-store').send(markup);
}

/** Which sign-ins this deployment offers. */
export interface SignInTargets {
  console: boolean;
  chat: boolean;
}

/** Links back to sign-in: to where this browser was going, else to every configured target. */
export function signInLinks(targets: SignInTargets, target?: Target): SafeHtml {
  const again = (to: Target) => html`<p><a href="/auth/signin?to=${to}">${M.signInAgain}</a></p>`;
  if (target) return again(target);
  if (!(targets.console && targets.chat)) return again(targets.console ? 'console' : 'chat');
  return html`<p><a href="/auth/signin?to=chat">${M.signInChat}</a></p>
    <p><a href="/auth/signin?to=console">${M.signInConsole}</a></p>`;
}

/** What answering a failed sign-in needs. */
export interface FailureDeps {
  targets: SignInTargets;
  audit: AuditTrail;
  logger: Logger;
  /** This instance's id, written into sign-in audit rows. */
  instance?: string;
}

/**
 * Logs (with `detail`, never shown), audits (`auth.sign_in_failed`, with the request's ip, User-Agent
 * and the instance) and answers a failed sign-in.
 */
export async function answerFailure(
  d: FailureDeps,
  req: Request,
  res: Response,
  failure: SsoFailure,
  target?: Target,
  actor?: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  d.logger.warn('single sign-on failed', { reason: failure.reason, ...detail });
  await d.audit.record(failureEntry(failure, actor, signInContext(clientOf(req), d.instance)));
  page(res, failure.status, signInLinks(d.targets, target), failure.message);
}
