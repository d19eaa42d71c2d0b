/** Wiring of the Teams channel: Agents SDK endpoint, proactive sender and Graph department lookup. */
import type { Helpdesk, ProcessedDeliveries } from '../bot';
import type { ChannelSender, ConversationStore } from '../conversations';
import type { Logger } from '../core';
import type { TeamsEndpoint } from '../adapters/teams';
import type { ReplyFiles } from '../adapters/teams';
import { DEFAULT_CATEGORIES, type AttachmentService, type RequesterMessageChanges } from '../tickets';
import type { KotaeConfig } from './config';
import { deskHoursText } from './desk-hours';
import { graphDirectoryLookup } from './wire-graph';

/** What the app mounts and registers for Teams. */
export type TeamsWiring = Pick<TeamsEndpoint, 'handle' | 'authenticated'> & { sender: ChannelSender };

type Deps = {
  helpdesk: Helpdesk;
  conversations: ConversationStore;
  logger: Logger;
  attachments?: AttachmentService;
  processed?: ProcessedDeliveries;
  /** Operators' files of replies, delivered to Teams requesters. */
  replyFiles?: ReplyFiles;
  /** Edits and deletes in Teams of requester messages on tickets. */
  messageChanges?: RequesterMessageChanges;
};

/**
 * Builds the Teams endpoint; without credentials it serves loopback callers only (with a warning).
 * A configured endpoint is built at start (credential problems show at once); without credentials
 * the Agents SDK (about 250 modules) is loaded by the first request or proactive reply.
 */
export function wireTeams(config: Readonly<KotaeConfig>, d: Deps): TeamsWiring {
  if (config.teams) return createEndpoint(config, d);
  let endpoint: TeamsEndpoint | undefined;
  const get = () => (endpoint ??= createEndpoint(config, d));
  d.logger.info('teams: no bot credentials; the Agents SDK loads with the first /api/messages request');
  return {
    handle: (req, res) => get().handle(req, res),
    sender: { channel: 'teams', sendToConversation: (c, reply) => get().sender.sendToConversation(c, reply) },
    authenticated: false,
  };
}

function createEndpoint(config: Readonly<KotaeConfig>, d: Deps): TeamsEndpoint {
  const { createTeamsEndpoint } = require('../adapters/teams') as typeof import('../adapters/teams');
  const teams = config.teams;
  const auth = teams
    ? { tenantId: teams.tenantId, clientId: teams.appId, clientSecret: teams.appSecret, certificate: teams.certificate }
    : undefined;
  const directory = graphDirectoryLookup(teams, d.logger);
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
    processed: d.processed,
    replyFiles: d.replyFiles,
    messageChanges: d.messageChanges,
  });
}
