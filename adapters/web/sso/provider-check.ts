/**
 * The provider part of a single sign-on session's re-check, shared by the console's RoleRecheck and the web chat's
 * WebSessionReview: the claim of a due check (one conditional UPDATE of the session row, on any instance), the sealed
 * refresh token redeemed for a fresh ID token within a time limit, and the fresh token's subject compared with the
 * session's. What follows from the answer (roles, lowering, ending) is each channel's own.
 */
import { KotaeError } from '../../../core';
import type { AuditTrail, Clock, Logger } from '../../../core';
import { openRefreshToken } from '../auth';
import { identityFromClaims, type DirectoryIdentity } from './identity';

/** Port: the provider's token refresh (MsalOidcSignIn.refresh); AUTH_REQUIRED when it refuses the user. */
export interface TokenRefresher {
  refresh(refreshToken: string): Promise<{ claims: Record<string, unknown>; refreshToken: string }>;
}

/** What both re-checks (console sessions, web chat sign-ins) are given besides their store. */
export interface RecheckDeps {
  provider: TokenRefresher;
  departmentClaim: string;
  audit: AuditTrail;
  /** KOTAE_OIDC_ROLE_RECHECK_MINUTES (at least 1: 0 wires no re-check). */
  everyMinutes: number;
  /** Back-off after the provider (or Graph) failed (default 1 minute). */
  retryMs?: number;
  /** How long the provider (and Graph) may take, a person waiting on the page (default 5 s). */
  timeoutMs?: number;
  /** This instance's id, written into the audit rows. */
  instance?: string;
  clock: Clock;
  logger: Logger;
}

/** A store whose rows carry a single sign-on check (SessionStore, WebSessionStore). */
export interface SsoCheckClaims {
  /** Moves a due check (`seen`, null: never made) to `until`; false when not due or another caller took it. */
  claimSsoCheck(id: string, seen: Date | null, now: Date, until: Date): Promise<boolean>;
}

/** Why the provider's answer ends a session (the audit row's `reason`). */
export type ProviderEndReason = 'refresh_refused' | 'no_refresh_token' | 'subject_mismatch';

/** The provider's answer: the fresh identity and the rotated refresh token, an end, or a failure to retry. */
export type ProviderAnswer =
  | { kind: 'fresh'; identity: DirectoryIdentity; refreshToken: string }
  | { kind: 'end'; reason: ProviderEndReason; error?: string }
  | { kind: 'retry'; error: string };

/** What asking the provider needs. */
export interface ProviderCheckDeps {
  provider: TokenRefresher;
  departmentClaim: string;
  /** How long the provider may take, a person waiting on the page. */
  timeoutMs: number;
}

/** An error's message as the log keeps it. */
export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);

/**
 * Claims the session's check when it is due (`checkAt` at or before `now`, or never made): the back-off doubles as a
 * lease, so if the request dies mid-check another tries after it. False: not due, or another request has it.
 */
export async function claimDueCheck(
  store: SsoCheckClaims,
  session: { id: string; ssoCheckAt?: Date | null },
  now: Date,
  retryMs: number,
): Promise<boolean> {
  if (session.ssoCheckAt && session.ssoCheckAt > now) return false;
  return store.claimSsoCheck(session.id, session.ssoCheckAt ?? null, now, new Date(now.getTime() + retryMs));
}

/** Redeems the sealed refresh token and checks the fresh ID token names `subject`; never throws. */
export async function askProvider(
  deps: ProviderCheckDeps,
  sealedRefresh: string | null | undefined,
  cookieToken: string,
  subject: string | undefined,
): Promise<ProviderAnswer> {
  const stored = openRefreshToken(sealedRefresh, cookieToken);
  if (!stored) return { kind: 'end', reason: 'no_refresh_token' };
  let refreshed: Awaited<ReturnType<TokenRefresher['refresh']>>;
  let identity: DirectoryIdentity;
  try {
    refreshed = await within(deps.provider.refresh(stored), 'token refresh', deps.timeoutMs);
    identity = identityFromClaims(refreshed.claims, deps.departmentClaim);
  } catch (err) {
    const refused = err instanceof KotaeError && err.code === 'AUTH_REQUIRED';
    return refused
      ? { kind: 'end', reason: 'refresh_refused', error: errorText(err) }
      : { kind: 'retry', error: errorText(err) };
  }
  if (identity.subject !== subject)
    return { kind: 'end', reason: 'subject_mismatch', error: `token subject ${identity.subject.slice(0, 100)}` };
  return { kind: 'fresh', identity, refreshToken: refreshed.refreshToken };
}

/** `work`, or CLOUD_UNAVAILABLE when it takes longer than `timeoutMs` (it may still finish; its answer is dropped). */
export function within<T>(work: Promise<T>, what: string, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new KotaeError('CLOUD_UNAVAILABLE', `${what} took longer than ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
