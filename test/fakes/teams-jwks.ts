/**
 * A loopback Entra-like key endpoint and a token signer, so that JWT validation of the Teams endpoint
 * runs for real (RS256 signature, audience, issuer, expiry) without the internet.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** Serves GET /<tenant>/discovery/v2.0/keys and signs tokens with the matching private key. */
export class FakeJwks {
  readonly kid = 'kotae-test-key';
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;
  private server?: Server;
  /** The authority to configure (http://127.0.0.1:port); set by start(). */
  authority = '';

  constructor(readonly tenantId: string) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicJwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', alg: 'RS256' };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.url === `/${this.tenantId}/discovery/v2.0/keys`) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [this.publicJwk] }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.authority = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The issuer the endpoint accepts for this tenant and authority. */
  get issuer(): string {
    return `${this.authority}/${this.tenantId}/v2.0`;
  }

  /** Signs a token; claims default to a valid one for `audience`. */
  sign(audience: string, claims: Record<string, unknown> = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.kid }));
    const payload = b64url(
      JSON.stringify({ aud: audience, iss: this.issuer, nbf: now - 10, exp: now + 600, ...claims }),
    );
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(this.privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
  }
}
