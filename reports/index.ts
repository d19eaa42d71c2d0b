/**
 * Reports (monthly, half-year, annual): figures from the question log, tickets, work log and job
 * runs, rendered as xlsx, pdf, csv and json from one ReportModel. Domain logic only; db/ implements
 * the ports.
 */
export { buildReport, type BuildReportOptions } from './build-report';
export { parsePeriod, isReportKind, monthLabel, type ReportPeriod } from './period';
export { customPeriodText, CUSTOM_PERIOD_MAX_DAYS } from './custom-period';
export type { ReportData, WorkLogEntry, JobRunEntry, JobRunStatus, QuestionCursor } from './report-data';
export { InMemoryReportData } from './in-memory-report-data';
export type * from './model';
export { REPORT_KINDS, REPORT_TITLES, KIND_LABELS, CHANNEL_LABELS, REPORT_ERRORS, type ReportKind } from './labels';
export type { ReportStore, StoredReport, GeneratedReport, ReportStatus } from './report-store';
export { mustBeDraft, mustExist, mustMatchVersion, byPeriodDesc } from './report-store-rules';
export { InMemoryReportStore } from './in-memory-report-store';
export { ReportService, type ReportServiceDeps, type LogReader } from './report-service';
export { exportEntry, modelRows, type ExportActor, type ExportFacts } from './report-exports';
export { renderReportFiles, writeReportFiles, renderJson } from './report-files';
export { renderXlsx } from './render-xlsx';
export {
  ReportDelivery,
  type DeliveryMessage,
  type DeliverySender,
  type ReportDeliverySettings,
} from './report-delivery';
export {
  DELIVERY_CHANNELS,
  type ChannelProgress,
  type DeliveryAttempt,
  type DeliveryChannel,
  type DeliveryGeneration,
  type DeliveryProgress,
  type SentFacts,
  type UnfinishedDelivery,
} from './delivery-progress';
export { InMemoryDeliveryProgress } from './in-memory-delivery-progress';
export {
  channelStatuses,
  deliveryFailure,
  type ChannelDeliveryStatus,
  type DeliveryFailure,
  type RedeliveryOutcome,
  type ReportDeliveryDesk,
} from './delivery-status';
export {
  conversationLogCsv,
  conversationLogName,
  LOG_PAGE_SIZE,
  type LogOptions,
  type MaskText,
} from './conversation-log';
export { renderPdf } from './render-pdf';
export { defaultPdfFonts, type PdfFonts } from './pdf-document';
export { renderCsvFiles, tableToCsv, csvCell, reportBaseName, type RenderedFile } from './render-csv';
export { reportTables, type ReportTable, type Cell } from './tables';
export type { ReportSection, ReportSectionSource } from './report-section';
export { rosterReportSection, rosterRows } from './roster-section';
export { keyFigures, type KeyFigure } from './key-figures';
export { formatRate, formatMinutes } from './format';
export {
  renderCertificatePdf,
  renderCertificateXlsx,
  CERTIFICATE_TEXT,
  type CertificateDocument,
} from './deletion-certificate';
export { countUsage, type DocumentUsage } from './knowledge-usage';
export { type QuestionGrouper } from './build-usage';
export {
  INCIDENT_ERRORS,
  incidentBaseName,
  loadIncidentReport,
  type LoadIncidentReportDeps,
  missingFieldNames,
  renderIncidentFiles,
  renderIncidentPdf,
  renderIncidentXlsx,
} from './incident';
