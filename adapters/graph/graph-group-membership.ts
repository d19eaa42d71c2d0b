/**
 * Which of some groups a user is in, from Microsoft Graph: `POST /v1.0/users/{id}/checkMemberGroups` with
 * `{ "groupIds": [...] }` (at most 20 per call, Graph's limit), answered `{ "value": [the ids the user is a
 * member of] }`, transitively. Called with the app's own token (application permissions User.Read.All and
 * GroupMember.Read.All). Serves the single sign-on's GroupMembership port on a groups overage: no retry
 * and a short timeout, because a person waits on the sign-in page; every failure is thrown.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { KotaeError } from '../../core';
import { createGraphClient, isObjectId } from './graph-client';
import type { AccessTokenProvider } from './token-provider';

/** Graph's limit of group ids per checkMemberGroups call. */
const MAX_GROUPS_PER_CALL = 20;

/** Options of the membership check. */
export interface GraphGroupMembershipOptions {
  tokens: AccessTokenProvider;
  /** Graph root, e.g. https://graph.microsoft.com (tests: a loopback server). */
  baseUrl: string;
  /** Give up on one Graph call after this long (default 5 s). */
  timeoutMs?: number;
}

/** The HTTP status and Graph error code of a failed call (the Graph SDK's GraphError carries both). */
function failure(err: unknown): { status?: number; code?: string } {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { statusCode?: unknown; code?: unknown };
  return {
    ...(typeof e.statusCode === 'number' && e.statusCode > 0 ? { status: e.statusCode } : {}),
    ...(typeof e.code === 'string' ? { code: e.code.slice(0, 100) } : {}),
  };
}

/** Group membership through Microsoft Graph's checkMemberGroups (implements the sso GroupMembership port). */
export class GraphGroupMembership {
  private readonly client: Client;

  constructor(options: GraphGroupMembershipOptions) {
    this.client = createGraphClient(options.baseUrl, options.tokens, options.timeoutMs ?? 5_000);
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
    try {
      answer = ((await this.client.api(`/users/${userId}/checkMemberGroups`).post({ groupIds })) ?? {}) as {
        value?: unknown;
      };
    } catch (err) {
      const details = failure(err);
      const text = err instanceof Error ? err.message.slice(0, 200) : String(err);
      throw new KotaeError(
        'CLOUD_UNAVAILABLE',
        `checkMemberGroups failed: ${details.status ?? '-'} ${details.code ?? ''} ${text}`.replace(/\s+/g, ' '),
        { cause: err, details },
      );
    }
    const value = answer.value;
    if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string'))
      throw new KotaeError('CLOUD_UNAVAILABLE', 'checkMemberGroups answered without a list of group ids');
    return value;
  }
}
