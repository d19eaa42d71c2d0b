/** サインイン / サインアウト. The sign-in form is protected by a pre-session CSRF cookie. */
import type { Request, Response, Router } from 'express';
import { KotaeError } from '../../../core';
import {
  authOf,
  clearSessionCookie,
  newToken,
  parseCookies,
  serializeCookie,
  setSessionCookie,
  tokensEqual,
  SESSION_COOKIE,
} from '../auth';
import type { ConsoleDeps } from './deps';
import { html } from './html';
import { noticeFor, sendPage } from './layout';
import { M } from './messages';
import { field, query, type ConsoleRoute } from './route-types';

/** Cookie holding the sign-in form's CSRF token (before a session exists). */
export const SIGNIN_COOKIE = 'kotae_signin';

function renderSignIn(req: Request, res: Response, deps: ConsoleDeps, status: number, error?: string): void {
  const token = newToken();
  res.append('Set-Cookie', serializeCookie(SIGNIN_COOKIE, token, { secure: deps.secureCookies, maxAgeSeconds: 3600 }));
  const sso = deps.ssoSignInUrl
    ? html`<p><a class="button" href="${deps.ssoSignInUrl}">${M.signIn.sso}</a></p>
        <p class="hint">${M.signIn.localHint}</p>`
    : '';
  const body = html`${sso}
    <form method="post" action="${req.baseUrl}/signin" class="stack signin">
      <input type="hidden" name="_csrf" value="${token}" />
      <div class="field">
        <label for="username">${M.signIn.username}</label
        ><input id="username" name="username" autocomplete="username" required autofocus />
      </div>
      <div class="field">
        <label for="password">${M.signIn.password}</label
        ><input id="password" name="password" type="password" autocomplete="current-password" required />
      </div>
      <button type="submit">${M.signIn.submit}</button>
    </form>`;
  sendPage(res, status, {
    base: req.baseUrl,
    title: M.signIn.title,
    body,
    error,
    notice: noticeFor(query(req, 'notice')),
  });
}

/** Mounts GET/POST /signin (open to everyone). */
export function mountSignIn(router: Router, deps: ConsoleDeps): void {
  router.get('/signin', (req, res) => {
    if (authOf(res)) return res.redirect(302, `${req.baseUrl}/`);
    renderSignIn(req, res, deps, 200);
  });
  router.post('/signin', ...(deps.signInLimits ?? []), async (req, res) => {
    const expected = parseCookies(req.headers.cookie).get(SIGNIN_COOKIE);
    if (!tokensEqual(field(req, '_csrf'), expected)) {
      return renderSignIn(req, res, deps, 403, new KotaeError('AUTH_CSRF', 'sign-in csrf').userMessage);
    }
    try {
      const { token } = await deps.auth.signIn(field(req, 'username'), field(req, 'password'), {
        ip: req.ip,
        userAgent: req.get('user-agent'),
      });
      setSessionCookie(res, token, deps.auth.policy.absoluteMinutes * 60, { secure: deps.secureCookies });
      res.append('Set-Cookie', serializeCookie(SIGNIN_COOKIE, '', { secure: deps.secureCookies, maxAgeSeconds: 0 }));
      res.redirect(303, `${req.baseUrl}/`);
    } catch (err) {
      if (!(err instanceof KotaeError) || (err.code !== 'AUTH_REQUIRED' && err.code !== 'AUTH_LOCKED')) throw err;
      // One answer for a wrong password, an unknown and a locked account: nothing tells which exists.
      renderSignIn(req, res, deps, 401, M.signIn.failed);
    }
  });
}

/** POST /signout (any signed-in role; CSRF-checked by the router). */
export const SIGNOUT_ROUTE: ConsoleRoute = {
  method: 'post',
  path: '/signout',
  role: 'staff',
  handle: async (c) => {
    const token = parseCookies(c.req.headers.cookie).get(SESSION_COOKIE) ?? '';
    // The row records where the sign-out came from, as the sign-in's does.
    const ended = await c.deps.auth.signOut(token, { ip: c.req.ip, userAgent: c.req.get('user-agent') });
    clearSessionCookie(c.res, { secure: c.deps.secureCookies });
    // A single sign-on session goes on to the provider's sign-out (single logout), a password session as before.
    const sso = ended && (ended.session.ssoHint || ended.session.ssoSid);
    if (sso && c.deps.ssoSignOut && (await c.deps.ssoSignOut(c.res, ended.session.ssoHint, token))) return;
    c.res.redirect(303, `${c.base}/signin?notice=signedOut`);
  },
};
