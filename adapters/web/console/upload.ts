/**
 * Multipart forms of the console (a reply with files), read by staged-upload.ts: the files wait staged
 * and are discarded when the response ends without a handler committing them. Refusals are kept for the
 * handler to show inline.
 */
import type { RequestHandler } from 'express';
import type { AttachmentService, StagedAttachment } from '../../../tickets';
import type { HandlerContext } from './route-types';
import { stagedFiles, stagedUpload, type UploadForm } from './staged-upload';

/** Most files on one reply. */
export const MAX_REPLY_FILES = 5;

const REPLY_FORM: UploadForm = {
  filesKey: 'kotaeUploadFiles',
  failureKey: 'kotaeUploadFailure',
  maxFiles: MAX_REPLY_FILES,
};

/** Parses a multipart console form of a signed-in operator. */
export function consoleUpload(attachments: AttachmentService | undefined): RequestHandler {
  return stagedUpload(attachments, REPLY_FORM);
}

/** The files of this request's form; throws the refusal met while reading them. */
export function uploadedFiles(c: HandlerContext): StagedAttachment[] {
  return stagedFiles<StagedAttachment>(c, REPLY_FORM);
}
