/**
 * One connection to clamd (TCP or a Unix socket) with an idle timeout: commands are sent with the `z`
 * prefix (NUL-terminated) and clamd's one reply is read up to its terminating NUL (or the close).
 */
import net from 'node:net';
import { KotaeError } from '../../core';

/** Where clamd listens: TCP host and port, or a Unix socket path. */
export type ClamdAddress = { host: string; port: number } | { socket: string };

/** An open connection; `reply` settles once with clamd's answer (without the NUL). */
export interface ClamdConnection {
  socket: net.Socket;
  reply: Promise<string>;
  /** Whether clamd already answered (it answers early and closes when a stream is refused). */
  answered(): boolean;
}

/** A label for logs and errors: `host:port` or the socket path. */
export function describeAddress(address: ClamdAddress): string {
  return 'socket' in address ? `unix:${address.socket}` : `${address.host}:${address.port}`;
}

/** Connects; rejects with CLOUD_UNAVAILABLE when clamd cannot be reached within `timeoutMs`. */
export function connectClamd(address: ClamdAddress, timeoutMs: number): Promise<ClamdConnection> {
  const where = describeAddress(address);
  const unavailable = (why: string, cause?: unknown) =>
    new KotaeError('CLOUD_UNAVAILABLE', `clamd ${where}: ${why}`, { cause });
  return new Promise((resolve, reject) => {
    const socket = 'socket' in address ? net.createConnection(address.socket) : net.createConnection(address);
    socket.setTimeout(timeoutMs);
    const parts: Buffer[] = [];
    let answer: string | undefined;
    let settle: { ok: (s: string) => void; fail: (e: Error) => void } | undefined;
    const reply = new Promise<string>((ok, fail) => {
      settle = { ok, fail };
    });
    // A reply nobody awaits (the connection failed first) must not become an unhandled rejection.
    reply.catch(() => undefined);
    const finish = (err?: Error) => {
      if (answer === undefined && parts.length > 0) answer = Buffer.concat(parts).toString('utf8').replace(/\0+$/, '');
      if (answer !== undefined) settle?.ok(answer);
      else settle?.fail(err ?? unavailable('closed without an answer'));
      settle = undefined;
    };
    socket.on('data', (chunk: Buffer) => {
      parts.push(chunk);
      if (chunk.includes(0)) finish();
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('timeout', () => {
      const err = unavailable(`no answer within ${timeoutMs} ms`);
      finish(err);
      socket.destroy(err);
    });
    socket.on('error', (err) => {
      finish(unavailable(err.message, err));
      reject(unavailable(err.message, err));
    });
    socket.once('connect', () =>
      resolve({ socket, reply, answered: () => answer !== undefined || parts.some((p) => p.includes(0)) }),
    );
  });
}

/** Sends one simple command (`PING`, `VERSION`) and returns clamd's answer. */
export async function clamdCommand(address: ClamdAddress, command: string, timeoutMs: number): Promise<string> {
  const conn = await connectClamd(address, timeoutMs);
  try {
    conn.socket.write(`z${command}\0`);
    return await conn.reply;
  } finally {
    conn.socket.destroy();
  }
}
