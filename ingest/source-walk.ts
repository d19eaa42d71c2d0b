/**
 * Lists the files of a KB folder: recursive, sorted, without hidden and system files, with each
 * file's optional `<name>.meta.json` sidecar (which is metadata, not a document).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KotaeError } from '../core';

/** One candidate file. */
export interface SourceEntry {
  /** Relative to the KB root, forward slashes. */
  relPath: string;
  absPath: string;
  size: number;
  sidecarPath?: string;
}

const SIDECAR_SUFFIX = '.meta.json';
/** Dot files, Office lock files (~$x.docx) and Windows thumbnails are never documents. */
const IGNORED = /^(\.|~\$)|^(thumbs\.db|desktop\.ini)$/i;

/** Checks that the folder exists and can be listed; throws INGEST_SOURCE_MISSING otherwise. */
export function assertSourceReadable(sourceDir: string): void {
  try {
    if (!fs.statSync(sourceDir).isDirectory()) throw new Error('not a directory');
    fs.readdirSync(sourceDir);
  } catch (err) {
    throw new KotaeError('INGEST_SOURCE_MISSING', `source folder missing or unreadable: ${sourceDir}`, {
      cause: err,
      details: { sourceDir },
    });
  }
}

/** All candidate files under `sourceDir`, sorted by relative path, and sub-folders that could not be read. */
export function listSourceFiles(sourceDir: string): { entries: SourceEntry[]; unreadableDirs: string[] } {
  const found: SourceEntry[] = [];
  const unreadableDirs: string[] = [];
  const visit = (dir: string, rel: string): void => {
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return void unreadableDirs.push(rel);
    }
    for (const dirent of dirents) {
      if (IGNORED.test(dirent.name)) continue;
      const absPath = path.join(dir, dirent.name);
      const relPath = rel ? `${rel}/${dirent.name}` : dirent.name;
      const stat = statOrUndefined(absPath);
      if (stat?.isDirectory() && !dirent.isSymbolicLink()) visit(absPath, relPath);
      else if (stat?.isFile() && !dirent.name.toLowerCase().endsWith(SIDECAR_SUFFIX)) {
        found.push({ relPath, absPath, size: stat.size, sidecarPath: sidecarOf(absPath) });
      }
    }
  };
  visit(sourceDir, '');
  found.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { entries: found, unreadableDirs };
}

function sidecarOf(absPath: string): string | undefined {
  const candidate = absPath + SIDECAR_SUFFIX;
  return fs.existsSync(candidate) ? candidate : undefined;
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}
