/** Single sign-on (Entra ID / OpenID Connect) for the console and the web chat. */
export { createSsoRouter, type SignInProvider, type SsoDeps } from './router';
export { createSsoErrorPage, type SsoErrorPageDeps } from './error-page';
export {
  identityFromClaims,
  mappedRole,
  type DirectoryIdentity,
  type GroupMembership,
  type RoleMapping,
} from './identity';
export {
  CHAT_SESSION_COOKIE,
  boundKey,
  loadWebIdentity,
  webIdentityOf,
  webSessionEnded,
  type WebSessionCheck,
  type WebIdentity,
  type WebSessionRecord,
  type WebSessionStore,
} from './web-identity';
export { SSO_MESSAGES } from './messages';
export { SingleLogout, answerProviderSignOut, type EndSessionProvider, type SingleLogoutDeps } from './single-logout';
export { RoleRecheck, type RoleRecheckDeps, type TokenRefresher } from './role-recheck';
export { WebSessionReview, type WebSessionReviewDeps } from './web-session-review';
