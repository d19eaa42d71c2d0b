/**
 * A loopback Microsoft Graph for the groups overage: `POST /v1.0/users/{id}/checkMemberGroups` with
 * `{ "groupIds": [...] }` (at most 20 object ids, else Graph's 400) answered
 * `{ "@odata.context": …, "value": [the ids the user is a member of] }`, and only to a bearer token that
 * `acceptToken` recognises (the loopback provider's client-credential tokens), else Graph's 401. Knobs:
 * fail every call with Graph's 403 (the app lacks GroupMember.Read.All) or 500, throttle the next calls (429 or 503
 * with a Retry-After), or answer late.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHECK = /^\/v1\.0\/users\/([^/]+)\/checkMemberGroups$/;

/** Graph's error bodies (`{ error: { code, message } }`) for the statuses the fake answers. */
const ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'Request_BadRequest', message: 'Invalid value specified for property groupIds.' },
  401: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure.' },
  403: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
  404: {
    code: 'Request_ResourceNotFound',
    message: 'Resource does not exist or one of its queried reference-property objects are not present.',
  },
  429: { code: 'TooManyRequests', message: 'Too many requests.' },
  500: { code: 'generalException', message: 'General exception while processing.' },
  503: { code: 'serviceNotAvailable', message: 'Service unavailable.' },
};

/** One request the fake received. */
export interface GraphGroupsRequest {
  method: string;
  path: string;
  groupIds?: unknown;
  token?: string;
  status: number;
}

/** The loopback Graph. */
export class FakeGraphGroups {
  readonly requests: GraphGroupsRequest[] = [];
  /** Every call fails with this status while set. */
  failWith?: 403 | 500;
  /** The next `times` calls are throttled (429) or busy (503), with this Retry-After header when set. */
  throttle?: { status: 429 | 503; times: number; retryAfter?: string };
  /** Answer each call this late. */
  delayMs = 0;
  url = '';
  private server?: Server;

  /** `memberships`: user object id → the groups it is in (directly or through nested groups). */
  constructor(
    private readonly acceptToken: (token: string) => boolean,
    readonly memberships: Record<string, string[]> = {},
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', this.url).pathname;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    let body: { groupIds?: unknown } = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as typeof body;
    } catch {
      // Answered 400 below (no groupIds).
    }
    const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ method: req.method ?? '', path, groupIds: body.groupIds, token, status });
      const send = () =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(json));
      if (this.delayMs) setTimeout(send, this.delayMs);
      else send();
    };
    const error = (status: number, headers?: Record<string, string>) =>
      answer(status, { error: { ...ERRORS[status], innerError: { date: new Date().toISOString() } } }, headers);
    const user = CHECK.exec(path)?.[1];
    if (req.method !== 'POST' || !user) return error(404);
    if (!token || !this.acceptToken(token)) return error(401);
    if (this.failWith) return error(this.failWith);
    if (this.throttle && this.throttle.times > 0) {
      this.throttle.times -= 1;
      const retryAfter = this.throttle.retryAfter;
      return error(this.throttle.status, retryAfter ? { 'retry-after': retryAfter } : {});
    }
    const ids = body.groupIds;
    const valid =
      Array.isArray(ids) &&
      ids.length >= 1 &&
      ids.length <= 20 &&
      ids.every((id) => typeof id === 'string' && OBJECT_ID.test(id));
    if (!valid) return error(400);
    const groups = this.memberships[decodeURIComponent(user).toLowerCase()];
    if (!groups) return error(404);
    const member = new Set(groups.map((g) => g.toLowerCase()));
    answer(200, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)',
      value: (ids as string[]).filter((id) => member.has(id.toLowerCase())).map((id) => id.toLowerCase()),
    });
  }
}
