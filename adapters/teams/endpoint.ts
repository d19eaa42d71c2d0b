/**
 * The Teams messaging endpoint (POST /api/messages): caller check, then CloudAdapter.process.
 */
import { CloudAdapter, OutboundHostValidator, type Request, type WebResponse } from '@microsoft/agents-hosting';
import type { Helpdesk } from '../../bot';
import type { ConversationStore } from '../../conversations';
import type { ProcessedDeliveries } from '../../bot';
import type { Logger } from '../../core';
import { buildAuthConfiguration, isLoopbackAddress, type TeamsAuthOptions } from './auth';
import { CardActionGuard } from './card-action-guard';
import { CardActionHandler } from './card-action-handler';
import { FeedbackAction } from './feedback-action';
import { DEFAULT_TICKET_CATEGORIES, TEAMS_MESSAGES } from './messages';
import type { DirectoryLookup } from './ports';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
import { TeamsChannel } from './teams-channel';
import { TeamsConversations } from './teams-conversations';
import { isStorageBusy, TeamsTurnHandler } from './turn-handler';
import { toKotaeError } from '../../core';
import { TeamsAttachmentIntake, type TeamsAttachmentIntakeDeps } from './attachment-intake';
import { FileConsentHandler, type ReplyFiles } from './reply-files';
import { MessageChangeHandler } from './message-changes';
import { normalizeActivity } from './activity-normalize';
import type { RequesterMessageChanges } from '../../tickets';

/** Everything the Teams channel needs; config values come from the composition root. */
export interface TeamsEndpointDeps {
  helpdesk: Helpdesk;
  conversations: ConversationStore;
  logger: Logger;
  /** The desk's hours as shown to staff, e.g. '平日 8:30〜17:15'. */
  deskHours: string;
  /** Azure Bot credentials. Without them only loopback callers are served (local testing). */
  auth?: TeamsAuthOptions;
  directory?: DirectoryLookup;
  /** Ticket categories offered in the escalation form. */
  categories?: readonly string[];
  retry?: Partial<RetryPolicy>;
  /** Hosts replies may be posted to besides Microsoft's (loopback is allowed anyway when there are no credentials). */
  extraServiceHosts?: readonly string[];
  /** Keeps files and images of messages on the ticket (see attachment-intake.ts); without it they are ignored. */
  attachments?: Omit<TeamsAttachmentIntakeDeps, 'logger'>;
  /** Activity ids handled by any instance (redelivery dedupe across instances); without it, this process only. */
  processed?: ProcessedDeliveries;
  /** Operators' files of replies (inline images, FileConsentCard uploads, signed links); without it only the text goes. */
  replyFiles?: ReplyFiles;
  /** Takes edits and deletes in Teams of requester messages on tickets; without it they are acknowledged only. */
  messageChanges?: RequesterMessageChanges;
}

/** An HTTP request as express gives it (only what the endpoint reads). */
export interface TeamsHttpRequest extends Request {
  socket?: { remoteAddress?: string };
}

/** What the web app mounts and what the ticket service sends through. */
export interface TeamsEndpoint {
  /** Handles POST /api/messages (mount after express.json()). Answers 401/403/400 itself. */
  handle(req: TeamsHttpRequest, res: WebResponse): Promise<void>;
  /** ChannelSender for proactive replies to Teams conversations. */
  readonly sender: TeamsChannel;
  /** True when JWT validation is on (credentials configured). */
  readonly authenticated: boolean;
}

function reject(res: WebResponse, status: number, code: string, message?: string): void {
  res
    .status(status)
    .setHeader('content-type', 'application/json')
    // A refused request (4xx) says why in Japanese; a 5xx keeps the bare code the Bot Connector retries on.
    .send(
      JSON.stringify(
        status < 500 ? { error: code, message: message ?? TEAMS_MESSAGES.endpointRejected[code] } : { error: code },
      ),
    );
}

function isPlainObject(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

/** Activity types Kotae answers by posting into the conversation (a reply, a welcome). */
const ANSWERED_TYPES = new Set(['message', 'conversationUpdate']);

/**
 * Why this activity is refused with 400 before any work, as a Japanese message; undefined when it is not.
 * CloudAdapter.process would refuse no conversation id or a serviceUrl replies may not go to with a bare
 * 400; an activity Kotae answers without a serviceUrl (unless its replies come back in the HTTP response) or
 * recipient could only fail its reply, after retries.
 * Invokes are answered in the HTTP response, so they need neither (documented invokes carry none).
 */
function activityRefusal(body: Record<string, unknown>, hosts: OutboundHostValidator): string | undefined {
  const conversation = body.conversation;
  const id = isPlainObject(conversation) ? conversation.id : conversation;
  if (id === undefined || id === null || id === '') return TEAMS_MESSAGES.activityWithoutConversation;
  const serviceUrl = body.serviceUrl;
  if (typeof serviceUrl === 'string' && serviceUrl && !hosts.isAllowed(serviceUrl))
    return TEAMS_MESSAGES.serviceUrlRefused;
  if (typeof body.type !== 'string' || !ANSWERED_TYPES.has(body.type)) return undefined;
  // expectReplies: the replies come back in the HTTP response, so no Bot Connector address is needed.
  const posted = body.deliveryMode !== 'expectReplies';
  if (posted && (typeof serviceUrl !== 'string' || !serviceUrl)) return TEAMS_MESSAGES.activityWithoutServiceUrl;
  const recipient = body.recipient;
  if (!isPlainObject(recipient) || typeof recipient.id !== 'string' || !recipient.id)
    return TEAMS_MESSAGES.activityWithoutRecipient;
  return undefined;
}

/** Creates the Teams endpoint and its proactive sender. */
export function createTeamsEndpoint(deps: TeamsEndpointDeps): TeamsEndpoint {
  const { logger } = deps;
  const authenticated = deps.auth !== undefined;
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
  // Replies go only to Microsoft's Bot Connector hosts (plus configured extras); without credentials the
  // callers are local, so a local connector emulator is allowed too.
  const loopbackHosts = authenticated ? [] : ['127.0.0.1', 'localhost'];
  const hosts = new OutboundHostValidator({
    enabled: true,
    hosts: [...loopbackHosts, ...(deps.extraServiceHosts ?? [])],
  });
  const adapter = new CloudAdapter(
    buildAuthConfiguration(deps.auth),
    undefined,
    undefined,
    { validateServiceUrl: true, emitStackTrace: false },
    hosts,
  );
  adapter.onTurnError = async (_context, error) => {
    throw error; // handled (logged, 500) by handle() below
  };
  if (!authenticated) logger.warn('teams: no bot credentials configured; only loopback callers are accepted');

  const conversations = new TeamsConversations(deps.conversations, logger, deps.directory);
  const categories = deps.categories ?? DEFAULT_TICKET_CATEGORIES;
  const actions = new CardActionHandler({
    helpdesk: deps.helpdesk,
    conversations,
    deskHours: deps.deskHours,
    categories,
  });
  const turns = new TeamsTurnHandler({
    helpdesk: deps.helpdesk,
    conversations,
    actions,
    guard: new CardActionGuard(deps.conversations, logger),
    feedback: new FeedbackAction(deps.helpdesk, deps.conversations),
    logger,
    deskHours: deps.deskHours,
    retry,
    botIds: deps.auth ? [`28:${deps.auth.clientId}`] : [],
    intake: deps.attachments ? new TeamsAttachmentIntake({ ...deps.attachments, logger }) : undefined,
    processed: deps.processed,
    messageChanges: deps.messageChanges
      ? new MessageChangeHandler({ changes: deps.messageChanges, conversations, logger, retry })
      : undefined,
    fileConsent: deps.replyFiles
      ? new FileConsentHandler({
          files: deps.replyFiles,
          logger,
          conversationOf: async (activity) => conversations.resolve(activity, await conversations.requester(activity)),
        })
      : undefined,
  });
  const sender = new TeamsChannel(adapter, deps.auth ? deps.auth.clientId : {}, retry, logger, deps.replyFiles);

  async function authorize(req: TeamsHttpRequest, res: WebResponse): Promise<boolean> {
    if (authenticated) {
      let passed = false;
      await adapter.authorizeRequest(req, res, () => {
        passed = true;
      });
      if (!passed) logger.warn('teams: request rejected by JWT validation');
      return passed;
    }
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers['forwarded'] !== undefined;
    if (isLoopbackAddress(req.socket?.remoteAddress) && !forwarded) return true;
    logger.warn('teams: non-loopback request rejected (no credentials configured)', {
      remoteAddress: req.socket?.remoteAddress,
    });
    reject(res, 403, 'AUTH_FORBIDDEN');
    return false;
  }

  async function handle(req: TeamsHttpRequest, res: WebResponse): Promise<void> {
    if (!(await authorize(req, res))) return;
    if (!isPlainObject(req.body)) return reject(res, 400, 'INPUT_INVALID');
    req.body = normalizeActivity(req.body);
    const refusal = activityRefusal(req.body, hosts);
    if (refusal) return reject(res, 400, 'INPUT_INVALID', refusal);
    try {
      await adapter.process(req, res, (context) => turns.onTurn(context));
    } catch (err) {
      if (isStorageBusy(err)) {
        // Retryable: the Bot Connector redelivers on 5xx; nothing of this turn was recorded or sent.
        logger.warn('teams: turn not recorded (database busy); asking for redelivery', { error: String(err) });
        if (!res.headersSent) {
          res.setHeader('Retry-After', '2');
          reject(res, 503, toKotaeError(err).code);
        }
        return;
      }
      const invalid = err instanceof Error && err.name === 'ZodError';
      if (!invalid) logger.error('teams: turn failed', { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) reject(res, invalid ? 400 : 500, invalid ? 'INPUT_INVALID' : 'INTERNAL');
    }
  }

  return { handle, sender, authenticated };
}
