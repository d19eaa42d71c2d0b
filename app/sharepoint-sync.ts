/**
 * Syncs the configured SharePoint libraries into `<dataDir>/knowledge/sharepoint/<library>/`, which every
 * ingest reads (each file with a `.meta.json` sidecar whose `url` is the file's SharePoint webUrl, the
 * source link of answers). Changes come from the Graph delta API and are applied only once every page
 * was received; the delta link is saved in the database. A library whose link expired is enumerated
 * again in full and files no longer listed are removed. When Graph or the token fails, nothing changes
 * on disk, the previous index keeps serving and the error is kept for the console.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core';
import { formatBytes, legacyOfficeFormat, loaderFor, SKIP_REASONS } from '../ingest';
import type { LeaseGuard } from '../jobs';
import { safeFileName } from '../tickets';
import type { SharePointConfig, SharePointLibrary } from './config-knowledge';

/** The part of a Graph driveItem the sync reads. */
export interface SyncItem {
  id: string;
  name?: string;
  size?: number;
  webUrl?: string;
  eTag?: string;
  parentReference?: { path?: string };
  file?: unknown;
  folder?: unknown;
  deleted?: unknown;
  root?: unknown;
}

/** Port: the libraries in Graph (GraphDrives implements it; `delta` throws an error with `deltaExpired: true` on 410). */
export interface DriveSource {
  driveOf(site: string, library: string): Promise<string>;
  delta(driveId: string, deltaLink?: string): Promise<{ items: SyncItem[]; deltaLink: string; full: boolean }>;
  download(item: SyncItem, maxBytes: number): Promise<Buffer>;
}

/** Port: where a library's drive id, delta link and last result are kept. */
export interface DriveStateStore {
  get(key: string): Promise<{ driveId?: string; deltaLink?: string; syncedAt?: Date; result?: string } | undefined>;
  save(state: {
    libraryKey: string;
    driveId?: string;
    deltaLink?: string;
    syncedAt?: Date;
    result?: string;
  }): Promise<void>;
}

/** The result of one library's sync, as the console shows it. */
export interface LibrarySyncResult {
  ok: boolean;
  error?: string;
  full: boolean;
  added: number;
  updated: number;
  deleted: number;
  skipped: { path: string; reason: string }[];
}

/** A library and its last sync. */
export interface LibraryStatus {
  key: string;
  label: string;
  syncedAt?: Date;
  result?: LibrarySyncResult;
}

/** Skip reasons of the sync (besides the ingest's own). */
export const SYNC_SKIP = Object.freeze({
  downloadFailed: 'ダウンロードできない',
});

/** What the sync needs. */
export interface SharePointSyncDeps {
  config: SharePointConfig;
  drives: DriveSource;
  store: DriveStateStore;
  mirrorDir: string;
  /** Re-ingests after files changed. */
  onChanged: (reason: string) => Promise<void>;
  leases?: LeaseGuard;
  logger: Logger;
  now: () => Date;
}

type ItemIndex = Record<string, { path: string; eTag?: string }>;

/** The key of a library in the database. */
export function libraryKey(l: SharePointLibrary): string {
  return 'driveId' in l ? `drive:${l.driveId}` : `site:${l.site}:${l.library}`;
}

function libraryLabel(l: SharePointLibrary): string {
  return 'driveId' in l ? l.driveId : `${l.site} / ${l.library}`;
}

/** Syncs the SharePoint libraries: on a schedule, and on request (「今すぐ同期」). */
export class SharePointSync {
  private running?: Promise<void>;
  private handle?: NodeJS.Timeout;

  constructor(private readonly deps: SharePointSyncDeps) {}

  /** Whether a sync is in progress in this instance. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Syncs every library now (or joins the sync in progress); never rejects. */
  syncNow(): Promise<void> {
    this.running ??= this.syncAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Starts the scheduled sync (first run right away). */
  start(): void {
    void this.syncNow();
    this.handle = setInterval(() => void this.syncNow(), this.deps.config.syncMinutes * 60_000);
    this.handle.unref();
  }

  /** Stops the schedule and waits for a sync in progress. */
  async stop(): Promise<void> {
    if (this.handle) clearInterval(this.handle);
    await this.running;
  }

  /** Every library with its last sync (from the database, so every instance shows the same). */
  async status(): Promise<LibraryStatus[]> {
    return Promise.all(
      this.deps.config.libraries.map(async (l) => {
        const state = await this.deps.store.get(libraryKey(l)).catch(() => undefined);
        return {
          key: libraryKey(l),
          label: libraryLabel(l),
          syncedAt: state?.syncedAt,
          result: state?.result ? (JSON.parse(state.result) as LibrarySyncResult) : undefined,
        };
      }),
    );
  }

  private async syncAll(): Promise<void> {
    const work = async () => {
      let changed = false;
      for (const library of this.deps.config.libraries) changed = (await this.syncLibrary(library)) || changed;
      if (changed) await this.deps.onChanged('SharePointの同期');
    };
    try {
      if (this.deps.leases) await this.deps.leases.run('sharepoint-sync', work, undefined);
      else await work();
    } catch (err) {
      this.deps.logger.error('sharepoint sync failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Syncs one library; true when files changed. A failure is recorded and changes nothing. */
  private async syncLibrary(library: SharePointLibrary): Promise<boolean> {
    const key = libraryKey(library);
    const state = await this.deps.store.get(key);
    const dir = path.join(this.deps.mirrorDir, createHash('sha256').update(key).digest('hex').slice(0, 16));
    let driveId = state?.driveId;
    try {
      driveId ??=
        'driveId' in library ? library.driveId : await this.deps.drives.driveOf(library.site, library.library);
      let delta;
      try {
        delta = await this.deps.drives.delta(driveId, state?.deltaLink);
      } catch (err) {
        if ((err as { deltaExpired?: boolean }).deltaExpired !== true) throw err;
        this.deps.logger.warn('sharepoint delta link expired; full resync', { library: key });
        delta = await this.deps.drives.delta(driveId);
      }
      const result = await this.apply(dir, delta.items, delta.full);
      await this.deps.store.save({
        libraryKey: key,
        driveId,
        deltaLink: delta.deltaLink,
        syncedAt: this.deps.now(),
        result: JSON.stringify(result),
      });
      this.deps.logger.info('sharepoint library synced', { library: key, ...result, skipped: result.skipped.length });
      return result.added + result.updated + result.deleted > 0;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.deps.logger.error('sharepoint library sync failed; the previous index keeps serving', {
        library: key,
        error,
      });
      const result: LibrarySyncResult = {
        ok: false,
        error,
        full: false,
        added: 0,
        updated: 0,
        deleted: 0,
        skipped: [],
      };
      await this.deps.store
        .save({ ...state, libraryKey: key, driveId, syncedAt: this.deps.now(), result: JSON.stringify(result) })
        .catch(() => undefined);
      return false;
    }
  }

  /** Applies the received changes to the mirror folder. */
  private async apply(dir: string, items: readonly SyncItem[], full: boolean): Promise<LibrarySyncResult> {
    const indexFile = path.join(dir, '.items.json');
    const index: ItemIndex = fs.existsSync(indexFile)
      ? (JSON.parse(fs.readFileSync(indexFile, 'utf8')) as ItemIndex)
      : {};
    const result: LibrarySyncResult = { ok: true, full, added: 0, updated: 0, deleted: 0, skipped: [] };
    const remove = (id: string) => {
      const known = index[id];
      if (!known) return false;
      fs.rmSync(path.join(dir, known.path), { force: true });
      fs.rmSync(path.join(dir, `${known.path}.meta.json`), { force: true });
      delete index[id];
      return true;
    };
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(item.id);
      if (item.deleted) {
        if (remove(item.id)) result.deleted += 1;
        continue;
      }
      if (!item.file || item.root || !item.name) continue;
      const relPath = relativePath(item);
      const max = this.deps.config.maxFileBytes;
      const skip = (reason: string) => {
        if (remove(item.id)) result.deleted += 1;
        result.skipped.push({ path: relPath, reason });
      };
      if (!loaderFor(relPath)) {
        const legacy = legacyOfficeFormat(relPath);
        skip(legacy ? SKIP_REASONS.legacyOffice(legacy.app, legacy.successor) : SKIP_REASONS.unsupported);
        continue;
      }
      if ((item.size ?? 0) > max) {
        skip(SKIP_REASONS.tooLarge(formatBytes(max)));
        continue;
      }
      const known = index[item.id];
      if (known && known.path === relPath && known.eTag === item.eTag && fs.existsSync(path.join(dir, relPath)))
        continue;
      let bytes: Buffer;
      try {
        bytes = await this.deps.drives.download(item, max);
      } catch (err) {
        const tooLarge = err instanceof Error && (err as { code?: string }).code === 'INPUT_TOO_LARGE';
        skip(tooLarge ? SKIP_REASONS.tooLarge(formatBytes(max)) : SYNC_SKIP.downloadFailed);
        continue;
      }
      if (known && known.path !== relPath) remove(item.id);
      const target = path.join(dir, relPath);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, bytes);
      fs.writeFileSync(`${target}.meta.json`, JSON.stringify({ url: item.webUrl, title: item.name }));
      index[item.id] = { path: relPath, eTag: item.eTag };
      if (known) result.updated += 1;
      else result.added += 1;
    }
    if (full) for (const id of Object.keys(index)) if (!seen.has(id) && remove(id)) result.deleted += 1;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(indexFile, JSON.stringify(index));
    return result;
  }
}

/** `Folder/Sub/name.pdf` from the item's parent path (`/drive/root:/Folder/Sub`), each part made safe. */
function relativePath(item: SyncItem): string {
  const parent = item.parentReference?.path ?? '';
  const below = parent.includes('root:') ? parent.slice(parent.indexOf('root:') + 'root:'.length) : '';
  const parts = [...below.split('/'), item.name ?? item.id]
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    })
    .map((p) => safeFileName(p))
    .filter((p) => p.length > 0);
  return parts.join('/');
}
