/**
 * Web chat attachments: the requester uploads a file to the conversation (it joins the open ticket
 * or waits for the escalation), lists the files of the conversation (theirs and the helpdesk's)
 * and downloads them. Every route needs access to the conversation (see conversation-access).
 */
import { Router } from 'express';
import type { ConversationStore } from '../../../conversations';
import { KotaeError } from '../../../core';
import { ATTACHMENT_MESSAGES, isInlineImage, type AttachmentMeta, type AttachmentService } from '../../../tickets';
import { sendAttachment } from '../attachment-download';
import { requireWebConversation } from './conversation-access';
import { receiveUpload } from '../multipart';
import { IDEMPOTENCY_HEADER, keyedRequest, type RequestKeys } from '../request-keys';
import { requireWebSignIn } from './web-sign-in';

/** What the attachment routes need. */
export interface ChatAttachmentDeps {
  attachments: AttachmentService;
  conversations: ConversationStore;
  /** Keyed uploads: an upload sent again with its `Idempotency-Key` is answered as the first time, stored once. */
  requestKeys?: RequestKeys;
  /** Single sign-on for the web chat: every route needs the signed-in user (401 with why, as the chat's calls). */
  webSignIn?: boolean;
}

/** An attachment as the chat page sees it. */
function view(conversationId: string, a: AttachmentMeta) {
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    kind: a.kind,
    inline: isInlineImage(a.contentType),
    createdAt: a.createdAt.toISOString(),
    // Found infected by a rescan: listed without download (the download answers 410).
    ...(a.quarantine ? { quarantined: true } : {}),
    url: `/api/conversations/${encodeURIComponent(conversationId)}/attachments/${encodeURIComponent(a.id)}`,
  };
}

/** Routes under /api for web chat attachments. */
export function createAttachmentApiRouter(deps: ChatAttachmentDeps): Router {
  const router = Router();
  // The web chat's one check: the page's secret for this conversation, else NOT_FOUND.
  const access = (req: Parameters<typeof requireWebConversation>[2]) =>
    requireWebConversation(deps.conversations, String(req.params.id), req);
  const service = deps.attachments;
  if (deps.webSignIn) router.use('/conversations/:id/attachments', requireWebSignIn);

  // The body is a stream not read yet: a retry is recognised by its length and multipart boundary.
  const uploadKeyed = keyedRequest(deps.requestKeys, {
    scope: 'api.attachment',
    key: (req) => req.get(IDEMPOTENCY_HEADER) ?? '',
    content: (req) => [req.get('content-type') ?? '', req.get('content-length') ?? ''],
    owner: async (req) => `conversation:${(await access(req)).id}`,
  });

  router.post('/conversations/:id/attachments', uploadKeyed, async (req, res) => {
    const conversation = await access(req);
    const { requester } = conversation;
    const uploadedBy = requester.name ?? ATTACHMENT_MESSAGES.unnamedRequester;
    const origin = { channel: 'web', uploadedBy, target: `conversation:${conversation.id}` } as const;
    const upload = await receiveUpload(req, {
      maxBytes: service.maxBytes,
      maxFiles: 1,
      stage: (content, claim) => service.stage(content, claim, origin),
      discard: (staged) => service.discard(staged),
    });
    const staged = upload.files[0];
    if (!staged)
      throw new KotaeError('INPUT_INVALID', 'upload without a file', { userMessage: ATTACHMENT_MESSAGES.noFile });
    const result = await service.addFromRequester({ conversationId: conversation.id, uploadedBy }, staged);
    res.status(201).json({
      attachment: view(conversation.id, result.attachment),
      ticketNumber: result.ticketNumber,
      message: ATTACHMENT_MESSAGES.received(result.attachment.fileName, result.ticketNumber),
    });
  });

  router.get('/conversations/:id/attachments', async (req, res) => {
    const conversation = await access(req);
    const list = await service.listForConversation(conversation.id);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ attachments: list.map((a) => view(conversation.id, a)), maxBytes: service.maxBytes });
  });

  router.get('/conversations/:id/attachments/:attachmentId', async (req, res) => {
    const conversation = await access(req);
    const meta = await service.forConversation(conversation.id, String(req.params.attachmentId));
    await sendAttachment(res, meta, await service.content(meta), { download: req.query.download === '1' });
  });

  return router;
}
