/** The rows both renderers print, derived once from the model so the xlsx and the pdf agree. */
import type { ReportTable } from '../tables';
import { INCIDENT_LABELS as L, INCIDENT_SECTIONS as S, INCIDENT_TEXT } from './labels';
import type { IncidentReportModel } from './model';

/** One row of the label/value table. */
export interface LabelValue {
  label: string;
  value: string;
}

/** The label/value table, in display order. */
export function summaryRows(m: IncidentReportModel): LabelValue[] {
  return [
    { label: L.subject, value: m.subject },
    { label: L.number, value: m.number },
    { label: L.status, value: m.status },
    { label: L.occurredAt, value: m.occurredAt },
    { label: L.recoveredAt, value: m.recoveredAt },
    { label: L.reporter, value: m.reporter },
    { label: L.category, value: m.category },
    { label: L.priority, value: m.priority },
    { label: L.assignee, value: m.assignee },
    { label: L.details, value: m.details },
    { label: L.cause, value: m.cause },
    { label: L.actions, value: m.actions },
    { label: L.prevention, value: m.prevention },
  ];
}

/** 作成日 and 作成者, printed under the title. */
export function issuerRows(m: IncidentReportModel): LabelValue[] {
  return [
    { label: L.createdOn, value: m.createdOn },
    { label: L.author, value: m.organization },
  ];
}

/** The 経過 table. */
export function timelineTable(m: IncidentReportModel): ReportTable {
  return {
    id: 'timeline',
    title: S.timeline.title,
    sheet: S.timeline.title,
    columns: [...S.timeline.columns],
    rows: m.timeline.map((r) => [r.at, r.text]),
    emptyText: INCIDENT_TEXT.noTimeline,
  };
}

/** The 作業記録 table. */
export function workLogTable(m: IncidentReportModel): ReportTable {
  return {
    id: 'work-log',
    title: S.workLog.title,
    sheet: S.workLog.title,
    columns: [...S.workLog.columns],
    rows: m.workLogs.map((w) => [w.when, w.operator, w.title, w.content, w.remarks]),
    emptyText: INCIDENT_TEXT.noWorkLog,
  };
}
