import { SlaState } from './sla';

/** Japanese labels of SLA states for consoles, chat and reports. */
export const SLA_STATE_LABELS: Readonly<Record<SlaState, string>> = Object.freeze({
  ok: '対応中（期限内）',
  due_soon: '期限間近',
  breached: '期限超過',
  met: '期限内に対応済み',
  met_late: '期限超過後に対応済み',
});
