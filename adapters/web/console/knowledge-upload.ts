/**
 * The multipart form that uploads manuals. Like the reply form it runs before the role and CSRF checks
 * (which read the `_csrf` field collected here); files wait staged and are discarded unless the
 * handler commits them. A refusal (type, size) is kept for the handler to throw.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { KotaeError } from '../../../core';
import { UPLOAD_MESSAGES } from '../../../ingest';
import { authOf } from '../auth';
import { isMultipart, readUpload } from '../multipart';
import type { KnowledgeConsole, StagedUpload } from './knowledge-deps';
import type { HandlerContext } from './route-types';

/** Most manuals in one upload. */
export const MAX_UPLOAD_FILES = 5;

const FILES_KEY = 'kotaeKnowledgeFiles';
const FAILURE_KEY = 'kotaeKnowledgeFailure';

/** Parses the upload form of a signed-in operator. */
export function knowledgeUpload(knowledge: KnowledgeConsole | undefined): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!knowledge || !isMultipart(req) || !authOf(res)) return next();
    const folder = knowledge.documents;
    const staged: StagedUpload[] = [];
    res.on('close', () => {
      for (const f of staged) folder.discard(f).catch(() => undefined);
    });
    try {
      const upload = await readUpload(req, {
        maxBytes: folder.maxBytes,
        maxFiles: MAX_UPLOAD_FILES,
        stage: async (content, claim) => {
          const file = await folder.stage(content, claim);
          staged.push(file);
          return file;
        },
        discard: (f) => folder.discard(f),
      });
      req.body = upload.fields;
      res.locals[FILES_KEY] = upload.files;
      if (upload.failure) res.locals[FAILURE_KEY] = upload.failure;
    } catch (err) {
      // The request was refused before its fields were read (declared length over the limit): no CSRF
      // token to check, so the refusal is the answer.
      const e =
        err instanceof KotaeError && err.code === 'INPUT_TOO_LARGE'
          ? new KotaeError('INPUT_TOO_LARGE', err.message, { userMessage: UPLOAD_MESSAGES.tooLarge(folder.maxBytes) })
          : err;
      return next(e);
    }
    next();
  };
}

/** The manuals of this request's form; throws the refusal met while reading them. */
export function uploadedManuals(c: HandlerContext): StagedUpload[] {
  const failure = c.res.locals[FAILURE_KEY] as KotaeError | undefined;
  if (failure) throw failure;
  const files = (c.res.locals[FILES_KEY] as StagedUpload[] | undefined) ?? [];
  if (files.length === 0)
    throw new KotaeError('INPUT_INVALID', 'no file uploaded', { userMessage: UPLOAD_MESSAGES.noFile });
  return files;
}
