/**
 * All-or-nothing terminal import with update-by-import. Pass 1 streams the file and checks every row
 * (site known, name and IP valid, no duplicate name or IP within the file, no IP another terminal holds,
 * readable encoding), matches it to the terminal of the same computer name and classifies it (追加 /
 * 更新 / 変更なし), collecting a Japanese error list per row and a token of the outcome; pass 2 (inside
 * the caller's transaction) streams the file again, writes the additions and updates in batches and
 * refuses the lot when its outcome's token differs from the one confirmed. Memory holds the names and
 * IPs seen and one batch, never the file. A terminal the file does not name is left as it is.
 */
import { KotaeError } from '../core';
import { TERMINAL_STATUS_LABELS, valueOfLabel } from './labels';
import { OPS_MESSAGES as M } from './messages';
import type { TerminalStore } from './ports';
import { terminalRecords, type CsvColumnKey, type CsvEncoding, type CsvRecord } from './terminal-csv';
import { ImportDigest, outcomeOf, type RowOutcome } from './terminal-import-plan';
import { checkTerminal, normaliseComputerName, normaliseIp } from './terminal-rules';
import type { FieldChange, Site, Terminal, TerminalInput } from './types';

/** One row's problems (line = the row's line in the file; the heading is line 1). */
export interface ImportRowError {
  line: number;
  computerName?: string;
  messages: string[];
}

/** A row that updates a terminal: its line, the terminal's name and the fields that change. */
export interface ImportRowChange {
  line: number;
  computerName: string;
  changes: FieldChange[];
}

/** What a file would do to the ledger, found without writing anything. */
export interface ImportPlan {
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  errorRows: number;
  /** The rows with problems (the first `maxListedErrors`; `errorRows` counts them all). */
  errors: ImportRowError[];
  /** The updates (the first `maxListedErrors`; `updated` counts them all). */
  changes: ImportRowChange[];
  /** Binds a confirmation to this file and this state of the ledger (64 hex digits). */
  token: string;
}

/**
 * The outcome of an import: written (`imported`, with the counts), refused for rows with problems
 * (nothing written), or shown for confirmation because it touches terminals already in the ledger.
 */
export type ImportResult =
  | { kind: 'imported'; encoding: CsvEncoding; added: number; updated: number; unchanged: number }
  | ({ kind: 'refused'; encoding: CsvEncoding } & ImportPlan)
  | ({ kind: 'preview'; encoding: CsvEncoding } & ImportPlan);

/** Limits of one import. */
export interface ImportLimits {
  maxRows: number;
  /** Rows with problems (and updates) listed; the counts cover them all. */
  maxListedErrors: number;
  batchSize: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxRows: 20_000, maxListedErrors: 1_000, batchSize: 500 };

/** A checked row; `name` and `ip` are the normalised values when well-formed (for the duplicate checks). */
type Checked = {
  line: number;
  input?: TerminalInput;
  messages: string[];
  raw: string;
  name?: string;
  ip?: string;
  columns: Set<CsvColumnKey>;
  statusGiven: boolean;
  outcome?: RowOutcome;
};

/** Turns one CSV record into a terminal input, or its problems. */
function checkRecord(r: CsvRecord, sitesByName: Map<string, Site>): Checked {
  const c = r.cells;
  const messages: string[] = [];
  const name = (c.computerName ?? '').trim();
  if (r.undecodable) messages.push(M.importEncodingInvalid);
  if (r.columnCountDiffers) messages.push('列の数が見出し行と違います。');
  const siteName = (c.site ?? '').trim();
  const site = sitesByName.get(siteName);
  if (siteName && !site) messages.push(M.siteUnknown(siteName));
  const statusText = (c.status ?? '').trim();
  const status = statusText ? valueOfLabel(TERMINAL_STATUS_LABELS, statusText) : 'active';
  if (!status) messages.push(M.statusInvalid(statusText));
  const checked = checkTerminal({
    computerName: c.computerName ?? '',
    ipAddress: c.ipAddress ?? '',
    macAddress: c.macAddress,
    model: c.model,
    os: c.os,
    osVersion: c.osVersion,
    siteId: site?.id ?? (siteName ? 'unknown' : ''),
    department: c.department,
    userName: c.userName,
    status: status ?? 'active',
  });
  if (!checked.ok) messages.push(...checked.problems);
  const input = checked.ok && messages.length === 0 ? checked.value : undefined;
  const normalised = normaliseComputerName(name);
  return {
    line: r.line,
    input,
    messages,
    raw: name,
    name: /^[A-Z0-9][A-Z0-9-]{0,14}$/.test(normalised) ? normalised : undefined,
    ip: normaliseIp(c.ipAddress ?? ''),
    columns: new Set(Object.keys(c) as CsvColumnKey[]),
    statusGiven: statusText !== '',
  };
}

const stale = () =>
  new KotaeError('CONFLICT', 'terminal import differs from its preview', { userMessage: M.importStale });

/** Runs the two passes over a file that `open()` streams from its start each time it is called. */
export class TerminalImport {
  constructor(
    private readonly store: TerminalStore,
    private readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  ) {}

  /** Pass 1: what the file would do (nothing is written). */
  async plan(
    open: () => AsyncIterable<Uint8Array>,
    encoding: CsvEncoding,
    sites: readonly Site[],
  ): Promise<ImportPlan> {
    const plan: Omit<ImportPlan, 'rows' | 'token'> = {
      added: 0,
      updated: 0,
      unchanged: 0,
      errorRows: 0,
      errors: [],
      changes: [],
    };
    const max = this.limits.maxListedErrors;
    const { rows, token } = await this.walk(open, encoding, sites, async (batch) => {
      for (const row of batch) {
        if (row.messages.length > 0 || !row.outcome) {
          plan.errorRows++;
          if (plan.errors.length < max)
            plan.errors.push({ line: row.line, computerName: row.raw || undefined, messages: row.messages });
        } else if (row.outcome.kind === 'add') plan.added++;
        else if (row.outcome.kind === 'same') plan.unchanged++;
        else {
          plan.updated++;
          const { before, changes } = row.outcome;
          if (plan.changes.length < max)
            plan.changes.push({ line: row.line, computerName: before.computerName, changes });
        }
      }
    });
    return { rows, ...plan, token };
  }

  /**
   * Pass 2 (inside the caller's transaction): writes the additions and updates in batches; CONFLICT
   * (the caller's transaction rolls back) when the outcome is no longer the one of `token`.
   */
  async apply(
    open: () => AsyncIterable<Uint8Array>,
    encoding: CsvEncoding,
    sites: readonly Site[],
    actor: string,
    token: string,
  ): Promise<{ added: number; updated: number; unchanged: number }> {
    const counts = { added: 0, updated: 0, unchanged: 0 };
    const result = await this.walk(open, encoding, sites, async (batch) => {
      const adds: TerminalInput[] = [];
      const updates: { before: Terminal; input: TerminalInput }[] = [];
      for (const row of batch) {
        if (row.messages.length > 0 || !row.outcome) throw stale();
        if (row.outcome.kind === 'add') adds.push(row.outcome.input);
        else if (row.outcome.kind === 'update') updates.push(row.outcome);
        else counts.unchanged++;
      }
      if (adds.length > 0) counts.added += (await this.store.insertMany(adds, actor, 'import')).length;
      if (updates.length > 0) counts.updated += await this.store.updateMany(updates, actor);
    });
    if (result.token !== token) throw stale();
    return counts;
  }

  /** Streams the file, checks and classifies each batch of rows, hands it to `visit`; returns the row count and token. */
  private async walk(
    open: () => AsyncIterable<Uint8Array>,
    encoding: CsvEncoding,
    sites: readonly Site[],
    visit: (batch: Checked[]) => Promise<void>,
  ): Promise<{ rows: number; token: string }> {
    const sitesByName = new Map(sites.map((s) => [s.name, s]));
    const digest = new ImportDigest();
    const names = new Map<string, number>();
    const ips = new Map<string, number>();
    let rows = 0;
    let batch: Checked[] = [];
    const flush = async () => {
      const valid = batch.flatMap((b) => (b.input ? [b.input] : []));
      const existing = new Map(
        (await this.store.byNames(valid.map((v) => v.computerName))).map((t) => [t.computerName, t]),
      );
      const taken = await this.store.taken(
        [],
        valid.map((v) => v.ipAddress),
      );
      for (const b of batch) {
        if (b.input) {
          const before = existing.get(b.input.computerName);
          const holder = taken.ips.get(b.input.ipAddress);
          // The IP of another terminal: moving an IP between terminals takes two imports (free it, then take it).
          if (holder !== undefined && holder !== before?.id) b.messages.push(M.duplicateIpInDb(b.input.ipAddress));
          else if (b.messages.length === 0) b.outcome = outcomeOf(b.input, before, b);
        }
        digest.row(b.line, b.outcome, b.messages);
      }
      await visit(batch);
      batch = [];
    };
    for await (const record of terminalRecords(digest.bytes(open()), encoding)) {
      rows++;
      if (rows > this.limits.maxRows)
        throw new KotaeError('INPUT_TOO_LARGE', `more than ${this.limits.maxRows} rows`, {
          userMessage: M.importTooManyRows(this.limits.maxRows),
        });
      const row = checkRecord(record, sitesByName);
      const nameLine = row.name === undefined ? undefined : names.get(row.name);
      const ipLine = row.ip === undefined ? undefined : ips.get(row.ip);
      if (row.name !== undefined && nameLine !== undefined)
        row.messages.push(M.duplicateNameInFile(row.name, nameLine));
      else if (row.name !== undefined) names.set(row.name, row.line);
      if (row.ip !== undefined && ipLine !== undefined) row.messages.push(M.duplicateIpInFile(row.ip, ipLine));
      else if (row.ip !== undefined) ips.set(row.ip, row.line);
      batch.push(row);
      if (batch.length >= this.limits.batchSize) await flush();
    }
    await flush();
    if (rows === 0) throw new KotaeError('INPUT_INVALID', 'csv without data rows', { userMessage: M.importEmpty });
    return { rows, token: digest.token(encoding) };
  }
}
