/**
 * Single sign-on routes under /auth: `GET /auth/signin?to=console|chat` sends the browser to the
 * provider (state, nonce and PKCE verifier kept in a short-lived SameSite=Lax cookie, so the callback
 * may land on any instance); `GET /auth/callback` redeems the code and starts a console session (role
 * from the mapping, refused without one) or a web chat sign-in. A failed callback never starts a session:
 * it answers a Japanese page with a link back to sign-in and audits `auth.sign_in_failed` (failures.ts).
 * Nobody chooses where a sign-in lands: `/console/` or `/`. `GET /auth/me` tells the web chat who is
 * signed in and which conversation is theirs; `POST /auth/signout` ends the web chat sign-in.
 */
import { Router, type Request, type Response } from 'express';
import type { ConversationStore } from '../../../conversations';
import type { AuditTrail, Clock } from '../../../core';
import { KotaeError } from '../../../core';
import type { Logger } from '../../../core';
import type { OperatorRole } from '../../../tickets';
import { FederatedSignIn, parseCookies, serializeCookie } from '../auth';
import { setSessionCookie } from '../auth';
import { newToken, tokenDigest } from '../auth';
import { html, type SafeHtml } from '../console';
import { renderPage } from '../console';
import { failureEntry, FAILURES, providerFailure, type SsoFailure } from './failures';
import { identityFromClaims, mappedRole, type DirectoryIdentity, type RoleMapping } from './identity';
import { SSO_MESSAGES as M } from './messages';
import { boundKey, CHAT_SESSION_COOKIE, webIdentityOf, type WebSessionStore } from './web-identity';

/** What the browser keeps between the redirect and the callback. */
interface Pending {
  state: string;
  nonce: string;
  verifier: string;
}

/** Port: the OpenID Connect client (MsalOidcSignIn). */
export interface SignInProvider {
  begin(): Promise<{ url: string; pending: Pending }>;
  complete(
    callback: { code?: string; state?: string; error?: string },
    pending: Pending,
  ): Promise<Record<string, unknown>>;
}

/** What the /auth routes need. */
export interface SsoDeps {
  provider: SignInProvider;
  roleMap: readonly RoleMapping[];
  departmentClaim: string;
  /** Console sign-in for a mapped identity (FederatedSignIn); absent: console SSO off. */
  console?: {
    signIn(user: {
      subject: string;
      username?: string;
      displayName?: string;
      role: OperatorRole;
    }): Promise<{ token: string }>;
    sessionSeconds: number;
  };
  /** Web chat sign-in; absent: the web chat is anonymous (per-browser secret). */
  webChat?: {
    sessions: WebSessionStore;
    conversations: ConversationStore;
    /** 所属 from the directory (Graph) when the ID token has none. */
    lookupDepartment?: (subject: string) => Promise<string | undefined>;
    sessionSeconds: number;
  };
  /** Failed sign-ins are audited like failed password sign-ins (`auth.sign_in_failed`). */
  audit: AuditTrail;
  secureCookies: boolean;
  clock: Clock;
  logger: Logger;
}

const PENDING_COOKIE = 'kotae_oidc';
const PENDING_SECONDS = 600;
type Target = 'console' | 'chat';

function page(res: Response, status: number, body: SafeHtml, error?: string, redirect?: string): void {
  let markup = renderPage({ base: '/console', title: M.title, body, error });
  // The callback arrives from the provider's site, so SameSite=Strict cookies are not sent on a redirect
  // from it; a refresh from Kotae's own page is a same-site navigation that carries the new session.
  if (redirect)
    markup = markup.replace(
      '<head>',
      html`<head>
        <meta http-equiv="refresh" content="0;url=${redirect}" />
      </head>`.value,
    );
  res.status(status).type('html').setHeader('Cache-Control', 'no-store').send(markup);
}

function readPending(req: Request): (Pending & { target: Target }) | undefined {
  const value = parseCookies(req.headers.cookie).get(PENDING_COOKIE);
  if (!value || value.length > 2000) return undefined;
  try {
    const p = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;
    const ok = ['state', 'nonce', 'verifier'].every((k) => typeof p[k] === 'string' && p[k]);
    if (!ok || (p.target !== 'console' && p.target !== 'chat')) return undefined;
    return p as unknown as Pending & { target: Target };
  } catch {
    return undefined;
  }
}

/** Routes under /auth. */
export function createSsoRouter(deps: SsoDeps): Router {
  const router = Router();
  const cookie = (
    name: string,
    value: string,
    maxAgeSeconds: number,
    extra: { path?: string; sameSite?: 'Lax' } = {},
  ) => serializeCookie(name, value, { secure: deps.secureCookies, maxAgeSeconds, ...extra });
  const again = (target: Target) => html`<p><a href="/auth/signin?to=${target}">${M.signInAgain}</a></p>`;
  /** Links back to sign-in: to where this browser was going, else to every configured target. */
  const links = (target?: Target): SafeHtml => {
    if (target) return again(target);
    const both = Boolean(deps.console) && Boolean(deps.webChat);
    if (!both) return again(deps.console ? 'console' : 'chat');
    return html`<p><a href="/auth/signin?to=chat">${M.signInChat}</a></p>
      <p><a href="/auth/signin?to=console">${M.signInConsole}</a></p>`;
  };
  /** Logs (with `detail`, never shown), audits and answers a failed sign-in. */
  async function fail(
    res: Response,
    failure: SsoFailure,
    target?: Target,
    actor?: string,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    deps.logger.warn('single sign-on failed', { reason: failure.reason, ...detail });
    await deps.audit.record(failureEntry(failure, actor));
    page(res, failure.status, links(target), failure.message);
  }

  router.get('/signin', async (req, res) => {
    const target: Target = req.query.to === 'console' ? 'console' : 'chat';
    if ((target === 'console' && !deps.console) || (target === 'chat' && !deps.webChat))
      throw new KotaeError('NOT_FOUND', `single sign-on for ${target} is not configured`);
    let begun: Awaited<ReturnType<SignInProvider['begin']>>;
    try {
      begun = await deps.provider.begin();
    } catch (err) {
      // Discovery failed: the provider (or the way to it) is down, not Kotae.
      deps.logger.warn('single sign-on: provider unreachable', {
        error: err instanceof Error ? err.message : String(err),
      });
      return page(res, 503, again(target), M.providerDown);
    }
    const { url, pending } = begun;
    const value = Buffer.from(JSON.stringify({ ...pending, target })).toString('base64url');
    res.append('Set-Cookie', cookie(PENDING_COOKIE, value, PENDING_SECONDS, { path: '/auth', sameSite: 'Lax' }));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, url);
  });

  router.get('/callback', async (req, res) => {
    const pending = readPending(req);
    // One try per sign-in cookie, whatever the outcome: a replayed or forged callback finds none.
    res.append('Set-Cookie', cookie(PENDING_COOKIE, '', 0, { path: '/auth', sameSite: 'Lax' }));
    if (!pending) return fail(res, FAILURES.noPending);
    const q = (k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string) : undefined);
    // Any `error` (even empty or repeated) wins over a code sent with it: the code is not redeemed.
    if (req.query.error !== undefined) {
      const failure = providerFailure(q('error') ?? '');
      // The description (e.g. AADSTS50105 …) helps the administrator; it is logged, never shown.
      const description = q('error_description')?.slice(0, 300);
      return fail(res, failure, pending.target, undefined, { error: failure.error, description });
    }
    let identity: DirectoryIdentity;
    try {
      const claims = await deps.provider.complete({ code: q('code'), state: q('state') }, pending);
      identity = identityFromClaims(claims, deps.departmentClaim);
    } catch (err) {
      const down = err instanceof KotaeError && err.code === 'CLOUD_UNAVAILABLE';
      const error = err instanceof Error ? err.message : String(err);
      return fail(res, down ? FAILURES.unavailable : FAILURES.rejected, pending.target, undefined, { error });
    }
    if (pending.target === 'console') return finishConsole(res, identity);
    return finishChat(res, identity);
  });

  async function finishConsole(res: Response, identity: DirectoryIdentity): Promise<void> {
    const role = mappedRole(identity, deps.roleMap);
    const actor = FederatedSignIn.usernameOf(identity);
    if (!role || !deps.console) {
      // Kotae does not follow the overage claim's Graph endpoint: app roles never overflow.
      const failure = identity.groupsOverage ? FAILURES.groupsOverage : FAILURES.noRole;
      return fail(res, failure, 'console', actor, { subject: identity.subject });
    }
    try {
      const { token } = await deps.console.signIn({
        subject: identity.subject,
        username: identity.username,
        displayName: identity.name,
        role,
      });
      setSessionCookie(res, token, deps.console.sessionSeconds, { secure: deps.secureCookies });
    } catch (err) {
      if (err instanceof KotaeError && err.code === 'CONFLICT')
        return fail(res, FAILURES.localAccount, 'console', actor);
      throw err;
    }
    page(
      res,
      200,
      html`<p>${M.redirecting}</p>
        <p><a href="/console/">${M.continue}</a></p>`,
      undefined,
      '/console/',
    );
  }

  async function finishChat(res: Response, identity: DirectoryIdentity): Promise<void> {
    const chat = deps.webChat;
    if (!chat) throw new KotaeError('NOT_FOUND', 'web chat single sign-on is not configured');
    const department = identity.department ?? (await chat.lookupDepartment?.(identity.subject));
    const token = newToken();
    const now = deps.clock.now();
    // Expired sign-ins go when new ones come (the index on expiresAt keeps this cheap).
    await chat.sessions.purge(now);
    await chat.sessions.create({
      id: tokenDigest(token),
      subject: identity.subject,
      name: identity.name ?? identity.username ?? null,
      department: department ?? null,
      email: identity.email ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + chat.sessionSeconds * 1000),
    });
    res.append('Set-Cookie', cookie(CHAT_SESSION_COOKIE, token, chat.sessionSeconds));
    page(
      res,
      200,
      html`<p>${M.redirecting}</p>
        <p><a href="/">${M.backToChat}</a></p>`,
      undefined,
      '/',
    );
  }

  router.get('/me', async (req, res) => {
    const me = webIdentityOf(req);
    res.setHeader('Cache-Control', 'no-store');
    if (!me || !deps.webChat) {
      res.json({ signInRequired: Boolean(deps.webChat), signedIn: false });
      return;
    }
    const latest = await deps.webChat.conversations.findByChannelKey('web', boundKey(me.subject));
    res.json({
      signInRequired: true,
      signedIn: true,
      user: { name: me.name ?? '', department: me.department ?? '', email: me.email ?? '' },
      ...(latest ? { conversationId: latest.id } : {}),
    });
  });

  router.post('/signout', async (req, res) => {
    const me = webIdentityOf(req);
    if (me && deps.webChat) await deps.webChat.sessions.delete(me.sessionId);
    res.append('Set-Cookie', cookie(CHAT_SESSION_COOKIE, '', 0));
    res.redirect(303, '/');
  });

  return router;
}
