/** Japanese words of the operations ledger, one per value (console, CSV, reports). */
import type { CampaignKind, SiteKind, TargetState, TerminalStatus } from './types';

export const SITE_KIND_LABELS: Readonly<Record<SiteKind, string>> = {
  main: '本庁舎',
  branch: '支所',
  outpost: '出先機関',
};

export const TERMINAL_STATUS_LABELS: Readonly<Record<TerminalStatus, string>> = {
  active: '稼働中',
  spare: '予備',
  repair: '修理中',
  retired: '廃棄',
};

export const CAMPAIGN_KIND_LABELS: Readonly<Record<CampaignKind, string>> = {
  monthly_patch: '月例パッチ',
  os_update: 'OS 更新',
  software: 'ソフトウェア配布',
};

export const TARGET_STATE_LABELS: Readonly<Record<TargetState, string>> = {
  planned: '予定',
  in_progress: '実施中',
  done: '完了',
  failed: '失敗',
  excluded: '対象外',
};

/** The value whose label is `label` (CSV cells), or undefined. */
export function valueOfLabel<T extends string>(labels: Readonly<Record<T, string>>, label: string): T | undefined {
  const entry = Object.entries(labels).find(([value, l]) => l === label || value === label);
  return entry?.[0] as T | undefined;
}
