/**
 * Files shipped beside the code (web assets, manifest templates and icons, package.json). The
 * compiled build in dist/ holds JavaScript only, so these resolve from the project folder whether the
 * code runs from the sources (tests, through tsx) or from dist/ (`npm start`).
 */
import path from 'node:path';

// This file is <project>/core/project-files.ts, or <project>/dist/core/project-files.js once compiled.
const CORE_DIR =
  path.basename(path.dirname(__dirname)) === 'dist' ? path.join(__dirname, '..', '..', 'core') : __dirname;

/** The project folder (the one with package.json). */
export const PROJECT_DIR = path.dirname(CORE_DIR);

/** Absolute path of a file or folder shipped in the project, e.g. `projectFile('adapters/web/static')`. */
export function projectFile(...segments: string[]): string {
  return path.join(PROJECT_DIR, ...segments);
}
