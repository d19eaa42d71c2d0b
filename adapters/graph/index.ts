/**
 * Microsoft Graph and Entra ID (MSAL) access. Graph and MSAL are imported only here.
 */
export { GraphDirectoryLookup, type GraphDirectoryOptions } from './graph-directory-lookup';
export { GraphGroupMembership, type GraphGroupMembershipOptions } from './graph-group-membership';
export {
  MsalTokenProvider,
  type AccessTokenProvider,
  type ClientCredentialClient,
  type MsalTokenOptions,
} from './token-provider';
export { MsalOidcSignIn, type OidcSignInOptions, type PendingSignIn, type SignInCallback } from './oidc-sign-in';
export { OidcEndSession, type OidcEndSessionOptions, type EndSessionRequest } from './oidc-end-session';
export { createAppTokenProvider, type AppCredentialOptions } from './app-credentials';
export { DeltaExpired, GraphDrives, type DeltaResult, type DriveItem, type GraphDriveOptions } from './drive-delta';
