/**
 * The data directory: created and checked for writing at start, and locked with a pid file so
 * that a second server on the same directory stops with a clear error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../core';

/** Creates the directory if needed and proves it is writable. */
export function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (err) {
    throw new KotaeError('DATA_DIR_UNWRITABLE', `data directory ${dir} is not writable: ${(err as Error).message}`, {
      userMessage: `データフォルダ ${dir} に書き込めません。権限を確認するか KOTAE_DATA_DIR で別のフォルダを指定してください。`,
      cause: err,
    });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A held lock; release() removes the pid file. */
export interface DirLock {
  release(): void;
}

/** Takes the server lock on a data directory, replacing a stale lock left by a dead process. */
export function lockDataDir(dir: string): DirLock {
  const file = path.join(dir, 'kotae.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new KotaeError('DATA_DIR_IN_USE', `data directory ${dir} is used by process ${pid}`, {
          userMessage: `データフォルダ ${dir} は別のKotae（プロセス ${pid}）が使用中です。`,
        });
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new KotaeError('DATA_DIR_IN_USE', `could not lock ${dir}`);
}

/**
 * The pid of a live process holding the data directory's server lock (this process included), or
 * undefined. `kotae restore` refuses to run while it returns one.
 */
export function dataDirHolder(dir: string): number | undefined {
  const file = path.join(dir, 'kotae.pid');
  if (!fs.existsSync(file)) return undefined;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}
