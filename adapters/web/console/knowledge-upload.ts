/**
 * The multipart form that uploads manuals, read by staged-upload.ts like the reply form: files wait
 * staged and are discarded unless the handler commits them. A refusal (type, size) is kept for the
 * handler to throw.
 */
import type { RequestHandler } from 'express';
import { KotaeError } from '../../../core';
import { UPLOAD_MESSAGES } from '../../../ingest';
import type { KnowledgeConsole, StagedUpload } from './knowledge-deps';
import type { HandlerContext } from './route-types';
import { stagedFiles, stagedUpload, type UploadForm } from './staged-upload';

/** Most manuals in one upload. */
export const MAX_UPLOAD_FILES = 5;

const MANUALS_FORM: UploadForm = {
  filesKey: 'kotaeKnowledgeFiles',
  failureKey: 'kotaeKnowledgeFailure',
  maxFiles: MAX_UPLOAD_FILES,
};

/** Parses the upload form of a signed-in operator. */
export function knowledgeUpload(knowledge: KnowledgeConsole | undefined): RequestHandler {
  const folder = knowledge?.documents;
  return stagedUpload(folder, {
    ...MANUALS_FORM,
    channel: 'knowledge',
    // The request was refused before its fields were read (declared length over the limit): no CSRF
    // token to check, so the refusal is the answer.
    refusal: (err) =>
      err instanceof KotaeError && err.code === 'INPUT_TOO_LARGE' && folder
        ? new KotaeError('INPUT_TOO_LARGE', err.message, { userMessage: UPLOAD_MESSAGES.tooLarge(folder.maxBytes) })
        : err,
  });
}

/** The manuals of this request's form; throws the refusal met while reading them. */
export function uploadedManuals(c: HandlerContext): StagedUpload[] {
  const files = stagedFiles<StagedUpload>(c, MANUALS_FORM);
  if (files.length === 0)
    throw new KotaeError('INPUT_INVALID', 'no file uploaded', { userMessage: UPLOAD_MESSAGES.noFile });
  return files;
}
