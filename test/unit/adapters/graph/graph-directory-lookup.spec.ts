import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphDirectoryLookup, MsalTokenProvider, type AccessTokenProvider } from '../../../../adapters/graph';
import type { DirectoryLookup } from '../../../../adapters/teams';
import { KotaeError } from '../../../../core/errors';
import { MemoryLogger } from '../../../../core/logger';

const USER = '7faf8ab2-3d56-4244-b585-20c8a42ed2b8';

/** Plays Graph's GET /v1.0/users/{id}?$select=department. */
class FakeGraph {
  readonly requests: { url: string; authorization?: string }[] = [];
  readonly users = new Map<string, Record<string, unknown>>([[USER, { department: '情報政策課' }]]);
  failWith?: number;
  private server?: Server;
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
      const match = /^\/v1\.0\/users\/([^/?]+)\?\$select=department$/.exec(req.url ?? '');
      const user = match ? this.users.get(match[1]) : undefined;
      const status = this.failWith ?? (user ? 200 : 404);
      const body =
        status === 200
          ? user
          : { error: { code: status === 404 ? 'Request_ResourceNotFound' : 'ServiceUnavailable', message: 'x' } };
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

class FakeTokens implements AccessTokenProvider {
  readonly scopes: string[][] = [];
  fail = false;
  async getToken(scopes: string[]): Promise<string> {
    this.scopes.push(scopes);
    if (this.fail) throw new KotaeError('CLOUD_UNAVAILABLE', 'no token');
    return 'graph-token';
  }
}

describe('GraphDirectoryLookup', () => {
  let graph: FakeGraph;
  let tokens: FakeTokens;
  let logger: MemoryLogger;
  let clock: number;
  let lookup: GraphDirectoryLookup;
  beforeEach(async () => {
    graph = new FakeGraph();
    tokens = new FakeTokens();
    logger = new MemoryLogger();
    clock = 0;
    lookup = new GraphDirectoryLookup({
      tokens,
      logger,
      baseUrl: await graph.start(),
      ttlMs: 60_000,
      now: () => clock,
    });
  });
  afterEach(async () => graph.stop());

  it('is a DirectoryLookup for the Teams channel', () => {
    const port: DirectoryLookup = lookup;
    assert.ok(port);
  });

  it('reads the department with an app token and caches it for the TTL', async () => {
    assert.equal(await lookup.lookupDepartment(USER), '情報政策課');
    assert.equal(await lookup.lookupDepartment(USER), '情報政策課');
    assert.equal(graph.requests.length, 1);
    assert.equal(graph.requests[0].authorization, 'Bearer graph-token');
    assert.deepEqual(tokens.scopes[0], ['https://graph.microsoft.com/.default']);
    clock = 60_001;
    graph.users.set(USER, { department: '総務課' });
    assert.equal(await lookup.lookupDepartment(USER), '総務課');
    assert.equal(graph.requests.length, 2);
  });

  it('returns undefined for unknown users and users without a department', async () => {
    const other = '00000000-0000-0000-0000-000000000001';
    assert.equal(await lookup.lookupDepartment(other), undefined);
    graph.users.set(USER, { department: null });
    assert.equal(await lookup.lookupDepartment(USER), undefined);
    assert.equal(logger.lines.length, 0);
  });

  it('never calls Graph with an id that is not a GUID', async () => {
    assert.equal(await lookup.lookupDepartment('../../me/sendMail'), undefined);
    assert.equal(graph.requests.length, 0);
  });

  it('warns and returns undefined when Graph or the token fails (and does not cache the failure)', async () => {
    graph.failWith = 503;
    assert.equal(await lookup.lookupDepartment(USER), undefined);
    graph.failWith = undefined;
    tokens.fail = true;
    assert.equal(await lookup.lookupDepartment(USER), undefined);
    tokens.fail = false;
    assert.equal(await lookup.lookupDepartment(USER), '情報政策課');
    assert.equal(logger.lines.filter((l) => l.level === 'warn').length, 2);
  });
});

describe('MsalTokenProvider', () => {
  const options = { tenantId: 't', clientId: 'c', clientSecret: 's' };
  it('returns the access token of a client-credentials request', async () => {
    const requests: string[][] = [];
    const provider = new MsalTokenProvider(options, {
      acquireTokenByClientCredential: async ({ scopes }) => {
        requests.push(scopes);
        return { accessToken: 'abc' };
      },
    });
    assert.equal(await provider.getToken(['https://graph.microsoft.com/.default']), 'abc');
    assert.deepEqual(requests, [['https://graph.microsoft.com/.default']]);
  });
  it('turns failures into CLOUD_UNAVAILABLE', async () => {
    const empty = new MsalTokenProvider(options, { acquireTokenByClientCredential: async () => null });
    await assert.rejects(
      empty.getToken(['x']),
      (e: unknown) => e instanceof KotaeError && e.code === 'CLOUD_UNAVAILABLE',
    );
    const failing = new MsalTokenProvider(options, {
      acquireTokenByClientCredential: async () => {
        throw new Error('AADSTS7000215');
      },
    });
    await assert.rejects(failing.getToken(['x']), /AADSTS7000215/);
  });
  it('builds a real MSAL client without network access', () => {
    assert.ok(new MsalTokenProvider(options));
  });
});
