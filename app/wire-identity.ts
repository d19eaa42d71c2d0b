/**
 * Wiring of single sign-on (Entra ID through MSAL): the /auth routes, console sessions for mapped
 * directory identities, and the web chat's sign-ins. Nothing is built when KOTAE_OIDC_CLIENT_ID is unset.
 */
import type { DataSource } from 'typeorm';
import type { ErrorRequestHandler, Router } from 'express';
import type { ConversationStore } from '../conversations';
import type { Clock } from '../core';
import type { Logger } from '../core';
import { GraphGroupMembership, MsalOidcSignIn } from '../adapters/graph';
import { FederatedSignIn } from '../adapters/web';
import { createSsoErrorPage, createSsoRouter, type SsoDeps, type WebSessionStore } from '../adapters/web';
import { SqlWebSessions } from '../db';
import type { OperatorStore, SessionStore, AuditTrail } from '../tickets';
import type { KotaeConfig } from './config';
import { graphDirectoryLookup } from './wire-graph';

/** What single sign-on needs from the rest of the app. */
export interface IdentityWiringDeps {
  config: Readonly<KotaeConfig>;
  ds: DataSource;
  conversations: ConversationStore;
  operators: OperatorStore;
  sessions: SessionStore;
  audit: AuditTrail;
  /** Console session lifetime (AuthService's policy), minutes. */
  absoluteMinutes: number;
  /** This instance's id, written into sign-in audit rows (as the password sign-in's). */
  instanceId?: string;
  clock: Clock;
  logger: Logger;
}

/** The web app's `sso` settings, or undefined when single sign-on is not configured. */
export function wireIdentity(
  d: IdentityWiringDeps,
):
  | { router: Router; errorPage: ErrorRequestHandler; webSessions?: WebSessionStore; webChatRequired: boolean }
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
  const federated = new FederatedSignIn({
    operators: d.operators,
    sessions: d.sessions,
    audit: d.audit,
    clock: d.clock,
    absoluteMinutes: d.absoluteMinutes,
    instance: d.instanceId,
  });
  const webSessions = oidc.webChat ? new SqlWebSessions(d.ds) : undefined;
  // 所属 from Microsoft Graph when the bot's app may read the directory and the ID token has none.
  const graph = graphDirectoryLookup(d.config.teams, d.logger);
  const deps: SsoDeps = {
    provider,
    roleMap: oidc.roleMap,
    departmentClaim: oidc.departmentClaim,
    // Groups overage: the sign-in app asks Graph with its own client credentials (no other app's secret).
    groups: oidc.graphGroups
      ? new GraphGroupMembership({ tokens: provider, baseUrl: oidc.graphGroups.graphUrl })
      : undefined,
    audit: d.audit,
    instance: d.instanceId,
    console: oidc.roleMap.length
      ? { signIn: (user, client) => federated.signIn(user, client), sessionSeconds: d.absoluteMinutes * 60 }
      : undefined,
    webChat: webSessions
      ? {
          sessions: webSessions,
          conversations: d.conversations,
          lookupDepartment: graph ? (subject) => graph.lookupDepartment(subject) : undefined,
          sessionSeconds: d.absoluteMinutes * 60,
        }
      : undefined,
    secureCookies: d.config.secureCookies,
    clock: d.clock,
    logger: d.logger,
  };
  d.logger.info('single sign-on configured', {
    authority: oidc.authority,
    console: oidc.roleMap.length > 0,
    webChat: oidc.webChat,
    graphGroups: oidc.graphGroups?.graphUrl ?? 'off',
  });
  return {
    router: createSsoRouter(deps),
    errorPage: createSsoErrorPage(deps),
    webSessions,
    webChatRequired: oidc.webChat,
  };
}
