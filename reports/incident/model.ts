/**
 * The incident recovery report (障害復旧作業報告書) of one 障害 ticket: a JSON-safe model built
 * once, printed by the xlsx and the pdf renderer alike.
 */
import type { TicketComment, TicketEvent } from '../../tickets';
import type { TranscriptEntry } from '../../conversations';
import type { TicketRecord } from '../../tickets';
import { buildWorkLog } from '../build-activity';
import { CHANNEL_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../labels';
import type { WorkLogItem } from '../model';
import type { WorkLogEntry } from '../report-data';
import { formatDateWithEra, formatJstWithEra } from './era-date';
import { INCIDENT_LABELS, INCIDENT_TEXT, INCIDENT_TITLE } from './labels';
import { buildTimeline, type TimelineRow } from './timeline';

/** The three fields an incident report must state. */
export type IncidentField = 'cause' | 'actions' | 'prevention';
/** Incident fields in display order. */
export const INCIDENT_REPORT_FIELDS: readonly IncidentField[] = ['cause', 'actions', 'prevention'];

/** One row of the 作業記録 table: the same row as the period reports' 作業実績. */
export type IncidentWorkRow = WorkLogItem;

/** Everything the report prints, already formatted in Japanese. */
export interface IncidentReportModel {
  title: string;
  number: string;
  subject: string;
  status: string;
  occurredAt: string;
  recoveredAt: string;
  reporter: string;
  category: string;
  priority: string;
  assignee: string;
  details: string;
  cause: string;
  actions: string;
  prevention: string;
  /** Incident fields still empty (printed as （未記入）). */
  missing: IncidentField[];
  timeline: TimelineRow[];
  workLogs: IncidentWorkRow[];
  createdOn: string;
  organization: string;
  /** ISO instant the report was made. */
  generatedAt: string;
}

/** What a report is built from besides the ticket. */
export interface IncidentReportInput {
  comments: readonly TicketComment[];
  history: readonly TicketEvent[];
  workLogs: readonly WorkLogEntry[];
  transcript: readonly TranscriptEntry[];
  /** 作成者: the organisation issuing the report. */
  organization: string;
  now: Date;
}

/** '山田 花子（税務課）／受付: Microsoft Teams'. */
function reporterOf(ticket: TicketRecord): string {
  const { name, department } = ticket.requester;
  const who = name && department ? `${name}（${department}）` : (name ?? department ?? INCIDENT_TEXT.unknownRequester);
  return `${who}／${INCIDENT_TEXT.intake}: ${CHANNEL_LABELS[ticket.channel]}`;
}

/** Builds the model; blank incident fields are listed in `missing` and printed as （未記入）. */
export function buildIncidentReport(ticket: TicketRecord, input: IncidentReportInput): IncidentReportModel {
  const text = (f: IncidentField): string => ticket.incident?.[f]?.trim() ?? '';
  const missing = INCIDENT_REPORT_FIELDS.filter((f) => text(f) === '');
  const filled = (f: IncidentField): string => text(f) || INCIDENT_TEXT.notFilled;
  const workLogs = buildWorkLog(input.workLogs);
  return {
    title: INCIDENT_TITLE,
    number: ticket.number,
    subject: ticket.title,
    status: STATUS_LABELS[ticket.status] ?? ticket.status,
    occurredAt: formatJstWithEra(ticket.createdAt),
    recoveredAt: ticket.resolvedAt ? formatJstWithEra(ticket.resolvedAt) : INCIDENT_TEXT.notRecovered,
    reporter: reporterOf(ticket),
    category: ticket.category.trim() || INCIDENT_TEXT.uncategorized,
    priority: PRIORITY_LABELS[ticket.priority],
    assignee: ticket.assignee ?? INCIDENT_TEXT.unassigned,
    details: ticket.details,
    cause: filled('cause'),
    actions: filled('actions'),
    prevention: filled('prevention'),
    missing,
    timeline: buildTimeline(ticket, input.history, input.comments, input.transcript),
    workLogs,
    createdOn: formatDateWithEra(input.now),
    organization: input.organization,
    generatedAt: input.now.toISOString(),
  };
}

/** Japanese names of the missing fields, for the warning. */
export function missingFieldNames(model: Pick<IncidentReportModel, 'missing'>): string[] {
  return model.missing.map((f) => INCIDENT_LABELS[f]);
}
