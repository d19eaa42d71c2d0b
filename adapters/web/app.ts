/**
 * The express application: web chat at `/`, JSON API under `/api`, health check, and the
 * routers other adapters contribute (console, reports, Teams endpoint).
 */
import express, {
  type ErrorRequestHandler,
  type Express,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import type { Helpdesk } from '../../bot';
import type { ConversationStore } from '../../conversations';
import type { TicketStore } from '../../tickets';
import type { Clock } from '../../core';
import type { Logger } from '../../core';
import { projectFile } from '../../core';
import { createApiRouter } from './api';
import { createAttachmentApiRouter, type ChatAttachmentDeps } from './api';
import { apiNotFound, errorHandler } from './errors';
import { notFound, rejectDeepBody, rejectMalformedRequests } from './request-errors';
import { bodyGuard } from './body-guard';
import { createKbRouter } from './kb-files';
import { createLegalRouter, type LegalPages } from './legal';
import { loadWebIdentity, type WebSessionCheck, type WebSessionStore } from './sso';
import { apiRateLimiters, LIMITED_API_PATHS, type ApiRateLimits } from './rate-limit';
import type { RequestKeys } from './request-keys';

/** A router or handler mounted at a path by the composition root. */
export interface Mount {
  path: string;
  handler: Router | RequestHandler | RequestHandler[];
  /** Mount only for POST (e.g. the Teams messaging endpoint). */
  method?: 'post';
  /** Parse JSON bodies for this mount (with the app's size limit). */
  json?: boolean;
  /** Mounted before the JSON API parser, so the handler reads the raw body (signed webhooks). */
  rawBody?: boolean;
}

/** What the web app needs. */
export interface WebAppDeps {
  helpdesk: Helpdesk;
  conversations: ConversationStore;
  tickets: TicketStore;
  clock: Clock;
  health: () => Promise<Record<string, unknown> & { ok: boolean }>;
  logger: Logger;
  mounts?: Mount[];
  /** The knowledge folder: its manuals are served read-only at /kb/ (source links of answers). */
  documentsDir?: string;
  /** More read-only document folders under `/kb` (e.g. `/kb/@uploads` → the console's uploads), served first. */
  extraDocuments?: { path: string; dir: string }[];
  /** The data folder (database, backups): never served, even when reachable from the knowledge folder. */
  dataDir?: string;
  /** Contents of /privacy and /terms (the Teams manifest's privacyUrl and termsOfUseUrl). */
  legalPages?: LegalPages;
  /** Largest JSON body accepted (bytes). */
  jsonLimitBytes?: number;
  /** Web chat attachments (upload, list, download); without it those routes answer 404. */
  attachments?: Omit<ChatAttachmentDeps, 'conversations'>;
  /** When it returns an error, every request but /healthz fails with it (e.g. a newer database schema). */
  gate?: () => Error | undefined;
  /**
   * Single sign-on: the /auth routes, their error page (Japanese HTML for the browser's sign-in pages, also
   * for URLs the first checks refuse) and, for the web chat, its sign-ins (identity of /api callers).
   */
  sso?: {
    router: Router;
    errorPage?: ErrorRequestHandler;
    webSessions?: WebSessionStore;
    /** The Entra ID re-check of web chat sign-ins (KOTAE_OIDC_ROLE_RECHECK_MINUTES); absent: none. */
    webReview?: WebSessionCheck;
    webChatRequired: boolean;
  };
  /** Longest question, checked before a new web conversation is written. */
  maxQuestionChars?: number;
  /** KOTAE_PUBLIC_URL: links to Kotae's own /kb/ documents are given to the web chat relative to the page's host. */
  publicUrl?: string;
  /** Handlers run before every route but /healthz (e.g. request metrics). */
  before?: RequestHandler[];
  /** Rate limits of the public API (per IP, per conversation, uploads). */
  apiLimits?: ApiRateLimits;
  /** Keyed POSTs of the web chat (messages and uploads sent with `Idempotency-Key`). */
  requestKeys?: RequestKeys;
  /** How long a request body may pause before it is answered 408 (default BODY_IDLE_MS). */
  bodyIdleMs?: number;
  /** Most bytes of a body that is not multipart, answered 413 at once past it (default 4 × the JSON limit). */
  maxBodyBytes?: number;
}

const STATIC_DIR = projectFile('adapters', 'web', 'static');

/**
 * Baseline security headers for every response; `https` (KOTAE_PUBLIC_URL is https) adds HSTS, so a browser that
 * once reached Kotae over https never sends its cookies over plain http to that name again.
 */
const securityHeaders =
  (https: boolean): RequestHandler =>
  (_req, res, next) => {
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    baseHeaders(res);
    next();
  };

function baseHeaders(res: Response): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
}

/** Builds the express app (not listening). */
export function createWebApp(deps: WebAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders(deps.publicUrl?.startsWith('https://') ?? false));
  app.use(rejectMalformedRequests);
  const jsonLimit = deps.jsonLimitBytes ?? 256 * 1024;
  app.use(bodyGuard({ idleMs: deps.bodyIdleMs, maxBytes: deps.maxBodyBytes ?? 4 * jsonLimit }));
  const json = [express.json({ limit: jsonLimit }), rejectDeepBody];

  app.get('/healthz', async (_req, res) => {
    const health = await deps.health();
    res.status(health.ok ? 200 : 503).json(health);
  });
  if (deps.gate) {
    const gate = deps.gate;
    app.use((_req, _res, next) => next(gate()));
  }
  for (const handler of deps.before ?? []) app.use(handler);
  if (deps.sso?.webSessions) {
    const identity = loadWebIdentity(deps.sso.webSessions, deps.clock, deps.sso.webReview);
    app.use(['/api', '/auth'], identity);
  }
  if (deps.apiLimits) app.use(LIMITED_API_PATHS, ...apiRateLimiters(deps.apiLimits));
  if (deps.sso) app.use('/auth', deps.sso.router);
  // Express hands an error to the next error handler whose path matches, wherever it was raised.
  if (deps.sso?.errorPage) app.use('/auth', deps.sso.errorPage);
  app.use('/static', express.static(STATIC_DIR, { index: false, maxAge: '1h' }));
  // `root` keeps send's dotfile check to the file's own name: Kotae may live under e.g. ~/.local/….
  app.get('/', (_req, res) => res.sendFile('index.html', { root: STATIC_DIR }));
  if (deps.legalPages) app.use(createLegalRouter(deps.legalPages));
  for (const extra of deps.extraDocuments ?? []) app.use(extra.path, createKbRouter(extra.dir));
  if (deps.documentsDir) app.use('/kb', createKbRouter(deps.documentsDir, deps.dataDir));
  const mounts = deps.mounts ?? [];
  for (const mount of mounts.filter((m) => m.rawBody)) {
    const handlers = Array.isArray(mount.handler) ? mount.handler : [mount.handler];
    if (mount.method === 'post') app.post(mount.path, ...(handlers as RequestHandler[]));
    else app.use(mount.path, ...handlers);
  }
  if (deps.attachments)
    app.use(
      '/api',
      createAttachmentApiRouter({
        ...deps.attachments,
        conversations: deps.conversations,
        requestKeys: deps.requestKeys,
        webSignIn: deps.sso?.webChatRequired,
      }),
    );
  app.use(
    '/api',
    json,
    createApiRouter({ ...deps, webSignIn: deps.sso?.webChatRequired, maxQuestionChars: deps.maxQuestionChars }),
  );

  for (const mount of mounts.filter((m) => !m.rawBody)) {
    const chain: RequestHandler[] = mount.json ? json : [];
    const handlers = Array.isArray(mount.handler) ? mount.handler : [mount.handler];
    if (mount.method === 'post') app.post(mount.path, ...chain, ...(handlers as RequestHandler[]));
    else app.use(mount.path, ...chain, ...handlers);
  }

  app.use('/api', apiNotFound);
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
