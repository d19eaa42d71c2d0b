/**
 * GET /privacy and GET /terms: the pages the Teams app manifest names as privacyUrl and termsOfUseUrl
 * (Teams admins and the store open them without signing in).
 */
import { Router } from 'express';
import { renderLegalPage, type LegalContent } from './render';

/** The two pages' contents, loaded at start (see loadLegalPages). */
export interface LegalPages {
  privacy: LegalContent;
  terms: LegalContent;
}

/** The router serving both pages. */
export function createLegalRouter(pages: LegalPages): Router {
  const router = Router();
  const rendered = { privacy: renderLegalPage('privacy', pages.privacy), terms: renderLegalPage('terms', pages.terms) };
  router.get('/privacy', (_req, res) => {
    res.status(200).type('html').send(rendered.privacy);
  });
  router.get('/terms', (_req, res) => {
    res.status(200).type('html').send(rendered.terms);
  });
  return router;
}
