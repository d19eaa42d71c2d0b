/** Wiring of the Teams channel: Agents SDK endpoint, proactive sender and Graph department lookup. */
import type { ConversationStore, Helpdesk } from '../bot';
import type { Logger } from '../core/logger';
import { createTeamsEndpoint, type TeamsEndpoint } from '../adapters/teams';
import { GraphDirectoryLookup, MsalTokenProvider } from '../adapters/graph';
import { DEFAULT_CATEGORIES, type AttachmentService } from '../tickets';
import type { KotaeConfig } from './config';
import { deskHoursText } from './desk-hours';

/** Builds the Teams endpoint; without credentials it serves loopback callers only (with a warning). */
export function wireTeams(
  config: Readonly<KotaeConfig>,
  d: { helpdesk: Helpdesk; conversations: ConversationStore; logger: Logger; attachments?: AttachmentService },
): TeamsEndpoint {
  const teams = config.teams;
  const auth = teams
    ? { tenantId: teams.tenantId, clientId: teams.appId, clientSecret: teams.appSecret, certificate: teams.certificate }
    : undefined;
  // The configuration requires the secret for Graph (checked at start).
  const directory =
    teams?.graphDepartmentLookup && teams.appSecret
      ? new GraphDirectoryLookup({
          tokens: new MsalTokenProvider({
            tenantId: teams.tenantId,
            clientId: teams.appId,
            clientSecret: teams.appSecret,
          }),
          logger: d.logger,
        })
      : undefined;
  return createTeamsEndpoint({
    helpdesk: d.helpdesk,
    conversations: d.conversations,
    logger: d.logger,
    deskHours: deskHoursText(config),
    auth,
    directory,
    categories: DEFAULT_CATEGORIES,
    // Without credentials only loopback callers (a local emulator) reach the bot; their files may be local too.
    attachments: d.attachments
      ? { attachments: d.attachments, extraDownloadHosts: teams ? [] : ['127.0.0.1', 'localhost'] }
      : undefined,
  });
}
