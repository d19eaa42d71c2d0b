/**
 * Sign-in with lockout, and console sessions: a random 32-byte token in the cookie, its SHA-256 in
 * the database, idle and absolute expiry, and a per-session CSRF token.
 */
import { KotaeError } from '../../../core';
import type { Clock } from '../../../core';
import type { AuditTrail, OperatorRecord, OperatorStore, SessionRecord, SessionStore } from '../../../tickets';
import { DenialAudit } from './denial-audit';
import { AUTH_MESSAGES } from './messages';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, verifyPassword, type ScryptParams } from './password-hash';
import { checkNewPassword } from './password-policy';
import { signInContext, type SignInClient } from './sign-in-context';
import { newToken, tokenDigest } from './tokens';

/** Session and lockout settings. */
export interface AuthPolicy {
  idleMinutes: number;
  absoluteMinutes: number;
  maxFailures: number;
  lockMinutes: number;
  scrypt: ScryptParams;
  /** With single sign-on: which local accounts may still sign in with a password (`admin`: break-glass only). */
  localSignIn: 'all' | 'admin';
}

/** 30 min idle, 8 h absolute, lock for 15 min after 5 consecutive failures. */
export const DEFAULT_AUTH_POLICY: Readonly<AuthPolicy> = Object.freeze({
  idleMinutes: 30,
  absoluteMinutes: 8 * 60,
  maxFailures: 5,
  lockMinutes: 15,
  scrypt: DEFAULT_SCRYPT_PARAMS,
  localSignIn: 'all',
});

/** A signed-in operator with the session (and, right after sign-in, the cookie token). */
export interface AuthContext {
  operator: OperatorRecord;
  session: SessionRecord;
}

/**
 * Port: a second look at a live session before a request uses it — single sign-on's role re-check against the
 * directory (sso/role-recheck.ts). `cookieToken` opens what the session keeps sealed; `client` is for audit rows.
 */
export interface SessionReview {
  /** The context to use (its role possibly lowered), or undefined when the review ended the session (and audited it). */
  review(ctx: AuthContext, cookieToken: string, client: SignInClient): Promise<AuthContext | undefined>;
}

/** What AuthService needs. */
export interface AuthServiceDeps {
  operators: OperatorStore;
  sessions: SessionStore;
  audit: AuditTrail;
  clock: Clock;
  policy?: Partial<AuthPolicy>;
  /** This instance's id, written into sign-in and denial audit rows. */
  instance?: string;
}

/** A change of one's own password, as typed in the form. */
export interface PasswordChange {
  current: string;
  next: string;
  confirm: string;
}

const MINUTE = 60_000;
const locked = (operator: OperatorRecord, userMessage?: string) =>
  new KotaeError('AUTH_LOCKED', `account ${operator.username} locked after repeated failures`, { userMessage });
const invalid = (message: string) =>
  new KotaeError('INPUT_INVALID', 'invalid password change', { userMessage: message });

/** Signs operators in and out and resolves session tokens. */
export class AuthService {
  readonly policy: AuthPolicy;
  /** Refused console writes (`auth.denied`), rate-bounded; the role check writes them. */
  readonly denials: DenialAudit;
  private dummyHash?: Promise<string>;
  private review?: SessionReview;

  constructor(private readonly deps: AuthServiceDeps) {
    this.policy = { ...DEFAULT_AUTH_POLICY, ...deps.policy };
    this.denials = new DenialAudit({ audit: deps.audit, clock: deps.clock, instance: deps.instance });
  }

  /**
   * Checks the password; AUTH_REQUIRED (generic message) on failure, AUTH_LOCKED while locked.
   * The 5th consecutive failure locks the account for 15 minutes.
   */
  async signIn(
    username: string,
    password: string,
    client: SignInClient = {},
  ): Promise<AuthContext & { token: string }> {
    const { operators, audit, clock } = this.deps;
    const from = this.context(client);
    const name = username.trim();
    const operator = name ? await operators.findByUsername(name) : undefined;
    const now = clock.now();
    const failed = () =>
      new KotaeError('AUTH_REQUIRED', `sign-in failed for ${name}`, { userMessage: AUTH_MESSAGES.signInFailed });
    if (!operator || operator.disabled) {
      await verifyPassword(password, await this.dummy());
      await audit.record({
        actor: name.slice(0, 100) || '(empty)',
        action: 'auth.sign_in_failed',
        detail: { reason: 'unknown', ...from },
      });
      throw failed();
    }
    if (operator.lockedUntil && operator.lockedUntil > now) {
      await audit.record({ actor: operator.username, action: 'auth.sign_in_locked', detail: from });
      throw new KotaeError('AUTH_LOCKED', `account ${operator.username} is locked`);
    }
    if (!(await verifyPassword(password, operator.passwordHash))) {
      if (await this.recordFailure(operator, 'auth.sign_in_failed', from)) throw locked(operator);
      throw failed();
    }
    if (this.policy.localSignIn === 'admin' && operator.role !== 'admin') {
      // Single sign-on is the way in; local passwords stay for the break-glass administrators only.
      await audit.record({ actor: operator.username, action: 'auth.sign_in_local_refused', detail: from });
      throw failed();
    }
    await operators.update(operator.id, { failedAttempts: 0, lockedUntil: null });
    const token = newToken();
    const session: SessionRecord = {
      id: tokenDigest(token),
      operatorId: operator.id,
      csrfToken: newToken(),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.policy.absoluteMinutes * MINUTE),
      lastSeenAt: now,
    };
    await audit.atomically(
      () => this.deps.sessions.create(session),
      () => ({ actor: operator.username, action: 'auth.sign_in', detail: from }),
    );
    return { operator: { ...operator, failedAttempts: 0, lockedUntil: undefined }, session, token };
  }

  /** The session of a cookie token, or undefined when missing, expired (idle or absolute) or disabled. */
  async authenticate(token: string | undefined): Promise<AuthContext | undefined> {
    if (!token || token.length > 100) return undefined;
    const { sessions, operators, clock } = this.deps;
    const session = await sessions.get(tokenDigest(token));
    if (!session) return undefined;
    const now = clock.now().getTime();
    const idle = now - session.lastSeenAt.getTime() > this.policy.idleMinutes * MINUTE;
    const operator = await operators.get(session.operatorId);
    if (idle || now >= session.expiresAt.getTime() || !operator || operator.disabled) {
      await sessions.delete(session.id);
      return undefined;
    }
    // Write lastSeenAt at most once a minute: idle expiry does not need more precision.
    if (now - session.lastSeenAt.getTime() >= MINUTE) {
      session.lastSeenAt = new Date(now);
      await sessions.touch(session.id, session.lastSeenAt);
    }
    return { operator, session };
  }

  /**
   * Sets the review every request's session goes through (wired once at start by single sign-on, which is built
   * after the console's services).
   */
  reviewSessionsWith(review: SessionReview): void {
    this.review = review;
  }

  /**
   * A request's session: `authenticate`, then the review (if any); `ended` when the review ended the session (the
   * browser is told why at the sign-in page).
   */
  async resume(token: string | undefined, client: SignInClient): Promise<{ ctx?: AuthContext; ended?: boolean }> {
    const ctx = await this.authenticate(token);
    if (!ctx || !token || !this.review) return { ctx };
    const reviewed = await this.review.review(ctx, token, client);
    return reviewed ? { ctx: reviewed } : { ended: true };
  }

  /**
   * Ends the session of the token and returns it (undefined when signed out already). The session's end and its
   * `auth.sign_out` row commit together (one transaction), with where the sign-out came from as a sign-in row
   * records it (ip, User-Agent, instance); a single sign-on session's row says so (`via: 'sso'`): its browser is
   * sent on to the provider's sign-out.
   */
  async signOut(token: string | undefined, client: SignInClient = {}): Promise<AuthContext | undefined> {
    const ctx = await this.authenticate(token);
    if (!ctx) return undefined;
    const sso = Boolean(ctx.session.ssoSid || ctx.session.ssoHint);
    await this.deps.audit.atomically(
      () => this.deps.sessions.delete(ctx.session.id),
      () => ({
        actor: ctx.operator.username,
        action: 'auth.sign_out',
        detail: { ...(sso ? { via: 'sso' } : {}), ...this.context(client) },
      }),
    );
    return ctx;
  }

  /**
   * Changes the signed-in operator's own password. A wrong current password counts toward the
   * lockout like a failed sign-in (on lock every session of the account ends: AUTH_LOCKED).
   * On success every other session of the operator ends; the current one stays.
   */
  async changePassword(ctx: AuthContext, change: PasswordChange): Promise<void> {
    const { operators, sessions, audit, clock } = this.deps;
    const operator = await operators.get(ctx.operator.id);
    if (!operator || operator.disabled) throw new KotaeError('AUTH_REQUIRED', 'operator gone');
    if (operator.lockedUntil && operator.lockedUntil > clock.now())
      throw new KotaeError('AUTH_LOCKED', `account ${operator.username} is locked`);
    if (!(await verifyPassword(change.current, operator.passwordHash))) {
      if (!(await this.recordFailure(operator, 'auth.password_change_failed')))
        throw invalid(AUTH_MESSAGES.passwordCurrentWrong);
      // Someone guessing from inside a session: the lock ends that session too.
      await sessions.deleteForOperator(operator.id);
      throw locked(operator, AUTH_MESSAGES.passwordLocked);
    }
    checkNewPassword(change.next, operator.username);
    if (change.next !== change.confirm) throw invalid(AUTH_MESSAGES.passwordMismatch);
    if (change.next === change.current) throw invalid(AUTH_MESSAGES.passwordSame);
    const passwordHash = await this.hash(change.next);
    await audit.atomically(
      async () => {
        await operators.update(operator.id, { passwordHash, failedAttempts: 0, lockedUntil: null });
        await sessions.deleteForOperator(operator.id, ctx.session.id);
      },
      () => ({ actor: operator.username, action: 'auth.password_change' }),
    );
  }

  /** Hashes a password with this service's scrypt parameters. */
  hash(password: string): Promise<string> {
    return hashPassword(password, this.policy.scrypt);
  }

  /** The audit context of a sign-in: client address, User-Agent (cut to 200 characters) and instance. */
  private context(client: SignInClient): Record<string, string | null> {
    return signInContext(client, this.deps.instance);
  }

  /** Counts a wrong password; the `maxFailures`-th in a row locks the account (returns true). */
  private async recordFailure(
    operator: OperatorRecord,
    action: string,
    context: Record<string, string | null> = {},
  ): Promise<boolean> {
    const now = this.deps.clock.now();
    // The count and its audit row commit together: no failure or lock goes unaudited (issue 11).
    const { locked } = await this.deps.audit.atomically(
      () =>
        this.deps.operators.recordFailedAttempt(
          operator.id,
          this.policy.maxFailures,
          new Date(now.getTime() + this.policy.lockMinutes * MINUTE),
        ),
      ({ failures, locked: lockedNow }) => ({
        actor: operator.username,
        action: lockedNow ? 'auth.locked' : action,
        detail: { failures, ...context },
      }),
    );
    return locked;
  }

  /** A hash to verify against for unknown users, so their sign-in takes as long as a real one. */
  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(newToken(), this.policy.scrypt);
    return this.dummyHash;
  }
}
