/**
 * The web chat's signed-in user (single sign-on for the web chat): a random cookie token whose
 * SHA-256 names a `web_session` row holding the directory identity. A conversation started while
 * signed in is bound to that identity (channel key `sso:<subject>`): the same user sees it from any
 * browser, nobody else can read or write it, whatever id or token they hold.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Clock } from '../../../core';
import { parseCookies } from '../auth';
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

const identities = new WeakMap<Request, WebIdentity>();

/** The web chat user signed in on this request, if any (set by loadWebIdentity). */
export function webIdentityOf(req: Request): WebIdentity | undefined {
  return identities.get(req);
}

/** Reads the web chat sign-in cookie; an unknown or expired token is ignored (signed out). */
export function loadWebIdentity(sessions: WebSessionStore, clock: Clock) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const token = parseCookies(req.headers.cookie).get(CHAT_SESSION_COOKIE);
    if (token && token.length <= 100) {
      const session = await sessions.get(tokenDigest(token));
      if (session && session.expiresAt <= clock.now()) await sessions.delete(session.id);
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
