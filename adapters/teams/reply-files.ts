/**
 * Files an operator sent with a reply, delivered to a Teams requester in a form Teams opens:
 * - small images (PNG, JPEG, GIF ≤ INLINE_IMAGE_MAX_BYTES) inline, as a base64 data URL in the
 *   message's attachment (the whole activity must stay under the Bot Connector's ~100 KB limit);
 * - other files in a personal chat through the Teams bot file API: a FileConsentCard; on
 *   `fileConsent/invoke` accept the bytes are PUT to the given uploadUrl (the user's OneDrive) and a
 *   FileInfoCard is sent;
 * - in a group chat or channel (no bot file API there), a signed, time-limited download link to Kotae.
 * A file quarantined after the reply was written (a rescan found it infected) is not sent: one line names it
 * instead, and the reply counts as delivered.
 */
import { Activity, ActivityTypes, type Attachment } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { KotaeError } from '../../core';
import type { Logger } from '../../core';
import { TEAMS_MESSAGES as M } from './messages';

/** Largest image sent inline (base64 grows it by 4/3; the activity must stay under ~100 KB). */
export const INLINE_IMAGE_MAX_BYTES = 64 * 1024;
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);

/** An operator's file of one reply. */
export interface ReplyFile {
  id: string;
  conversationId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** A rescan quarantined it: it is not sent. */
  quarantined?: boolean;
}

/** Port: the files of a reply, their bytes and a signed link (from the composition root). */
export interface ReplyFiles {
  /** The operator's files sent with reply comment `commentId` in Kotae conversation `conversationId`. */
  filesOf(conversationId: string, commentId: string): Promise<ReplyFile[]>;
  /** The file `id` of conversation `conversationId` (NOT_FOUND for another conversation's file). */
  file(conversationId: string, id: string): Promise<ReplyFile>;
  read(file: ReplyFile): Promise<Buffer>;
  /** A signed download link to the file. */
  link(file: ReplyFile): string;
}

/** What the file consent card carries back to the bot (Teams returns it verbatim in the invoke). */
interface ConsentContext {
  kotae: 'reply-file';
  conversationId: string;
  attachmentId: string;
}

function isConsentContext(v: unknown): v is ConsentContext {
  const c = v as Partial<ConsentContext> | undefined;
  return c?.kotae === 'reply-file' && typeof c.conversationId === 'string' && typeof c.attachmentId === 'string';
}

/** The activities that carry `files` to a Teams conversation of `scope` (personal, groupChat, channel). */
export async function replyFileActivities(
  files: readonly ReplyFile[],
  scope: string | undefined,
  source: ReplyFiles,
): Promise<Activity[]> {
  const activities: Activity[] = [];
  const links: string[] = [];
  const withheld: string[] = [];
  for (const file of files) {
    if (file.quarantined) {
      withheld.push(M.fileQuarantined(file.fileName));
    } else if (INLINE_TYPES.has(file.contentType) && file.sizeBytes <= INLINE_IMAGE_MAX_BYTES) {
      const bytes = await readUnlessQuarantined(source, file);
      if (!bytes) {
        withheld.push(M.fileQuarantined(file.fileName));
        continue;
      }
      activities.push(
        messageWith({
          contentType: file.contentType,
          contentUrl: `data:${file.contentType};base64,${bytes.toString('base64')}`,
          name: file.fileName,
        }),
      );
    } else if (scope === 'personal') {
      const context: ConsentContext = {
        kotae: 'reply-file',
        conversationId: file.conversationId,
        attachmentId: file.id,
      };
      activities.push(
        messageWith({
          contentType: 'application/vnd.microsoft.teams.card.file.consent',
          name: file.fileName,
          content: {
            description: M.fileConsentDescription(file.fileName),
            sizeInBytes: file.sizeBytes,
            acceptContext: context,
            declineContext: context,
          },
        }),
      );
    } else {
      links.push(M.fileLink(file.fileName, source.link(file)));
    }
  }
  for (const text of [links, withheld].filter((t) => t.length > 0).map((t) => t.join('\n\n'))) {
    activities.push(Activity.fromObject({ type: ActivityTypes.Message, text }));
  }
  return activities;
}

/** The file's bytes; undefined when it was quarantined meanwhile (FILE_QUARANTINED). */
async function readUnlessQuarantined(source: Pick<ReplyFiles, 'read'>, file: ReplyFile): Promise<Buffer | undefined> {
  try {
    return await source.read(file);
  } catch (err) {
    if (err instanceof KotaeError && err.code === 'FILE_QUARANTINED') return undefined;
    throw err;
  }
}

function messageWith(attachment: Attachment): Activity {
  return Activity.fromObject({ type: ActivityTypes.Message, attachments: [attachment] });
}

/** Handles `fileConsent/invoke`: uploads an accepted file to the user's OneDrive, then shows its card. */
export class FileConsentHandler {
  constructor(
    private readonly deps: {
      files: ReplyFiles;
      logger: Logger;
      /** Resolves the Kotae conversation of the invoke (the file must belong to it). */
      conversationOf: (activity: Activity) => Promise<string>;
      fetch?: typeof fetch;
    },
  ) {}

  /** Handles the invoke; the caller answers 200. */
  async handle(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const value = (activity.value ?? {}) as {
      action?: unknown;
      context?: unknown;
      uploadInfo?: {
        uploadUrl?: unknown;
        contentUrl?: unknown;
        name?: unknown;
        uniqueId?: unknown;
        fileType?: unknown;
      };
    };
    if (!isConsentContext(value.context)) {
      // Not a consent card Kotae sent: nothing to upload or cancel, so no message in the chat either.
      this.deps.logger.warn('teams: file consent for an unknown card ignored', { activityId: activity.id });
      return;
    }
    const conversationId = await this.deps.conversationOf(activity);
    if (conversationId !== value.context.conversationId) {
      throw new KotaeError('NOT_FOUND', 'teams: file consent from another conversation');
    }
    const file = await this.deps.files.file(conversationId, value.context.attachmentId);
    if (value.action !== 'accept') {
      await context.sendActivity(
        Activity.fromObject({ type: ActivityTypes.Message, text: M.fileDeclined(file.fileName) }),
      );
      return;
    }
    const info = value.uploadInfo;
    if (typeof info?.uploadUrl !== 'string' || !/^https?:\/\//.test(info.uploadUrl)) {
      throw new KotaeError('INPUT_INVALID', 'teams: file consent without an upload URL');
    }
    const bytes = await readUnlessQuarantined(this.deps.files, file);
    if (!bytes) {
      // Quarantined after the consent card was sent: nothing is uploaded; the requester is told why.
      await context.sendActivity(
        Activity.fromObject({ type: ActivityTypes.Message, text: M.fileQuarantined(file.fileName) }),
      );
      return;
    }
    const put = await (this.deps.fetch ?? fetch)(info.uploadUrl, {
      method: 'PUT',
      headers: {
        'Content-Length': String(bytes.length),
        'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
      },
      body: new Uint8Array(bytes),
    });
    if (!put.ok) {
      throw new KotaeError('CHANNEL_SEND_FAILED', `teams: file upload answered ${put.status}`, {
        userMessage: M.fileUploadFailed(file.fileName),
      });
    }
    this.deps.logger.info('teams: reply file uploaded to the requester', { attachmentId: file.id, size: bytes.length });
    await context.sendActivity(
      messageWith({
        contentType: 'application/vnd.microsoft.teams.card.file.info',
        contentUrl: typeof info.contentUrl === 'string' ? info.contentUrl : undefined,
        name: typeof info.name === 'string' ? info.name : file.fileName,
        content: {
          uniqueId: typeof info.uniqueId === 'string' ? info.uniqueId : undefined,
          fileType: typeof info.fileType === 'string' ? info.fileType : undefined,
        },
      }),
    );
  }
}
