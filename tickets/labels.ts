/**
 * The one Japanese label of each ticket status, type and priority, used everywhere: console, reports,
 * history, audit and the messages to requesters (issue 14 point 6).
 */
import type { TicketPriority, TicketStatus, TicketType } from './records';

/** 状態 */
export const TICKET_STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  new: '新規',
  in_progress: '対応中',
  on_hold: '保留（回答待ち）',
  resolved: '解決',
  closed: 'クローズ',
};

/** 種別 */
export const TICKET_TYPE_LABELS: Readonly<Record<TicketType, string>> = {
  inquiry: '問合せ',
  incident: '障害',
  request: '依頼',
};

/** 優先度 (緊急・高・中・低: one scale) */
export const TICKET_PRIORITY_LABELS: Readonly<Record<TicketPriority, string>> = {
  urgent: '緊急',
  high: '高',
  normal: '中',
  low: '低',
};
