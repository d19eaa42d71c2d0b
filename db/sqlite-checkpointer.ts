/**
 * WAL checkpoints of the SQLite file in a worker thread (issue 17). better-sqlite3 is synchronous: with
 * SQLite's automatic checkpoints, every few hundred questions one commit copied the WAL into the database
 * file and waited for the disk (synchronous = NORMAL syncs at checkpoints), with the whole server stalled.
 * The serving connection now only appends to the WAL; a second connection in a worker checkpoints it
 * every `intervalMs`: PASSIVE (never blocks a writer), then RESTART for the frames appended meanwhile (only if
 * the write lock is free at that instant; the serving connection's writes wait for it, briefly). Should the worker fail, the serving connection
 * checkpoints by itself again, as before. Other processes on the file (a CLI command) are unaffected.
 */
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import type { Logger } from '../core';

/** SQLite's default: a checkpoint once the WAL holds this many pages. */
const AUTO_CHECKPOINT_PAGES = 1000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// timeout 0: the RESTART below never waits for the serving connection (SQLite then goes on as PASSIVE).
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
db.pragma('synchronous = NORMAL');
const checkpoint = () => {
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    // Under steady load the serving connection appends while PASSIVE copies, so the WAL was never wholly
    // copied when the next write began: it never started again from its beginning and grew for as long as
    // the load lasted (every frame written past the end of the file, where the file system zeroes new
    // blocks: 10-15 % of the server's CPU under load). RESTART copies the few frames appended since and
    // lets the next write start the WAL over; it takes the write lock only if it is free right now.
    if (passive && passive.log > 0) db.pragma('wal_checkpoint(RESTART)');
  } catch (err) {
    // Busy (e.g. a backup holds the file): the next round checkpoints.
    if (!err || !/SQLITE_BUSY|SQLITE_LOCKED/.test(String(err.code))) throw err;
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage('ready');
`;

/** The part of a better-sqlite3 connection used here. */
interface Connection {
  pragma(source: string): unknown;
}

/** A running checkpointer; `stop()` ends it and gives checkpoints back to the serving connection. */
export interface SqliteCheckpointer {
  stop(): Promise<void>;
}

/**
 * Starts checkpointing the data source's file in a worker (SQLite files only; undefined otherwise, and
 * when the worker cannot open the file). Resolves once the worker has opened it.
 */
export async function startSqliteCheckpointer(
  ds: DataSource,
  options: { intervalMs?: number; logger?: Logger } = {},
): Promise<SqliteCheckpointer | undefined> {
  const file = ds.options.type === 'better-sqlite3' ? String(ds.options.database) : '';
  if (!file || file === ':memory:') return undefined;
  const serving = () =>
    ds.isInitialized ? (ds.driver as unknown as { databaseConnection: Connection }).databaseConnection : undefined;
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { driver: require.resolve('better-sqlite3'), file, intervalMs: options.intervalMs ?? 1000 },
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fallBack = (reason: string) => {
    if (stopping) return;
    stopping = true;
    serving()?.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    options.logger?.warn('sqlite checkpoint worker stopped; the server checkpoints by itself', { reason });
  };
  worker.on('error', (err) => fallBack(err.message));
  worker.once('exit', (code) => fallBack(`exit ${code}`));
  const started = await new Promise<boolean>((resolve) => {
    worker.once('message', () => resolve(true));
    worker.once('error', () => resolve(false));
  });
  // The worker could not open the file: the serving connection keeps checkpointing (fallBack logged why).
  if (!started) return undefined;
  serving()?.pragma('wal_autocheckpoint = 0');
  worker.unref();
  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      serving()?.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
      // The worker is unref'd while it runs; awaiting its exit unref'd let a process with nothing else
      // left (a shutdown after server.close) end right here, exit code 0, before the rest of close()
      // (database, data-dir lock) — and before a caller's next line ran.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
