import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource, openDatabase } from '../../db';
import { tempDir } from './temp-dir';

/** A migrated SQLite database in a temporary directory; `close()` removes it. */
export interface TempSqlite {
  ds: DataSource;
  dir: string;
  close: () => Promise<void>;
}

/** Creates and migrates a SQLite file in a temporary directory. */
export async function tempSqlite(): Promise<TempSqlite> {
  const { dir, cleanup } = tempDir('kotae-db-');
  const ds = createDataSource({ kind: 'sqlite', path: path.join(dir, 'kotae.sqlite') });
  await openDatabase(ds);
  return {
    ds,
    dir,
    close: async () => {
      await ds.destroy();
      cleanup();
    },
  };
}
