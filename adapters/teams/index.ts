/**
 * The Teams channel: messaging endpoint, proactive sender, cards. The Agents SDK is used only here.
 */
export { createTeamsEndpoint, type TeamsEndpoint, type TeamsEndpointDeps, type TeamsHttpRequest } from './endpoint';
export { TeamsChannel } from './teams-channel';
export { isLoopbackAddress, type TeamsAuthOptions } from './auth';
export { type DirectoryLookup } from './ports';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
export { replyCard, escalationFormCard, ticketCreatedCard, welcomeCard, type AdaptiveCard } from './cards';
export { type ReplyFile, type ReplyFiles } from './reply-files';
