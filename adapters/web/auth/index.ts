/** Console authentication: scrypt passwords, lockout, cookie sessions, CSRF, accounts. */
export { hashPassword, verifyPassword, DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './password-hash';
export { parseCookies, serializeCookie, type CookieOptions } from './cookies';
export { newToken, tokenDigest, tokensEqual } from './tokens';
export {
  AuthService,
  DEFAULT_AUTH_POLICY,
  type AuthPolicy,
  type AuthContext,
  type AuthServiceDeps,
} from './auth-service';
export { AccountService, MIN_PASSWORD_LENGTH, type AccountServiceDeps, type NewAccount } from './account-service';
export {
  SESSION_COOKIE,
  authOf,
  requireAuth,
  loadSession,
  setSessionCookie,
  clearSessionCookie,
  isStateChanging,
  presentedCsrf,
  requireRole,
  type SessionCookieOptions,
} from './middleware';
