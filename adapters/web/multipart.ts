/**
 * Streams `multipart/form-data` uploads with busboy: each file part is handed to `stage` as it
 * arrives (nothing is buffered in memory), text fields are collected. busboy's limits cut a file
 * one byte past the size limit, so the attachment check sees the excess and refuses it. The whole body
 * is counted too: a chunked one past the most the form takes is refused without reading it to its end.
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

/**
 * Like receiveUpload, but hands back the fields with the refusal instead of throwing it; a body read only in part
 * (its connection gone or closed after an answer, see body-guard.ts, or past the size limit) still throws.
 */
export async function readUpload<T>(
  req: Request,
  options: UploadOptions<T>,
): Promise<Upload<T> & { failure?: KotaeError }> {
  if (!isMultipart(req))
    throw new KotaeError('INPUT_INVALID', 'expected multipart/form-data', { userMessage: ATTACHMENT_MESSAGES.noFile });
  const declared = Number(req.headers['content-length'] ?? 0);
  const most = options.maxBytes * options.maxFiles + 256 * 1024;
  const tooLarge = (bytes: number) =>
    new KotaeError('INPUT_TOO_LARGE', `upload of ${bytes} bytes`, {
      userMessage: ATTACHMENT_MESSAGES.tooLarge(options.maxBytes),
    });
  if (declared > most) throw tooLarge(declared);
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
  let settle = () => {};
  // Set when reading stopped before the end of the body: the refusal is thrown (nobody to show a page to, or
  // fields not all read — no `_csrf` to check), like the refusal of a declared length.
  let cutShort = false;
  // The client went away, or its connection was closed after an answer (a stalled body's 408, see
  // body-guard.ts, after which the request emits nothing): a file part still open would keep its stage
  // (and the staged copy) waiting for bytes that never come.
  const gone = () => {
    cutShort = true;
    const aborted = new KotaeError('INPUT_INVALID', 'upload aborted');
    fail(aborted);
    parser.destroy(aborted);
    settle();
  };
  // A chunked body announces no length: past the most the form takes it is refused at once (busboy would read
  // an endless one to its end), and the connection closes after the answer instead of reading the rest.
  let received = 0;
  const count = (chunk: Buffer) => {
    received += chunk.length;
    if (received <= most) return;
    req.off('data', count);
    req.unpipe(parser);
    cutShort = true;
    const refusal = tooLarge(received);
    fail(refusal);
    parser.destroy(refusal);
    req.res?.setHeader('Connection', 'close');
    settle();
  };
  const socket = req.socket;
  await new Promise<void>((resolve) => {
    settle = resolve;
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
    req.on('aborted', gone);
    socket?.once('close', gone);
    req.on('data', count);
    req.pipe(parser);
  });
  req.off('data', count);
  socket?.off('close', gone);
  await Promise.all(pending);
  if (failure) {
    await Promise.all(files.map((f) => options.discard(f)));
    if (cutShort) throw failure;
    return { fields, files: [], failure };
  }
  return { fields, files };
}
