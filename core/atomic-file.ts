/**
 * Files whose writes are all-or-nothing: the new content goes to a temp file beside the target, is
 * synced, then renamed over it — a reader sees the old content or the new, never a piece. Used by the
 * index's manifest and generations (ingest/) and the audit head files (db/audit/).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface AtomicWriteOptions {
  /** Permission bits of a newly created file (the temp file is created with them before any byte is written). */
  readonly mode?: number;
  /** Also fsync the folder after the rename, so the rename itself survives a power cut (where the platform allows). */
  readonly syncFolder?: boolean;
}

/** Writes `data` to `file` atomically (see the module comment). */
export function writeFileAtomic(file: string, data: string, options: AtomicWriteOptions = {}): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = fs.openSync(tmp, 'w', options.mode ?? 0o666);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  if (options.syncFolder) syncFolder(path.dirname(file));
}

function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // A folder that cannot be opened for fsync (some network file systems): the rename stands.
  }
}

/** Parses a JSON file, or returns undefined when it is missing or unreadable. */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** True for file names left behind by an interrupted `writeFileAtomic`. */
export function isAtomicTempName(name: string): boolean {
  return /\.tmp-\d+-[0-9a-f]{8}$/.test(name);
}
