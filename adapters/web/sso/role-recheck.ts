/**
 * A console session started through single sign-on follows the directory (KOTAE_OIDC_ROLE_RECHECK_MINUTES): when
 * its check is due, the first request of the session (on any instance: the claim is one conditional UPDATE of the
 * session row) redeems the session's refresh token (kept sealed under the cookie token) for a fresh ID token, whose
 * `roles`/`groups` are mapped by the sign-in's KOTAE_OIDC_ROLE_MAP (on a groups overage, Graph through the
 * GroupMembership port). The session's role still held: it stays. Removed, with a lower mapped role left: the account
 * is lowered to it (`auth.sso_role_changed`). Nothing at or below it left, or the provider refusing the refresh
 * (account disabled or deleted, assignment gone): the session ends (`auth.sso_session_ended`). A role added in the
 * directory is not granted mid-session (it applies at the next sign-in). The provider or Graph failing or slow keeps
 * the session: logged, and tried again after a short back-off.
 */
import type { OperatorRole, OperatorStore, SessionStore } from '../../../tickets';
import { federatedSubject, sealRefreshToken, signInContext } from '../auth';
import type { AuthContext, SessionReview, SignInClient } from '../auth';
import { groupsToAsk, mappedRoles, roleRank, type GroupMembership, type RoleMapping } from './identity';
import {
  askProvider,
  claimDueCheck,
  errorText,
  within,
  type ProviderEndReason,
  type RecheckDeps,
} from './provider-check';

export type { TokenRefresher } from './provider-check';

/** What the re-check needs. */
export interface RoleRecheckDeps extends RecheckDeps {
  roleMap: readonly RoleMapping[];
  /** Groups overage: Microsoft Graph (as at sign-in); absent: app roles only. */
  groups?: GroupMembership;
  sessions: SessionStore;
  operators: OperatorStore;
}

/** Why a re-check ended a session (the audit row's `reason`). */
type EndReason = 'no_role' | 'role_changed' | ProviderEndReason;

type Outcome =
  | { kind: 'keep'; refreshToken: string; added?: OperatorRole }
  | { kind: 'lower'; refreshToken: string; role: OperatorRole }
  | { kind: 'end'; reason: EndReason; error?: string }
  | { kind: 'retry'; error: string };

/** The single sign-on role re-check of console sessions (AuthService's SessionReview). */
export class RoleRecheck implements SessionReview {
  private readonly retryMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly deps: RoleRecheckDeps) {
    this.retryMs = deps.retryMs ?? 60_000;
    this.timeoutMs = deps.timeoutMs ?? 5_000;
  }

  async review(ctx: AuthContext, cookieToken: string, client: SignInClient): Promise<AuthContext | undefined> {
    const { session } = ctx;
    // Password sessions keep no provider session; a single sign-on session always keeps its sealed ID token.
    if (!session.ssoHint) return ctx;
    const now = this.deps.clock.now();
    if (!(await claimDueCheck(this.deps.sessions, session, now, this.retryMs))) return ctx;
    const outcome = await this.check(ctx, cookieToken);
    return this.apply(ctx, outcome, cookieToken, signInContext(client, this.deps.instance), now);
  }

  /** Asks the provider (and Graph on an overage) and decides; never throws. */
  private async check(ctx: AuthContext, cookieToken: string): Promise<Outcome> {
    const { operator, session } = ctx;
    const { provider, departmentClaim } = this.deps;
    const subject = federatedSubject(operator.passwordHash);
    const answer = await askProvider(
      { provider, departmentClaim, timeoutMs: this.timeoutMs },
      session.ssoRefresh,
      cookieToken,
      subject,
    );
    if (answer.kind !== 'fresh') return answer;
    const refreshed = answer;
    let identity = answer.identity;
    const ask =
      identity.groupsOverage && this.deps.groups ? groupsToAsk(identity, this.deps.roleMap, operator.role) : [];
    if (ask.length && this.deps.groups) {
      try {
        identity = {
          ...identity,
          groups: await within(this.deps.groups.memberOf(identity.subject, ask), 'Graph', this.timeoutMs),
        };
      } catch (err) {
        return { kind: 'retry', error: errorText(err) };
      }
    }
    const held = mappedRoles(identity, this.deps.roleMap);
    const rank = roleRank(operator.role);
    const above = [...held].find((r) => roleRank(r) > rank);
    if (held.has(operator.role)) return { kind: 'keep', refreshToken: refreshed.refreshToken, added: above };
    const lower = [...held].filter((r) => roleRank(r) < rank).sort((a, b) => roleRank(b) - roleRank(a))[0];
    if (lower) return { kind: 'lower', refreshToken: refreshed.refreshToken, role: lower };
    return { kind: 'end', reason: held.size ? 'role_changed' : 'no_role' };
  }

  /** Stores, audits and logs the outcome; the context the request goes on with (undefined: session ended). */
  private async apply(
    ctx: AuthContext,
    outcome: Outcome,
    cookieToken: string,
    context: Record<string, string | null>,
    now: Date,
  ): Promise<AuthContext | undefined> {
    const { operator, session } = ctx;
    const { sessions, operators, audit, logger } = this.deps;
    const who = { operator: operator.username, session: session.id.slice(0, 8) };
    const next = new Date(now.getTime() + this.deps.everyMinutes * 60_000);
    switch (outcome.kind) {
      case 'retry':
        // Entra slow or down: nobody is locked out for it; the session keeps its role until a check succeeds.
        logger.warn('single sign-on: role re-check failed, session kept', {
          ...who,
          error: outcome.error,
          retryInSeconds: Math.round(this.retryMs / 1000),
        });
        return ctx;
      case 'keep':
        await sessions.finishSsoCheck(session.id, next, sealRefreshToken(outcome.refreshToken, cookieToken));
        if (outcome.added)
          logger.info('single sign-on: higher role in the directory, granted at the next sign-in', {
            ...who,
            role: operator.role,
            directory: outcome.added,
          });
        return ctx;
      case 'lower': {
        const detail = { from: operator.role, to: outcome.role, ...context };
        // The account's role, the session's next check and the audit row commit together.
        await audit.atomically(
          async () => {
            await operators.update(operator.id, { role: outcome.role });
            await sessions.finishSsoCheck(session.id, next, sealRefreshToken(outcome.refreshToken, cookieToken));
          },
          () => ({ actor: operator.username, action: 'auth.sso_role_changed', detail }),
        );
        logger.info('single sign-on: role lowered by the directory', { ...who, from: operator.role, to: outcome.role });
        return { ...ctx, operator: { ...operator, role: outcome.role } };
      }
      case 'end': {
        const detail = { role: operator.role, reason: outcome.reason, ...context };
        await audit.atomically(
          () => sessions.delete(session.id),
          () => ({ actor: operator.username, action: 'auth.sso_session_ended', detail }),
        );
        logger.warn('single sign-on: session ended by the role re-check', {
          ...who,
          reason: outcome.reason,
          ...(outcome.error ? { error: outcome.error } : {}),
        });
        return undefined;
      }
    }
  }
}
