/**
 * All-or-nothing terminal import. Pass 1 streams the file and checks every row (site known, name
 * and IP valid, no duplicate within the file or against the ledger, readable encoding) and collects a
 * Japanese error list per row; only when no row has a problem, pass 2 streams the file again and
 * inserts the rows in batches inside one transaction. Memory holds the names and IPs seen (for the
 * duplicate check) and one batch, never the file.
 */
import { KotaeError } from '../core';
import { TERMINAL_STATUS_LABELS, valueOfLabel } from './labels';
import { OPS_MESSAGES as M } from './messages';
import type { TerminalStore } from './ports';
import { terminalRecords, type CsvEncoding, type CsvRecord } from './terminal-csv';
import { checkTerminal, normaliseComputerName, normaliseIp } from './terminal-rules';
import type { Site, TerminalInput } from './types';

/** One row's problems (line = the row's line in the file; the heading is line 1). */
export interface ImportRowError {
  line: number;
  computerName?: string;
  messages: string[];
}

/** The outcome of an import: every row stored, or none and the list of rows with problems. */
export type ImportResult =
  | { ok: true; imported: number; encoding: CsvEncoding }
  | { ok: false; rows: number; errorRows: number; errors: ImportRowError[]; encoding: CsvEncoding };

/** Limits of one import. */
export interface ImportLimits {
  maxRows: number;
  /** Rows with problems listed (the count covers them all). */
  maxListedErrors: number;
  batchSize: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxRows: 20_000, maxListedErrors: 1_000, batchSize: 500 };

/** A checked row; `name` and `ip` are the normalised values when well-formed (for the duplicate checks). */
type Checked = { line: number; input?: TerminalInput; messages: string[]; raw: string; name?: string; ip?: string };

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
  };
}

/** Runs the two passes over a file that `open()` streams from its start each time it is called. */
export class TerminalImport {
  constructor(
    private readonly store: TerminalStore,
    private readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  ) {}

  /** Pass 1: the rows with problems (empty when the file can be imported) and the row count. */
  async check(
    open: () => AsyncIterable<Uint8Array>,
    encoding: CsvEncoding,
    sites: readonly Site[],
  ): Promise<{ rows: number; errorRows: number; errors: ImportRowError[] }> {
    const sitesByName = new Map(sites.map((s) => [s.name, s]));
    const names = new Map<string, number>();
    const ips = new Map<string, number>();
    const errors: ImportRowError[] = [];
    let errorRows = 0;
    let rows = 0;
    let batch: Checked[] = [];
    const report = (row: Checked) => {
      if (row.messages.length === 0) return;
      errorRows++;
      if (errors.length < this.limits.maxListedErrors)
        errors.push({ line: row.line, computerName: row.raw || undefined, messages: row.messages });
    };
    const flush = async () => {
      const valid = batch.filter((b) => b.input);
      const taken = await this.store.taken(
        valid.map((b) => b.input!.computerName),
        valid.map((b) => b.input!.ipAddress),
      );
      for (const b of batch) {
        if (b.input && taken.names.has(b.input.computerName))
          b.messages.push(M.duplicateNameInDb(b.input.computerName));
        if (b.input && taken.ips.has(b.input.ipAddress)) b.messages.push(M.duplicateIpInDb(b.input.ipAddress));
        report(b);
      }
      batch = [];
    };
    for await (const record of terminalRecords(open(), encoding)) {
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
    return { rows, errorRows, errors };
  }

  /** Pass 2 (inside the caller's transaction): inserts every row in batches; returns the count. */
  async insert(
    open: () => AsyncIterable<Uint8Array>,
    encoding: CsvEncoding,
    sites: readonly Site[],
    actor: string,
  ): Promise<number> {
    const sitesByName = new Map(sites.map((s) => [s.name, s]));
    let batch: TerminalInput[] = [];
    let count = 0;
    for await (const record of terminalRecords(open(), encoding)) {
      const row = checkRecord(record, sitesByName);
      if (!row.input) throw new KotaeError('CONFLICT', `row ${row.line} changed between the passes`);
      batch.push(row.input);
      if (batch.length >= this.limits.batchSize) {
        count += (await this.store.insertMany(batch, actor, 'import')).length;
        batch = [];
      }
    }
    if (batch.length > 0) count += (await this.store.insertMany(batch, actor, 'import')).length;
    return count;
  }
}
