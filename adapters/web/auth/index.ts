/** Console authentication: scrypt passwords, lockout, cookie sessions, CSRF, accounts. */
export { hashPassword, verifyPassword, DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './password-hash';
export { parseCookies, serializeCookie, type CookieOptions } from './cookies';
export { newToken, tokenDigest, tokensEqual } from './tokens';
export { sealIdToken, openIdToken, sealRefreshToken, openRefreshToken, sidDigest } from './id-token-hint';
export {
  AuthService,
  DEFAULT_AUTH_POLICY,
  type AuthPolicy,
  type AuthContext,
  type AuthServiceDeps,
  type PasswordChange,
  type SessionReview,
} from './auth-service';
export { clientOf, signInContext, type SignInClient } from './sign-in-context';
export { DenialAudit, type Denial, type DenialAuditDeps } from './denial-audit';
export { AccountService, type AccountServiceDeps, type AuditLog, type NewAccount } from './account-service';
export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, checkNewPassword } from './password-policy';
export {
  SESSION_COOKIE,
  SESSION_ENDED_NOTICE,
  authOf,
  requireAuth,
  loadSession,
  setSessionCookie,
  clearSessionCookie,
  isStateChanging,
  presentedCsrf,
  requireRole,
  requireCsrf,
  type SessionCookieOptions,
} from './middleware';
export { FederatedSignIn, federatedSubject, type FederatedUser } from './federated-sign-in';
export { AUTH_MESSAGES } from './messages';
