/**
 * Bad requests the framework itself rejects (a body too large or malformed, an unknown or broken
 * Content-Encoding, bad %-encoding in a path) become 4xx KotaeErrors with Japanese messages,
 * never 500s. Used by the API's and the console's error pages alike.
 */
import type { Request, RequestHandler, Response } from 'express';
import { KotaeError } from '../../core';

/** Japanese messages of the request checks. */
export const REQUEST_MESSAGES = Object.freeze({
  tooLarge: 'リクエストが大きすぎます。',
  malformedJson: 'リクエストの形式（JSON）が正しくありません。',
  malformedBody: 'リクエストの内容を読み取れませんでした。',
  badEncoding: '圧縮されたリクエストを展開できませんでした。',
  unsupportedEncoding: 'この圧縮形式（Content-Encoding）には対応していません。',
  unsupportedCharset: 'この文字コードには対応していません。UTF-8 で送信してください。',
  badUrl: 'URLの形式が正しくありません。',
  nulInUrl: 'URLに使用できない文字（NUL文字 %00）が含まれています。',
  nulInBody: '入力に使用できない文字（NUL文字）が含まれています。その文字を除いて、もう一度送信してください。',
  tooDeep: 'リクエストの形式（JSON）が正しくありません。入れ子（配列・オブジェクトの階層）が深すぎます。',
  notFound: 'お探しのページは見つかりません。URLをご確認ください。',
  apiNotFound: '指定されたAPIはありません。',
  missingHost: 'リクエストに Host ヘッダーがありません。',
  methodNotAllowed: 'この方法（HTTPメソッド）のリクエストには対応していません。GET または POST で送信してください。',
  expectationFailed: 'Expect ヘッダーの指定には対応していません。Expect ヘッダーを付けずに、もう一度送信してください。',
  // Refused by Node's HTTP parser before express (client-errors.ts).
  headersTooLarge:
    'リクエストのURLまたはヘッダーが長すぎます。URLを短くするか、ブラウザーのこのサイトのCookieを削除してから、もう一度お試しください。',
  requestTimeout: 'リクエストの受信が時間内に終わりませんでした。もう一度お試しください。',
  badRequest: 'リクエストの形式が正しくありません。',
  rangeNotSatisfiable:
    '指定された範囲（Range）はこのファイルにありません。範囲を指定せずに、もう一度ダウンロードしてください。',
  preconditionFailed: 'ファイルが更新されています。ページを再読み込みしてから、もう一度お試しください。',
});

interface FrameworkError {
  type?: unknown;
  status?: unknown;
  code?: unknown;
  /** http-errors' flag of an error made for the client (send's 412/416), not an upstream service's. */
  expose?: unknown;
}

/**
 * A zlib or brotli error about the bytes sent (not the server): zlib's `Z_…`, and brotli's decoder errors, which
 * Node names `ERR__ERROR_FORMAT_…` / `ERR__ERROR_DICTIONARY_…` after BROTLI_DECODER_ERROR_… (gzip data sent as
 * `br` failed with ERR__ERROR_FORMAT_CL_SPACE and answered 500 on the console).
 */
function isDecoderError(code: string): boolean {
  return (
    code.startsWith('Z_') ||
    code === 'ERR_BROTLI_DECOMPRESSION_FAILED' ||
    code.startsWith('ERR__ERROR_FORMAT_') ||
    code.startsWith('ERR__ERROR_DICTIONARY')
  );
}

/** Maps a body-parser, zlib or URI error to a 4xx KotaeError; undefined for anything else. */
export function requestErrorOf(err: unknown): KotaeError | undefined {
  if (err instanceof URIError)
    return new KotaeError('INPUT_INVALID', 'bad %-encoding', { userMessage: REQUEST_MESSAGES.badUrl, cause: err });
  if (!err || typeof err !== 'object') return undefined;
  const e = err as FrameworkError;
  const code = typeof e.code === 'string' ? e.code : '';
  if (isDecoderError(code)) {
    return new KotaeError('INPUT_INVALID', `undecodable body: ${code}`, {
      userMessage: REQUEST_MESSAGES.badEncoding,
      cause: err,
    });
  }
  if (typeof e.type !== 'string') return fileRequestErrorOf(e, err);
  switch (e.type) {
    case 'entity.too.large':
      return new KotaeError('INPUT_TOO_LARGE', 'request body too large', {
        userMessage: REQUEST_MESSAGES.tooLarge,
        cause: err,
      });
    case 'entity.parse.failed':
      return new KotaeError('INPUT_INVALID', 'malformed body', {
        userMessage: REQUEST_MESSAGES.malformedJson,
        cause: err,
      });
    case 'encoding.unsupported':
      return new KotaeError('INPUT_UNSUPPORTED_MEDIA', 'unsupported content encoding', {
        userMessage: REQUEST_MESSAGES.unsupportedEncoding,
        cause: err,
      });
    case 'charset.unsupported':
      return new KotaeError('INPUT_UNSUPPORTED_MEDIA', 'unsupported charset', {
        userMessage: REQUEST_MESSAGES.unsupportedCharset,
        cause: err,
      });
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return new KotaeError('INPUT_INVALID', `bad request body: ${e.type}`, {
      userMessage: REQUEST_MESSAGES.malformedBody,
      cause: err,
    });
  }
  return undefined;
}

/**
 * A conditional or ranged GET that `send` (express.static, res.sendFile) refuses: an unsatisfiable
 * Range (416, Content-Range already set) or a failed If-Match / If-Unmodified-Since (412).
 */
function fileRequestErrorOf(e: FrameworkError, err: unknown): KotaeError | undefined {
  if (e.expose !== true) return undefined;
  if (e.status === 416)
    return new KotaeError('INPUT_RANGE_NOT_SATISFIABLE', 'range not satisfiable', {
      userMessage: REQUEST_MESSAGES.rangeNotSatisfiable,
      cause: err,
    });
  if (e.status === 412)
    return new KotaeError('INPUT_PRECONDITION_FAILED', 'precondition failed', {
      userMessage: REQUEST_MESSAGES.preconditionFailed,
      cause: err,
    });
  return undefined;
}

/** Headers `send` set for the file that an error answer must not keep (it is not the file, and not cacheable). */
export function dropFileHeaders(res: Response): void {
  for (const name of ['ETag', 'Last-Modified', 'Accept-Ranges']) res.removeHeader(name);
  res.setHeader('Cache-Control', 'no-store');
}

const ENCODINGS = new Set(['identity', 'gzip', 'x-gzip', 'deflate', 'br']);

/** NOT_FOUND for a path or method no route answers (under /api with the API's wording). */
export function notFoundError(req: Request): KotaeError {
  const api = req.path === '/api' || req.path.startsWith('/api/');
  return new KotaeError('NOT_FOUND', `no route ${req.method} ${req.path.slice(0, 200)}`, {
    userMessage: api ? REQUEST_MESSAGES.apiNotFound : REQUEST_MESSAGES.notFound,
  });
}

/**
 * First middleware: refuses an HTTP/1.1 request without Host (client-errors.ts leaves it to express), a path
 * that does not %-decode, an OPTIONS request (no route answers one: express answered 200 with its English list
 * of methods), and a Content-Encoding the body parsers cannot decode (they decode gzip/deflate/br within the
 * same size limit as plain bodies).
 */
export const rejectMalformedRequests: RequestHandler = (req, _res, next) => {
  if (req.httpVersion === '1.1' && !req.headers.host)
    return next(new KotaeError('INPUT_INVALID', 'no Host header', { userMessage: REQUEST_MESSAGES.missingHost }));
  try {
    decodeURIComponent(req.path);
  } catch (err) {
    return next(requestErrorOf(err));
  }
  if (req.method === 'OPTIONS') return next(notFoundError(req));
  // A NUL in a path parameter or the query reached PostgreSQL as text and failed there (500): no id,
  // date, sort column or search text contains one.
  if (/%00/i.test(req.originalUrl)) {
    return next(new KotaeError('INPUT_INVALID', 'NUL in the URL', { userMessage: REQUEST_MESSAGES.nulInUrl }));
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  if (!ENCODINGS.has(encoding)) {
    return next(
      new KotaeError('INPUT_UNSUPPORTED_MEDIA', `content-encoding ${encoding.slice(0, 40)}`, {
        userMessage: REQUEST_MESSAGES.unsupportedEncoding,
      }),
    );
  }
  next();
};

/** Last route: anything no router answered gets a Japanese 404 (not express's English HTML page). */
export const notFound: RequestHandler = (req, _res, next) => {
  next(notFoundError(req));
};

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (!value || typeof value !== 'object' || depth > 20) return false;
  return Object.values(value as Record<string, unknown>).some((v) => hasNul(v, depth + 1));
}

/**
 * After a form/JSON parser: refuses a body with a NUL in any value. PostgreSQL cannot store one in text
 * (a 500 after part of the work, e.g. a 返却 or a template); no form field of the console needs it.
 */
export const rejectNulInBody: RequestHandler = (req, _res, next) => {
  if (!hasNul(req.body)) return next();
  next(new KotaeError('INPUT_INVALID', 'NUL in the request body', { userMessage: REQUEST_MESSAGES.nulInBody }));
};

/** Deepest JSON a client may send: Teams activities and Adaptive Card data stay far below it. */
export const MAX_BODY_DEPTH = 64;

/** Whether objects and arrays nest deeper than `max` in `value` (iterative: a deep body cannot overflow the stack). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, depth] = next;
    if (depth > max) return true;
    for (const child of Object.values(v as object)) {
      if (child && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * After a JSON parser: refuses a body nested deeper than MAX_BODY_DEPTH (400). V8 parses 100,000 levels, but
 * JSON.stringify of such a body overflows the stack: a keyed /api/ask or /api/tickets (Idempotency-Key, whose
 * fingerprint is the body's JSON) answered 500 to `[[[…]]]`.
 */
export const rejectDeepBody: RequestHandler = (req, _res, next) => {
  const body: unknown = req.body;
  if (!body || typeof body !== 'object' || !nestsDeeperThan(body, MAX_BODY_DEPTH)) return next();
  next(new KotaeError('INPUT_INVALID', 'request body nested too deep', { userMessage: REQUEST_MESSAGES.tooDeep }));
};
