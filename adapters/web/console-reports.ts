/**
 * The report pages inside the console: the reports router behind the console's session,
 * role check and CSRF check, rendered in the console layout.
 */
import express, { Router, type Request } from 'express';
import { authOf, loadSession, requireRole, type AuthService } from './auth';
import { consoleErrorPage, raw, renderPage } from './console';
import type { Logger } from '../../core';
import { createReportsRouter, type ReportPagesService } from './reports';
import { rejectNulInBody } from './request-errors';

/** Router to mount at `/console/reports` (before the console router). */
export function createConsoleReportsRouter(deps: {
  auth: AuthService;
  reports: ReportPagesService;
  logger: Logger;
}): Router {
  const router = Router();
  const signInPath = (req: Request) => `${req.baseUrl.replace(/\/reports$/, '')}/signin`;
  router.use(express.urlencoded({ extended: false, limit: '200kb' }), rejectNulInBody, loadSession(deps.auth));
  router.use(
    createReportsRouter({
      reports: deps.reports,
      authorize: () => requireRole('operator', signInPath),
      layout: (title, bodyHtml, _req, res) =>
        renderPage({ base: '/console', title, body: raw(bodyHtml), auth: authOf(res) }),
      csrfToken: (_req, res) => authOf(res)?.session.csrfToken ?? '',
      actor: (_req, res) => authOf(res)?.operator.username,
    }),
  );
  router.use(consoleErrorPage(deps.logger, () => '/console'));
  return router;
}
