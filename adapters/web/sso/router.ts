/**
 * Single sign-on routes under /auth: `GET /auth/signin?to=console|chat` sends the browser to the
 * provider (state, nonce and PKCE verifier kept in a short-lived SameSite=Lax cookie, so the callback
 * may land on any instance); `GET /auth/callback` redeems the code and starts a console session (role
 * from the mapping, refused without one; on Entra's groups overage the mapped groups are asked of the
 * directory through the GroupMembership port) or a web chat sign-in. A failed callback never starts a
 * session: it answers a Japanese page with a link back to sign-in and audits `auth.sign_in_failed`
 * (failures.ts); errors before or inside these routes get the same page (error-page.ts).
 * Nobody chooses where a sign-in lands: `/console/` or `/`. `GET /auth/me` tells the web chat who is
 * signed in and which conversation is theirs; `POST /auth/signout` ends the web chat sign-in.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { ConversationStore } from '../../../conversations';
import type { AuditTrail, Clock } from '../../../core';
import { KotaeError } from '../../../core';
import type { Logger } from '../../../core';
import type { OperatorRole } from '../../../tickets';
import { FederatedSignIn, parseCookies, sealIdToken, sealRefreshToken, serializeCookie, sidDigest } from '../auth';
import { signInContext, type SignInClient } from '../auth';
import { setSessionCookie } from '../auth';
import { newToken, tokenDigest } from '../auth';
import { html } from '../console';
import { FAILURES, providerFailure, type SsoFailure } from './failures';
import {
  groupsToAsk,
  identityFromClaims,
  mappedRole,
  type DirectoryIdentity,
  type GroupMembership,
  type RoleMapping,
} from './identity';
import { SSO_MESSAGES as M } from './messages';
import {
  answerFailure,
  clientOf,
  page,
  pendingCookie,
  readPending,
  signInLinks,
  type Pending,
  type Target,
} from './pages';
import type { SingleLogout } from './single-logout';
import { boundKey, CHAT_SESSION_COOKIE, webIdentityOf, webSessionEnded, type WebSessionStore } from './web-identity';

/** Port: the OpenID Connect client (MsalOidcSignIn). */
export interface SignInProvider {
  begin(): Promise<{ url: string; pending: Pending }>;
  complete(
    callback: { code?: string; state?: string; error?: string },
    pending: Pending,
  ): Promise<{ claims: Record<string, unknown>; idToken: string; refreshToken?: string }>;
}

/** What the /auth routes need. */
export interface SsoDeps {
  provider: SignInProvider;
  roleMap: readonly RoleMapping[];
  departmentClaim: string;
  /**
   * The directory's answer to a groups overage (Microsoft Graph); absent: an overage token maps by app roles
   * only and is refused with FAILURES.groupsOverage when they map to nothing.
   */
  groups?: GroupMembership;
  /**
   * Console sign-in for a mapped identity (FederatedSignIn; `client`: the browser's ip and User-Agent for
   * its audit row); absent: console SSO off.
   */
  console?: {
    signIn(
      user: {
        subject: string;
        username?: string;
        displayName?: string;
        role: OperatorRole;
        sid?: string;
        idToken?: string;
        refreshToken?: string;
      },
      client: SignInClient,
    ): Promise<{ token: string }>;
    sessionSeconds: number;
  };
  /** Web chat sign-in; absent: the web chat is anonymous (per-browser secret). */
  webChat?: {
    sessions: WebSessionStore;
    conversations: ConversationStore;
    /** 所属 from the directory (Graph) when the ID token has none. */
    lookupDepartment?: (subject: string) => Promise<string | undefined>;
    sessionSeconds: number;
    /** KOTAE_OIDC_ROLE_RECHECK_MINUTES: the sign-in keeps the refresh token sealed, first check that much later. */
    recheckMinutes?: number;
  };
  /**
   * Failed sign-ins are audited like failed password sign-ins (`auth.sign_in_failed`); a web chat sign-in as
   * `auth.sign_in_sso` with `to: 'chat'` (a console sign-in's row is FederatedSignIn's).
   */
  audit: AuditTrail;
  /** This instance's id, written into failed sign-ins' audit rows (with the client's ip and User-Agent). */
  instance?: string;
  /** Single logout with the provider (sign-out, signed-out page, front-channel logout); absent: Kotae's only. */
  singleLogout?: SingleLogout;
  /**
   * Rate limits of `GET /auth/signin` (per client address, the password sign-in's store): over the limit the
   * error page answers 429 with `Retry-After` before the provider is asked for anything.
   */
  signInLimits?: RequestHandler[];
  secureCookies: boolean;
  clock: Clock;
  logger: Logger;
}

const PENDING_SECONDS = 600;

/** Routes under /auth. */
export function createSsoRouter(deps: SsoDeps): Router {
  const router = Router();
  const cookie = (name: string, value: string, maxAgeSeconds: number) =>
    serializeCookie(name, value, { secure: deps.secureCookies, maxAgeSeconds });
  const failures = { ...deps, targets: { console: Boolean(deps.console), chat: Boolean(deps.webChat) } };
  const again = (target: Target) => signInLinks(failures.targets, target);
  /** Logs (with `detail`, never shown), audits and answers a failed sign-in. */
  const fail = (
    req: Request,
    res: Response,
    failure: SsoFailure,
    target?: Target,
    actor?: string,
    detail?: Record<string, unknown>,
  ) => answerFailure(failures, req, res, failure, target, actor, detail);

  router.get('/signin', ...(deps.signInLimits ?? []), async (req, res) => {
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
    res.append('Set-Cookie', pendingCookie(value, PENDING_SECONDS, deps.secureCookies));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, url);
  });

  router.get('/callback', async (req, res) => {
    const pending = readPending(req);
    // One try per sign-in cookie, whatever the outcome: a replayed or forged callback finds none.
    res.append('Set-Cookie', pendingCookie('', 0, deps.secureCookies));
    if (!pending) return fail(req, res, FAILURES.noPending);
    const q = (k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string) : undefined);
    // Any `error` (even empty or repeated) wins over a code sent with it: the code is not redeemed.
    if (req.query.error !== undefined) {
      const failure = providerFailure(q('error') ?? '');
      // The description (e.g. AADSTS50105 …) helps the administrator; it is logged, never shown.
      const description = q('error_description')?.slice(0, 300);
      return fail(req, res, failure, pending.target, undefined, { error: failure.error, description });
    }
    let identity: DirectoryIdentity;
    let provider: ProviderSession;
    try {
      const { claims, idToken, refreshToken } = await deps.provider.complete(
        { code: q('code'), state: q('state') },
        pending,
      );
      identity = identityFromClaims(claims, deps.departmentClaim);
      // Entra ID puts the provider's session id in the ID token (`sid`): its front-channel logout names it.
      const sid = typeof claims.sid === 'string' && claims.sid.length <= 200 ? claims.sid : undefined;
      provider = { sid, idToken, refreshToken };
    } catch (err) {
      const down = err instanceof KotaeError && err.code === 'CLOUD_UNAVAILABLE';
      const error = err instanceof Error ? err.message : String(err);
      return fail(req, res, down ? FAILURES.unavailable : FAILURES.rejected, pending.target, undefined, { error });
    }
    if (pending.target === 'console') return finishConsole(req, res, identity, provider);
    return finishChat(req, res, identity, provider);
  });

  async function finishConsole(
    req: Request,
    res: Response,
    claimed: DirectoryIdentity,
    provider: ProviderSession,
  ): Promise<void> {
    const actor = FederatedSignIn.usernameOf(claimed);
    let identity = claimed;
    // Overage: the groups that could raise the role are asked of the directory (never the endpoint the
    // token names); without that lookup only app roles count, and they never overflow.
    const ask = claimed.groupsOverage && deps.groups ? groupsToAsk(claimed, deps.roleMap) : [];
    if (ask.length && deps.groups) {
      try {
        identity = { ...claimed, groups: await deps.groups.memberOf(claimed.subject, ask) };
      } catch (err) {
        // A role decided without the groups could be lower than the directory's (and is stored): refuse.
        const detail = { subject: claimed.subject, ...lookupError(err) };
        return fail(req, res, FAILURES.groupsLookupFailed, 'console', actor, detail);
      }
    }
    const role = mappedRole(identity, deps.roleMap);
    if (!role || !deps.console) {
      const failure = claimed.groupsOverage && !deps.groups ? FAILURES.groupsOverage : FAILURES.noRole;
      return fail(req, res, failure, 'console', actor, { subject: claimed.subject });
    }
    try {
      const { token } = await deps.console.signIn(
        { subject: identity.subject, username: identity.username, displayName: identity.name, role, ...provider },
        clientOf(req),
      );
      setSessionCookie(res, token, deps.console.sessionSeconds, { secure: deps.secureCookies });
    } catch (err) {
      if (err instanceof KotaeError && err.code === 'CONFLICT')
        return fail(req, res, FAILURES.localAccount, 'console', actor);
      if (err instanceof KotaeError && err.code === 'AUTH_FORBIDDEN')
        return fail(req, res, FAILURES.accountDisabled, 'console', actor);
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

  async function finishChat(
    req: Request,
    res: Response,
    identity: DirectoryIdentity,
    provider: ProviderSession,
  ): Promise<void> {
    const chat = deps.webChat;
    if (!chat) throw new KotaeError('NOT_FOUND', 'web chat single sign-on is not configured');
    const department = identity.department ?? (await chat.lookupDepartment?.(identity.subject));
    const token = newToken();
    const now = deps.clock.now();
    // Expired sign-ins go when new ones come (the index on expiresAt keeps this cheap).
    await chat.sessions.purge(now);
    const session = {
      id: tokenDigest(token),
      subject: identity.subject,
      name: identity.name ?? identity.username ?? null,
      department: department ?? null,
      email: identity.email ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + chat.sessionSeconds * 1000),
      ssoSid: provider.sid ? sidDigest(provider.sid) : null,
      ssoHint: sealIdToken(provider.idToken, token),
      ...(chat.recheckMinutes
        ? {
            ssoRefresh: provider.refreshToken ? sealRefreshToken(provider.refreshToken, token) : null,
            ssoCheckAt: new Date(now.getTime() + chat.recheckMinutes * 60_000),
          }
        : {}),
    };
    // The sign-in and its audit row commit together, as a console sign-in's: the account name and where it came
    // from, as in every sign-in row — never the name, 所属 or e-mail the session holds.
    await deps.audit.atomically(
      () => chat.sessions.create(session),
      () => ({
        actor: FederatedSignIn.usernameOf(identity),
        action: 'auth.sign_in_sso',
        detail: { to: 'chat', ...signInContext(clientOf(req), deps.instance) },
      }),
    );
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
      // A sign-in the Entra ID re-check ended on this very request: the page says why.
      const ended = webSessionEnded(req) ? { ended: 'sso', notice: M.webChatEnded } : {};
      res.json({ signInRequired: Boolean(deps.webChat), signedIn: false, ...ended });
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
    const chat = deps.webChat;
    res.append('Set-Cookie', cookie(CHAT_SESSION_COOKIE, '', 0));
    if (!me || !chat) return res.redirect(303, '/');
    // The sign-out and its row commit together (`to: 'chat'` and where it came from, as the sign-in's row); then
    // the provider's sign-out.
    await deps.audit.atomically(
      () => chat.sessions.delete(me.sessionId),
      () => ({
        actor: FederatedSignIn.usernameOf({ subject: me.subject, username: me.email }),
        action: 'auth.sign_out',
        detail: { to: 'chat', via: 'sso', ...signInContext(clientOf(req), deps.instance) },
      }),
    );
    const token = parseCookies(req.headers.cookie).get(CHAT_SESSION_COOKIE) ?? '';
    if (deps.singleLogout && (await deps.singleLogout.answer(res, me.ssoHint, token, 'chat'))) return;
    res.redirect(303, '/');
  });

  if (deps.singleLogout) {
    router.get('/signed-out', deps.singleLogout.signedOut);
    router.get('/frontchannel-logout', deps.singleLogout.frontChannel);
  }

  return router;
}

/**
 * What a sign-in keeps of the provider's session: its `sid` and the ID token (for single logout), and the refresh
 * token (the Entra ID re-check of a console session or a web chat sign-in).
 */
interface ProviderSession {
  sid?: string;
  idToken: string;
  refreshToken?: string;
}

/** What the log keeps of a failed directory lookup: its message and details (HTTP status, Graph's error code). */
function lookupError(err: unknown): Record<string, unknown> {
  return {
    error: err instanceof Error ? err.message.slice(0, 300) : String(err),
    ...(err instanceof KotaeError ? err.details : {}),
  };
}
