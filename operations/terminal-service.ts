/**
 * Terminals (端末): checked input, optimistic locking, a history entry for every change, audited
 * changes, the all-or-nothing CSV import and the streamed export, and the terminal a ticket names.
 */
import { KotaeError } from '../core';
import type { AuditTrail } from '../core';
import { OPS_MESSAGES as M } from './messages';
import type { SiteStore, TerminalQuery, TerminalStore, TicketTerminals } from './ports';
import { TERMINAL_STATUS_LABELS } from './labels';
import {
  csvLine,
  detectEncoding,
  encodeCsv,
  TERMINAL_CSV_COLUMNS,
  type CsvEncoding,
  type CsvEncodingChoice,
} from './terminal-csv';
import { DEFAULT_IMPORT_LIMITS, TerminalImport, type ImportLimits, type ImportResult } from './terminal-import';
import { checkTerminal, normaliseComputerName, normaliseIp, type RawTerminal } from './terminal-rules';
import type { Terminal, TerminalChange } from './types';

/** What TerminalService needs. */
export interface TerminalServiceDeps {
  terminals: TerminalStore;
  sites: SiteStore;
  ticketTerminals: TicketTerminals;
  audit: AuditTrail;
  importLimits?: ImportLimits;
}

/** Reads the first bytes of a source (encoding detection). */
async function sampleOf(source: AsyncIterable<Uint8Array>, bytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    parts.push(chunk);
    size += chunk.byteLength;
    if (size >= bytes) break;
  }
  return Buffer.concat(parts).subarray(0, bytes);
}

/** Works the terminal ledger on behalf of operators. */
export class TerminalService {
  private readonly importer: TerminalImport;

  constructor(private readonly deps: TerminalServiceDeps) {
    this.importer = new TerminalImport(deps.terminals, deps.importLimits ?? DEFAULT_IMPORT_LIMITS);
  }

  list(query: TerminalQuery): Promise<{ items: Terminal[]; total: number }> {
    return this.deps.terminals.list(query);
  }

  async get(id: string): Promise<Terminal> {
    const terminal = await this.deps.terminals.get(id);
    if (!terminal) throw new KotaeError('NOT_FOUND', `terminal ${id} not found`, { userMessage: M.terminalNotFound });
    return terminal;
  }

  history(id: string): Promise<TerminalChange[]> {
    return this.deps.terminals.history(id);
  }

  /** Checks a typed terminal: fields, known site, name and IP (when well-formed) not taken by another terminal. */
  private async checked(raw: RawTerminal, self?: string) {
    const result = checkTerminal(raw);
    const problems = result.ok ? [] : [...result.problems];
    if (raw.siteId && !(await this.deps.sites.get(raw.siteId))) problems.push(M.siteNotFound);
    const name = normaliseComputerName(raw.computerName);
    const ip = normaliseIp(raw.ipAddress);
    const taken = await this.deps.terminals.taken(name ? [name] : [], ip ? [ip] : []);
    const byName = taken.names.get(name);
    const byIp = ip ? taken.ips.get(ip) : undefined;
    if (byName && byName !== self) problems.push(M.duplicateNameInDb(name));
    if (byIp && byIp !== self) problems.push(M.duplicateIpInDb(ip as string));
    if (!result.ok || problems.length > 0)
      throw new KotaeError('INPUT_INVALID', 'invalid terminal', { userMessage: problems.join(' ') });
    return result.value;
  }

  async create(raw: RawTerminal, actor: string): Promise<Terminal> {
    const input = await this.checked(raw);
    return this.deps.audit.atomically(
      async () => (await this.deps.terminals.insertMany([input], actor, 'create'))[0],
      (t) => ({ actor, action: 'terminal.create', target: t.id, detail: { computerName: t.computerName } }),
    );
  }

  async update(id: string, version: number, raw: RawTerminal, actor: string): Promise<Terminal> {
    await this.get(id);
    // A form without its version (or a tampered one) cannot prove what it edited.
    if (!Number.isSafeInteger(version) || version < 1) throw new KotaeError('CONFLICT', `terminal ${id} bad version`);
    const input = await this.checked(raw, id);
    return this.deps.audit.atomically(
      () => this.deps.terminals.update(id, version, input, actor),
      (t) => ({ actor, action: 'terminal.update', target: t.id, detail: { computerName: t.computerName } }),
    );
  }

  async remove(id: string, actor: string): Promise<void> {
    const terminal = await this.get(id);
    await this.deps.audit.atomically(
      async () => {
        if (!(await this.deps.terminals.remove(id)))
          throw new KotaeError('CONFLICT', `terminal ${id} is referenced`, { userMessage: M.terminalInUse });
      },
      () => ({ actor, action: 'terminal.delete', target: id, detail: { computerName: terminal.computerName } }),
    );
  }

  /**
   * Imports a CSV that `open()` streams from its start (called up to three times): every row or none.
   * Rows with problems come back as a list (nothing written); a file that touches terminals already in
   * the ledger comes back as a preview unless `token` confirms that preview (CONFLICT when the file or
   * the ledger changed since); a file of new terminals only is written at once. A file that cannot be
   * read at all throws INPUT_INVALID. The write is one transaction with one audit entry (the counts);
   * `claim` runs first inside it (a kept file deleted with the write; it throws to write nothing).
   */
  async import(
    open: () => AsyncIterable<Uint8Array>,
    choice: CsvEncodingChoice,
    actor: string,
    token?: string,
    claim?: () => Promise<void>,
  ): Promise<ImportResult> {
    const encoding: CsvEncoding = choice === 'auto' ? detectEncoding(await sampleOf(open(), 64 * 1024)) : choice;
    const sites = await this.deps.sites.list();
    const plan = await this.importer.plan(open, encoding, sites);
    if (plan.errorRows > 0) return { kind: 'refused', encoding, ...plan };
    if (token === undefined && plan.added < plan.rows) return { kind: 'preview', encoding, ...plan };
    if (token !== undefined && token !== plan.token)
      throw new KotaeError('CONFLICT', 'terminal import token differs', { userMessage: M.importStale });
    if (plan.added + plan.updated === 0)
      return { kind: 'imported', encoding, added: 0, updated: 0, unchanged: plan.rows };
    const counts = await this.deps.audit.atomically(
      async () => {
        await claim?.();
        return this.importer.apply(open, encoding, sites, actor, plan.token);
      },
      (c) => ({ actor, action: 'terminal.import', detail: { count: c.added + c.updated, ...c, encoding } }),
    );
    return { kind: 'imported', encoding, ...counts };
  }

  /** The whole ledger as CSV chunks (UTF-8 with BOM, or Shift_JIS), read a page at a time. */
  async *export(encoding: CsvEncoding): AsyncIterable<Buffer> {
    const sites = new Map((await this.deps.sites.list()).map((s) => [s.id, s.name]));
    yield encodeCsv(csvLine(TERMINAL_CSV_COLUMNS.map((c) => c.label)), encoding, true);
    for await (const page of this.deps.terminals.pages(500)) {
      const text = page
        .map((t) =>
          csvLine([
            t.computerName,
            t.ipAddress,
            t.macAddress ?? '',
            t.model ?? '',
            t.os ?? '',
            t.osVersion ?? '',
            sites.get(t.siteId) ?? '',
            t.department ?? '',
            t.userName ?? '',
            TERMINAL_STATUS_LABELS[t.status],
          ]),
        )
        .join('');
      yield encodeCsv(text, encoding, false);
    }
  }

  /** Ids of the terminals with these computer names (any case), and the names no terminal has. */
  async idsByNames(names: readonly string[]): Promise<{ ids: string[]; unknown: string[] }> {
    const wanted = [...new Set(names.map((n) => n.trim().toUpperCase()).filter(Boolean))];
    const taken = await this.deps.terminals.taken(wanted, []);
    return {
      ids: wanted.flatMap((n) => (taken.names.has(n) ? [taken.names.get(n) as string] : [])),
      unknown: wanted.filter((n) => !taken.names.has(n)),
    };
  }

  /** The terminal a ticket names, if any. */
  async terminalOfTicket(ticketId: string): Promise<Terminal | undefined> {
    const id = await this.deps.ticketTerminals.terminalOf(ticketId);
    return id ? this.deps.terminals.get(id) : undefined;
  }

  /** Names (or, with an empty id, clears) the terminal of a ticket; audited. */
  async setTicketTerminal(ticket: { id: string; number: string }, terminalId: string, actor: string): Promise<void> {
    const terminal = terminalId ? await this.get(terminalId) : undefined;
    await this.deps.audit.atomically(
      () => this.deps.ticketTerminals.set(ticket.id, terminal?.id, actor),
      () => ({
        actor,
        action: 'ticket.terminal',
        target: ticket.number,
        detail: { computerName: terminal?.computerName ?? null },
      }),
    );
  }

  /** Ids of the tickets that name a terminal, newest first. */
  ticketsOf(terminalId: string): Promise<string[]> {
    return this.deps.ticketTerminals.ticketsOf(terminalId);
  }
}
