/**
 * Console sign-in through the directory (Entra ID): the operator row is created or updated from the
 * identity on every sign-in (display name and role follow the directory; a role removed there is
 * removed here at the next sign-in, or sooner by the role re-check, sso/role-recheck.ts), and a console session starts
 * exactly as after a password sign-in.
 * Such rows have no password (`sso$<subject>` never verifies), so they cannot sign in locally.
 */
import { KotaeError } from '../../../core';
import type { Clock } from '../../../core';
import type {
  AuditTrail,
  OperatorRecord,
  OperatorRole,
  OperatorStore,
  SessionRecord,
  SessionStore,
} from '../../../tickets';
import { signInContext, type SignInClient } from './sign-in-context';
import { sealIdToken, sealRefreshToken, sidDigest } from './id-token-hint';
import { newToken, tokenDigest } from './tokens';

const SSO_HASH = 'sso$';

/** Whether a stored hash marks an account that signs in through the directory only. */
export function isFederated(passwordHash: string): boolean {
  return passwordHash.startsWith(SSO_HASH);
}

/** The directory subject (object id) of an account that signs in through the directory; undefined for a local one. */
export function federatedSubject(passwordHash: string): string | undefined {
  return isFederated(passwordHash) ? passwordHash.slice(SSO_HASH.length) : undefined;
}

/** Who signed in through the directory and the Kotae role their app roles or groups map to. */
export interface FederatedUser {
  subject: string;
  username?: string;
  displayName?: string;
  role: OperatorRole;
  /** The provider's session id (ID token `sid`), for its front-channel logout. */
  sid?: string;
  /** The raw ID token, kept sealed for `id_token_hint` at sign-out. */
  idToken?: string;
  /** The provider's refresh token, kept sealed for the role re-check (with `recheckMinutes` only). */
  refreshToken?: string;
}

/** What FederatedSignIn needs (the same stores as AuthService). */
export interface FederatedSignInDeps {
  operators: OperatorStore;
  sessions: SessionStore;
  audit: AuditTrail;
  clock: Clock;
  /** Absolute session lifetime (minutes), AuthService's policy. */
  absoluteMinutes: number;
  /** This instance's id, written into sign-in audit rows (as AuthService does). */
  instance?: string;
  /** KOTAE_OIDC_ROLE_RECHECK_MINUTES: the first re-check is due this long after sign-in; 0 or absent: none. */
  recheckMinutes?: number;
}

/** Starts console sessions for directory identities. */
export class FederatedSignIn {
  constructor(private readonly deps: FederatedSignInDeps) {}

  /** The account name: the UPN (it has an @, which local names cannot), else `sso-<subject>`. */
  static usernameOf(user: Pick<FederatedUser, 'subject' | 'username'>): string {
    return user.username?.includes('@') ? user.username.slice(0, 100) : `sso-${user.subject}`.slice(0, 100);
  }

  /**
   * Creates or updates the operator and opens a session; CONFLICT when a local account has the name,
   * AUTH_FORBIDDEN when an administrator disabled it. `auth.sign_in_sso` (and `account.create_sso` on the
   * first sign-in) carry the role and where the sign-in came from (`client`: ip, User-Agent; and the instance),
   * as a password sign-in's row does.
   */
  async signIn(user: FederatedUser, client: SignInClient = {}): Promise<{ operator: OperatorRecord; token: string }> {
    const { operators, audit, clock } = this.deps;
    const username = FederatedSignIn.usernameOf(user);
    const displayName = (user.displayName ?? username).slice(0, 200);
    let operator = await operators.findByUsername(username);
    if (operator && !isFederated(operator.passwordHash))
      throw new KotaeError('CONFLICT', `local account ${username} exists; not taken over by single sign-on`);
    // An administrator disabled the account here: the directory's role does not enable it again.
    if (operator?.disabled) throw new KotaeError('AUTH_FORBIDDEN', `account ${username} is disabled`);
    const context = signInContext(client, this.deps.instance);
    if (!operator) {
      // The account and its audit row commit together; the row says where the first sign-in came from.
      operator = await audit.atomically(
        () =>
          operators.create({
            username,
            displayName,
            role: user.role,
            passwordHash: `${SSO_HASH}${user.subject}`,
            disabled: false,
          }),
        () => ({ actor: username, action: 'account.create_sso', detail: { role: user.role, ...context } }),
      );
    } else if (operator.role !== user.role || operator.displayName !== displayName) {
      await operators.update(operator.id, { role: user.role, displayName });
      operator = { ...operator, role: user.role, displayName };
    }
    const now = clock.now();
    const token = newToken();
    const session: SessionRecord = {
      id: tokenDigest(token),
      operatorId: operator.id,
      csrfToken: newToken(),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.deps.absoluteMinutes * 60_000),
      lastSeenAt: now,
      ssoSid: user.sid ? sidDigest(user.sid) : null,
      ssoHint: user.idToken ? sealIdToken(user.idToken, token) : null,
      ...this.recheck(user, token, now),
    };
    const detail = { role: user.role, ...context };
    // The session and its audit row commit together, as after a password sign-in.
    await audit.atomically(
      () => this.deps.sessions.create(session),
      () => ({ actor: username, action: 'auth.sign_in_sso', detail }),
    );
    return { operator, token };
  }

  /** What the role re-check needs (none when it is off): the sealed refresh token and when it is first due. */
  private recheck(user: FederatedUser, token: string, now: Date): Pick<SessionRecord, 'ssoRefresh' | 'ssoCheckAt'> {
    const minutes = this.deps.recheckMinutes ?? 0;
    if (minutes <= 0) return {};
    // Without a refresh token the check cannot be made: it is due all the same and then ends the session.
    return {
      ssoRefresh: user.refreshToken ? sealRefreshToken(user.refreshToken, token) : null,
      ssoCheckAt: new Date(now.getTime() + minutes * 60_000),
    };
  }
}
