/**
 * The state of synced SharePoint libraries (table sharepoint_drive): drive id, the saved delta link and
 * the last sync's result, one row per configured library.
 */
import type { DataSource } from 'typeorm';
import { runDb } from '../run-db';
import { isUniqueViolation } from './atomic-sql';

/** One library's saved state. */
export interface SharePointDriveState {
  libraryKey: string;
  driveId?: string;
  deltaLink?: string;
  syncedAt?: Date;
  /** The last sync's result as JSON (the sync service owns its shape). */
  result?: string;
}

interface Row {
  libraryKey: string;
  driveId: string | null;
  deltaLink: string | null;
  syncedAt: Date | null;
  result: string | null;
}

/** SQL store of SharePoint library states. */
export class SqlSharePointDrives {
  constructor(private readonly ds: DataSource) {}

  private repo() {
    return this.ds.getRepository<Row>('sharepoint_drive');
  }

  /** The state of a library (undefined before its first sync). */
  async get(libraryKey: string): Promise<SharePointDriveState | undefined> {
    const row = await runDb(this.ds, () => this.repo().findOneBy({ libraryKey }));
    return row
      ? {
          libraryKey,
          driveId: row.driveId ?? undefined,
          deltaLink: row.deltaLink ?? undefined,
          syncedAt: row.syncedAt ?? undefined,
          result: row.result ?? undefined,
        }
      : undefined;
  }

  /** Saves a library's state (insert or update). */
  async save(state: SharePointDriveState): Promise<void> {
    const row: Row = {
      libraryKey: state.libraryKey,
      driveId: state.driveId ?? null,
      deltaLink: state.deltaLink ?? null,
      syncedAt: state.syncedAt ?? null,
      result: state.result ?? null,
    };
    try {
      await runDb(this.ds, () => this.repo().insert(row));
    } catch (err) {
      if (!isUniqueViolation((err as { cause?: unknown }).cause ?? err)) throw err;
      await runDb(this.ds, () => this.repo().update({ libraryKey: row.libraryKey }, row));
    }
  }
}
