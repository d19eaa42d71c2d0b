/**
 * Errors on the browser's /auth pages (sign-in and callback) as the same Japanese page the sign-in
 * failures get, not the API's JSON: mounted at /auth after the router, it also catches what the app's
 * first checks refused before any route ran (a NUL or bad %-encoding in the URL). A refused callback is
 * a failed sign-in like any other: its sign-in cookie is spent and it is audited (`malformed_callback`).
 * `/auth/me` is the web chat's JSON endpoint and keeps the app's JSON errors.
 */
import type { ErrorRequestHandler } from 'express';
import { toKotaeError } from '../../../core';
import { retryAfterOf } from '../errors';
import { requestErrorOf } from '../request-errors';
import { malformedCallback } from './failures';
import { answerFailure, page, pendingCookie, readPending, signInLinks, type FailureDeps } from './pages';

/** What the error page needs (the router's deps have it all). */
export interface SsoErrorPageDeps extends Omit<FailureDeps, 'targets'> {
  console?: unknown;
  webChat?: unknown;
  secureCookies: boolean;
}

/** The error handler for `/auth` (mount it after the router). */
export function createSsoErrorPage(deps: SsoErrorPageDeps): ErrorRequestHandler {
  const failures: FailureDeps = { ...deps, targets: { console: Boolean(deps.console), chat: Boolean(deps.webChat) } };
  return (err, req, res, next) => {
    // As the router matches them (not strict): `/auth/me/` is /auth/me.
    const path = req.path.replace(/\/+$/, '');
    if (path === '/me' || res.headersSent) return next(err);
    const error = requestErrorOf(err) ?? toKotaeError(err);
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(retryAfter));
    if (error.status >= 500) {
      deps.logger.error('single sign-on request failed', { code: error.code, error: error.message, path: req.path });
      return page(res, error.status, signInLinks(failures.targets), error.userMessage);
    }
    if (path !== '/callback' || error.code !== 'INPUT_INVALID')
      return page(res, error.status, signInLinks(failures.targets), error.userMessage);
    const pending = readPending(req);
    res.append('Set-Cookie', pendingCookie('', 0, deps.secureCookies));
    const failure = malformedCallback(error.status, error.userMessage);
    answerFailure(failures, req, res, failure, pending?.target, undefined, { error: error.message }).catch(next);
  };
}
