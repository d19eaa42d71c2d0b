/** Rules of planned work: checked campaign input and the per-terminal state transitions. */
import { KotaeError } from '../core';
import { OPS_MESSAGES as M } from './messages';
import { CAMPAIGN_KINDS, type CampaignInput, type TargetState } from './types';

/** Longest 作業名 and 説明. */
export const MAX_CAMPAIGN_TITLE = 200;
export const MAX_CAMPAIGN_DESCRIPTION = 4_000;
/** Longest 備考 of a state change. */
export const MAX_TARGET_NOTE = 1_000;

/** Which state a terminal's work may move to from each state (完了 is final; 対象外 may be planned again). */
export const TARGET_TRANSITIONS: Readonly<Record<TargetState, readonly TargetState[]>> = {
  planned: ['in_progress', 'done', 'failed', 'excluded'],
  in_progress: ['planned', 'done', 'failed', 'excluded'],
  failed: ['in_progress', 'done', 'excluded'],
  done: [],
  excluded: ['planned'],
};

/** Whether a terminal's work may move from `from` to `to`. */
export function canMove(from: TargetState, to: TargetState): boolean {
  return TARGET_TRANSITIONS[from].includes(to);
}

const invalid = (userMessage: string) => new KotaeError('INPUT_INVALID', 'invalid campaign', { userMessage });

/** Checks a new campaign: kind, title, window (end after start), the release date of a 月例パッチ. */
export function checkCampaign(input: {
  kind: string;
  title: string;
  releaseDate?: string;
  windowStart: Date;
  windowEnd: Date;
  description?: string;
}): CampaignInput {
  const kind = CAMPAIGN_KINDS.find((k) => k === input.kind);
  if (!kind) throw invalid(M.campaignKindInvalid);
  const title = input.title.trim();
  if (!title) throw invalid(M.campaignTitleRequired);
  if (title.length > MAX_CAMPAIGN_TITLE) throw invalid(M.fieldTooLong('作業名', MAX_CAMPAIGN_TITLE));
  const { windowStart, windowEnd } = input;
  const year = (d: Date) => d.getUTCFullYear();
  if (
    Number.isNaN(windowStart.getTime()) ||
    Number.isNaN(windowEnd.getTime()) ||
    windowEnd.getTime() <= windowStart.getTime() ||
    year(windowStart) < 2000 ||
    year(windowEnd) > 2100
  )
    throw invalid(M.campaignWindowInvalid);
  const releaseDate = input.releaseDate?.trim() || undefined;
  if (releaseDate !== undefined && !validDateKey(releaseDate)) throw invalid(M.campaignReleaseInvalid);
  if (kind === 'monthly_patch' && !releaseDate) throw invalid(M.campaignReleaseRequired);
  const description = input.description?.trim() || undefined;
  if (description && description.length > MAX_CAMPAIGN_DESCRIPTION)
    throw invalid(M.fieldTooLong('説明', MAX_CAMPAIGN_DESCRIPTION));
  return { kind, title, releaseDate, windowStart, windowEnd, description };
}

/** Whether `key` is a real calendar date written YYYY-MM-DD (2000–2100). */
export function validDateKey(key: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return false;
  const d = new Date(`${key}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === key && +m[1] >= 2000 && +m[1] <= 2100;
}

/** The date `days` calendar days after a YYYY-MM-DD date. */
export function addDays(key: string, days: number): string {
  const d = new Date(`${key}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
