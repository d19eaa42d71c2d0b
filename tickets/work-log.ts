/** The work log (作業実績): validation and recording of work on tickets or standalone planned work. */
import { KotaeError } from '../core';
import { TICKET_MESSAGES } from './messages';
import type { WorkLogStore } from './ports';
import type { AuditTrail } from './audit';
import type { NewWorkLogEntry, WorkLogEntry } from './types';
import type { PiiMasker } from '../privacy';
import { masked, maskedOptional } from './personal-data';

/** Longest 作業内容 / 備考 accepted (a report renders every character). */
export const MAX_WORK_CONTENT = 10_000;
export const MAX_WORK_REMARKS = 2_000;
/** Years a work log may be dated in (year 0000 or 9999 is a typing error). */
const YEARS = { min: 2000, max: 2100 };

/**
 * Checks a new entry: 担当者, 作業名 and 作業内容 are required, the times valid and end ≥ start.
 * Returns the trimmed entry; throws INPUT_INVALID with a Japanese message otherwise.
 */
export function validateWorkLog(input: NewWorkLogEntry): NewWorkLogEntry {
  const entry = {
    ...input,
    operatorName: input.operatorName.trim(),
    title: input.title.trim(),
    content: input.content.trim(),
    remarks: input.remarks?.trim() || undefined,
  };
  const missing: string[] = [];
  if (Number.isNaN(entry.startedAt.getTime())) missing.push('作業開始日時');
  if (Number.isNaN(entry.endedAt.getTime())) missing.push('作業終了日時');
  if (!entry.operatorName) missing.push('担当者');
  if (!entry.title) missing.push('作業名');
  if (!entry.content) missing.push('作業内容');
  if (missing.length > 0) {
    throw new KotaeError('INPUT_INVALID', `work log missing ${missing.length} fields`, {
      userMessage: TICKET_MESSAGES.workLogRequired(missing),
    });
  }
  const implausible = [entry.startedAt, entry.endedAt].some((d) => !plausible(d));
  if (implausible) {
    throw new KotaeError('INPUT_INVALID', 'work log dated outside the plausible years', {
      userMessage: TICKET_MESSAGES.workLogDateInvalid(YEARS.min, YEARS.max),
    });
  }
  if (entry.endedAt.getTime() < entry.startedAt.getTime()) {
    throw new KotaeError('INPUT_INVALID', 'work log ends before it starts', {
      userMessage: TICKET_MESSAGES.workLogTimeOrder,
    });
  }
  tooLong('作業名', entry.title, 400);
  tooLong('担当者', entry.operatorName, 200);
  tooLong('作業内容', entry.content, MAX_WORK_CONTENT);
  tooLong('備考', entry.remarks ?? '', MAX_WORK_REMARKS);
  return entry;
}

function plausible(d: Date): boolean {
  const y = d.getUTCFullYear();
  return y >= YEARS.min && y <= YEARS.max;
}

function tooLong(field: string, text: string, max: number): void {
  if (text.length > max) {
    throw new KotaeError('INPUT_TOO_LARGE', `work log ${field} of ${text.length} chars`, {
      userMessage: TICKET_MESSAGES.fieldTooLong(field, max),
    });
  }
}

/** Records and lists work log entries. */
export class WorkLogService {
  constructor(
    private readonly store: WorkLogStore,
    private readonly audit: AuditTrail,
    /** The configured personal-data masker (privacy/); all types when absent. */
    private readonly masker?: PiiMasker,
  ) {}

  /** Validates and stores an entry. */
  async add(input: NewWorkLogEntry): Promise<WorkLogEntry> {
    const valid = validateWorkLog(input);
    return this.audit.atomically(
      () =>
        this.store.add({
          ...valid,
          title: masked(valid.title, this.masker),
          content: masked(valid.content, this.masker),
          remarks: maskedOptional(valid.remarks, this.masker),
        }),
      (entry) => ({ actor: entry.createdBy, action: 'worklog.create', target: entry.ticketId ?? entry.id }),
    );
  }

  /** Entries started in [from, to). */
  list(from: Date, to: Date): Promise<WorkLogEntry[]> {
    if (!(to.getTime() > from.getTime())) {
      throw new KotaeError('INPUT_INVALID', 'work log period is empty', {
        userMessage: TICKET_MESSAGES.workLogTimeOrder,
      });
    }
    return this.store.listWorkLogs(from, to);
  }

  /** Entries of one ticket. */
  listByTicket(ticketId: string): Promise<WorkLogEntry[]> {
    return this.store.listByTicket(ticketId);
  }
}
