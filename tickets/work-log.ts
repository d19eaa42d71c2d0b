/** The work log (作業実績): validation and recording of work on tickets or standalone planned work. */
import { KotaeError } from '../core/errors';
import { TICKET_MESSAGES } from './messages';
import type { WorkLogStore } from './ports';
import type { AuditTrail } from './audit';
import type { NewWorkLogEntry, WorkLogEntry } from './types';

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
  if (entry.endedAt.getTime() < entry.startedAt.getTime()) {
    throw new KotaeError('INPUT_INVALID', 'work log ends before it starts', {
      userMessage: TICKET_MESSAGES.workLogTimeOrder,
    });
  }
  if (entry.title.length > 400 || entry.operatorName.length > 200) {
    throw new KotaeError('INPUT_TOO_LARGE', 'work log field too long', {
      userMessage: TICKET_MESSAGES.bodyTooLong(200),
    });
  }
  return entry;
}

/** Records and lists work log entries. */
export class WorkLogService {
  constructor(
    private readonly store: WorkLogStore,
    private readonly audit: AuditTrail,
  ) {}

  /** Validates and stores an entry. */
  async add(input: NewWorkLogEntry): Promise<WorkLogEntry> {
    const entry = await this.store.add(validateWorkLog(input));
    await this.audit.record({ actor: entry.createdBy, action: 'worklog.create', target: entry.ticketId ?? entry.id });
    return entry;
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
