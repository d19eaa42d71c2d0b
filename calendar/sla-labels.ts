import type { SlaClockKind, SlaState } from './sla';

/** Japanese labels of SLA states for consoles, chat and reports. */
export const SLA_STATE_LABELS: Readonly<Record<SlaState, string>> = Object.freeze({
  ok: '対応中（期限内）',
  due_soon: '期限間近',
  breached: '期限超過',
  met: '期限内に対応済み',
  met_late: '期限超過後に対応済み',
});

/** Japanese names of the SLA clocks. */
export const SLA_CLOCK_LABELS: Readonly<Record<SlaClockKind, string>> = Object.freeze({
  response: '初回応答',
  resolution: '解決',
  restorationStart: '復旧作業開始',
  incidentReport: '障害報告書',
});
