/** A migrated SQLite database in a temp dir, removed on close. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource, openDatabase } from '../../../../../db';

/** Opens a fresh database. */
export async function openTempDb(): Promise<{ ds: DataSource; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'kotae-console-'));
  const ds = createDataSource({ kind: 'sqlite', path: join(dir, 'kotae.db') });
  await openDatabase(ds);
  return {
    ds,
    close: async () => {
      await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Cheap scrypt parameters for tests (production uses DEFAULT_SCRYPT_PARAMS). */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 } as const;
