/**
 * Department (所属) of a staff member from Microsoft Graph (`GET /v1.0/users/{id}?$select=department`),
 * cached for a while. Any failure yields undefined and a warning: a missing department must never
 * break an answer.
 */
import type { DirectoryLookup } from '../../bot';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../../core';
import { createGraphClient, isObjectId } from './graph-client';
import type { AccessTokenProvider } from './token-provider';

/** Options of the Graph directory lookup. */
export interface GraphDirectoryOptions {
  tokens: AccessTokenProvider;
  logger: Logger;
  /** Graph root; defaults to https://graph.microsoft.com (tests use a loopback server). */
  baseUrl?: string;
  /** How long a department is remembered (default 6 hours). */
  ttlMs?: number;
  /** Clock in milliseconds. */
  now?: () => number;
  /** Give up on one Graph call after this long (default 3 s). */
  timeoutMs?: number;
}

function statusOf(err: unknown): number | undefined {
  const status =
    typeof err === 'object' && err !== null && 'statusCode' in err
      ? (err as { statusCode?: unknown }).statusCode
      : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** DirectoryLookup backed by Microsoft Graph (needs the User.Read.All application permission). */
export class GraphDirectoryLookup implements DirectoryLookup {
  private readonly client: Client;
  private readonly cache = new Map<string, { department?: string; expires: number }>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: GraphDirectoryOptions) {
    this.ttlMs = options.ttlMs ?? 6 * 3_600_000;
    this.now = options.now ?? Date.now;
    this.client = createGraphClient(
      options.baseUrl ?? 'https://graph.microsoft.com',
      options.tokens,
      options.timeoutMs ?? 3_000,
    );
  }

  /** The user's department, or undefined (unknown user, no department, Graph unreachable). */
  async lookupDepartment(aadObjectId: string): Promise<string | undefined> {
    if (!isObjectId(aadObjectId)) return undefined;
    const cached = this.cache.get(aadObjectId);
    if (cached && cached.expires > this.now()) return cached.department;
    try {
      const user = (await this.client.api(`/users/${aadObjectId}`).select('department').get()) as {
        department?: unknown;
      };
      const department =
        typeof user.department === 'string' && user.department.trim() ? user.department.trim() : undefined;
      this.remember(aadObjectId, department);
      return department;
    } catch (err) {
      if (statusOf(err) === 404) {
        this.remember(aadObjectId, undefined);
        return undefined;
      }
      this.options.logger.warn('graph: department lookup failed', {
        status: statusOf(err),
        error: err instanceof Error ? err.message : String(err),
      });
      return undefined;
    }
  }

  private remember(id: string, department: string | undefined): void {
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(id, { department, expires: this.now() + this.ttlMs });
  }
}
