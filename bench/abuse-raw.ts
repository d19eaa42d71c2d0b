/**
 * The raw-socket cases of `npm run bench:abuse`: requests fetch cannot send or would not leave unfinished —
 * a body that stops arriving (chunked without its last chunk, fewer bytes than Content-Length, an upload cut
 * off inside its file) or never stops coming (endless chunks, a Content-Length of 10 GB), CONNECT, TRACE, a missing Host, an unknown Expect, a Transfer-Encoding trick and
 * headers that arrive too slowly. Each must be answered with its 4xx (never left hanging) and a Japanese text.
 */
import net from 'node:net';

/** One raw request and the status it must get. */
export interface RawCase {
  name: string;
  /** What is written (the socket then stays open, sending nothing more). */
  send: (auth: { cookie: string; csrf: string }) => string;
  status: number;
  /** Then keeps sending 16 KB chunks until the server answers (a chunked body that never ends). */
  flood?: boolean;
}

const H = 'Host: 127.0.0.1\r\n';
const B = 'rawAbuseBoundary';

/** The cases (the stalled ones wait for the app's body idle window, about 10 s, all at the same time). */
export const RAW_CASES: readonly RawCase[] = [
  {
    name: 'chunkedNeverEnds',
    send: () =>
      `POST /api/ask HTTP/1.1\r\n${H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"que\r\n`,
    status: 408,
  },
  {
    name: 'contentLengthShort',
    send: (a) =>
      `POST /console/templates HTTP/1.1\r\n${H}Cookie: ${a.cookie}\r\nX-CSRF-Token: ${a.csrf}\r\n` +
      'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nname=a&body=',
    status: 408,
  },
  {
    name: 'uploadCutOff',
    send: (a) =>
      `POST /console/knowledge/documents HTTP/1.1\r\n${H}Cookie: ${a.cookie}\r\n` +
      `Content-Type: multipart/form-data; boundary=${B}\r\nContent-Length: 90000\r\n\r\n` +
      `--${B}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${a.csrf}\r\n` +
      `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nabc`,
    status: 408,
  },
  {
    name: 'contentLengthHuge',
    send: () =>
      `POST /api/ask HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n{"q`,
    status: 413,
  },
  {
    name: 'chunkedEndless',
    send: () =>
      `POST /api/feedback HTTP/1.1\r\n${H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    status: 413,
    flood: true,
  },
  {
    name: 'uploadEndless',
    send: (a) =>
      `POST /console/operations/terminals/import HTTP/1.1\r\n${H}Cookie: ${a.cookie}\r\n` +
      `Content-Type: multipart/form-data; boundary=${B}\r\nTransfer-Encoding: chunked\r\n\r\n`,
    status: 413,
    flood: true,
  },
  { name: 'connect', send: () => `CONNECT 127.0.0.1:22 HTTP/1.1\r\n${H}\r\n`, status: 405 },
  { name: 'trace', send: () => `TRACE / HTTP/1.1\r\n${H}Connection: close\r\n\r\n`, status: 404 },
  { name: 'noHost', send: () => 'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n', status: 400 },
  {
    name: 'expectUnknown',
    send: () =>
      `POST /api/ask HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 2\r\nExpect: 200-ok\r\n\r\n{}`,
    status: 417,
  },
  {
    name: 'contentLengthAndChunked',
    send: () => `POST /api/ask HTTP/1.1\r\n${H}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    status: 400,
  },
  { name: 'headersTooSlow', send: () => `GET /healthz HTTP/1.1\r\n${H}X-Slow: 1\r\n`, status: 408 },
];

/** What one raw case got: its status (0: none) and whether the body was Japanese. */
export interface RawResult {
  name: string;
  status: number;
  expected: number;
  japanese: boolean;
  ms: number;
}

/** Sends one case and waits (at most `giveUpMs`) for the server to answer and close the connection. */
function sendRaw(url: string, c: RawCase, text: string, giveUpMs: number): Promise<{ text: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    const chunk = `4000\r\n${'x'.repeat(0x4000)}\r\n`;
    let flood: NodeJS.Timeout | undefined;
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1', () => {
      socket.write(text);
      if (c.flood) flood = setInterval(() => socket.writable && !chunks.length && socket.write(chunk), 2);
    });
    const done = () => {
      clearInterval(flood);
      resolve({ text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      done();
    }, giveUpMs);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      done();
    });
  });
}

/** Runs every raw case at once; a case not answered within `giveUpMs` has status 0 (a hang). */
export async function runRawCases(
  url: string,
  auth: { cookie: string; csrf: string },
  giveUpMs: number,
): Promise<RawResult[]> {
  return Promise.all(
    RAW_CASES.map(async (c) => {
      const { text, ms } = await sendRaw(url, c, c.send(auth), giveUpMs);
      const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(text)?.[1] ?? 0);
      const body = text.slice(text.indexOf('\r\n\r\n') + 4);
      return { name: c.name, status, expected: c.status, japanese: /[\u3040-\u30ff\u4e00-\u9fff]/.test(body), ms };
    }),
  );
}
