/**
 * Keeps the files and images of a Teams message: `application/vnd.microsoft.teams.file.download.info`
 * (a pre-authorised `content.downloadUrl`, fetched without a token) and inline images (`image/*`
 * contentUrl on the Bot Connector host, fetched with the bot's token). They join the conversation's
 * open ticket or wait for its escalation. The token is sent only to the activity's own serviceUrl host.
 */
import type { Activity, Attachment } from '@microsoft/agents-activity';
import type { ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import { Readable } from 'node:stream';
import { toKotaeError } from '../../core';
import type { Logger } from '../../core';
import { ATTACHMENT_MESSAGES, imageExtensionOf, type AttachmentService } from '../../tickets';

/** Teams' attachment type for files shared in a chat with the bot. */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** What the intake needs. */
export interface TeamsAttachmentIntakeDeps {
  attachments: AttachmentService;
  logger: Logger;
  /** The bot's Bot Connector token for this turn; default: the one the SDK's connector client carries. */
  botToken?: (context: TurnContext) => Promise<string | undefined>;
  /** Hosts file download URLs may point at besides SharePoint/OneDrive (e.g. a loopback fake in tests). */
  extraDownloadHosts?: readonly string[];
  /** Per-file timeout (ms). */
  timeoutMs?: number;
}

/** A file of the message, where to get it, and whether the bot's token goes along. */
interface Source {
  name?: string;
  type?: string;
  url: string;
  withToken: boolean;
}

/** The bearer token the SDK put on this turn's connector client (undefined without credentials). */
export async function connectorToken(context: TurnContext): Promise<string | undefined> {
  const client = context.turnState.get<ConnectorClient | undefined>(context.adapter.ConnectorClientKey);
  const header = client?.httpClient.defaultHeaders.Authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Downloads and stores the files of Teams messages. */
export class TeamsAttachmentIntake {
  constructor(private readonly deps: TeamsAttachmentIntakeDeps) {}

  /** The files this message carries (not its HTML body or cards). */
  sources(activity: Activity): Source[] {
    const serviceHost = hostOf(activity.serviceUrl ?? '');
    const out: Source[] = [];
    for (const a of (activity.attachments ?? []) as Attachment[]) {
      const type = a.contentType ?? '';
      if (type === FILE_DOWNLOAD_INFO) {
        const content = (a.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
        if (typeof content.downloadUrl !== 'string' || !this.downloadAllowed(content.downloadUrl)) continue;
        out.push({ name: a.name, url: content.downloadUrl, withToken: false });
      } else if (type.startsWith('image/') && typeof a.contentUrl === 'string') {
        // Inline images live on the Bot Connector of this conversation; never send the token elsewhere.
        if (!serviceHost || hostOf(a.contentUrl) !== serviceHost) continue;
        out.push({ name: a.name, type, url: a.contentUrl, withToken: true });
      }
    }
    return out;
  }

  /**
   * Stores every file of the message on the conversation (ticket or held); returns one Japanese
   * line per file for the requester. Never throws: a file that cannot be kept is reported in its line.
   */
  async keep(context: TurnContext, conversationId: string, uploadedBy: string): Promise<string[]> {
    const lines: string[] = [];
    for (const source of this.sources(context.activity)) {
      const label = source.name ?? '画像';
      try {
        const token = source.withToken ? await (this.deps.botToken ?? connectorToken)(context) : undefined;
        const res = await fetch(source.url, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
          signal: AbortSignal.timeout(this.deps.timeoutMs ?? 30_000),
        });
        if (!res.ok || !res.body) throw new Error(`download answered ${res.status}`);
        const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
        const { content, head } = await peek(body);
        const fileName = source.name ?? `image.${imageExtensionOf(head) ?? 'png'}`;
        const type = source.type === 'image/*' ? undefined : source.type;
        const origin = { channel: 'teams', uploadedBy, target: `conversation:${conversationId}` } as const;
        const staged = await this.deps.attachments.stage(content, { fileName, contentType: type }, origin);
        const result = await this.deps.attachments.addFromRequester({ conversationId, uploadedBy }, staged);
        lines.push(ATTACHMENT_MESSAGES.received(result.attachment.fileName, result.ticketNumber));
      } catch (err) {
        const error = toKotaeError(err);
        this.deps.logger.warn('teams: attachment not kept', { code: error.code, error: error.message });
        lines.push(error.code === 'INTERNAL' ? ATTACHMENT_MESSAGES.fetchFailed(label) : error.userMessage);
      }
    }
    return lines;
  }

  private downloadAllowed(url: string): boolean {
    const host = hostOf(url);
    if (!host) return false;
    const https = url.startsWith('https://');
    const extra = (this.deps.extraDownloadHosts ?? []).some((h) => host === h || host.split(':')[0] === h);
    return extra || (https && /(^|\.)sharepoint(-df)?\.(com|us|de|cn)$/.test(host.split(':')[0]));
  }
}

/** Reads the first chunk (to name an unnamed image) and hands back the whole stream. */
async function peek(body: Readable): Promise<{ content: AsyncIterable<Uint8Array>; head: Uint8Array }> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  const first = await iterator.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  async function* all(): AsyncIterable<Uint8Array> {
    if (!first.done) yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { content: all(), head };
}
