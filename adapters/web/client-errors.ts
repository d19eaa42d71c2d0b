/**
 * Requests Node's HTTP parser refuses before express sees them (a URL or headers over the 16 KB limit, a
 * broken request line, a request that took too long to arrive) get a short Japanese answer instead of
 * Node's bare status line with an empty body: the same status Node would send, a plain-text body, and the
 * connection closed. Nothing is written when a response on the connection has already started.
 */
import { STATUS_CODES, type Server } from 'node:http';
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
    default:
      return { status: 400, text: REQUEST_MESSAGES.badRequest };
  }
}

/** A complete HTTP/1.1 response that closes the connection. */
function clientErrorResponse(code: string | undefined): string {
  const { status, text } = answerOf(code);
  const body = `${text}\n`;
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Replaces Node's default answer to client errors on `server` (once per connection). */
export function answerClientErrors(server: Server): void {
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
