/**
 * Codemod for the folder rule "every folder is entered only through its index.ts" (issue 17
 * point 9). A file outside a folder imports that folder's index, never a file inside it; files
 * inside a folder import each other directly. `adapters/` is a namespace, not a folder.
 *
 *   npx tsx scripts/folder-entry.ts           # report the imports that break the rule
 *   npx tsx scripts/folder-entry.ts --write   # rewrite them and add the missing re-exports
 *
 * Dynamic `import()` is left alone: it is how heavy modules are loaded when first used.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT, entryFolder, resolveSpec } from './folder-entry-rule.mjs';

/** The application's folders: those tsconfig.json type-checks, less tests, benchmarks and scripts. */
const SOURCE_DIRS: string[] = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] }
).include.filter((d) => !['test', 'bench', 'scripts'].includes(d));
const rel = (abs: string): string => path.relative(ROOT, abs).split(path.sep).join('/');

function listFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) listFiles(p, out);
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface Violation {
  file: string;
  node: ts.ImportDeclaration | ts.ExportDeclaration;
  spec: string;
  target: string;
  entry: string;
}

function relativeSpec(fromFile: string, toDir: string): string {
  let r = path.relative(path.dirname(fromFile), toDir).split(path.sep).join('/');
  if (!r.startsWith('.')) r = './' + r;
  return r;
}

function findViolations(files: string[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const st of sf.statements) {
      if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st))) continue;
      const ms = st.moduleSpecifier;
      if (!ms || !ts.isStringLiteral(ms) || !ms.text.startsWith('.')) continue;
      const target = resolveSpec(file, ms.text);
      if (!target) continue;
      const entry = entryFolder(file, target);
      if (entry) out.push({ file, node: st, spec: ms.text, target, entry });
    }
  }
  return out;
}

/** Names a module exports (values and types), through its re-exports. */
function exportedNames(checker: ts.TypeChecker, program: ts.Program, file: string): Set<string> {
  const sf = program.getSourceFile(file);
  if (!sf) return new Set();
  const sym = checker.getSymbolAtLocation(sf);
  return new Set(sym ? checker.getExportsOfModule(sym).map((s) => s.name) : []);
}

function main(): void {
  const write = process.argv.includes('--write');
  const files = [...new Set(SOURCE_DIRS)].flatMap((d) => listFiles(path.join(ROOT, d)));
  const violations = findViolations(files);
  if (!write) {
    for (const v of violations) console.log(`${rel(v.file)}: '${v.spec}' → ${rel(v.entry)}/index.ts`);
    console.log(`${violations.length} imports enter a folder past its index.ts`);
    process.exitCode = violations.length > 0 ? 1 : 0;
    return;
  }
  // 1. Every entry folder gets an index.ts.
  for (const dir of new Set(violations.map((v) => v.entry))) {
    const index = path.join(dir, 'index.ts');
    if (!fs.existsSync(index)) fs.writeFileSync(index, `/** The ${rel(dir)} folder's public entry. */\n`);
  }
  // 2. Each entry index re-exports what outsiders take from its files (through sub-indexes).
  const program = ts.createProgram(files.concat([...new Set(violations.map((v) => path.join(v.entry, 'index.ts')))]), {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    experimentalDecorators: true,
    esModuleInterop: true,
    resolveJsonModule: true,
  });
  const checker = program.getTypeChecker();
  /** index file → lines to append */
  const additions = new Map<string, Set<string>>();
  const have = new Map<string, Set<string>>();
  const provided = (index: string): Set<string> => {
    let s = have.get(index);
    if (!s) {
      s = exportedNames(checker, program, index);
      have.set(index, s);
    }
    return s;
  };
  const collisions: string[] = [];
  const ensureExport = (entry: string, target: string, name: string, typeOnly: boolean): void => {
    const index = path.join(entry, 'index.ts');
    if (provided(index).has(name)) return;
    // Route through the next folder's index if the target sits deeper than the entry folder.
    const sub = path.relative(entry, path.dirname(target)).split(path.sep)[0];
    let from: string;
    if (sub && sub !== '' && sub !== '..' && !sub.startsWith('.')) {
      const subDir = path.join(entry, sub);
      const subIndex = path.join(subDir, 'index.ts');
      if (!fs.existsSync(subIndex)) fs.writeFileSync(subIndex, `/** The ${rel(subDir)} folder's public entry. */\n`);
      if (subIndex !== target) ensureExport(subDir, target, name, typeOnly);
      from = './' + sub;
    } else {
      from = './' + path.basename(target, '.ts');
    }
    const line = typeOnly ? `export type { ${name} } from '${from}';` : `export { ${name} } from '${from}';`;
    let set = additions.get(index);
    if (!set) additions.set(index, (set = new Set()));
    for (const existing of set) {
      const m = /\{ (\S+) \} from '(.+)'/.exec(existing);
      if (m && m[1] === name && m[2] !== from) collisions.push(`${rel(index)}: ${name} from ${m[2]} and ${from}`);
    }
    if (typeOnly && set.has(line.replace('export type {', 'export {'))) return;
    if (!typeOnly) set.delete(line.replace('export {', 'export type {'));
    set.add(line);
  };
  const isTypeOnlySymbol = (target: string, name: string): boolean => {
    const sf = program.getSourceFile(target);
    const modSym = sf && checker.getSymbolAtLocation(sf);
    const exp = modSym && checker.getExportsOfModule(modSym).find((s) => s.name === name);
    if (!exp) return false;
    const real = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    return (real.flags & ts.SymbolFlags.Value) === 0;
  };
  const edits = new Map<string, { start: number; end: number; text: string }[]>();
  for (const v of violations) {
    const st = v.node;
    const names: { name: string; typeOnly: boolean }[] = [];
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      if (!clause) continue; // side-effect import: leave
      if (clause.name) {
        console.log(`skip default import in ${rel(v.file)} from '${v.spec}'`);
        continue;
      }
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) {
        console.log(`skip namespace import in ${rel(v.file)} from '${v.spec}'`);
        continue;
      }
      for (const el of nb?.elements ?? []) {
        const name = (el.propertyName ?? el.name).text;
        names.push({ name, typeOnly: clause.isTypeOnly || el.isTypeOnly || isTypeOnlySymbol(v.target, name) });
      }
    } else {
      const ec = st.exportClause;
      if (!ec || !ts.isNamedExports(ec)) {
        console.log(`skip export * in ${rel(v.file)} from '${v.spec}'`);
        continue;
      }
      for (const el of ec.elements) {
        const name = (el.propertyName ?? el.name).text;
        names.push({ name, typeOnly: st.isTypeOnly || el.isTypeOnly || isTypeOnlySymbol(v.target, name) });
      }
    }
    for (const n of names) ensureExport(v.entry, v.target, n.name, n.typeOnly);
    const ms = st.moduleSpecifier as ts.StringLiteral;
    const list = edits.get(v.file) ?? [];
    list.push({ start: ms.getStart() + 1, end: ms.getEnd() - 1, text: relativeSpec(v.file, v.entry) });
    edits.set(v.file, list);
  }
  for (const [index, lines] of additions) {
    const before = fs.readFileSync(index, 'utf8');
    fs.writeFileSync(index, before.replace(/\n*$/, '\n') + [...lines].sort().join('\n') + '\n');
  }
  for (const [file, list] of edits) {
    let text = fs.readFileSync(file, 'utf8');
    for (const e of list.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    fs.writeFileSync(file, text);
  }
  for (const index of additions.keys()) tidyIndex(index);
  for (const c of collisions) console.log(`name collision: ${c}`);
  console.log(`${violations.length} imports rewritten in ${edits.size} files; ${additions.size} index files extended`);
}

/** Merges the one-name re-exports of an index into one statement per module, at its first place. */
function tidyIndex(index: string): void {
  const lines = fs.readFileSync(index, 'utf8').split('\n');
  const single = /^export (type )?\{ ([\w$]+) \} from '([^']+)';$/;
  const byModule = new Map<string, { first: number; names: string[] }>();
  lines.forEach((line, i) => {
    const m = single.exec(line);
    if (!m) return;
    const entry = byModule.get(m[3]) ?? { first: i, names: [] };
    entry.names.push(m[1] ? `type ${m[2]}` : m[2]);
    byModule.set(m[3], entry);
  });
  const out: string[] = [];
  lines.forEach((line, i) => {
    const m = single.exec(line);
    if (!m) return void out.push(line);
    const entry = byModule.get(m[3]);
    if (!entry || entry.first !== i) return;
    const names = [...new Set(entry.names)].sort((a, b) =>
      a.replace('type ', '').localeCompare(b.replace('type ', '')),
    );
    const values = names.filter((n) => !n.startsWith('type ') || !names.includes(n.slice(5)));
    out.push(`export { ${values.join(', ')} } from '${m[3]}';`);
  });
  fs.writeFileSync(index, out.join('\n'));
}

if (process.argv.includes('--tidy')) {
  for (const index of process.argv.slice(process.argv.indexOf('--tidy') + 1)) tidyIndex(index);
} else {
  main();
}
