/** Japanese wording of ticket history entries (field names and stored values). */
import { formatJst } from './format';
import { PRIORITY_LABELS, STATUS_LABELS, TYPE_LABELS } from './messages';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  created: '受付',
  status: '状態',
  type: '種別',
  priority: '優先度',
  category: '分類',
  title: '件名',
  assignee: '担当者',
  firstResponseAt: '初動日時',
  resolvedAt: '解決日時',
  closedAt: 'クローズ日時',
  requesterRepliedAt: '依頼者からの返信',
  incidentCause: '原因',
  incidentActions: '対応内容',
  incidentPrevention: '再発防止策',
};

const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  status: STATUS_LABELS,
  type: TYPE_LABELS,
  priority: PRIORITY_LABELS,
};

/** The label of a history field. */
export function historyFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** A stored value as staff read it: labels for codes, JST for timestamps. */
export function historyValue(field: string, value: string | undefined): string {
  if (value === undefined) return '';
  const labels = VALUE_LABELS[field];
  if (labels?.[value]) return labels[value];
  if (field.endsWith('At') && !Number.isNaN(Date.parse(value))) return formatJst(new Date(value));
  return value;
}
