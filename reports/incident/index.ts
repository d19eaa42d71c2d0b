/**
 * The incident recovery report (障害復旧作業報告書) of one 障害 ticket: model, xlsx and pdf.
 * Reuses the periodic reports' JST/era helpers, labels, PDF table and file writer.
 */
export { buildIncidentReport, missingFieldNames, INCIDENT_REPORT_FIELDS } from './model';
export type { IncidentReportModel, IncidentReportInput, IncidentWorkRow, IncidentField } from './model';
export type { TimelineRow } from './timeline';
export {
  loadIncidentReport,
  type LoadIncidentReportDeps,
  type IncidentTicketSource,
  type IncidentWorkLogSource,
} from './load';
export { renderIncidentFiles, incidentBaseName } from './files';
export { renderIncidentXlsx } from './render-xlsx';
export { renderIncidentPdf } from './render-pdf';
export { summaryRows, issuerRows, timelineTable, workLogTable, type LabelValue } from './sections';
export { formatJstWithEra, formatDateWithEra, formatEraDate } from './era-date';
export { INCIDENT_TITLE, INCIDENT_LABELS, INCIDENT_ERRORS, INCIDENT_TEXT } from './labels';
