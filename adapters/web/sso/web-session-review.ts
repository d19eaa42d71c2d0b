/**
 * A web chat sign-in follows the directory (KOTAE_OIDC_ROLE_RECHECK_MINUTES), as a console session does: when its
 * check is due, the first request of the sign-in (on any instance: one conditional UPDATE claims it) redeems the
 * sealed refresh token with the provider (the shared provider part of RoleRecheck). Any fresh ID token of the same
 * user keeps it (a requester has no role); the provider refusing the refresh (account disabled or deleted, assignment
 * removed, token revoked), another user's token, or no refresh token kept ends it (`auth.sso_session_ended`,
 * `channel: 'web'`). The provider failing or slow keeps it: logged, and tried again after a short back-off.
 */
import { FederatedSignIn, sealRefreshToken, signInContext, type SignInClient } from '../auth';
import { askProvider, claimDueCheck, type RecheckDeps } from './provider-check';
import type { WebSessionCheck, WebSessionRecord, WebSessionStore } from './web-identity';

/** What the web chat's re-check needs. */
export interface WebSessionReviewDeps extends RecheckDeps {
  sessions: WebSessionStore;
}

/** The single sign-on re-check of web chat sign-ins (loadWebIdentity's WebSessionCheck). */
export class WebSessionReview implements WebSessionCheck {
  private readonly retryMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly deps: WebSessionReviewDeps) {
    this.retryMs = deps.retryMs ?? 60_000;
    this.timeoutMs = deps.timeoutMs ?? 5_000;
  }

  async review(session: WebSessionRecord, cookieToken: string, client: SignInClient): Promise<boolean> {
    const { sessions, audit, logger, provider, departmentClaim } = this.deps;
    const now = this.deps.clock.now();
    if (!(await claimDueCheck(sessions, session, now, this.retryMs))) return true;
    const check = { provider, departmentClaim, timeoutMs: this.timeoutMs };
    const answer = await askProvider(check, session.ssoRefresh, cookieToken, session.subject);
    const who = { session: session.id.slice(0, 8) };
    switch (answer.kind) {
      case 'retry':
        // Entra slow or down: nobody is locked out for it; the sign-in stays until a check succeeds.
        logger.warn('single sign-on: web chat re-check failed, session kept', {
          ...who,
          error: answer.error,
          retryInSeconds: Math.round(this.retryMs / 1000),
        });
        return true;
      case 'fresh': {
        const next = new Date(now.getTime() + this.deps.everyMinutes * 60_000);
        await sessions.finishSsoCheck(session.id, next, sealRefreshToken(answer.refreshToken, cookieToken));
        return true;
      }
      case 'end': {
        // The actor as the web chat sign-out's row names it.
        const actor = FederatedSignIn.usernameOf({ subject: session.subject, username: session.email ?? undefined });
        const detail = { channel: 'web', reason: answer.reason, ...signInContext(client, this.deps.instance) };
        await audit.atomically(
          () => sessions.delete(session.id),
          () => ({ actor, action: 'auth.sso_session_ended', detail }),
        );
        logger.warn('single sign-on: web chat session ended by the re-check', {
          ...who,
          reason: answer.reason,
          ...(answer.error ? { error: answer.error } : {}),
        });
        return false;
      }
    }
  }
}
