/** Where the index lives inside the data folder, and how file-system failures there are reported. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KotaeError } from '../core';

/** `<dataDir>/index`: generations, the CURRENT pointer, the chunk cache and the ingest lock. */
export function indexRoot(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'index');
}

const UNWRITABLE_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC', 'EISDIR', 'ENOENT']);

/** Runs a file-system step in the data folder, turning write failures into DATA_DIR_UNWRITABLE. */
export function inDataDir<T>(dir: string, step: () => T): T {
  try {
    return step();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code && UNWRITABLE_CODES.has(code)) {
      throw new KotaeError('DATA_DIR_UNWRITABLE', `cannot write in ${dir}: ${code}`, { cause: err, details: { dir } });
    }
    throw err;
  }
}

/** Creates `<dataDir>/index` if needed; throws DATA_DIR_UNWRITABLE when that is impossible. */
export function prepareIndexRoot(dataDir: string): string {
  const root = indexRoot(dataDir);
  inDataDir(root, () => {
    fs.mkdirSync(root, { recursive: true });
    fs.accessSync(root, fs.constants.W_OK);
  });
  return root;
}
