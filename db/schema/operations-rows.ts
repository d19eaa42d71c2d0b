/** Row shapes of the operations tables (operations-tables.ts), as repositories read and write them. */
export interface SiteRow {
  id: string;
  name: string;
  kind: string;
  createdAt: Date;
  updatedAt: Date;
}
export interface TerminalRow {
  id: string;
  computerName: string;
  ipAddress: string;
  macAddress: string | null;
  model: string | null;
  os: string | null;
  osVersion: string | null;
  siteId: string;
  department: string | null;
  userName: string | null;
  status: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}
export interface TerminalChangeRow {
  id: string;
  terminalId: string;
  at: Date;
  actor: string;
  action: string;
  changes: string | null;
}
export interface TicketTerminalRow {
  ticketId: string;
  terminalId: string;
  linkedAt: Date;
  linkedBy: string;
}
export interface CampaignRow {
  id: string;
  kind: string;
  title: string;
  releaseDate: string | null;
  windowStart: Date;
  windowEnd: Date;
  description: string | null;
  createdBy: string;
  createdAt: Date;
}
export interface CampaignTargetRow {
  id: string;
  campaignId: string;
  terminalId: string;
  siteId: string;
  computerName: string;
  state: string;
  note: string | null;
  ticketId: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
  updatedBy: string | null;
  version: number;
}

/** A row of staged_import. */
export interface StagedImportRow {
  id: string;
  kind: string;
  token: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  encoding: string;
  content: Buffer;
}
