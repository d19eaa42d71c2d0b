/**
 * Single logout with the provider (Entra ID). Signing out of a single sign-on session ends it in Kotae and then
 * sends the browser to the provider's sign-out (RP-Initiated Logout 1.0: `id_token_hint`, `post_logout_redirect_uri`,
 * `state`), which comes back to `GET /auth/signed-out` (sign-out-state.ts: only the `state` this browser was sent
 * away with shows that it went through the provider's sign-out). The provider's front-channel logout (Front-Channel
 * Logout 1.0: `GET /auth/frontchannel-logout?iss=…&sid=…`, loaded in an iframe of its sign-out page when the user
 * signs out anywhere) ends every Kotae session — console and web chat, on any instance — of that provider session.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { AuditTrail, Logger } from '../../../core';
import type { OperatorStore, SessionStore } from '../../../tickets';
import { FederatedSignIn, openIdToken, sidDigest, signInContext } from '../auth';
import { html, type SafeHtml } from '../console';
import { chatPage } from './chat-page';
import { SSO_MESSAGES as M } from './messages';
import { clientOf, page, signInLinks, type SignInTargets, type Target } from './pages';
import { keepSignOutState, newSignOutState, redeemSignOutState } from './sign-out-state';
import type { WebSessionStore } from './web-identity';

/** Port: the provider's sign-out URL (OidcEndSession); undefined when it has none. */
export interface EndSessionProvider {
  url(request: { idToken?: string; state: string }): Promise<string | undefined>;
}

/** What single logout needs. */
export interface SingleLogoutDeps {
  endSession: EndSessionProvider;
  /** The provider's issuer: a front-channel call naming another `iss` changes nothing. */
  issuer: string;
  /** The provider's origin: the only page that may frame the front-channel logout. */
  providerOrigin: string;
  /** Console sessions (absent: console single sign-on is off). */
  console?: { sessions: Pick<SessionStore, 'deleteBySsoSid'>; operators: Pick<OperatorStore, 'get'> };
  webSessions?: WebSessionStore;
  targets: SignInTargets;
  audit: AuditTrail;
  /** This instance's id, written into the front-channel logout's audit row. */
  instance?: string;
  /** Secure on the sign-out state cookie (as on every cookie of the deployment). */
  secureCookies: boolean;
  logger: Logger;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '').toLowerCase();

/** The provider's sign-out for single sign-on sessions, the signed-out page and the front-channel logout. */
export class SingleLogout {
  constructor(private readonly deps: SingleLogoutDeps) {}

  /** Answers the sign-out of an ended single sign-on session (see answerProviderSignOut). */
  answer(res: Response, sealedHint: string | null | undefined, token: string, target: Target): Promise<boolean> {
    return answerProviderSignOut(this.deps, res, sealedHint, token, target);
  }

  /**
   * GET /auth/signed-out: where the provider sends the browser back. It says only what is true in every case
   * (signed out of Kotae); that the browser went through the provider's sign-out only with the `state` Kotae sent
   * it there with (never whether the provider ended its session: the user may have chosen to stay signed in).
   * A web chat sign-out lands on the chat's look with the way back to the chat.
   */
  readonly signedOut: RequestHandler = (req, res) => {
    const target = redeemSignOutState(req, res, this.deps.secureCookies);
    const said = (via: boolean): SafeHtml =>
      via
        ? html`<p>${M.signedOut}</p>
            <p>${M.signedOutViaProvider}</p>`
        : html`<p>${M.signedOut}</p>`;
    if (target === 'chat')
      return chatPage(
        res,
        200,
        M.signOutTitle,
        html`${said(true)}
          <p><a href="/">${M.backToChat}</a></p>`,
      );
    page(
      res,
      200,
      html`${said(target === 'console')} ${signInLinks(this.deps.targets, target)}`,
      undefined,
      undefined,
      M.signOutTitle,
    );
  };

  /**
   * GET /auth/frontchannel-logout?iss=…&sid=…: ends every session of the provider session `sid`, in one
   * transaction with its audit row (`auth.sign_out`, `reason: 'front_channel'`). Entra ID sends `sid` only; an
   * `iss` that is not the provider's changes nothing. Always an empty, uncached 200 only the provider may frame
   * (idempotent: a second call finds nothing); 400 without a `sid`.
   */
  readonly frontChannel: RequestHandler = async (req, res) => {
    res.removeHeader('X-Frame-Options');
    res.setHeader('Content-Security-Policy', `default-src 'none'; frame-ancestors ${this.deps.providerOrigin}`);
    res.setHeader('Cache-Control', 'no-cache, no-store');
    res.setHeader('Pragma', 'no-cache');
    const sid = typeof req.query.sid === 'string' ? req.query.sid : '';
    const iss = req.query.iss;
    if (!sid || sid.length > 200) {
      res.status(400).type('text/plain').send(M.frontChannelInvalid);
      return;
    }
    if (iss !== undefined && (typeof iss !== 'string' || trimSlash(iss) !== trimSlash(this.deps.issuer))) {
      this.deps.logger.warn('front-channel logout: issuer refused', { iss: String(iss).slice(0, 200) });
      return empty(res);
    }
    await this.endProviderSession(sidDigest(sid), req);
    empty(res);
  };

  private async endProviderSession(digest: string, req: Request): Promise<void> {
    const { console: desk, webSessions, audit } = this.deps;
    await audit.atomically(
      async () => {
        const ended = desk ? await desk.sessions.deleteBySsoSid(digest) : [];
        const chats = webSessions ? await webSessions.deleteBySsoSid(digest) : [];
        const operator = ended[0] && desk ? await desk.operators.get(ended[0].operatorId) : undefined;
        const chat = chats[0];
        const actor =
          operator?.username ??
          (chat ? FederatedSignIn.usernameOf({ subject: chat.subject, username: chat.email ?? undefined }) : '');
        return { actor, count: ended.length + chats.length };
      },
      ({ actor, count }) =>
        count
          ? {
              actor,
              action: 'auth.sign_out',
              detail: {
                via: 'sso',
                reason: 'front_channel',
                sessions: count,
                ...signInContext(clientOf(req), this.deps.instance),
              },
            }
          : undefined,
    );
  }
}

/**
 * Answers the sign-out of an ended single sign-on session (`sealedHint`: its stored ID token, opened with the cookie
 * `token`): a page that moves the browser on to the provider's sign-out (a page, not a redirect: a form's redirect
 * to another origin is refused by the pages' CSP `form-action 'self'`). False when there is no provider sign-out to
 * go to (the caller answers as for a password session); the Kotae session is over either way. The `state` sent is
 * one-time and kept in this browser's cookie (sign-out-state.ts); a web chat sign-out gets the chat's look.
 */
export async function answerProviderSignOut(
  deps: Pick<SingleLogoutDeps, 'endSession' | 'logger' | 'secureCookies'>,
  res: Response,
  sealedHint: string | null | undefined,
  token: string,
  target: Target,
): Promise<boolean> {
  let url: string | undefined;
  const state = newSignOutState(target);
  try {
    url = await deps.endSession.url({ idToken: openIdToken(sealedHint, token), state });
  } catch (err) {
    deps.logger.warn('single logout: provider sign-out unavailable', {
      error: err instanceof Error ? err.message : String(err),
    });
    return false;
  }
  if (!url) return false;
  keepSignOutState(res, state, deps.secureCookies);
  const body = html`<p>${M.signingOut}</p>
    <p><a href="${url}">${M.continue}</a></p>`;
  if (target === 'chat') chatPage(res, 200, M.signOutTitle, body, url);
  else page(res, 200, body, undefined, url, M.signOutTitle);
  return true;
}

function empty(res: Response): void {
  res.status(200).type('html').send('<!doctype html><title></title>');
}
