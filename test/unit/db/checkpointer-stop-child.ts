/**
 * Child process of sqlite-checkpointer.spec.ts: starts the checkpoint worker on a fresh SQLite file, stops
 * it with nothing else keeping the event loop alive, and prints a line after stop() returned.
 */
import path from 'node:path';
import { createDataSource, openDatabase } from '../../../db';
import { startSqliteCheckpointer } from '../../../db/sqlite-checkpointer';

async function main(): Promise<void> {
  const ds = createDataSource({ kind: 'sqlite', path: path.join(String(process.argv[2]), 'kotae.sqlite') });
  await openDatabase(ds);
  const checkpointer = await startSqliteCheckpointer(ds, { intervalMs: 20 });
  await checkpointer?.stop();
  process.stdout.write('after stop\n');
  await ds.destroy();
  process.stdout.write('closed\n');
}

void main();
