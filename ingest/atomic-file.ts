/** Small file helpers whose writes are all-or-nothing (write to a temp file, then rename). */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';

/** Writes `data` to `file` atomically: readers see the old content or the new, never a mix. */
export function writeFileAtomic(file: string, data: string): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = fs.openSync(tmp, 'w');
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
