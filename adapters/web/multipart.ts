/**
 * Streams `multipart/form-data` uploads with busboy: each file part is handed to `stage` as it
 * arrives (nothing is buffered in memory), text fields are collected. busboy's limits cut a file
 * one byte past the size limit, so the attachment check sees the excess and refuses it.
 */
import type { Request } from 'express';
import busboy from 'busboy';
import type { Readable } from 'node:stream';
import { KotaeError, toKotaeError } from '../../core';
import { ATTACHMENT_MESSAGES, type AttachmentClaim } from '../../tickets';

/** How to receive one upload request. */
export interface UploadOptions<T> {
  /** Largest file (bytes). */
  maxBytes: number;
  /** Most files in one request. */
  maxFiles: number;
  /** Writes one file aside (checked); throws a KotaeError to refuse it. */
  stage(content: AsyncIterable<Uint8Array>, claim: AttachmentClaim): Promise<T>;
  /** Drops a staged file when the request fails later. */
  discard(staged: T): Promise<void>;
}

/** Fields and staged files of a request. */
export interface Upload<T> {
  fields: Record<string, string>;
  files: T[];
}

/** Whether the request carries multipart form data. */
export function isMultipart(req: Request): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

/**
 * Reads the request. Throws the first refusal (too large, forbidden type, …) after the body was
 * drained; staged files are discarded then, so nothing is kept from a refused request.
 */
export async function receiveUpload<T>(req: Request, options: UploadOptions<T>): Promise<Upload<T>> {
  const upload = await readUpload(req, options);
  if (upload.failure) throw upload.failure;
  return upload;
}

/** Like receiveUpload, but hands back the fields with the refusal instead of throwing it. */
export async function readUpload<T>(
  req: Request,
  options: UploadOptions<T>,
): Promise<Upload<T> & { failure?: KotaeError }> {
  if (!isMultipart(req))
    throw new KotaeError('INPUT_INVALID', 'expected multipart/form-data', { userMessage: ATTACHMENT_MESSAGES.noFile });
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > options.maxBytes * options.maxFiles + 256 * 1024)
    throw new KotaeError('INPUT_TOO_LARGE', `upload of ${declared} bytes`, {
      userMessage: ATTACHMENT_MESSAGES.tooLarge(options.maxBytes),
    });
  const fields: Record<string, string> = {};
  const files: T[] = [];
  const pending: Promise<void>[] = [];
  let failure: KotaeError | undefined;
  const fail = (err: unknown) => {
    failure ??= toKotaeError(err, 'INPUT_INVALID');
  };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: {
        fileSize: options.maxBytes + 1,
        files: options.maxFiles,
        fields: 20,
        fieldSize: 200 * 1024,
        parts: options.maxFiles + 20,
      },
    });
  } catch (err) {
    throw new KotaeError('INPUT_INVALID', 'malformed multipart request', {
      userMessage: ATTACHMENT_MESSAGES.noFile,
      cause: err,
    });
  }
  parser.on('field', (name, value) => {
    fields[name] = value;
  });
  parser.on('file', (_name, stream: Readable, info) => {
    // A body that ends inside a file destroys its stream with "Unexpected end of form": without a
    // listener (a part skipped below, or one whose stage has returned) that was an uncaught exception.
    stream.on('error', (err) =>
      fail(
        new KotaeError('INPUT_INVALID', 'malformed multipart body', {
          userMessage: ATTACHMENT_MESSAGES.noFile,
          cause: err,
        }),
      ),
    );
    if (!info.filename || failure) {
      stream.resume();
      return;
    }
    const claim = { fileName: info.filename, contentType: info.mimeType };
    pending.push(
      options
        .stage(stream.iterator({ destroyOnReturn: false }), claim)
        .then((staged) => {
          files.push(staged);
        }, fail)
        .finally(() => stream.resume()),
    );
  });
  parser.on('filesLimit', () =>
    fail(
      new KotaeError('INPUT_INVALID', 'too many files', {
        userMessage: ATTACHMENT_MESSAGES.tooManyFiles(options.maxFiles),
      }),
    ),
  );
  await new Promise<void>((resolve) => {
    parser.on('close', resolve);
    parser.on('error', (err: unknown) => {
      fail(
        new KotaeError('INPUT_INVALID', 'malformed multipart body', {
          userMessage: ATTACHMENT_MESSAGES.noFile,
          cause: err,
        }),
      );
      req.unpipe(parser);
      req.resume();
      resolve();
    });
    req.on('aborted', () => {
      fail(new KotaeError('INPUT_INVALID', 'upload aborted'));
      resolve();
    });
    req.pipe(parser);
  });
  await Promise.all(pending);
  if (failure) {
    await Promise.all(files.map((f) => options.discard(f)));
    return { fields, files: [], failure };
  }
  return { fields, files };
}
