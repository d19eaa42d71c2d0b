/** Wiring of the Microsoft Graph department lookup (所属) that the Teams bot and the web-chat sign-in share. */
import type { Logger } from '../core';
import { GraphDirectoryLookup, MsalTokenProvider } from '../adapters/graph';
import type { KotaeConfig } from './config';

/**
 * The Graph directory lookup when the Teams app may read the directory (KOTAE_GRAPH_DEPARTMENT_LOOKUP
 * with the app secret; the configuration requires the secret, checked at start); otherwise undefined.
 */
export function graphDirectoryLookup(teams: KotaeConfig['teams'], logger: Logger): GraphDirectoryLookup | undefined {
  return teams?.graphDepartmentLookup && teams.appSecret
    ? new GraphDirectoryLookup({
        tokens: new MsalTokenProvider({
          tenantId: teams.tenantId,
          clientId: teams.appId,
          clientSecret: teams.appSecret,
        }),
        logger,
      })
    : undefined;
}
