// The folder rule of issue 17 point 9: a file outside a folder enters it only through its index.ts;
// files inside a folder import each other directly. `adapters/` only groups folders. Dynamic
// import() is exempt (heavy modules are loaded when first used). Used by eslint.config.mjs and by
// the codemod scripts/folder-entry.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Folders that only group other folders and have no index of their own. */
export const NAMESPACES = new Set(['adapters']);

const rel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');

/** The file a relative specifier names, or undefined. */
export function resolveSpec(fromFile, spec) {
  const p = path.resolve(path.dirname(fromFile), spec);
  for (const c of [p + '.ts', path.join(p, 'index.ts'), p]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return undefined;
}

/**
 * The folder whose index.ts `fromFile` must import to reach `target`, or undefined when the import
 * is allowed as written (same folder, a folder containing the importer, or already an index).
 */
export function entryFolder(fromFile, target) {
  const fromDir = path.dirname(fromFile);
  let dir = path.dirname(target);
  let entry;
  while (rel(dir) !== '' && !rel(dir).startsWith('..') && !(fromDir + path.sep).startsWith(dir + path.sep)) {
    if (!NAMESPACES.has(rel(dir))) entry = dir;
    dir = path.dirname(dir);
  }
  if (!entry || path.join(entry, 'index.ts') === target) return undefined;
  return entry;
}

/** eslint rule `kotae/folder-entry`. */
export const folderEntryRule = {
  meta: {
    type: 'problem',
    messages: { past: "'{{spec}}' enters {{folder}}/ past its index.ts: import '{{fix}}' instead." },
    schema: [],
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolveSpec(file, spec);
      if (!target) return;
      const entry = entryFolder(file, target);
      if (!entry) return;
      let fix = path.relative(path.dirname(file), entry).split(path.sep).join('/');
      if (!fix.startsWith('.')) fix = './' + fix;
      context.report({ node: node.source, messageId: 'past', data: { spec, folder: rel(entry), fix } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export const folderEntryPlugin = { rules: { 'folder-entry': folderEntryRule } };
