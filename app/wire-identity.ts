/**
 * Wiring of single sign-on (Entra ID through MSAL): the /auth routes, console sessions for mapped
 * directory identities, and the web chat's sign-ins. Nothing is built when KOTAE_OIDC_CLIENT_ID is unset.
 */
import type { DataSource } from 'typeorm';
import type { ErrorRequestHandler, Router } from 'express';
import type { ConversationStore } from '../conversations';
import type { Clock } from '../core';
import type { Logger } from '../core';
import type { Response } from 'express';
import { GraphGroupMembership, MsalOidcSignIn, OidcEndSession } from '../adapters/graph';
import { answerProviderSignOut, FederatedSignIn, RoleRecheck, SingleLogout, type AuthService } from '../adapters/web';
import { WebSessionReview, type WebSessionCheck } from '../adapters/web';
import { createSsoErrorPage, createSsoRouter, type SsoDeps, type WebSessionStore } from '../adapters/web';
import type { RateCounter } from '../adapters/web';
import { SqlWebSessions } from '../db';
import type { OperatorStore, SessionStore, AuditTrail } from '../tickets';
import type { KotaeConfig } from './config';
import type { OidcConfig } from './config-trust';
import { graphDirectoryLookup } from './wire-graph';
import { ssoSignInLimiters } from './wire-rate-limits';

/** What single sign-on needs from the rest of the app. */
export interface IdentityWiringDeps {
  config: Readonly<KotaeConfig>;
  ds: DataSource;
  conversations: ConversationStore;
  operators: OperatorStore;
  sessions: SessionStore;
  audit: AuditTrail;
  /** The console's sessions: their role re-check against the directory is wired here (KOTAE_OIDC_ROLE_RECHECK_MINUTES). */
  auth: AuthService;
  /** Console session lifetime (AuthService's policy), minutes. */
  absoluteMinutes: number;
  /** This instance's id, written into sign-in audit rows (as the password sign-in's). */
  instanceId?: string;
  /** The rate-limit store (`GET /auth/signin` per client address, KOTAE_RATE_SSO_SIGNIN_IP). */
  rateCounter?: RateCounter;
  clock: Clock;
  logger: Logger;
}

/** The web app's `sso` settings, or undefined when single sign-on is not configured. */
export function wireIdentity(d: IdentityWiringDeps):
  | {
      router: Router;
      errorPage: ErrorRequestHandler;
      webSessions?: WebSessionStore;
      webReview?: WebSessionCheck;
      webChatRequired: boolean;
    }
  | undefined {
  const oidc = d.config.trust.oidc;
  if (!oidc) return undefined;
  const provider = new MsalOidcSignIn({
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authority: oidc.authority,
    entra: oidc.entra,
    redirectUri: oidc.redirectUri,
    caFile: oidc.caFile,
  });
  const consoleSso = oidc.roleMap.length > 0;
  const recheckMinutes = consoleSso ? oidc.roleRecheckMinutes : 0;
  const federated = new FederatedSignIn({
    operators: d.operators,
    sessions: d.sessions,
    audit: d.audit,
    clock: d.clock,
    absoluteMinutes: d.absoluteMinutes,
    instance: d.instanceId,
    recheckMinutes,
  });
  const webSessions = oidc.webChat ? new SqlWebSessions(d.ds) : undefined;
  // Web chat sign-ins follow the directory too (no roles: the account still there is what counts).
  const webRecheckMinutes = webSessions ? oidc.roleRecheckMinutes : 0;
  const webReview =
    webSessions && webRecheckMinutes > 0
      ? new WebSessionReview({
          provider,
          departmentClaim: oidc.departmentClaim,
          sessions: webSessions,
          audit: d.audit,
          everyMinutes: webRecheckMinutes,
          instance: d.instanceId,
          clock: d.clock,
          logger: d.logger,
        })
      : undefined;
  // Groups overage: the sign-in app asks Graph with its own client credentials (no other app's secret).
  const groups = oidc.graphGroups
    ? new GraphGroupMembership({ tokens: provider, baseUrl: oidc.graphGroups.graphUrl })
    : undefined;
  if (recheckMinutes > 0) {
    const { roleMap, departmentClaim } = oidc;
    const { sessions, operators, audit, clock, logger } = d;
    const recheck = { provider, roleMap, departmentClaim, groups, sessions, operators, audit, clock, logger };
    d.auth.reviewSessionsWith(new RoleRecheck({ ...recheck, everyMinutes: recheckMinutes, instance: d.instanceId }));
  }
  const singleLogout = new SingleLogout({
    endSession: endSessionOf(oidc),
    issuer: provider.issuer,
    providerOrigin: new URL(oidc.authority).origin,
    console: consoleSso ? { sessions: d.sessions, operators: d.operators } : undefined,
    webSessions,
    targets: { console: consoleSso, chat: Boolean(webSessions) },
    audit: d.audit,
    instance: d.instanceId,
    secureCookies: d.config.secureCookies,
    logger: d.logger,
  });
  // 所属 from Microsoft Graph when the bot's app may read the directory and the ID token has none.
  const graph = graphDirectoryLookup(d.config.teams, d.logger);
  const deps: SsoDeps = {
    provider,
    roleMap: oidc.roleMap,
    departmentClaim: oidc.departmentClaim,
    groups,
    audit: d.audit,
    instance: d.instanceId,
    console: consoleSso
      ? { signIn: (user, client) => federated.signIn(user, client), sessionSeconds: d.absoluteMinutes * 60 }
      : undefined,
    webChat: webSessions
      ? {
          sessions: webSessions,
          conversations: d.conversations,
          lookupDepartment: graph ? (subject) => graph.lookupDepartment(subject) : undefined,
          sessionSeconds: d.absoluteMinutes * 60,
          recheckMinutes: webRecheckMinutes,
        }
      : undefined,
    singleLogout,
    signInLimits: d.rateCounter ? ssoSignInLimiters(d.config.trust.rateLimits, d.rateCounter, d.clock) : undefined,
    secureCookies: d.config.secureCookies,
    clock: d.clock,
    logger: d.logger,
  };
  d.logger.info('single sign-on configured', {
    authority: oidc.authority,
    console: oidc.roleMap.length > 0,
    webChat: oidc.webChat,
    graphGroups: oidc.graphGroups?.graphUrl ?? 'off',
    postLogoutRedirectUri: oidc.postLogoutRedirectUri,
    roleRecheckMinutes: recheckMinutes || 'off',
    webChatRecheckMinutes: webRecheckMinutes || 'off',
  });
  return {
    router: createSsoRouter(deps),
    errorPage: createSsoErrorPage(deps),
    webSessions,
    webReview,
    webChatRequired: oidc.webChat,
  };
}

/** The provider's sign-out (RP-Initiated Logout) of the configured app registration. */
function endSessionOf(oidc: OidcConfig): OidcEndSession {
  return new OidcEndSession({
    clientId: oidc.clientId,
    authority: oidc.authority,
    entra: oidc.entra,
    postLogoutRedirectUri: oidc.postLogoutRedirectUri,
    caFile: oidc.caFile,
  });
}

/**
 * The console's single logout (ConsoleDeps.ssoSignOut): a signed-out single sign-on session moves on to the
 * provider's sign-out. Undefined when console single sign-on is not configured.
 */
export function consoleSingleLogout(
  config: Readonly<KotaeConfig>,
  logger: Logger,
): ((res: Response, sealedHint: string | null | undefined, token: string) => Promise<boolean>) | undefined {
  const oidc = config.trust.oidc;
  if (!oidc?.roleMap.length) return undefined;
  const deps = { endSession: endSessionOf(oidc), secureCookies: config.secureCookies, logger };
  return (res, sealedHint, token) => answerProviderSignOut(deps, res, sealedHint, token, 'console');
}
