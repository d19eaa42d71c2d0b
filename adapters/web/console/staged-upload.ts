/**
 * The console's multipart forms that carry files (a reply's attachments, uploaded manuals). They run
 * after the role check (a user who may not post the form is refused before it is read) and before the CSRF
 * check, which reads the `_csrf` field collected here; the files wait staged and are discarded when the
 * response ends without a handler committing them. A refusal met while reading
 * (type, size) is kept for the handler.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { KotaeError } from '../../../core';
import type { AttachmentClaim, UploadOrigin } from '../../../tickets';
import { authOf } from '../auth';
import { isMultipart, readUpload, type UploadOptions } from '../multipart';
import type { HandlerContext } from './route-types';

/** Where a form's files wait until a handler commits them; `origin` names the operator (malware scan audit). */
export type StagingArea<T> = Pick<UploadOptions<T>, 'maxBytes' | 'discard'> & {
  stage(content: AsyncIterable<Uint8Array>, claim: AttachmentClaim, origin?: UploadOrigin): Promise<T>;
};

/** One kind of form: where its files and refusal are kept on the response, and how many files it takes. */
export interface UploadForm {
  filesKey: string;
  failureKey: string;
  maxFiles: number;
  /** The channel an infected file's audit row names (default `console`). */
  channel?: UploadOrigin['channel'];
  /** Rewrites an error thrown before the fields were read (default: passed on as it is). */
  refusal?: (err: unknown) => unknown;
}

/** Parses the multipart form of a signed-in operator, staging its files in `area` (absent: not parsed). */
export function stagedUpload<T>(area: StagingArea<T> | undefined, form: UploadForm): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const auth = authOf(res);
    if (!area || !isMultipart(req) || !auth) return next();
    const origin: UploadOrigin = {
      channel: form.channel ?? 'console',
      uploadedBy: auth.operator.username,
      target: req.originalUrl.split('?')[0]!.slice(0, 200),
    };
    const staged: T[] = [];
    res.on('close', () => {
      for (const f of staged) area.discard(f).catch(() => undefined);
    });
    try {
      const upload = await readUpload(req, {
        maxBytes: area.maxBytes,
        maxFiles: form.maxFiles,
        stage: async (content, claim) => {
          const file = await area.stage(content, claim, origin);
          staged.push(file);
          return file;
        },
        discard: (f) => area.discard(f),
      });
      req.body = upload.fields;
      res.locals[form.filesKey] = upload.files;
      if (upload.failure) res.locals[form.failureKey] = upload.failure;
    } catch (err) {
      return next(form.refusal ? form.refusal(err) : err);
    }
    next();
  };
}

/** The files of this request's form; throws the refusal met while reading them. */
export function stagedFiles<T>(c: HandlerContext, form: UploadForm): T[] {
  const failure = c.res.locals[form.failureKey] as KotaeError | undefined;
  if (failure) throw failure;
  return (c.res.locals[form.filesKey] as T[] | undefined) ?? [];
}
