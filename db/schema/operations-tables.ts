/**
 * Tables of the operations ledger (issue 16 points 1 and 3): sites, terminals and their history,
 * the terminal a ticket names, campaigns and their per-terminal targets. Part of ALL_TABLES
 * (tables.ts); change them only together with a new migration.
 */
import type { TableSpec } from './table-spec';

import { blob, date, id, optDate, optLong, optRef, ref, short } from './columns';

/** Sites (本庁舎・支所・出先機関). */
export const site: TableSpec = {
  name: 'site',
  columns: { id, name: short(100), kind: short(16), createdAt: date, updatedAt: date },
  indices: [{ columns: ['name'], unique: true }],
};

/** Terminals; computer name and IP address are unique; version is the optimistic lock. */
export const terminal: TableSpec = {
  name: 'terminal',
  columns: {
    id,
    computerName: short(64),
    ipAddress: short(45),
    macAddress: short(17, true),
    model: short(200, true),
    os: short(100, true),
    osVersion: short(100, true),
    siteId: ref,
    department: short(200, true),
    userName: short(200, true),
    status: short(16),
    createdAt: date,
    updatedAt: date,
    version: { kind: 'int' },
  },
  indices: [
    { columns: ['computerName'], unique: true },
    { columns: ['ipAddress'], unique: true },
    { columns: ['siteId', 'computerName'] },
  ],
};

/** Every change of a terminal: who, when, which fields (JSON). */
export const terminalChange: TableSpec = {
  name: 'terminal_change',
  columns: { id, terminalId: ref, at: date, actor: short(100), action: short(16), changes: optLong },
  indices: [{ columns: ['terminalId', 'at'] }],
};

/** The terminal a ticket concerns (at most one per ticket). */
export const ticketTerminal: TableSpec = {
  name: 'ticket_terminal',
  columns: { ticketId: id, terminalId: ref, linkedAt: date, linkedBy: short(100) },
  indices: [{ columns: ['terminalId'] }],
};

/** Planned-work campaigns (月例パッチ, OS 更新, ソフトウェア配布). */
export const campaign: TableSpec = {
  name: 'campaign',
  columns: {
    id,
    kind: short(32),
    title: short(200),
    releaseDate: short(10, true),
    windowStart: date,
    windowEnd: date,
    description: optLong,
    createdBy: short(100),
    createdAt: date,
  },
  indices: [{ columns: ['windowStart', 'windowEnd'] }, { columns: ['createdAt'] }],
};

/** One terminal of a campaign and the state of its work; version guards concurrent changes. */
export const campaignTarget: TableSpec = {
  name: 'campaign_target',
  columns: {
    id,
    campaignId: ref,
    terminalId: ref,
    siteId: ref,
    computerName: short(64),
    state: short(16),
    note: optLong,
    ticketId: optRef,
    startedAt: optDate,
    finishedAt: optDate,
    updatedAt: date,
    updatedBy: short(100, true),
    version: { kind: 'int' },
  },
  indices: [{ columns: ['campaignId', 'terminalId'], unique: true }, { columns: ['terminalId'] }],
};

/**
 * A terminal CSV kept between its preview and the operator's one-click confirmation (30 minutes), so any
 * instance can take the confirmation: `token` binds it to the file and the ledger state, `createdBy` to the
 * operator who uploaded it.
 */
export const stagedImport: TableSpec = {
  name: 'staged_import',
  columns: {
    id,
    kind: short(16),
    token: short(64),
    createdBy: short(100),
    createdAt: date,
    expiresAt: date,
    encoding: short(16),
    content: blob,
  },
  indices: [{ columns: ['createdBy', 'token'] }, { columns: ['expiresAt'] }],
};

/** The operations tables, in creation order. */
export const OPERATIONS_TABLES: readonly TableSpec[] = [
  site,
  terminal,
  terminalChange,
  ticketTerminal,
  campaign,
  campaignTarget,
  stagedImport,
];
