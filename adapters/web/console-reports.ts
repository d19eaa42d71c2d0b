/**
 * The report pages inside the console: the reports router behind the console's session,
 * role check and CSRF check, rendered in the console layout.
 */
import express, { Router, type Request } from 'express';
import { authOf, loadSession, requireRole, type AuthService } from './auth';
import { consoleErrorPage, consoleFormKeys, consoleHeaders, raw, renderPage } from './console';
import type { Logger } from '../../core';
import { hasRole, type TicketViewer } from '../../tickets';
import { createReportsRouter, type ReportPagesService } from './reports';
import { rejectNulInBody } from './request-errors';
import type { RequestKeys } from './request-keys';

/** Router to mount at `/console/reports` (before the console router). */
export function createConsoleReportsRouter(deps: {
  auth: AuthService;
  reports: ReportPagesService;
  logger: Logger;
  /** Keyed forms (hidden `_key`): a report generated or finalised by a form posted again is written once. */
  requestKeys?: RequestKeys;
  /** Whether an operator may see 機密性3 tickets now (the roster's rule, as on the ticket pages). */
  maySeeConfidential?: (viewer: TicketViewer) => Promise<boolean>;
}): Router {
  const router = Router();
  const keyed = consoleFormKeys(deps.requestKeys);
  const signInPath = (req: Request) => `${req.baseUrl.replace(/\/reports$/, '')}/signin`;
  // The console's security headers, as on every console page (no-store: reports name requesters and tickets).
  router.use(
    consoleHeaders,
    express.urlencoded({ extended: false, limit: '200kb' }),
    rejectNulInBody,
    loadSession(deps.auth),
  );
  router.use(
    createReportsRouter({
      reports: deps.reports,
      authorize: (roles) => {
        const allowed = requireRole(roles, signInPath);
        // Role first, then the form's key (its owner is the signed-in operator).
        return (req, res, next) => allowed(req, res, (err?: unknown) => (err ? next(err) : keyed(req, res, next)));
      },
      layout: (title, bodyHtml, _req, res) =>
        renderPage({ base: '/console', title, body: raw(bodyHtml), auth: authOf(res) }),
      allows: (roles, _req, res) => {
        const operator = authOf(res)?.operator;
        return operator !== undefined && hasRole(operator.role, roles);
      },
      csrfToken: (_req, res) => authOf(res)?.session.csrfToken ?? '',
      actor: (_req, res) => authOf(res)?.operator.username,
      maySeeConfidential: async (_req, res) => {
        const operator = authOf(res)?.operator;
        return operator && deps.maySeeConfidential ? deps.maySeeConfidential(operator) : false;
      },
    }),
  );
  router.use(consoleErrorPage(deps.logger, () => '/console'));
  return router;
}
