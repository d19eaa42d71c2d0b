/**
 * Requests Node's HTTP parser refuses before express sees them (a URL or headers over the 16 KB limit, a
 * broken request line, a request that took too long to arrive) get a short Japanese answer instead of
 * Node's bare status line with an empty body: the same status Node would send, a plain-text body, and the
 * connection closed. Nothing is written when a response on the connection has already started.
 * So do the requests Node answers itself: a CONNECT (closed without a word: 405), an `Expect` other than
 * `100-continue` (an empty 417); an HTTP/1.1 request without `Host` (an empty 400) is left to express
 * (request-errors.ts), which answers it like every other bad request.
 */
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { REQUEST_MESSAGES } from './request-errors';

/** The status and text for a parser error code (as Node chooses the status). */
function answerOf(code: string | undefined): { status: number; text: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, text: REQUEST_MESSAGES.headersTooLarge };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, text: REQUEST_MESSAGES.tooLarge };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, text: REQUEST_MESSAGES.requestTimeout };
    case 'CONNECT':
      return { status: 405, text: REQUEST_MESSAGES.methodNotAllowed };
    case 'EXPECT':
      return { status: 417, text: REQUEST_MESSAGES.expectationFailed };
    default:
      return { status: 400, text: REQUEST_MESSAGES.badRequest };
  }
}

/** The headers of every answer here (besides the status line). */
function answerHeaders(status: number, body: string): Record<string, string> {
  return {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...(status === 405 ? { Allow: 'GET, HEAD, POST' } : {}),
    Connection: 'close',
  };
}

/** A complete HTTP/1.1 response that closes the connection. */
function clientErrorResponse(code: string | undefined): string {
  const { status, text } = answerOf(code);
  const body = `${text}\n`;
  const headers = Object.entries(answerHeaders(status, body)).map(([k, v]) => `${k}: ${v}`);
  return [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, ...headers, '', body].join('\r\n');
}

/** Kotae is no proxy: a CONNECT (a tunnel asked of the server) gets 405 instead of a silently closed socket. */
function refuseConnect(_req: IncomingMessage, socket: Socket): void {
  socket.on('error', () => socket.destroy());
  socket.end(clientErrorResponse('CONNECT'));
  socket.setTimeout(5_000, () => socket.destroy());
}

/** An `Expect` Node does not handle itself (anything but `100-continue`): 417 with a Japanese text. */
function refuseExpectation(_req: IncomingMessage, res: ServerResponse): void {
  const { status, text } = answerOf('EXPECT');
  const body = `${text}\n`;
  res.writeHead(status, answerHeaders(status, body));
  res.end(body);
}

/** Headers must arrive within this time (Node: 60 s, checked every 30 s), a slow-headers client is cut off sooner. */
const HEADERS_TIMEOUT_MS = 20_000;
const CONNECTIONS_CHECK_MS = 5_000;

/**
 * Replaces Node's default answer to client errors on `server` (once per connection), to CONNECT and to an
 * unknown `Expect`; call it right after `listen()` (the timeouts' check interval is read when listening starts).
 */
export function answerClientErrors(server: Server): void {
  // Options of http.createServer that app.listen() does not take; Node reads them from the server object.
  const options = server as Server & { requireHostHeader?: boolean; connectionsCheckingInterval?: number };
  // express answers a missing Host (request-errors.ts) with a Japanese message instead of Node's empty 400.
  options.requireHostHeader = false;
  options.connectionsCheckingInterval = CONNECTIONS_CHECK_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.on('connect', refuseConnect);
  server.on('checkExpectation', refuseExpectation);
  const answered = new WeakSet<Socket>();
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (answered.has(socket)) return;
    answered.add(socket);
    // Node's own rule: reply only while no response of this connection has started to go out
    // (`_httpMessage` is the response in flight, an internal of node:http).
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
      socket.end(clientErrorResponse(err.code));
      // A lingering close: the client reads the answer and closes its side, which ends the connection.
      // Destroying at once could reset it over unread request bytes and lose the answer; a client that
      // never closes is cut off after a few seconds.
      socket.setTimeout(5_000, () => socket.destroy());
      return;
    }
    socket.destroy();
  });
}
