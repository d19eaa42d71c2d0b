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
  restorationStartedAt: '復旧作業開始',
  incidentReportAt: '障害報告書の記録完了',
  confidentiality: '機密性',
  merged: '統合したチケット',
  mergedInto: '統合先',
  related: '関連チケット',
  requesterWithdrawn: '依頼者のメッセージ',
};

const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  status: STATUS_LABELS,
  type: TYPE_LABELS,
  priority: PRIORITY_LABELS,
  confidentiality: { '3': '機密性3' },
  requesterWithdrawn: {
    bot_question: '依頼者がボットへの質問として取り消しました',
    teams_deleted: '依頼者がTeamsで削除したため取り消しました',
    teams_deleted_kept: '依頼者がTeamsで削除しました（担当者の返信後のため残しています）',
    teams_undeleted: '依頼者がTeamsで元に戻したため、取り消しを解除しました',
    teams_undeleted_kept: '依頼者がTeamsで元に戻しました（担当者の返信後のため残していたメッセージです）',
  },
};

/** The label of a history field. */
export function historyFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** Who made a change, as staff read it: an operator's display name, or 依頼者 / ボット / システム. */
const ACTOR_LABELS: Readonly<Record<string, string>> = { requester: '依頼者', bot: 'ボット', system: 'システム' };

/** The actor of a history entry: display name for operators, a Japanese word for the others. */
export function historyActor(actor: string, names: ReadonlyMap<string, string>): string {
  return names.get(actor) ?? ACTOR_LABELS[actor] ?? actor;
}

/** A stored value as staff read it: labels for codes, display names for operators, JST for timestamps. */
export function historyValue(
  field: string,
  value: string | undefined,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === undefined) return '';
  if (field === 'assignee') return names.get(value) ?? value;
  const labels = VALUE_LABELS[field];
  if (labels?.[value]) return labels[value];
  if (field.endsWith('At') && !Number.isNaN(Date.parse(value))) return formatJst(new Date(value));
  return value;
}
