/**
 * A loopback Microsoft Graph that speaks the driveItem delta protocol for one SharePoint site library
 * (pages of `pageSize` items linked by `@odata.nextLink`, a final `@odata.deltaLink` whose token
 * returns only later changes, deleted items with the `deleted` facet, `@microsoft.graph.downloadUrl`),
 * plus an Entra token endpoint over HTTPS (self-signed, so MSAL accepts it as an authority) that
 * issues client-credential tokens. Knobs: throttle the next request (429 + Retry-After), expire every
 * delta token (410 resyncRequired), fail everything (Graph down), refuse the secret (expired).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selfSigned } from '../helpers/self-signed';

interface FakeFile {
  id: string;
  name: string;
  folder: string;
  content: Buffer;
  seq: number;
  deleted?: boolean;
  isFolder?: boolean;
}

export const SITE = 'kotonoha.sharepoint.example:/sites/helpdesk';
export const SITE_ID = 'kotonoha.sharepoint.example,1111,2222';
export const DRIVE_ID = 'b!helpdeskDrive01';
export const LIBRARY = 'ドキュメント';

/** The loopback Graph and token endpoint. */
export class FakeGraphDrive {
  readonly requests: { method: string; url: string; auth?: string; status: number }[] = [];
  readonly tokenRequests: { secret?: string; status: number }[] = [];
  pageSize = 2;
  throttleNext = 0;
  expireTokens = false;
  down = false;
  secret = 'sp-secret';
  secretExpired = false;
  graphUrl = '';
  authorityHost = '';
  caFile = '';
  private seq = 0;
  private readonly files = new Map<string, FakeFile>();
  private graph?: Server;
  private login?: HttpsServer;
  private certDir = '';

  /** Adds or replaces a file (a change after the current delta token). */
  put(id: string, folder: string, name: string, content: string | Buffer): void {
    if (folder && !this.files.has(`folder:${folder}`)) {
      this.files.set(`folder:${folder}`, {
        id: `folder:${folder}`,
        name: folder,
        folder: '',
        content: Buffer.alloc(0),
        seq: ++this.seq,
        isFolder: true,
      });
    }
    this.files.set(id, { id, name, folder, content: Buffer.from(content), seq: ++this.seq });
  }

  /** Deletes a file (reported with the deleted facet). */
  remove(id: string): void {
    const f = this.files.get(id);
    if (f) this.files.set(id, { ...f, deleted: true, seq: ++this.seq });
  }

  async start(): Promise<void> {
    this.graph = createServer((req, res) => this.handleGraph(req, res));
    await new Promise<void>((r) => this.graph?.listen(0, '127.0.0.1', r));
    this.graphUrl = `http://127.0.0.1:${(this.graph.address() as AddressInfo).port}`;
    this.certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-login-'));
    const { key, cert } = selfSigned(this.certDir);
    this.caFile = cert;
    this.login = createHttpsServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) =>
      this.handleLogin(req, res),
    );
    await new Promise<void>((r) => this.login?.listen(0, '127.0.0.1', r));
    this.authorityHost = `https://127.0.0.1:${(this.login.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const s of [this.graph, this.login]) {
      if (!s) continue;
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    }
    fs.rmSync(this.certDir, { recursive: true, force: true });
  }

  /** Requests to the delta API, for assertions. */
  deltaRequests(): { url: string; status: number }[] {
    return this.requests.filter((r) => r.url.includes('/root/delta'));
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  }

  private handleGraph(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.graphUrl);
    const record = (status: number) =>
      this.requests.push({
        method: req.method ?? '',
        url: url.pathname + url.search,
        auth: req.headers.authorization,
        status,
      });
    if (this.down) {
      record(500);
      return this.json(res, 500, { error: { code: 'generalException', message: 'Graph is down' } });
    }
    if (url.pathname.startsWith('/download/')) {
      const f = this.files.get(decodeURIComponent(url.pathname.slice('/download/'.length)));
      record(f ? 200 : 404);
      if (!f || f.deleted) return this.json(res, 404, { error: { code: 'itemNotFound' } });
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(f.content);
      return;
    }
    if (req.headers.authorization !== 'Bearer graph-token-1') {
      record(401);
      return this.json(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
    }
    if (this.throttleNext > 0) {
      this.throttleNext -= 1;
      record(429);
      return this.json(
        res,
        429,
        { error: { code: 'activityLimitReached', message: 'throttled' } },
        { 'Retry-After': '1' },
      );
    }
    const p = decodeURIComponent(url.pathname);
    if (p === `/v1.0/sites/${SITE}`) {
      record(200);
      return this.json(res, 200, { id: SITE_ID, webUrl: 'https://kotonoha.sharepoint.example/sites/helpdesk' });
    }
    if (p === `/v1.0/sites/${SITE_ID}/drives`) {
      record(200);
      return this.json(res, 200, {
        value: [
          { id: 'b!other', name: 'Site Assets' },
          { id: DRIVE_ID, name: LIBRARY },
        ],
      });
    }
    if (p === `/v1.0/drives/${DRIVE_ID}/root/delta`) {
      const token = url.searchParams.get('token');
      if (token !== null && this.expireTokens) {
        record(410);
        return this.json(
          res,
          410,
          { error: { code: 'resyncRequired', message: 'Resync required.' } },
          {
            Location: `${this.graphUrl}/v1.0/drives/${DRIVE_ID}/root/delta`,
          },
        );
      }
      const since = token === null ? 0 : Number(token);
      const at = Number(url.searchParams.get('at') ?? this.seq);
      const changed = [...this.files.values()]
        .filter((f) => (since === 0 ? !f.deleted : f.seq > since) && f.seq <= at)
        .sort((a, b) => a.seq - b.seq);
      const page = Number(url.searchParams.get('page') ?? 0);
      const slice = changed.slice(page * this.pageSize, (page + 1) * this.pageSize);
      const more = (page + 1) * this.pageSize < changed.length;
      const base = `${this.graphUrl}/v1.0/drives/${DRIVE_ID}/root/delta`;
      record(200);
      return this.json(res, 200, {
        value: slice.map((f) => this.item(f)),
        ...(more
          ? { '@odata.nextLink': `${base}?${token !== null ? `token=${token}&` : ''}at=${at}&page=${page + 1}` }
          : { '@odata.deltaLink': `${base}?token=${at}` }),
      });
    }
    record(404);
    this.json(res, 404, { error: { code: 'itemNotFound', message: p } });
  }

  private item(f: FakeFile): Record<string, unknown> {
    const parent = {
      driveId: DRIVE_ID,
      path: f.folder ? `/drive/root:/${encodeURIComponent(f.folder)}` : '/drive/root:',
    };
    if (f.deleted) return { id: f.id, name: f.name, parentReference: parent, deleted: { state: 'deleted' } };
    if (f.isFolder)
      return {
        id: f.id,
        name: f.name,
        parentReference: { driveId: DRIVE_ID, path: '/drive/root:' },
        folder: { childCount: 1 },
      };
    return {
      id: f.id,
      name: f.name,
      size: f.content.length,
      eTag: `"{${f.id}},${f.seq}"`,
      webUrl: `https://kotonoha.sharepoint.example/sites/helpdesk/${encodeURIComponent(LIBRARY)}/${f.folder ? `${encodeURIComponent(f.folder)}/` : ''}${encodeURIComponent(f.name)}`,
      parentReference: parent,
      file: { mimeType: 'application/octet-stream' },
      '@microsoft.graph.downloadUrl': `${this.graphUrl}/download/${encodeURIComponent(f.id)}?tempauth=x`,
    };
  }

  private handleLogin(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.authorityHost);
    const tenant = url.pathname.split('/')[1];
    if (req.method === 'GET' && url.pathname.endsWith('/v2.0/.well-known/openid-configuration')) {
      const root = `${this.authorityHost}/${tenant}`;
      return this.json(res, 200, {
        token_endpoint: `${root}/oauth2/v2.0/token`,
        authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${root}/oauth2/v2.0/logout`,
        jwks_uri: `${root}/discovery/v2.0/keys`,
        issuer: `${root}/v2.0`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
      });
    }
    if (req.method === 'POST' && url.pathname.endsWith('/oauth2/v2.0/token')) {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const secret = form.get('client_secret') ?? undefined;
        if (this.secretExpired || secret !== this.secret) {
          this.tokenRequests.push({ secret, status: 401 });
          return this.json(res, 401, {
            error: 'invalid_client',
            error_description: 'AADSTS7000222: The provided client secret keys for app are expired.',
            error_codes: [7000222],
          });
        }
        this.tokenRequests.push({ secret, status: 200 });
        this.json(res, 200, {
          token_type: 'Bearer',
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: 'graph-token-1',
        });
      });
      return;
    }
    this.json(res, 404, { error: 'not_found' });
  }
}
