/**
 * How one CSV row meets the ledger (update-by-import). Rows match terminals by computer name (stored
 * upper-case, so any case matches): a row without a terminal adds one; a row with one updates only the
 * columns the file has — an empty optional cell clears the field, an empty 状態 keeps it — or changes
 * nothing. The digest of every row's outcome and of the file's bytes is the token a confirmation posts.
 */
import { createHash } from 'node:crypto';
import type { CsvColumnKey, CsvEncoding } from './terminal-csv';
import type { FieldChange, Terminal, TerminalInput } from './types';

/** The fields of a terminal, in the order history entries and previews list them. */
export const TERMINAL_FIELDS: readonly (keyof TerminalInput)[] = [
  'computerName',
  'ipAddress',
  'macAddress',
  'model',
  'os',
  'osVersion',
  'siteId',
  'department',
  'userName',
  'status',
];

/** The fields that differ between two versions of a terminal (before undefined: a new terminal). */
export function terminalChanges(before: TerminalInput | undefined, after: TerminalInput): FieldChange[] {
  return TERMINAL_FIELDS.filter((f) => (before?.[f] ?? '') !== (after[f] ?? '')).map((field) => ({
    field,
    before: before?.[field] || undefined,
    after: after[field] || undefined,
  }));
}

/** What a row does to the ledger. */
export type RowOutcome =
  | { kind: 'add'; input: TerminalInput }
  | { kind: 'update'; before: Terminal; input: TerminalInput; changes: FieldChange[] }
  | { kind: 'same'; before: Terminal };

/** The columns a file has, and whether this row's 状態 cell is filled in. */
export interface RowColumns {
  columns: ReadonlySet<CsvColumnKey>;
  statusGiven: boolean;
}

/** The terminal after the row: the file's columns over the ledger's values (a missing column keeps its value). */
export function mergedTerminal(before: Terminal, row: TerminalInput, cols: RowColumns): TerminalInput {
  const take = <K extends keyof TerminalInput>(field: K, column: CsvColumnKey): TerminalInput[K] =>
    cols.columns.has(column) ? row[field] : before[field];
  return {
    computerName: before.computerName,
    ipAddress: take('ipAddress', 'ipAddress'),
    macAddress: take('macAddress', 'macAddress'),
    model: take('model', 'model'),
    os: take('os', 'os'),
    osVersion: take('osVersion', 'osVersion'),
    siteId: take('siteId', 'site'),
    department: take('department', 'department'),
    userName: take('userName', 'userName'),
    status: cols.statusGiven ? row.status : before.status,
  };
}

/** The outcome of a checked row against the terminal of the same name, if any. */
export function outcomeOf(row: TerminalInput, before: Terminal | undefined, cols: RowColumns): RowOutcome {
  if (!before) return { kind: 'add', input: row };
  const input = mergedTerminal(before, row, cols);
  const changes = terminalChanges(before, input);
  return changes.length === 0 ? { kind: 'same', before } : { kind: 'update', before, input, changes };
}

/** The token of an import: a digest of the file's bytes, its encoding and every row's outcome. */
export class ImportDigest {
  private readonly file = createHash('sha256');
  private readonly rows = createHash('sha256');

  /** Passes the file's bytes through, adding them to the digest. */
  async *bytes(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
    for await (const chunk of source) {
      this.file.update(chunk);
      yield chunk;
    }
  }

  /** Adds a row's outcome (or its problems); a terminal's version makes a token stale once it changes. */
  row(line: number, outcome: RowOutcome | undefined, messages: readonly string[]): void {
    const entry = !outcome
      ? ['error', messages]
      : outcome.kind === 'add'
        ? ['add', outcome.input]
        : outcome.kind === 'update'
          ? ['update', outcome.before.id, outcome.before.version, outcome.changes]
          : ['same', outcome.before.id, outcome.before.version];
    this.rows.update(`${JSON.stringify([line, ...entry])}\n`);
  }

  /** The token (64 hex digits); call once, after the whole file was read. */
  token(encoding: CsvEncoding): string {
    return createHash('sha256')
      .update(`kotae-terminal-import-v1\n${encoding}\n${this.file.digest('hex')}\n${this.rows.digest('hex')}`)
      .digest('hex');
  }
}
