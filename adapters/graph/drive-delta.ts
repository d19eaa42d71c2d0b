/**
 * A SharePoint document library through Microsoft Graph: the drive of a site library, its changes with
 * the delta API (`/drives/{id}/root/delta`, following `@odata.nextLink` to the `@odata.deltaLink`),
 * and file content from `@microsoft.graph.downloadUrl`. 429 and 503 are retried after `Retry-After`;
 * 410 (the delta token expired or a resync is required) is reported as DeltaExpired.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { KotaeError } from '../../core';
import { createGraphClient } from './graph-client';
import type { AccessTokenProvider } from './token-provider';

/** The part of a driveItem the sync reads. */
export interface DriveItem {
  id: string;
  name?: string;
  size?: number;
  webUrl?: string;
  eTag?: string;
  lastModifiedDateTime?: string;
  parentReference?: { path?: string; driveId?: string };
  file?: { mimeType?: string };
  folder?: unknown;
  deleted?: { state?: string };
  root?: unknown;
  '@microsoft.graph.downloadUrl'?: string;
}

/** All changes since a delta link (or the whole library without one), and the link to save. */
export interface DeltaResult {
  items: DriveItem[];
  deltaLink: string;
  /** True when the library was enumerated from the start (no link, or it had expired). */
  full: boolean;
}

/** Thrown when Graph no longer accepts a delta link (410): the caller resyncs from the start. */
export class DeltaExpired extends Error {
  /** Marks the error for callers that only see the DriveSource port. */
  readonly deltaExpired = true;
}

/** Options of the drive client. */
export interface GraphDriveOptions {
  tokens: AccessTokenProvider;
  /** Graph root, e.g. https://graph.microsoft.com (tests: a loopback server). */
  baseUrl: string;
  timeoutMs?: number;
  /** Longest wait honoured from a Retry-After header (default 120 s) and retries per request (default 5). */
  maxRetryAfterMs?: number;
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

function statusOf(err: unknown): number | undefined {
  const s = typeof err === 'object' && err !== null ? (err as { statusCode?: unknown }).statusCode : undefined;
  return typeof s === 'number' ? s : undefined;
}

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { headers?: Headers }).headers;
  const value = headers?.get?.('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Microsoft Graph access to document libraries. */
export class GraphDrives {
  private readonly client: Client;
  private readonly root: string;

  constructor(private readonly o: GraphDriveOptions) {
    this.root = `${o.baseUrl.replace(/\/+$/, '')}/v1.0`;
    this.client = createGraphClient(o.baseUrl, o.tokens, o.timeoutMs ?? 30_000);
  }

  /** The drive id of the library named `library` in `site` (`host:/sites/path`). */
  async driveOf(site: string, library: string): Promise<string> {
    const s = (await this.get(`/sites/${site}`)) as { id?: string };
    if (!s.id) throw new KotaeError('CLOUD_UNAVAILABLE', `site ${site} not found`);
    const drives = (await this.get(`/sites/${s.id}/drives`)) as { value?: { id: string; name: string }[] };
    const drive = drives.value?.find((d) => d.name === library);
    if (!drive)
      throw new KotaeError('CLOUD_UNAVAILABLE', `library ${library} not found in ${site}`, {
        userMessage: `SharePointサイト ${site} にライブラリ「${library}」が見つかりません。`,
      });
    return drive.id;
  }

  /** Every change since `deltaLink` (the whole library without one); DeltaExpired on 410. */
  async delta(driveId: string, deltaLink?: string): Promise<DeltaResult> {
    const items: DriveItem[] = [];
    let next: string | undefined = deltaLink ?? `/drives/${encodeURIComponent(driveId)}/root/delta`;
    for (let pages = 0; next; pages += 1) {
      if (pages > 10_000) throw new KotaeError('CLOUD_UNAVAILABLE', 'delta paging did not end');
      let page: { value?: DriveItem[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
      try {
        page = (await this.get(next)) as typeof page;
      } catch (err) {
        if (statusOf(err) === 410) throw new DeltaExpired(`delta link of drive ${driveId} expired`);
        throw err;
      }
      items.push(...(page.value ?? []));
      if (page['@odata.deltaLink']) return { items, deltaLink: page['@odata.deltaLink'], full: !deltaLink };
      next = page['@odata.nextLink'];
    }
    throw new KotaeError('CLOUD_UNAVAILABLE', 'delta ended without a deltaLink');
  }

  /** The content of a file (from its pre-authenticated download URL, which needs no token). */
  async download(item: DriveItem, maxBytes: number): Promise<Buffer> {
    const url = item['@microsoft.graph.downloadUrl'];
    if (!url) throw new KotaeError('CLOUD_UNAVAILABLE', `no download url for ${item.id}`);
    for (let attempt = 0; ; attempt += 1) {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.o.timeoutMs ?? 120_000) });
      if ((res.status === 429 || res.status === 503) && attempt < (this.o.maxRetries ?? 5)) {
        await this.wait(Number(res.headers.get('retry-after') ?? '1') * 1000);
        continue;
      }
      if (!res.ok) throw new KotaeError('CLOUD_UNAVAILABLE', `download of ${item.id} failed: ${res.status}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (bytes.length > maxBytes) throw new KotaeError('INPUT_TOO_LARGE', `file ${item.id} over ${maxBytes} bytes`);
      return bytes;
    }
  }

  /** GET a Graph path or one of its own links, retrying 429/503 after Retry-After. */
  private async get(pathOrLink: string): Promise<unknown> {
    // Links Graph returns are absolute; the client takes paths below the version.
    const path = pathOrLink.startsWith(this.root) ? pathOrLink.slice(this.root.length) : pathOrLink;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return (await this.client.api(path).get()) as unknown;
      } catch (err) {
        const status = statusOf(err);
        if ((status === 429 || status === 503) && attempt < (this.o.maxRetries ?? 5)) {
          await this.wait(retryAfterMs(err) ?? 2 ** attempt * 1000);
          continue;
        }
        throw err;
      }
    }
  }

  private wait(ms: number): Promise<void> {
    const capped = Math.min(ms, this.o.maxRetryAfterMs ?? 120_000);
    return (this.o.sleep ?? ((t) => new Promise((r) => setTimeout(r, t))))(capped);
  }
}
