/**
 * One ingest at a time per data folder: `index/.ingest.lock` holds the owner's pid. A lock whose
 * process is gone (killed, crashed) is stale and taken over.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KotaeError } from '../core';
import type { Logger } from '../core';
import { readJsonFile } from '../core';

interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** Takes the ingest lock in `root`; returns the function that releases it. */
export function acquireIngestLock(root: string, logger: Logger): () => void {
  const lockPath = path.join(root, '.ingest.lock');
  const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  const draft = `${lockPath}.${process.pid}`;
  // Written in full first and then hard-linked: the lock never exists without its owner's pid.
  fs.writeFileSync(draft, JSON.stringify(owner));
  try {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        fs.linkSync(draft, lockPath);
        return () => fs.rmSync(lockPath, { force: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readJsonFile(lockPath) as Partial<LockOwner> | undefined;
      if (holder && isAlive(holder)) {
        throw new KotaeError('DATA_DIR_IN_USE', `ingest lock held by pid ${holder.pid}`, {
          userMessage: `別の取り込みが実行中です（PID ${holder.pid}）。終わってからやり直してください。`,
          details: { lockPath, pid: holder.pid },
        });
      }
      logger.warn('removing stale ingest lock', { lockPath, holder });
      fs.rmSync(lockPath, { force: true });
    }
    throw new KotaeError('DATA_DIR_IN_USE', 'ingest lock contended', { details: { lockPath } });
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function isAlive(holder: Partial<LockOwner>): boolean {
  if (typeof holder.pid !== 'number') return false;
  // A lock from another machine (shared folder) cannot be checked: assume it is held.
  if (holder.hostname !== undefined && holder.hostname !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
