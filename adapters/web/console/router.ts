/**
 * The operator console: server-rendered Japanese pages mounted by the composition root at
 * `/console`. Every route declares the role it needs; the router checks session, role and CSRF.
 */
import type { Logger } from '../../../core';
import express, {
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import { KotaeError, toKotaeError } from '../../../core';
import { projectFile } from '../../../core';
import { dropFileHeaders, requestErrorOf } from '../request-errors';
import { retryAfterOf } from '../errors';
import { authOf, loadSession, requireAuth, requireCsrf, requireRole } from '../auth';
import { ACCOUNT_ROUTES } from './account-routes';
import { AUDIT_ROUTES } from './audit-routes';
import { CERTIFICATE_ROUTES } from './certificate-routes';
import type { ConsoleDeps } from './deps';
import { FAQ_ROUTES } from './faq-routes';
import { LIVE_ROUTES } from './live-routes';
import { QUEUE_ROUTES } from './queue-routes';
import { TEMPLATE_ROUTES } from './template-routes';
import { NOTIFICATION_ROUTES } from './notification-routes';
import { KNOWLEDGE_ROUTES } from './knowledge-routes';
import { knowledgeUpload } from './knowledge-upload';
import { html } from './html';
import { sendPage } from './layout';
import { M } from './messages';
import { PASSWORD_ROUTES } from './password-routes';
import type { ConsoleRoute } from './route-types';
import { mountSignIn, SIGNOUT_ROUTE } from './signin-routes';
import { TICKET_ROUTES } from './ticket-routes';
import { QUARANTINE_ROUTES } from './quarantine-routes';
import { QUARANTINE_LIST_ROUTES } from './quarantine-list-page';
import { consoleUpload } from './upload';
import { WORK_LOG_ROUTES } from './work-log-routes';
import { OPERATIONS_ROUTES, terminalImportUpload } from './operations';
import { DUTY_ROUTES } from './duty-routes';
import { ROSTER_ROUTES } from './roster-routes';
import { FY_SWITCH_ROUTES, fySwitchUpload } from './fy-switch-routes';
import { rejectDeepBody, rejectNulInBody } from '../request-errors';
import { consoleFormKeys } from './write-key';

/** Every authorised console route (sign-in itself is open). */
export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  ...TICKET_ROUTES,
  ...QUARANTINE_ROUTES,
  ...QUARANTINE_LIST_ROUTES,
  ...LIVE_ROUTES,
  ...QUEUE_ROUTES,
  ...TEMPLATE_ROUTES,
  ...NOTIFICATION_ROUTES,
  ...WORK_LOG_ROUTES,
  ...FAQ_ROUTES,
  ...KNOWLEDGE_ROUTES,
  ...ACCOUNT_ROUTES,
  ...AUDIT_ROUTES,
  ...CERTIFICATE_ROUTES,
  ...OPERATIONS_ROUTES,
  ...PASSWORD_ROUTES,
  ...DUTY_ROUTES,
  ...ROSTER_ROUTES,
  ...FY_SWITCH_ROUTES,
  SIGNOUT_ROUTE,
];

const ASSETS_DIR = projectFile('adapters', 'web', 'static', 'console');

/** Strict headers for console pages: no inline scripts, no framing, no caching. */
export const consoleHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  next();
};

const TITLES: Record<number, string> = {
  403: M.errors.forbiddenTitle,
  404: M.errors.notFoundTitle,
  409: M.errors.refusedTitle,
};

/** The message of a stale save (another operator saved first): the only 409 titled 他の担当者が先に更新しました. */
const STALE_SAVE = new KotaeError('CONFLICT', 'stale save').userMessage;

/** The heading of an error page: a 409 is a stale save only with that message (not a duplicate or a rule). */
function errorTitle(e: KotaeError): string {
  if (e.code === 'CONFLICT' && e.userMessage === STALE_SAVE) return M.errors.conflictTitle;
  return TITLES[e.status] ?? M.errors.title;
}

/** Errors of a client that went away mid-response (a page left while a thumbnail loads): not a server fault. */
const CLIENT_GONE = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** Only with the client's own connection gone: a reset from an outbound call is still a server error. */
function clientWentAway(err: unknown, req: Request, res: Response): boolean {
  const codeOf = (e: unknown) => (e as { code?: unknown } | null)?.code;
  const codes = [codeOf(err), codeOf((err as { cause?: unknown } | null)?.cause)];
  const gone = res.destroyed || req.socket.destroyed;
  return gone && codes.some((c) => typeof c === 'string' && CLIENT_GONE.has(c));
}

/** Renders errors as console pages; `baseOf` gives the console's base path (default: the router's). */
export function consoleErrorPage(
  logger: Logger,
  baseOf: (req: Request) => string = (req) => req.baseUrl,
): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (clientWentAway(err, req, res)) {
      logger.info('console client went away', {
        path: req.path,
        error: err instanceof Error ? err.message : String(err),
      });
      return;
    }
    const e = requestErrorOf(err) ?? toKotaeError(err);
    if (e.status >= 500) logger.error('console request failed', { code: e.code, error: e.message, path: req.path });
    if (res.headersSent) return;
    if (e.status === 412 || e.status === 416) dropFileHeaders(res);
    const base = baseOf(req);
    if (e.code === 'AUTH_REQUIRED') return res.redirect(302, `${base}/signin`);
    const retryAfter = retryAfterOf(e);
    if (retryAfter !== undefined && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(retryAfter));
    const body = html`<p><a href="${base}/">${M.errors.back}</a></p>`;
    sendPage(res, e.status, {
      base,
      auth: authOf(res),
      title: errorTitle(e),
      error: e.userMessage,
      body,
    });
  };
}

/** Builds the console router (mount it at `/console`). */
export function createConsoleRouter(deps: ConsoleDeps): Router {
  const router = express.Router();
  router.use(consoleHeaders);
  router.use('/assets', express.static(ASSETS_DIR, { index: false, maxAge: '1h' }));
  router.use(
    express.urlencoded({ extended: false, limit: '200kb' }),
    express.json({ limit: '200kb' }),
    rejectDeepBody,
    rejectNulInBody,
  );
  router.use(loadSession(deps.auth));
  mountSignIn(router, deps);
  // The forms that carry files are read only once the role is met: a user who may not post one is refused
  // (403, audited as auth.denied) before a byte of it is read or staged; its `_csrf` field is checked after.
  const uploads: Readonly<Record<string, RequestHandler>> = {
    '/tickets/:id/reply': consoleUpload(deps.attachments),
    '/knowledge/documents': knowledgeUpload(deps.knowledge),
    '/operations/terminals/import': terminalImportUpload(deps.operations),
    '/fy-switch': fySwitchUpload(),
  };
  const signInPath = (req: Request) => `${req.baseUrl}/signin`;
  const keyed = consoleFormKeys(deps.requestKeys);
  for (const route of CONSOLE_ROUTES) {
    const once = route.method === 'post' && !route.ownKey ? [keyed] : [];
    const upload = route.method === 'post' && Object.hasOwn(uploads, route.path) ? uploads[route.path] : undefined;
    const checks = upload
      ? [requireRole(route.role, signInPath, { csrf: false }), upload, requireCsrf]
      : [requireRole(route.role, signInPath)];
    router[route.method](route.path, ...checks, ...once, async (req: Request, res: Response) => {
      const auth = requireAuth(res);
      // Every handler sees tickets as this operator (機密性3 tickets only for the rostered and admins).
      const scoped = { ...deps, tickets: deps.tickets.forViewer(auth.operator) };
      await route.handle({ req, res, deps: scoped, auth, base: req.baseUrl });
    });
  }
  router.use((req: Request, res: Response) => {
    if (!authOf(res)) return res.redirect(302, signInPath(req));
    sendPage(res, 404, {
      base: req.baseUrl,
      auth: authOf(res),
      title: M.errors.notFoundTitle,
      error: M.errors.notFoundTitle,
      body: html``,
    });
  });
  router.use(consoleErrorPage(deps.logger));
  return router;
}
