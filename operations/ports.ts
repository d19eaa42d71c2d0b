/** Ports of the operations ledger; db/ implements them (SQL), the composition root wires them. */
import type {
  Campaign,
  CampaignInput,
  CampaignTarget,
  Site,
  SiteInput,
  TargetState,
  Terminal,
  TerminalChange,
  TerminalInput,
} from './types';

/** Sites (拠点). */
export interface SiteStore {
  list(): Promise<Site[]>;
  get(id: string): Promise<Site | undefined>;
  /** CONFLICT when the name is taken. */
  create(input: SiteInput): Promise<Site>;
  /** CONFLICT when the name is taken; NOT_FOUND when the site is gone. */
  update(id: string, input: SiteInput): Promise<Site>;
  /** Removes a site; false when it still has terminals (nothing removed). */
  remove(id: string): Promise<boolean>;
}

/** Filters of the terminal list. */
export interface TerminalQuery {
  siteId?: string;
  /** Part of the computer name, IP address, user or department. */
  text?: string;
  limit?: number;
  offset?: number;
}

/** Terminals (端末) and their history. */
export interface TerminalStore {
  list(query: TerminalQuery): Promise<{ items: Terminal[]; total: number }>;
  get(id: string): Promise<Terminal | undefined>;
  /** Terminals by id (missing ids are left out). */
  getMany(ids: readonly string[]): Promise<Terminal[]>;
  /** Ids of the terminals at these sites. */
  idsAtSites(siteIds: readonly string[]): Promise<string[]>;
  /** Which of these (normalised) computer names and IP addresses are taken, and by which terminal. */
  taken(
    names: readonly string[],
    ips: readonly string[],
  ): Promise<{ names: Map<string, string>; ips: Map<string, string> }>;
  /** Terminals by (normalised, upper-case) computer name; unknown names are left out. */
  byNames(names: readonly string[]): Promise<Terminal[]>;
  /** Inserts terminals with one history entry each; CONFLICT when a name or IP is taken. */
  insertMany(inputs: readonly TerminalInput[], actor: string, action: 'create' | 'import'): Promise<Terminal[]>;
  /** Saves the changed fields (version check: CONFLICT when stale) and the history entry. */
  update(id: string, version: number, input: TerminalInput, actor: string): Promise<Terminal>;
  /**
   * Saves terminals changed by a CSV import, each conditional on the version it was read at (CONFLICT
   * when one is stale or a new IP is taken), with one `import_update` history entry each; returns the count.
   */
  updateMany(updates: readonly { before: Terminal; input: TerminalInput }[], actor: string): Promise<number>;
  /** Deletes a terminal; false when a ticket or campaign refers to it (nothing deleted). */
  remove(id: string): Promise<boolean>;
  /** The terminal's history, newest first. */
  history(id: string): Promise<TerminalChange[]>;
  /** Every terminal in pages of `size`, ordered by site and computer name (exports). */
  pages(size: number): AsyncIterable<Terminal[]>;
}

/** The terminal a ticket concerns (at most one per ticket). */
export interface TicketTerminals {
  /** Sets or clears (terminalId undefined) the ticket's terminal. */
  set(ticketId: string, terminalId: string | undefined, actor: string): Promise<void>;
  terminalOf(ticketId: string): Promise<string | undefined>;
  /** Ids of the tickets naming the terminal, newest link first. */
  ticketsOf(terminalId: string): Promise<string[]>;
}

/** Campaigns and their per-terminal targets. */
export interface CampaignStore {
  create(
    input: CampaignInput,
    targets: readonly Pick<CampaignTarget, 'terminalId' | 'siteId' | 'computerName'>[],
    actor: string,
  ): Promise<Campaign>;
  get(id: string): Promise<Campaign | undefined>;
  /** Newest first. */
  list(limit: number): Promise<Campaign[]>;
  /** Campaigns whose window overlaps [from, to), oldest first. */
  overlapping(from: Date, to: Date): Promise<Campaign[]>;
  targets(campaignId: string): Promise<CampaignTarget[]>;
  /**
   * Moves a target from `from` to `state` with its fields, only when it still is in `from` (atomic
   * compare-and-set); false when another change came first.
   */
  moveTarget(
    campaignId: string,
    terminalId: string,
    from: { state: TargetState; version: number },
    change: Pick<CampaignTarget, 'state' | 'note' | 'ticketId' | 'startedAt' | 'finishedAt'> & { updatedBy: string },
  ): Promise<boolean>;
}

/** Opens the incident ticket of a failed terminal (the ticket service, audited) and returns its id and number. */
export interface IncidentOpener {
  open(
    input: { title: string; details: string; terminalId: string },
    actor: { username: string; displayName: string },
  ): Promise<{ id: string; number: string }>;
}

/** Writes the work-log entry of a completed terminal (the existing work log). */
export interface CompletionLog {
  add(entry: {
    startedAt: Date;
    endedAt: Date;
    operatorName: string;
    title: string;
    content: string;
    createdBy: string;
  }): Promise<void>;
}

/** Numbers of tickets by id (the report names the incident tickets). */
export interface TicketNumbers {
  numbersOf(ids: readonly string[]): Promise<Map<string, string>>;
}

/** A file kept between its preview and the operator's confirmation. */
export interface StagedImport {
  id: string;
  /** What the file is for (`terminal`). */
  kind: string;
  /** The preview's token (binds the file to the ledger state it was checked against). */
  token: string;
  /** The operator who uploaded it; nobody else reads it. */
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  /** The encoding the preview read the file in. */
  encoding: string;
  content: Buffer;
}

/**
 * Uploaded files kept until confirmed, cancelled or expired; in the database, so any instance can take the
 * confirmation. Every method joins the transaction open in the caller's context.
 */
export interface StagedImportStore {
  /** Keeps a file (a new row). */
  put(entry: Omit<StagedImport, 'id'>): Promise<StagedImport>;
  /** The newest row of this kind, token and operator; another operator's row is never returned. */
  find(kind: string, token: string, createdBy: string): Promise<StagedImport | undefined>;
  /** Deletes this operator's rows of this kind (all of them, or only those with `token`); the number deleted. */
  remove(kind: string, createdBy: string, token?: string): Promise<number>;
  /** Deletes every row expired at `now` (expiresAt ≤ now); the number deleted. */
  sweep(now: Date): Promise<number>;
}
