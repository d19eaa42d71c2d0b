/**
 * Single sign-on for the web chat (KOTAE_OIDC_WEB_CHAT=true): every web chat call, an attachment's too, needs the
 * signed-in user. Without one the call is refused 401 with why in Japanese (the Entra ID re-check ended the sign-in,
 * or it is required), so the page turns signed out whichever of its requests found it.
 */
import type { RequestHandler } from 'express';
import { KotaeError } from '../../../core';
import { SSO_MESSAGES, webIdentityOf, webSessionEnded } from '../sso';

/** Passes a request of the signed-in user on; refuses any other with AUTH_REQUIRED (401). */
export const requireWebSignIn: RequestHandler = (req, _res, next) => {
  if (webIdentityOf(req)) return next();
  const userMessage = webSessionEnded(req) ? SSO_MESSAGES.webChatEnded : SSO_MESSAGES.webChatRequired;
  next(new KotaeError('AUTH_REQUIRED', 'web chat needs sign-in', { userMessage }));
};
