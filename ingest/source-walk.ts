/**
 * Lists the files of a KB folder: recursive, sorted, without hidden and system files, with each
 * file's optional `<name>.meta.json` sidecar (which is metadata, not a document). A symbolic link to a
 * file is listed when the file it leads to lies inside the folder too (and is not hidden); one leading out of it
 * is set apart (`linksOutside`): `/kb` never serves a file outside the knowledge folder, so its answers would cite
 * a source that cannot be opened. Linked folders are not followed.
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

/** What a walk of the folder found. */
export interface SourceListing {
  /** Candidate files, sorted by relative path. */
  entries: SourceEntry[];
  /** Sub-folders that could not be read. */
  unreadableDirs: string[];
  /** Symbolic links to files outside the folder or hidden in it (relative paths, sorted): not indexed. */
  linksOutside: string[];
}

/** All candidate files under `sourceDir`, the sub-folders that could not be read and the links leading out. */
export function listSourceFiles(sourceDir: string): SourceListing {
  const found: SourceEntry[] = [];
  const unreadableDirs: string[] = [];
  const linksOutside: string[] = [];
  const root = realPathOrUndefined(sourceDir) ?? path.resolve(sourceDir);
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
        if (dirent.isSymbolicLink() && !leadsInside(absPath, root)) linksOutside.push(relPath);
        else found.push({ relPath, absPath, size: stat.size, sidecarPath: sidecarOf(absPath) });
      }
    }
  };
  visit(sourceDir, '');
  found.sort((a, b) => byPath(a.relPath, b.relPath));
  return { entries: found, unreadableDirs, linksOutside: linksOutside.sort(byPath) };
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether a link's target (every link on the way resolved) lies inside the real folder `root`, and not in a
 * hidden file or folder of it: the files `/kb` serves (adapters/web/kb-files.ts).
 */
function leadsInside(link: string, root: string): boolean {
  const target = realPathOrUndefined(link);
  if (target === undefined) return false;
  const rel = path.relative(root, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return !rel.split(path.sep).some((segment) => segment.startsWith('.'));
}

function realPathOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
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
