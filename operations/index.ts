/**
 * The desk's operations ledger (issue 16 points 1 and 3): sites and terminals with their history
 * and CSV import/export, the terminal a ticket concerns, planned work (campaigns) with per-terminal
 * states, incidents and work-log entries, the 適用結果報告 and the planned-work report section.
 * Domain logic only: db/ implements the ports, adapters/web/console renders the pages.
 */
export type * from './types';
export { SITE_KINDS, TERMINAL_STATUSES, CAMPAIGN_KINDS, TARGET_STATES } from './types';
export {
  SITE_KIND_LABELS,
  TERMINAL_STATUS_LABELS,
  CAMPAIGN_KIND_LABELS,
  TARGET_STATE_LABELS,
  valueOfLabel,
} from './labels';
export { OPS_MESSAGES } from './messages';
export type {
  SiteStore,
  TerminalStore,
  TerminalQuery,
  TicketTerminals,
  CampaignStore,
  IncidentOpener,
  CompletionLog,
  TicketNumbers,
  StagedImport,
  StagedImportStore,
} from './ports';
export { checkTerminal, normaliseIp, normaliseMac, normaliseComputerName, type RawTerminal } from './terminal-rules';
export {
  TERMINAL_CSV_COLUMNS,
  CSV_ENCODING_CHOICES,
  CSV_ENCODING_LABELS,
  detectEncoding,
  type CsvEncoding,
  type CsvEncodingChoice,
} from './terminal-csv';
export {
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
  type ImportPlan,
  type ImportResult,
  type ImportRowChange,
  type ImportRowError,
} from './terminal-import';
export { TERMINAL_FIELDS, terminalChanges } from './terminal-import-plan';
export { SiteService, checkSite } from './site-service';
export { TerminalService, type TerminalServiceDeps } from './terminal-service';
export { TerminalImportStaging, STAGED_IMPORT_TTL_MS, type TerminalImportStagingDeps } from './terminal-import-staging';
export { TARGET_TRANSITIONS, canMove, checkCampaign, addDays } from './campaign-rules';
export {
  CampaignService,
  type CampaignServiceDeps,
  type CampaignActor,
  type CampaignView,
  type NewCampaign,
} from './campaign-service';
export { progressBySite, percent, type SiteProgress } from './progress';
export { buildPatchReport, patchReportTables, patchReportHeader, type PatchReport } from './patch-report';
export { renderPatchReportCsv, renderPatchReportXlsx, patchReportBaseName } from './patch-report-files';
export { PlannedWorkSections } from './report-sections';
