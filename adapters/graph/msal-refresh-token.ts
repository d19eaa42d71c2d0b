/**
 * The user's refresh token out of MSAL's in-memory token cache, which Kotae does not keep: after a code redemption
 * or a refresh, the refresh token MSAL cached for the account is read from the cache's serialized form (MSAL's
 * public cache schema) and the account is removed again, so the process holds no user's tokens. The session keeps
 * the refresh token sealed in the database (adapters/web/auth/id-token-hint.ts) for its role re-check.
 */
import type { AccountInfo, TokenCache } from '@azure/msal-node';

/** The refresh token cached for `account` of `clientId` (undefined when the provider issued none); the account is removed. */
export async function takeRefreshToken(
  cache: TokenCache,
  account: AccountInfo | null,
  clientId: string,
): Promise<string | undefined> {
  if (!account) return undefined;
  const entries = (JSON.parse(cache.serialize()) as { RefreshToken?: Record<string, unknown> }).RefreshToken ?? {};
  let token: string | undefined;
  for (const entry of Object.values(entries)) {
    const e = entry as { home_account_id?: unknown; client_id?: unknown; secret?: unknown };
    if (e.home_account_id === account.homeAccountId && e.client_id === clientId && typeof e.secret === 'string')
      token = e.secret;
  }
  // Two sign-ins of the same user finishing on one instance at once may share the entry: the later one may find it
  // removed, and its session is then asked to sign in again at its first re-check (never given a wrong role).
  await cache.removeAccount(account);
  return token;
}
