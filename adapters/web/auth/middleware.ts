/** Express middleware: session cookie → auth context, role checks, CSRF checks. */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { KotaeError } from '../../../core';
import { hasRole, type OperatorRole } from '../../../tickets';
import type { AuthContext, AuthService } from './auth-service';
import type { DenialAudit } from './denial-audit';
import { parseCookies, serializeCookie } from './cookies';
import { tokensEqual } from './tokens';
import { isOneTime } from './password-hash';
import { clientOf } from './sign-in-context';

/** Pages an operator signed in with a one-time password may open. */
const ONE_TIME_ALLOWED = /^\/(account\/password|signout)\/?$/;

/** Name of the session cookie. */
export const SESSION_COOKIE = 'kotae_session';

/** Cookie settings: `secure` adds the Secure attribute (default true unless served on http://localhost). */
export interface SessionCookieOptions {
  secure: boolean;
}

const AUTH_KEY = 'kotaeAuth';
const DENIALS_KEY = 'kotaeDenials';
const ENDED_KEY = 'kotaeSessionEnded';

/**
 * The sign-in page's notice key (`?notice=…`) after the directory's role re-check ended the request's session: the
 * console shows why (「Entra ID で権限が変更されたため、再度サインインしてください。」).
 */
export const SESSION_ENDED_NOTICE = 'ssoRoleChanged';

/** The auth context loaded for this request, if signed in. */
export function authOf(res: Response): AuthContext | undefined {
  const value: unknown = res.locals[AUTH_KEY];
  return value ? (value as AuthContext) : undefined;
}

/** The auth context; throws AUTH_REQUIRED when signed out (use after requireRole). */
export function requireAuth(res: Response): AuthContext {
  const ctx = authOf(res);
  if (!ctx) throw new KotaeError('AUTH_REQUIRED', 'not signed in');
  return ctx;
}

/**
 * Reads the session cookie and stores the auth context (and where refusals are audited) on the response; the session
 * goes through AuthService's review (single sign-on's role re-check), which may lower its role or end it.
 */
export function loadSession(auth: AuthService): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals[DENIALS_KEY] = auth.denials;
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    const { ctx, ended } = await auth.resume(token, clientOf(req));
    if (ctx) res.locals[AUTH_KEY] = ctx;
    if (ended) res.locals[ENDED_KEY] = true;
    next();
  };
}

/** Where a signed-out request is sent: the sign-in page, with the reason when the role re-check ended its session. */
function signInRedirect(res: Response, path: string): string {
  return res.locals[ENDED_KEY] ? `${path}?notice=${SESSION_ENDED_NOTICE}` : path;
}

/** Sets the session cookie after sign-in (Max-Age = the absolute lifetime). */
export function setSessionCookie(
  res: Response,
  token: string,
  maxAgeSeconds: number,
  options: SessionCookieOptions,
): void {
  res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, token, { secure: options.secure, maxAgeSeconds }));
}

/** Clears the session cookie. */
export function clearSessionCookie(res: Response, options: SessionCookieOptions): void {
  res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { secure: options.secure, maxAgeSeconds: 0 }));
}

/** Whether the method changes state (and therefore needs a CSRF token). */
export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/** The CSRF token a request presents: header `x-csrf-token` or form field `_csrf`. */
export function presentedCsrf(req: Request): string | undefined {
  const header = req.get('x-csrf-token');
  if (header) return header;
  const body: unknown = req.body;
  if (body && typeof body === 'object' && '_csrf' in body) {
    const field = (body as Record<string, unknown>)._csrf;
    return typeof field === 'string' ? field : undefined;
  }
  return undefined;
}

/**
 * Guards a route: signed-out users are redirected to the sign-in page (302), users who meet neither the
 * role nor any of the roles given (hasRole: an auditor meets no `operator` check, an operator no `auditor`
 * one) get AUTH_FORBIDDEN (a refused write is audited as `auth.denied`, see DenialAudit), state-changing
 * requests without the session's CSRF token get AUTH_CSRF, and an operator signed in with a one-time
 * password is sent to the password change page (303). `csrf: false` leaves the CSRF check to requireCsrf after
 * the body is read: a multipart form carries its `_csrf` field in the body, which is read only once the role is
 * met (a user who may not post the form is refused before a byte of it is read or staged).
 */
export function requireRole(
  role: OperatorRole | readonly OperatorRole[],
  signInPath: (req: Request) => string,
  options: { csrf?: boolean } = {},
): RequestHandler {
  const required = typeof role === 'string' ? role : role.join(',');
  return (req: Request, res: Response, next: NextFunction) => {
    const ctx = authOf(res);
    if (!ctx) {
      res.redirect(302, signInRedirect(res, signInPath(req)));
      return;
    }
    if (isOneTime(ctx.operator.passwordHash) && !ONE_TIME_ALLOWED.test(req.path)) {
      // A one-time password (the generated first admin's) may only be changed.
      res.redirect(303, `${signInPath(req).replace(/\/signin$/, '')}/account/password?notice=mustChange`);
      return;
    }
    if (!hasRole(ctx.operator.role, role)) {
      const forbidden = new KotaeError('AUTH_FORBIDDEN', `${ctx.operator.username} lacks role ${required}`);
      const denials = res.locals[DENIALS_KEY] as DenialAudit | undefined;
      if (!denials || !isStateChanging(req.method)) throw forbidden;
      // A refused write is audited (rate-bounded); the answer is 403 whether or not the row could be written.
      const route: unknown = req.route;
      const pattern = route && typeof route === 'object' && 'path' in route ? String(route.path) : req.path;
      denials
        .record({
          username: ctx.operator.username,
          role: ctx.operator.role,
          required,
          method: req.method,
          route: `${req.baseUrl}${pattern}`,
          path: `${req.baseUrl}${req.path}`,
          ip: req.ip,
        })
        .then(
          () => next(forbidden),
          () => next(forbidden),
        );
      return;
    }
    if (options.csrf === false) return next();
    requireCsrf(req, res, next);
  };
}

/**
 * The CSRF check of a signed-in operator's state-changing request (AUTH_CSRF without the session's token); after
 * requireRole, and after the body is read when requireRole was told `csrf: false`.
 */
export const requireCsrf: RequestHandler = (req, res, next) => {
  const ctx = requireAuth(res);
  if (isStateChanging(req.method) && !tokensEqual(presentedCsrf(req), ctx.session.csrfToken)) {
    throw new KotaeError('AUTH_CSRF', `csrf token mismatch for ${ctx.operator.username}`);
  }
  next();
};
