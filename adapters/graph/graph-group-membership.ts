/**
 * Which of some groups a user is in, from Microsoft Graph: `POST /v1.0/users/{id}/checkMemberGroups` with
 * `{ "groupIds": [...] }` (at most 20 per call, Graph's limit), answered `{ "value": [the ids the user is a
 * member of] }`, transitively. Called with the app's own token (application permissions User.Read.All and
 * GroupMember.Read.All). Serves the single sign-on's GroupMembership port on a groups overage: a short
 * timeout, because a person waits on the sign-in page, and one retry only when Graph asks for it briefly (429
 * throttled, 503 / 504 busy, with a Retry-After of at most 2 s; 0.5 s when it gives none); every other failure,
 * and a longer wait asked, is thrown at once.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { KotaeError } from '../../core';
import { createGraphClient, isObjectId } from './graph-client';
import type { AccessTokenProvider } from './token-provider';

/** Graph's limit of group ids per checkMemberGroups call. */
const MAX_GROUPS_PER_CALL = 20;
/** Statuses after which Graph may answer a little later (throttled, busy). */
const RETRIABLE = new Set([429, 503, 504]);
/** The wait before the one retry when Graph names none. */
const DEFAULT_RETRY_MS = 500;

/** Options of the membership check. */
export interface GraphGroupMembershipOptions {
  tokens: AccessTokenProvider;
  /** Graph root, e.g. https://graph.microsoft.com (tests: a loopback server). */
  baseUrl: string;
  /** Give up on one Graph call after this long (default 5 s). */
  timeoutMs?: number;
  /** Retry a throttled or busy call once when Graph asks to wait at most this long (default 2 s; 0: never retry). */
  maxRetryWaitMs?: number;
}

/** How long Graph asks to wait (Retry-After: seconds or an HTTP date), in ms; undefined without the header. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The HTTP status and Graph error code of a failed call (the Graph SDK's GraphError carries both). */
function failure(err: unknown): { status?: number; code?: string; retryAfter?: string } {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    statusCode?: unknown;
    code?: unknown;
    headers?: unknown;
  };
  const retryAfter = e.headers instanceof Headers ? e.headers.get('retry-after') : null;
  return {
    ...(typeof e.statusCode === 'number' && e.statusCode > 0 ? { status: e.statusCode } : {}),
    ...(typeof e.code === 'string' ? { code: e.code.slice(0, 100) } : {}),
    ...(retryAfter ? { retryAfter: retryAfter.slice(0, 100) } : {}),
  };
}

/** Group membership through Microsoft Graph's checkMemberGroups (implements the sso GroupMembership port). */
export class GraphGroupMembership {
  private readonly client: Client;
  private readonly maxRetryWaitMs: number;

  constructor(options: GraphGroupMembershipOptions) {
    this.client = createGraphClient(options.baseUrl, options.tokens, options.timeoutMs ?? 5_000);
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 2_000;
  }

  /**
   * Those of `groupIds` the user `userId` (object id) is a member of, spelt as given. Ids that are not
   * object ids are never sent (Graph fails the whole call on one). CLOUD_UNAVAILABLE on any failure, with
   * the status and Graph's error code (e.g. 403 Authorization_RequestDenied: a permission is missing).
   */
  async memberOf(userId: string, groupIds: readonly string[]): Promise<string[]> {
    if (!isObjectId(userId))
      throw new KotaeError('CLOUD_UNAVAILABLE', `user ${userId.slice(0, 100)} has no directory object id`);
    const ids = [...new Set(groupIds.filter(isObjectId))];
    const member = new Set<string>();
    for (let i = 0; i < ids.length; i += MAX_GROUPS_PER_CALL) {
      for (const id of await this.check(userId, ids.slice(i, i + MAX_GROUPS_PER_CALL))) member.add(id.toLowerCase());
    }
    return ids.filter((id) => member.has(id.toLowerCase()));
  }

  private async check(userId: string, groupIds: string[]): Promise<string[]> {
    let answer: { value?: unknown };
    for (let attempt = 1; ; attempt++) {
      try {
        answer = ((await this.client.api(`/users/${userId}/checkMemberGroups`).post({ groupIds })) ?? {}) as {
          value?: unknown;
        };
        break;
      } catch (err) {
        const details = failure(err);
        const wait = details.status && RETRIABLE.has(details.status) ? this.retryWait(details.retryAfter) : undefined;
        if (attempt === 1 && wait !== undefined) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        const text = err instanceof Error ? err.message.slice(0, 200) : String(err);
        throw new KotaeError(
          'CLOUD_UNAVAILABLE',
          `checkMemberGroups failed: ${details.status ?? '-'} ${details.code ?? ''} ${text}`.replace(/\s+/g, ' '),
          { cause: err, details: { status: details.status, code: details.code, attempts: attempt } },
        );
      }
    }
    const value = answer.value;
    if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string'))
      throw new KotaeError('CLOUD_UNAVAILABLE', 'checkMemberGroups answered without a list of group ids');
    return value;
  }

  /** The wait before the one retry, or undefined when Graph asks for longer than a person should wait. */
  private retryWait(retryAfter: string | undefined): number | undefined {
    const asked = retryAfterMs(retryAfter) ?? DEFAULT_RETRY_MS;
    return this.maxRetryWaitMs > 0 && asked <= this.maxRetryWaitMs ? asked : undefined;
  }
}
