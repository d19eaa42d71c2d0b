/** Japanese message catalogue of the incident recovery report (障害復旧作業報告書). */

/** Title of the report, its xlsx sheet and its PDF. */
export const INCIDENT_TITLE = '障害復旧作業報告書';

/** Labels of the label/value table, in display order. */
export const INCIDENT_LABELS = {
  subject: '件名',
  number: '受付番号',
  status: '状態',
  occurredAt: '発生日時',
  recoveredAt: '復旧日時',
  reporter: '報告者・影響範囲',
  category: '分類',
  priority: '優先度',
  assignee: '担当者',
  details: '障害内容',
  cause: '原因',
  actions: '対応内容',
  prevention: '再発防止策',
  createdOn: '作成日',
  author: '作成者',
} as const;

/** Section headings and column headers of the timeline and work-log tables. */
export const INCIDENT_SECTIONS = {
  summary: '概要',
  timeline: { title: '経過', columns: ['日時', '内容'] },
  workLog: { title: '作業記録', columns: ['作業日時（開始・終了）', '担当者', '作業名', '作業内容', '特記事項'] },
} as const;

/** Free-standing texts of the report. */
export const INCIDENT_TEXT = {
  notFilled: '（未記入）',
  notRecovered: '（未復旧）',
  unassigned: '（未割当）',
  unknownRequester: '（不明）',
  uncategorized: '未分類',
  noTimeline: '経過の記録はありません。',
  noWorkLog: 'このチケットの作業記録はありません。',
  intake: '受付',
  continued: '（続き）',
  page: (n: number, total: number) => `${n} / ${total}`,
} as const;

/** Timeline wording for history events, replies and the requester's chat lines. */
export const TIMELINE_TEXT = {
  created: (number: string) => `チケット起票（${number}）`,
  changed: (label: string, before: string, after: string) => `${label}を変更: ${before} → ${after}`,
  titleChanged: '件名を変更',
  recorded: (label: string) => `${label}を記入`,
  field: (name: string) => `項目「${name}」を変更`,
  reply: (body: string) => `依頼者へ回答: ${body}`,
  chat: (text: string) => `職員からの問合せ（チャット）: ${text}`,
  none: '（なし）',
} as const;

/** Japanese names of history fields shown as "<name>を変更: before → after". */
export const HISTORY_FIELD_LABELS: Readonly<Record<string, string>> = {
  status: '状態',
  type: '種別',
  priority: '優先度',
  category: '分類',
  assignee: '担当者',
};

/** Names of the non-human actors in the history (people keep their own names). */
export const ACTOR_LABELS: Readonly<Record<string, string>> = { bot: 'ボット', system: 'システム' };

/** History fields recorded by filling in the incident report itself. */
export const INCIDENT_HISTORY_FIELDS: Readonly<Record<string, string>> = {
  incidentCause: INCIDENT_LABELS.cause,
  incidentActions: INCIDENT_LABELS.actions,
  incidentPrevention: INCIDENT_LABELS.prevention,
};

/** Errors and warnings shown by the command. */
export const INCIDENT_ERRORS = {
  notFound: (ref: string) => `チケット ${ref} が見つかりません。`,
  notIncident: (number: string, type: string) =>
    `チケット ${number} は種別が「${type}」のため、障害復旧作業報告書は作成できません。種別が「障害」のチケットを指定してください。`,
  missingFields: (number: string, names: string[]) =>
    `警告: チケット ${number} の${names.join('・')}が未記入です。報告書には「（未記入）」と記載しました。`,
} as const;
