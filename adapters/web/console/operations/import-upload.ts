/**
 * The multipart form of the terminal CSV import. Like the other upload forms it runs after the role
 * check and before the CSRF check (which reads the `_csrf` field collected here); the file is streamed into a
 * temporary file (bounded memory) and removed when the response ends, whatever the outcome.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { KotaeError } from '../../../../core';
import { OPS_MESSAGES } from '../../../../operations';
import { formatBytes } from '../../../../tickets';
import { authOf } from '../../auth';
import { isMultipart, readUpload } from '../../multipart';
import type { HandlerContext } from '../route-types';
import type { OperationsConsole, StagedCsv } from './deps';

const FILE_KEY = 'kotaeTerminalCsv';
const FAILURE_KEY = 'kotaeTerminalCsvFailure';

const tooLarge = (maxBytes: number, cause?: unknown) =>
  new KotaeError('INPUT_TOO_LARGE', 'terminal csv too large', {
    userMessage: OPS_MESSAGES.importTooLarge(formatBytes(maxBytes)),
    cause,
  });

/** Parses the import form of a signed-in operator. */
export function terminalImportUpload(ops: OperationsConsole | undefined): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!ops || !isMultipart(req) || !authOf(res)) return next();
    const staged: StagedCsv[] = [];
    res.on('close', () => {
      for (const f of staged) f.discard().catch(() => undefined);
    });
    try {
      const upload = await readUpload(req, {
        maxBytes: ops.importMaxBytes,
        maxFiles: 1,
        stage: async (content) => {
          const file = await ops.stage(content);
          staged.push(file);
          return file;
        },
        discard: (f) => f.discard(),
      });
      req.body = upload.fields;
      res.locals[FILE_KEY] = upload.files[0];
      if (upload.failure) res.locals[FAILURE_KEY] = upload.failure;
    } catch (err) {
      return next(
        err instanceof KotaeError && err.code === 'INPUT_TOO_LARGE' ? tooLarge(ops.importMaxBytes, err) : err,
      );
    }
    next();
  };
}

/** The CSV of this request's form; throws the refusal met while reading it. */
export function uploadedCsv(c: HandlerContext, maxBytes: number): StagedCsv {
  const failure = c.res.locals[FAILURE_KEY] as KotaeError | undefined;
  if (failure) throw failure.code === 'INPUT_TOO_LARGE' ? tooLarge(maxBytes, failure) : failure;
  const file = c.res.locals[FILE_KEY] as StagedCsv | undefined;
  if (!file) throw new KotaeError('INPUT_INVALID', 'no csv uploaded', { userMessage: OPS_MESSAGES.importNoFile });
  return file;
}
