/**
 * The web chat's signed-in user (single sign-on for the web chat): a random cookie token whose
 * SHA-256 names a `web_session` row holding the directory identity. A conversation started while
 * signed in is bound to that identity (channel key `sso:<subject>`): the same user sees it from any
 * browser, nobody else can read or write it, whatever id or token they hold.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Clock } from '../../../core';
import { clientOf, parseCookies, type SignInClient } from '../auth';
import { tokenDigest } from '../auth';

/** Name of the web chat's sign-in cookie. */
export const CHAT_SESSION_COOKIE = 'kotae_chat';

/** The channel key of a conversation bound to a directory identity. */
export function boundKey(subject: string): string {
  return `sso:${subject}`;
}

/** A stored web chat sign-in. */
export interface WebSessionRecord {
  id: string;
  subject: string;
  name: string | null;
  department: string | null;
  email: string | null;
  createdAt: Date;
  expiresAt: Date;
  /** SHA-256 of the provider's session id (`sid`), for its front-channel logout. */
  ssoSid?: string | null;
  /** The ID token sealed under the cookie token (`id_token_hint` at sign-out). */
  ssoHint?: string | null;
  /** The provider's refresh token sealed under the cookie token (the Entra ID re-check); null: none kept. */
  ssoRefresh?: string | null;
  /** When the session is next checked with the provider; null: at its first request. */
  ssoCheckAt?: Date | null;
}

/** Port: web chat sign-ins (SqlWebSessions). */
export interface WebSessionStore {
  create(session: WebSessionRecord): Promise<void>;
  get(id: string): Promise<WebSessionRecord | undefined>;
  delete(id: string): Promise<void>;
  /** Deletes the sign-ins of one provider session (`ssoSid`, a SHA-256); returns those deleted. */
  deleteBySsoSid(ssoSid: string): Promise<WebSessionRecord[]>;
  /** Deletes sessions expired before `now`. */
  purge(now: Date): Promise<number>;
  /** Moves a due check (`seen`, null: never made) to `until`; false when not due or another caller took it. */
  claimSsoCheck(id: string, seen: Date | null, now: Date, until: Date): Promise<boolean>;
  /** A check made: the next one's time and the provider's newest refresh token, sealed. */
  finishSsoCheck(id: string, next: Date, ssoRefresh: string): Promise<void>;
}

/** The signed-in web chat user of a request. */
export interface WebIdentity {
  subject: string;
  name?: string;
  department?: string;
  email?: string;
  sessionId: string;
  /** The sealed ID token of a sign-in through the provider (for its sign-out). */
  ssoHint?: string;
}

/** Port: the Entra ID re-check of a web chat sign-in (WebSessionReview); false: it ended the sign-in. */
export interface WebSessionCheck {
  review(session: WebSessionRecord, cookieToken: string, client: SignInClient): Promise<boolean>;
}

const identities = new WeakMap<Request, WebIdentity>();
const ended = new WeakSet<Request>();

/** Whether this request's web chat sign-in was ended by the Entra ID re-check (the page asks to sign in again). */
export function webSessionEnded(req: Request): boolean {
  return ended.has(req);
}

/** The web chat user signed in on this request, if any (set by loadWebIdentity). */
export function webIdentityOf(req: Request): WebIdentity | undefined {
  return identities.get(req);
}

/**
 * Reads the web chat sign-in cookie; an unknown or expired token is ignored (signed out), and so is a sign-in that
 * `check` (the Entra ID re-check, when due) ends.
 */
export function loadWebIdentity(sessions: WebSessionStore, clock: Clock, check?: WebSessionCheck) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const token = parseCookies(req.headers.cookie).get(CHAT_SESSION_COOKIE);
    if (token && token.length <= 100) {
      const session = await sessions.get(tokenDigest(token));
      if (session && session.expiresAt <= clock.now()) await sessions.delete(session.id);
      else if (session && check && !(await check.review(session, token, clientOf(req)))) ended.add(req);
      else if (session) {
        identities.set(req, {
          subject: session.subject,
          name: session.name ?? undefined,
          department: session.department ?? undefined,
          email: session.email ?? undefined,
          sessionId: session.id,
          ssoHint: session.ssoHint ?? undefined,
        });
      }
    }
    next();
  };
}
