/** Records of the operations ledger: sites, terminals, their change history and planned work. */

/** 本庁舎 / 支所 / 出先機関. */
export type SiteKind = 'main' | 'branch' | 'outpost';
export const SITE_KINDS: readonly SiteKind[] = ['main', 'branch', 'outpost'];

/** A place terminals stand in. */
export interface Site {
  id: string;
  name: string;
  kind: SiteKind;
  createdAt: Date;
  updatedAt: Date;
}

/** Editable fields of a site. */
export interface SiteInput {
  name: string;
  kind: SiteKind;
}

/** 稼働中 / 予備 / 修理中 / 廃棄. */
export type TerminalStatus = 'active' | 'spare' | 'repair' | 'retired';
export const TERMINAL_STATUSES: readonly TerminalStatus[] = ['active', 'spare', 'repair', 'retired'];

/** Editable fields of a terminal (after normalisation: upper-case name, canonical IP and MAC). */
export interface TerminalInput {
  computerName: string;
  ipAddress: string;
  macAddress?: string;
  model?: string;
  os?: string;
  osVersion?: string;
  siteId: string;
  department?: string;
  userName?: string;
  status: TerminalStatus;
}

/** A terminal of the ledger; version is the optimistic lock. */
export interface Terminal extends TerminalInput {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** What changed in one field. */
export interface FieldChange {
  field: keyof TerminalInput;
  before?: string;
  after?: string;
}

/** How a terminal changed: registered on the form, added by a CSV import, saved on the form, updated by a CSV import. */
export type TerminalChangeAction = 'create' | 'import' | 'update' | 'import_update';

/** One entry of a terminal's history: who changed what, when. */
export interface TerminalChange {
  id: string;
  terminalId: string;
  at: Date;
  actor: string;
  action: TerminalChangeAction;
  changes: FieldChange[];
}

/** 月例パッチ / OS 更新 / ソフトウェア配布. */
export type CampaignKind = 'monthly_patch' | 'os_update' | 'software';
export const CAMPAIGN_KINDS: readonly CampaignKind[] = ['monthly_patch', 'os_update', 'software'];

/** 予定 / 実施中 / 完了 / 失敗 / 対象外. */
export type TargetState = 'planned' | 'in_progress' | 'done' | 'failed' | 'excluded';
export const TARGET_STATES: readonly TargetState[] = ['planned', 'in_progress', 'done', 'failed', 'excluded'];

/** Fields of a new campaign. */
export interface CampaignInput {
  kind: CampaignKind;
  title: string;
  /** The patch's release date (YYYY-MM-DD, Japan); required for 月例パッチ, the report's due date counts from it. */
  releaseDate?: string;
  windowStart: Date;
  windowEnd: Date;
  description?: string;
}

/** A planned-work campaign over selected terminals. */
export interface Campaign extends CampaignInput {
  id: string;
  createdBy: string;
  createdAt: Date;
}

/** One terminal of a campaign and its state; site and name are kept as they were when it was planned. */
export interface CampaignTarget {
  campaignId: string;
  terminalId: string;
  siteId: string;
  computerName: string;
  state: TargetState;
  note?: string;
  /** The incident ticket opened when the work failed. */
  ticketId?: string;
  /** When the work started (実施中) and ended (完了 / 失敗). */
  startedAt?: Date;
  finishedAt?: Date;
  updatedAt: Date;
  updatedBy?: string;
  version: number;
}
