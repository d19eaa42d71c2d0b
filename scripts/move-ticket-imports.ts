/**
 * Codemod for issue 17 point 9 "the ticket records and ports live with tickets/": rewrites imports
 * and re-exports of the moved symbols from bot/ (its index, records.ts or ports.ts) to their new
 * folder — the ticket records and ports to tickets/, the conversation records and ports that bot/ and
 * tickets/ share to conversations/ (below both, so bot/ → tickets/ → conversations/ has no cycle).
 * Outside the new home a file imports the folder's index; inside it, the file itself.
 *
 *   npx tsx scripts/move-ticket-imports.ts           # list the imports that still name bot/ for them
 *   npx tsx scripts/move-ticket-imports.ts --write   # rewrite them (then run prettier on the files)
 *   npx tsx scripts/move-ticket-imports.ts --list    # print each moved symbol: old module → new module
 *
 * Safe to run again, e.g. on a branch written before the move and merged after it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');

/** Where each moved symbol lives now: folder and file (without .ts). Old home: bot/records.ts or bot/ports.ts. */
export const MOVED: Readonly<Record<string, { folder: 'tickets' | 'conversations'; file: 'records' | 'ports' }>> = {
  // bot/records.ts → tickets/records.ts
  TicketStatus: { folder: 'tickets', file: 'records' },
  TICKET_STATUSES: { folder: 'tickets', file: 'records' },
  TicketType: { folder: 'tickets', file: 'records' },
  TICKET_TYPES: { folder: 'tickets', file: 'records' },
  TicketPriority: { folder: 'tickets', file: 'records' },
  TICKET_PRIORITIES: { folder: 'tickets', file: 'records' },
  TicketRecord: { folder: 'tickets', file: 'records' },
  NewTicket: { folder: 'tickets', file: 'records' },
  OPEN_TICKET_STATUSES: { folder: 'tickets', file: 'records' },
  // bot/ports.ts → tickets/ports.ts
  TicketQuery: { folder: 'tickets', file: 'ports' },
  TICKET_ORDER_COLUMNS: { folder: 'tickets', file: 'ports' },
  TicketOrderColumn: { folder: 'tickets', file: 'ports' },
  TicketPatch: { folder: 'tickets', file: 'ports' },
  TicketCommentKind: { folder: 'tickets', file: 'ports' },
  TicketComment: { folder: 'tickets', file: 'ports' },
  TicketEvent: { folder: 'tickets', file: 'ports' },
  TicketStore: { folder: 'tickets', file: 'ports' },
  RequesterIntent: { folder: 'tickets', file: 'ports' },
  TicketDesk: { folder: 'tickets', file: 'ports' },
  // bot/records.ts → conversations/records.ts
  ChannelKind: { folder: 'conversations', file: 'records' },
  CHANNEL_KINDS: { folder: 'conversations', file: 'records' },
  Outcome: { folder: 'conversations', file: 'records' },
  OUTCOMES: { folder: 'conversations', file: 'records' },
  Requester: { folder: 'conversations', file: 'records' },
  SourceRef: { folder: 'conversations', file: 'records' },
  ConversationRecord: { folder: 'conversations', file: 'records' },
  QuestionRecord: { folder: 'conversations', file: 'records' },
  TranscriptRole: { folder: 'conversations', file: 'records' },
  TranscriptEntry: { folder: 'conversations', file: 'records' },
  FeedbackRecord: { folder: 'conversations', file: 'records' },
  BotReply: { folder: 'conversations', file: 'records' },
  BotAction: { folder: 'conversations', file: 'records' },
  BOT_ACTIONS: { folder: 'conversations', file: 'records' },
  // bot/ports.ts → conversations/ports.ts
  ConversationStore: { folder: 'conversations', file: 'ports' },
  ChannelSender: { folder: 'conversations', file: 'ports' },
};

const OLD_HOMES = new Set(['bot', 'bot/index', 'bot/records', 'bot/ports'].map((p) => path.join(ROOT, p)));
const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', 'test-artifacts']);

function listFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.') && !e.name.startsWith('dist.')) listFiles(p, out);
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** True when `spec`, imported from `file`, names bot/'s index, records.ts or ports.ts. */
function namesOldHome(file: string, spec: string): boolean {
  if (!spec.startsWith('.')) return false;
  const abs = path.resolve(path.dirname(file), spec).replace(/\.(js|ts)$/, '');
  return OLD_HOMES.has(abs);
}

/** The specifier `file` uses for a symbol's new home: its file inside the folder, else the folder. */
function newSpec(file: string, home: { folder: string; file: string }): string {
  const folder = path.join(ROOT, home.folder);
  const inside = path.dirname(file) === folder;
  let r = path
    .relative(path.dirname(file), inside ? path.join(folder, home.file) : folder)
    .split(path.sep)
    .join('/');
  if (!r.startsWith('.')) r = './' + r;
  return r;
}

/** The rewritten text of one declaration, or undefined when it imports nothing that moved. */
function rewrite(file: string, sf: ts.SourceFile, st: ts.ImportDeclaration | ts.ExportDeclaration): string | undefined {
  const spec = (st.moduleSpecifier as ts.StringLiteral).text;
  let elements: readonly (ts.ImportSpecifier | ts.ExportSpecifier)[];
  let head: string;
  if (ts.isImportDeclaration(st)) {
    const clause = st.importClause;
    if (!clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) return undefined;
    elements = clause.namedBindings.elements;
    head = clause.isTypeOnly ? 'import type' : 'import';
  } else {
    if (!st.exportClause || !ts.isNamedExports(st.exportClause)) return undefined;
    elements = st.exportClause.elements;
    head = st.isTypeOnly ? 'export type' : 'export';
  }
  const groups = new Map<string, string[]>();
  const kept: string[] = [];
  for (const el of elements) {
    const home = MOVED[(el.propertyName ?? el.name).text];
    if (!home) {
      kept.push(el.getText(sf));
      continue;
    }
    const to = newSpec(file, home);
    groups.set(to, [...(groups.get(to) ?? []), el.getText(sf)]);
  }
  if (groups.size === 0) return undefined;
  const decl = (names: string[], from: string): string => `${head} { ${names.join(', ')} } from '${from}';`;
  const out = kept.length > 0 ? [decl(kept, spec)] : [];
  for (const [to, names] of [...groups].sort(([a], [b]) => a.localeCompare(b))) out.push(decl(names, to));
  return out.join('\n');
}

function main(): void {
  if (process.argv.includes('--list')) {
    for (const [name, home] of Object.entries(MOVED)) {
      const old = home.file === 'records' ? 'bot/records.ts' : 'bot/ports.ts';
      console.log(`${name}\t${old} → ${home.folder}/${home.file}.ts`);
    }
    return;
  }
  const write = process.argv.includes('--write');
  let count = 0;
  for (const file of listFiles(ROOT)) {
    const text = fs.readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const edits: { start: number; end: number; text: string }[] = [];
    for (const st of sf.statements) {
      if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st))) continue;
      const ms = st.moduleSpecifier;
      if (!ms || !ts.isStringLiteral(ms) || !namesOldHome(file, ms.text)) continue;
      const next = rewrite(file, sf, st);
      if (next !== undefined) edits.push({ start: st.getStart(sf), end: st.getEnd(), text: next });
    }
    if (edits.length === 0) continue;
    count += edits.length;
    const rel = path.relative(ROOT, file);
    if (!write) {
      console.log(`${rel}: ${edits.length} import(s) of moved symbols from bot/`);
      continue;
    }
    let next = text;
    for (const e of edits.reverse()) next = next.slice(0, e.start) + e.text + next.slice(e.end);
    fs.writeFileSync(file, next);
    console.log(`rewrote ${rel}`);
  }
  console.log(`${count} declaration(s) ${write ? 'rewritten' : 'still import moved symbols from bot/'}`);
  if (!write) process.exitCode = count > 0 ? 1 : 0;
}

main();
