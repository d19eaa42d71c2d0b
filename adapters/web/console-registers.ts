/**
 * The register and lending pages inside the console: the registers router behind the console's
 * session, role and CSRF checks, rendered in the console layout.
 */
import express, { Router, type Request } from 'express';
import { hasRole } from '../../tickets';
import { authOf, loadSession, requireAuth, requireRole, type AuthService } from './auth';
import { consoleErrorPage, consoleFormKeys, consoleHeaders, renderPage } from './console';
import type { Logger } from '../../core';
import { createRegistersRouter, type RegistersRouterDeps } from './registers';
import { rejectNulInBody } from './request-errors';
import type { RequestKeys } from './request-keys';

/** Router to mount at `/console/registers` (before the console router). */
export function createConsoleRegistersRouter(
  deps: Pick<RegistersRouterDeps, 'registers' | 'lending' | 'clock'> & {
    auth: AuthService;
    logger: Logger;
    /** Keyed forms (hidden `_key`): an issue or booking posted again is written once. */
    requestKeys?: RequestKeys;
  },
): Router {
  const router = Router();
  const keyed = consoleFormKeys(deps.requestKeys);
  const signInPath = (req: Request) => `${req.baseUrl.replace(/\/registers$/, '')}/signin`;
  // The console's security headers (CSP without inline scripts, no-store: the registers name people).
  router.use(
    consoleHeaders,
    express.urlencoded({ extended: false, limit: '200kb' }),
    rejectNulInBody,
    loadSession(deps.auth),
  );
  router.use(
    createRegistersRouter({
      registers: deps.registers,
      lending: deps.lending,
      clock: deps.clock,
      authorize: (role) => {
        const allowed = requireRole(role, signInPath);
        // Role first, then the form's key (its owner is the signed-in operator).
        return (req, res, next) => allowed(req, res, (err?: unknown) => (err ? next(err) : keyed(req, res, next)));
      },
      actor: (res) => {
        const ctx = requireAuth(res);
        return {
          username: ctx.operator.username,
          admin: hasRole(ctx.operator.role, 'admin'),
          csrf: ctx.session.csrfToken,
        };
      },
      send: (res, status, page) =>
        res
          .status(status)
          .type('html')
          .send(renderPage({ base: '/console', auth: authOf(res), ...page })),
    }),
  );
  router.use(consoleErrorPage(deps.logger, () => '/console'));
  return router;
}
