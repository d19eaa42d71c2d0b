/**
 * The express application: web chat at `/`, JSON API under `/api`, health check, and the
 * routers other adapters contribute (console, reports, Teams endpoint).
 */
import path from 'node:path';
import express, { type Express, type RequestHandler, type Router } from 'express';
import type { ConversationStore, Helpdesk } from '../../bot';
import type { Logger } from '../../core/logger';
import { createApiRouter } from './api/router';
import { apiNotFound, errorHandler } from './errors';
import { rejectMalformedRequests } from './request-errors';
import { createKbRouter } from './kb-files';
import { createLegalRouter, type LegalPages } from './legal';

/** A router or handler mounted at a path by the composition root. */
export interface Mount {
  path: string;
  handler: Router | RequestHandler;
  /** Mount only for POST (e.g. the Teams messaging endpoint). */
  method?: 'post';
  /** Parse JSON bodies for this mount (with the app's size limit). */
  json?: boolean;
}

/** What the web app needs. */
export interface WebAppDeps {
  helpdesk: Helpdesk;
  conversations: ConversationStore;
  health: () => Promise<Record<string, unknown> & { ok: boolean }>;
  logger: Logger;
  mounts?: Mount[];
  /** The knowledge folder: its manuals are served read-only at /kb/ (source links of answers). */
  documentsDir?: string;
  /** The data folder (database, backups): never served, even when reachable from the knowledge folder. */
  dataDir?: string;
  /** Contents of /privacy and /terms (the Teams manifest's privacyUrl and termsOfUseUrl). */
  legalPages?: LegalPages;
  /** Largest JSON body accepted (bytes). */
  jsonLimitBytes?: number;
}

const STATIC_DIR = path.join(__dirname, 'static');

/** Baseline security headers for every response. */
const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  next();
};

/** Builds the express app (not listening). */
export function createWebApp(deps: WebAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders);
  app.use(rejectMalformedRequests);
  const json = express.json({ limit: deps.jsonLimitBytes ?? 256 * 1024 });

  app.get('/healthz', async (_req, res) => {
    const health = await deps.health();
    res.status(health.ok ? 200 : 503).json(health);
  });
  app.use('/static', express.static(STATIC_DIR, { index: false, maxAge: '1h' }));
  app.get('/', (_req, res) => res.sendFile(path.join(STATIC_DIR, 'index.html')));
  if (deps.legalPages) app.use(createLegalRouter(deps.legalPages));
  if (deps.documentsDir) app.use('/kb', createKbRouter(deps.documentsDir, deps.dataDir));
  app.use('/api', json, createApiRouter(deps.helpdesk, deps.conversations));

  for (const mount of deps.mounts ?? []) {
    const chain: RequestHandler[] = mount.json ? [json] : [];
    if (mount.method === 'post') app.post(mount.path, ...chain, mount.handler as RequestHandler);
    else app.use(mount.path, ...chain, mount.handler);
  }

  app.use('/api', apiNotFound);
  app.use(errorHandler(deps.logger));
  return app;
}
