/**
 * The files of an operator's reply as the Teams channel needs them (adapters/teams/reply-files.ts):
 * listed from the attachment rows, read from the file store, linked with a signed URL.
 */
import { randomBytes } from 'node:crypto';
import { KotaeError } from '../core';
import type { Clock } from '../core';
import type { Logger } from '../core';
import { FileLinkSigner, type AttachmentMeta, type AttachmentService } from '../tickets';
import type { ReplyFile, ReplyFiles } from '../adapters/teams';

/** The signer of download links: the configured secret, or a random one for this process. */
export function fileLinkSigner(secret: string | undefined, logger: Logger, severalInstances: boolean): FileLinkSigner {
  if (!secret && severalInstances) {
    logger.warn('KOTAE_FILE_LINK_SECRET is not set: download links to reply files work on this instance only');
  }
  return new FileLinkSigner(secret ?? randomBytes(32).toString('hex'));
}

const toFile = (m: AttachmentMeta): ReplyFile => ({
  id: m.id,
  conversationId: m.conversationId ?? '',
  fileName: m.fileName,
  contentType: m.contentType,
  sizeBytes: m.sizeBytes,
  ...(m.quarantine ? { quarantined: true } : {}),
});

/** ReplyFiles over the attachment service. */
export function replyFilesOf(d: {
  attachments: AttachmentService;
  signer: FileLinkSigner;
  publicUrl: string;
  clock: Clock;
}): ReplyFiles {
  return {
    async filesOf(conversationId, commentId) {
      const all = await d.attachments.listForConversation(conversationId);
      return all.filter((a) => a.kind === 'operator' && a.commentId === commentId).map(toFile);
    },
    async file(conversationId, id) {
      return toFile(await d.attachments.forConversation(conversationId, id));
    },
    async read(file) {
      const meta = await d.attachments.forConversation(file.conversationId, file.id);
      const chunks: Buffer[] = [];
      for await (const chunk of await d.attachments.content(meta)) chunks.push(Buffer.from(chunk));
      const bytes = Buffer.concat(chunks);
      if (bytes.length !== meta.sizeBytes) throw new KotaeError('INTERNAL', `attachment ${meta.id}: size mismatch`);
      return bytes;
    },
    link(file) {
      return d.signer.link(d.publicUrl, file.id, d.clock.now());
    },
  };
}
