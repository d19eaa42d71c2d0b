/**
 * FileScanner over clamd's INSTREAM command (ClamAV 0.95 and later): the content is sent as chunks each
 * prefixed with its length (4 bytes, network order) and ended by a zero length; clamd answers
 * `stream: OK`, `stream: <signature> FOUND`, or `INSTREAM size limit exceeded. ERROR` (StreamMaxLength).
 * Memory stays bounded: one chunk at a time, waiting for the socket to drain. Written here rather than
 * taken from npm: `clamdjs` (last release 2018) has no Unix socket, `clamscan` (2,400 lines) mixes local
 * binaries and config-file probing with the socket client and answers `isInfected: null` when unsure.
 */
import { KotaeError } from '../../core';
import type { FileScanner, ScannerStatus, ScanVerdict } from '../../tickets';
import {
  clamdCommand,
  connectClamd,
  describeAddress,
  type ClamdAddress,
  type ClamdConnection,
} from './clamd-connection';

/** How to reach clamd. */
export interface ClamdScannerOptions {
  address: ClamdAddress;
  /** Connect timeout and the longest silence while sending or waiting for the verdict (ms). */
  timeoutMs: number;
  /** Largest chunk sent at once (bytes); clamd's default StreamMaxLength is far above it. */
  chunkBytes?: number;
}

const DEFAULT_CHUNK = 64 * 1024;

/** Scans with a clamd daemon reachable over TCP or a Unix socket. */
export class ClamdScanner implements FileScanner {
  private readonly chunkBytes: number;

  constructor(private readonly options: ClamdScannerOptions) {
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK;
  }

  async scan(content: AsyncIterable<Uint8Array>): Promise<ScanVerdict> {
    const conn = await connectClamd(this.options.address, this.options.timeoutMs);
    const progress = { sent: 0 };
    try {
      conn.socket.write('zINSTREAM\0');
      await this.send(conn, content, progress);
      if (!conn.answered() && !conn.socket.destroyed) conn.socket.write(Buffer.alloc(4));
      return this.verdict(await conn.reply);
    } catch (err) {
      throw await this.explainDrop(err, progress.sent);
    } finally {
      conn.socket.destroy();
    }
  }

  /**
   * clamd answers a stream over StreamMaxLength and closes at once; our next write then meets a reset that
   * can discard its answer. A daemon that still answers PING dropped the stream on purpose: too large.
   */
  private async explainDrop(err: unknown, sent: number): Promise<unknown> {
    const cause = err instanceof KotaeError ? (err.cause as { code?: string } | undefined) : undefined;
    if (sent === 0 || (cause?.code !== 'EPIPE' && cause?.code !== 'ECONNRESET')) return err;
    const alive = await clamdCommand(this.options.address, 'PING', this.options.timeoutMs).catch(() => '');
    if (alive.trim() !== 'PONG') return err;
    const where = describeAddress(this.options.address);
    return new KotaeError('INPUT_TOO_LARGE', `clamd ${where} closed the stream after ${sent} bytes (StreamMaxLength)`, {
      cause: err,
    });
  }

  async status(): Promise<ScannerStatus> {
    const { address, timeoutMs } = this.options;
    try {
      const pong = await clamdCommand(address, 'PING', timeoutMs);
      if (pong.trim() !== 'PONG') return { reachable: false, error: `unexpected PING answer: ${pong.slice(0, 100)}` };
      return { reachable: true, version: (await clamdCommand(address, 'VERSION', timeoutMs)).trim().slice(0, 200) };
    } catch (err) {
      return { reachable: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Streams the chunks; stops early when clamd has answered (it refuses a stream over its limit mid-way). */
  private async send(
    conn: ClamdConnection,
    content: AsyncIterable<Uint8Array>,
    progress: { sent: number },
  ): Promise<void> {
    for await (const chunk of content) {
      for (let at = 0; at < chunk.length; at += this.chunkBytes) {
        if (conn.answered() || conn.socket.destroyed) return;
        const part = chunk.subarray(at, at + this.chunkBytes);
        const header = Buffer.alloc(4);
        header.writeUInt32BE(part.length);
        conn.socket.write(header);
        const flowing = conn.socket.write(part);
        progress.sent += part.length;
        if (!flowing) await drained(conn);
      }
    }
  }

  private verdict(answer: string): ScanVerdict {
    const text = answer.trim();
    const where = describeAddress(this.options.address);
    if (/^stream: OK$/.test(text)) return { clean: true };
    const found = /^stream: (.+) FOUND$/.exec(text);
    if (found) return { clean: false, signature: found[1]!.slice(0, 200) };
    if (/size limit exceeded/i.test(text))
      throw new KotaeError('INPUT_TOO_LARGE', `clamd ${where}: ${text} (StreamMaxLength)`);
    throw new KotaeError('CLOUD_UNAVAILABLE', `clamd ${where} answered: ${text.slice(0, 200)}`);
  }
}

/** Waits until the socket can take more, or clamd answered/closed (the reply then tells what happened). */
function drained(conn: ClamdConnection): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      conn.socket.off('drain', done);
      conn.socket.off('close', done);
      resolve();
    };
    conn.socket.on('drain', done);
    conn.socket.on('close', done);
    conn.reply.then(done, done);
  });
}
