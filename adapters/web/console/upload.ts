/**
 * Multipart forms of the console (a reply with files). Runs before the role and CSRF checks, which
 * read the `_csrf` field it collects; the files wait staged and are discarded when the response
 * ends without a handler committing them. Refusals are kept for the handler to show inline.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { KotaeError } from '../../../core';
import type { AttachmentService, StagedAttachment } from '../../../tickets';
import { authOf } from '../auth';
import { isMultipart, readUpload } from '../multipart';
import type { HandlerContext } from './route-types';

/** Most files on one reply. */
export const MAX_REPLY_FILES = 5;

const FILES_KEY = 'kotaeUploadFiles';
const FAILURE_KEY = 'kotaeUploadFailure';

/** Parses a multipart console form of a signed-in operator. */
export function consoleUpload(attachments: AttachmentService | undefined): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!attachments || !isMultipart(req) || !authOf(res)) return next();
    const staged: StagedAttachment[] = [];
    res.on('close', () => {
      for (const f of staged) attachments.discard(f).catch(() => undefined);
    });
    const upload = await readUpload(req, {
      maxBytes: attachments.maxBytes,
      maxFiles: MAX_REPLY_FILES,
      stage: async (content, claim) => {
        const file = await attachments.stage(content, claim);
        staged.push(file);
        return file;
      },
      discard: (f) => attachments.discard(f),
    });
    req.body = upload.fields;
    res.locals[FILES_KEY] = upload.files;
    if (upload.failure) res.locals[FAILURE_KEY] = upload.failure;
    next();
  };
}

/** The files of this request's form; throws the refusal met while reading them. */
export function uploadedFiles(c: HandlerContext): StagedAttachment[] {
  const failure = c.res.locals[FAILURE_KEY] as KotaeError | undefined;
  if (failure) throw failure;
  return (c.res.locals[FILES_KEY] as StagedAttachment[] | undefined) ?? [];
}
