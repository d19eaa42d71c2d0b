/**
 * Failed single sign-ons: why (a closed set of reasons), the status and Japanese message shown, and the
 * `auth.sign_in_failed` audit entry a failed password sign-in also writes. Neither the page nor the audit
 * log ever carries the provider's `error_description` or any other text from the callback URL.
 */
import type { AuditEntry } from '../../../core';
import { SSO_MESSAGES as M } from './messages';

/** Why a single sign-on failed. */
export type SsoFailureReason =
  /** No valid sign-in cookie: expired, another browser, or a callback this browser never started. */
  | 'no_pending'
  /** The provider answered `error=…` instead of a code. */
  | 'provider_error'
  /** State, PKCE, code or ID token refused (forged, replayed, another audience/issuer/tenant, expired). */
  | 'rejected'
  /** The provider could not be reached or failed. */
  | 'unavailable'
  | 'no_role'
  /** The token left the groups out (overage) and Kotae is not set up to ask Microsoft Graph for them. */
  | 'groups_overage'
  /** The token left the groups out and Microsoft Graph did not answer (down, timeout, permission missing). */
  | 'groups_lookup_failed'
  /** The callback URL itself was refused before the sign-in was looked at (a NUL, bad %-encoding). */
  | 'malformed_callback'
  | 'local_account'
  /** An administrator disabled the console account (the directory still grants a role). */
  | 'account_disabled';

/** A failure as shown to the browser and audited. */
export interface SsoFailure {
  reason: SsoFailureReason;
  status: number;
  message: string;
  /** The provider's error code when it is a registered one, else `other` (only for `provider_error`). */
  error?: string;
}

/** Authorization endpoint error codes (RFC 6749 §4.1.2.1, OpenID Connect Core §3.1.2.6). */
const PROVIDER_ERRORS = new Set([
  'invalid_request',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
  'interaction_required',
  'login_required',
  'account_selection_required',
  'consent_required',
  'invalid_request_uri',
  'invalid_request_object',
  'request_not_supported',
  'request_uri_not_supported',
  'registration_not_supported',
]);

const NEEDS_INTERACTION = new Set([
  'interaction_required',
  'login_required',
  'account_selection_required',
  'consent_required',
]);

/** Failures that do not depend on the provider's answer. */
export const FAILURES = {
  noPending: { reason: 'no_pending', status: 400, message: M.expired },
  rejected: { reason: 'rejected', status: 401, message: M.failed },
  unavailable: { reason: 'unavailable', status: 503, message: M.providerDown },
  noRole: { reason: 'no_role', status: 403, message: M.noRole },
  groupsOverage: { reason: 'groups_overage', status: 403, message: M.groupsOverage },
  groupsLookupFailed: { reason: 'groups_lookup_failed', status: 503, message: M.groupsLookupFailed },
  localAccount: { reason: 'local_account', status: 409, message: M.localAccount },
  accountDisabled: { reason: 'account_disabled', status: 403, message: M.accountDisabled },
} as const satisfies Record<string, SsoFailure>;

/**
 * The failure for the callback's `error` parameter. Always a 4xx: anyone can put any `error` into a
 * callback URL, so even `server_error` says nothing about Kotae's own health.
 */
export function providerFailure(error: string): SsoFailure {
  const known = PROVIDER_ERRORS.has(error) ? error : 'other';
  let message: string = M.failed;
  if (known === 'access_denied') message = M.denied;
  else if (NEEDS_INTERACTION.has(known)) message = M.interaction;
  else if (known === 'temporarily_unavailable' || known === 'server_error') message = M.providerDown;
  return { reason: 'provider_error', status: 401, message, error: known };
}

/** The failure of a callback whose URL the app refused (`message`: the request check's Japanese text). */
export function malformedCallback(status: number, message: string): SsoFailure {
  return { reason: 'malformed_callback', status, message };
}

/**
 * The audit entry of a failure; `actor` is the directory account when known, else `(sso)`; `context`
 * says where the sign-in came from (`signInContext`: ip, User-Agent, instance), as a password sign-in's.
 */
export function failureEntry(
  failure: SsoFailure,
  actor = '(sso)',
  context: Readonly<Record<string, string | null>> = {},
): AuditEntry {
  return {
    actor: actor.slice(0, 100),
    action: 'auth.sign_in_failed',
    detail: { via: 'sso', reason: failure.reason, ...(failure.error ? { error: failure.error } : {}), ...context },
  };
}
