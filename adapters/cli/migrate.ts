/** `kotae migrate`: applies pending database migrations explicitly. */
import { createDataSource, openDatabase } from '../../db';
import { ensureWritableDir } from '../../app';
import type { CliIo } from './io';
import { configFromProcess } from './runtime';
import { CLI_MESSAGES } from './messages';

/** Applies migrations and reports which ran. */
export async function migrateCommand(_argv: string[], io: CliIo): Promise<number> {
  const config = configFromProcess();
  if (config.db.kind === 'sqlite') ensureWritableDir(config.dataDir);
  const ds = createDataSource(config.db);
  try {
    io.out(CLI_MESSAGES.migrated(await openDatabase(ds)));
    return 0;
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
}
