/**
 * Index generations: each ingest builds into a fresh `gen-<time>-<rand>` directory and only then
 * points `CURRENT` at it with an atomic rename, so a crash mid-build leaves the previous index in
 * use. `PREVIOUS` keeps the generation before it; every other generation is deleted.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '../core';
import { isAtomicTempName, writeFileAtomic } from '../core';
import { indexRoot } from './data-dir';

const GENERATION_NAME = /^gen-\d+-[0-9a-f]+$/;
type Pointer = 'CURRENT' | 'PREVIOUS';

/** Absolute path of the index generation in use, or undefined when there is none yet. */
export function currentIndexDir(dataDir: string): string | undefined {
  const root = indexRoot(dataDir);
  const name = readPointer(root, 'CURRENT');
  return name ? path.join(root, name) : undefined;
}

/** The generation a pointer file names, if it is well-formed and the directory exists. */
export function readPointer(root: string, pointer: Pointer): string | undefined {
  let name: string;
  try {
    name = fs.readFileSync(path.join(root, pointer), 'utf8').trim();
  } catch {
    return undefined;
  }
  return GENERATION_NAME.test(name) && fs.existsSync(path.join(root, name)) ? name : undefined;
}

/** Creates an empty generation directory to build into. */
export function createGeneration(root: string): { name: string; dir: string } {
  const name = `gen-${Date.now()}-${randomBytes(4).toString('hex')}`;
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  return { name, dir };
}

/** Makes `name` the current generation; the one it replaces becomes PREVIOUS. */
export function publishGeneration(root: string, name: string): void {
  const current = readPointer(root, 'CURRENT');
  // PREVIOUS first: a crash between the two renames leaves PREVIOUS = CURRENT, which is harmless.
  if (current) writeFileAtomic(path.join(root, 'PREVIOUS'), current + '\n');
  writeFileAtomic(path.join(root, 'CURRENT'), name + '\n');
}

/** Deletes generations that are neither CURRENT nor PREVIOUS (e.g. half-built by a killed run). */
export function removeStaleGenerations(root: string, logger: Logger): string[] {
  const keep = new Set([readPointer(root, 'CURRENT'), readPointer(root, 'PREVIOUS')]);
  const removed: string[] = [];
  for (const entry of fs.readdirSync(root)) {
    const stale = (GENERATION_NAME.test(entry) && !keep.has(entry)) || isAtomicTempName(entry);
    if (!stale) continue;
    try {
      fs.rmSync(path.join(root, entry), { recursive: true, force: true });
      removed.push(entry);
    } catch (err) {
      // Best effort: on Windows a server still reading an old generation keeps it busy; next run retries.
      logger.warn('could not remove stale index generation', { entry, error: String(err) });
    }
  }
  if (removed.length > 0) logger.info('removed stale index generations', { removed });
  return removed;
}
