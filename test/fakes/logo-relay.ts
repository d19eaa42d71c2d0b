/**
 * A loopback stand-in for a municipality's LoGoチャット relay: receives Kotae's signed posts (and
 * checks their signatures) and signs the events a test sends to Kotae.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signRelayBody, SIGNATURE_HEADERS, type RelayKey, type RelayOutbound } from '../../adapters/logo-chat';

/** One post Kotae made to the relay. */
export interface RelayPost {
  body: RelayOutbound;
  keyId: string;
  signatureValid: boolean;
}

/** The fake relay. */
export class FakeLogoRelay {
  readonly posts: RelayPost[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    private readonly keys: RelayKey[],
  ) {}

  static async start(keys: RelayKey[]): Promise<FakeLogoRelay> {
    const server = createServer();
    const relay = new FakeLogoRelay(server, keys);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const h = (name: string) => String(req.headers[name] ?? '');
        const key = keys.find((k) => k.id === h(SIGNATURE_HEADERS.keyId));
        const expected = key
          ? `v1=${signRelayBody(key.secret, h(SIGNATURE_HEADERS.timestamp), h(SIGNATURE_HEADERS.nonce), raw)}`
          : '';
        relay.posts.push({
          body: JSON.parse(raw.toString('utf8')) as RelayOutbound,
          keyId: h(SIGNATURE_HEADERS.keyId),
          signatureValid: expected !== '' && expected === h(SIGNATURE_HEADERS.signature),
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        for (const w of relay.waiters.splice(0)) w();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return relay;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/kotae/messages`;
  }

  /** Resolves once `n` posts were received in total. */
  async waitForPosts(n: number, timeoutMs = 15_000): Promise<RelayPost[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.posts.length < n) {
      if (Date.now() > deadline) throw new Error(`fake relay: ${this.posts.length} of ${n} posts`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.posts.slice(0, n);
  }

  /** Signed headers for an event body (key 0 unless told; timestamp and nonce overridable). */
  sign(body: string, opts: { key?: RelayKey; timestampSec?: number; nonce?: string } = {}): Record<string, string> {
    const key = opts.key ?? this.keys[0];
    const timestamp = String(opts.timestampSec ?? Math.floor(Date.now() / 1000));
    const nonce = opts.nonce ?? randomBytes(16).toString('hex');
    return {
      'content-type': 'application/json',
      [SIGNATURE_HEADERS.keyId]: key.id,
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.signature]: `v1=${signRelayBody(key.secret, timestamp, nonce, body)}`,
    };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
