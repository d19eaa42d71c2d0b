'use strict';
/**
 * Compiles the TypeScript sources into dist/ with esbuild: one CommonJS file per source file, in the
 * same folder layout, the same transform tsx applies when the tests run the sources (tsx is esbuild),
 * so production runs what the tests ran. Type checking stays with `npm run typecheck`.
 *
 * `npm run build` (also npm ci's `prepare` step) builds now; bin/kotae.js calls {@link ensureBuild}
 * and builds only when dist/ is missing or older than the sources. A build is written into a
 * temporary folder and renamed into place, so a half-written dist/ is never run.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = '.build-stamp';
/** Folders type-checked but not part of the application: they run from the sources through tsx. */
const NOT_SHIPPED = new Set(['test', 'bench', 'scripts']);
/** The folders that make up the application: those tsconfig.json type-checks, less the ones above. */
const SOURCE_DIRS = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')).include.filter(
  (dir) => !NOT_SHIPPED.has(dir),
);
const CONFIG_FILES = ['package.json', 'tsconfig.json', 'scripts/build.js'];

/** Every source file and folder of the application (folders: an added or deleted file changes their time). */
function sourceEntries() {
  const files = [];
  const dirs = [];
  const walk = (dir) => {
    dirs.push(dir);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  for (const dir of SOURCE_DIRS) walk(path.join(ROOT, dir));
  return { files, dirs };
}

/** Why dist/ must be (re)built, or undefined when it is up to date. */
function staleReason() {
  let built;
  try {
    built = fs.statSync(path.join(DIST, STAMP)).mtimeMs;
  } catch {
    return 'dist/ is missing';
  }
  const { files, dirs } = sourceEntries();
  const inputs = [...files, ...dirs, ...CONFIG_FILES.map((f) => path.join(ROOT, f))];
  const newer = inputs.find((f) => fs.statSync(f).mtimeMs > built);
  return newer ? `${path.relative(ROOT, newer) || '.'} is newer than dist/` : undefined;
}

/** Compiles every source file into dist/ (replacing it); returns the number of files written. */
function build() {
  const esbuild = require('esbuild');
  const { files } = sourceEntries();
  const tmp = `${DIST}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  esbuild.buildSync({
    entryPoints: files,
    outdir: tmp,
    outbase: ROOT,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    // Keep `import()` native (pdfjs-dist is an ES module); esbuild would turn it into require().
    supported: { 'dynamic-import': true },
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(tmp, STAMP), `${new Date().toISOString()}\n`);
  const old = `${DIST}.old-${process.pid}`;
  if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
  try {
    fs.renameSync(tmp, DIST);
  } catch (err) {
    // Another process built it at the same moment: keep theirs.
    if (!fs.existsSync(DIST)) throw err;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // The old build goes in the background: the start does not wait for it.
  fs.rm(old, { recursive: true, force: true }, () => {});
  return files.length;
}

/** Builds dist/ when missing or older than the sources, saying so through `log`. */
function ensureBuild(log) {
  const reason = staleReason();
  if (!reason) return;
  log(`${reason}: compiling the sources into dist/ (esbuild)`);
  const started = Date.now();
  const count = build();
  log(`compiled ${count} files into dist/ in ${Date.now() - started} ms`);
}

module.exports = { ensureBuild, build, staleReason, DIST };

if (require.main === module) {
  const started = Date.now();
  const count = build();
  process.stdout.write(`build: ${count} files compiled into dist/ in ${Date.now() - started} ms\n`);
}
