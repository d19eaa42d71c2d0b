/**
 * `GET /api/files/:id?exp=…&sig=…`: an attachment behind a signed, time-limited link (sent to Teams
 * requesters in group chats and channels, who cannot sign in to Kotae). A bad, tampered or expired
 * link answers 404 like an unknown file (no leak of existence).
 */
import type { RequestHandler } from 'express';
import type { Clock } from '../../core';
import { KotaeError } from '../../core';
import type { AttachmentService, FileLinkSigner } from '../../tickets';
import { sendAttachment } from './attachment-download';

/** The route's handler. */
export function fileLinkHandler(d: {
  attachments: AttachmentService;
  signer: FileLinkSigner;
  clock: Clock;
}): RequestHandler {
  return async (req, res) => {
    const id = String(req.params.id ?? '');
    const exp = typeof req.query.exp === 'string' ? req.query.exp : '';
    const sig = typeof req.query.sig === 'string' ? req.query.sig : '';
    if (!d.signer.verify(id, exp, sig, d.clock.now())) {
      throw new KotaeError('NOT_FOUND', `file link for ${id.slice(0, 64)} is invalid or expired`, {
        userMessage: 'ファイルが見つからないか、リンクの有効期限が切れています。ヘルプデスクにお問い合わせください。',
      });
    }
    const meta = await d.attachments.forOperator(id);
    await sendAttachment(res, meta, await d.attachments.content(meta), { download: true });
  };
}
