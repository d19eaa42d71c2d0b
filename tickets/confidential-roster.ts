/**
 * The 機密性3 roster (issue 16 point 5): operators allowed to handle 機密性3 data for a period, with the
 * person who approved it. A ticket marked 機密性3 is visible only to rostered operators within their
 * period and to administrators; to anybody else it does not exist (NOT_FOUND, never FORBIDDEN).
 */
import { KotaeError } from '../core';
import type { Clock } from '../core';
import { jstDateKey, jstInstant } from '../calendar';
import type { AuditTrail } from './audit';
import { worksTickets, type OperatorRole, type OperatorStore } from './operators';

/** One rostered period of an operator: [validFrom, validTo), ended early by a revocation. */
export interface RosterEntry {
  id: string;
  username: string;
  validFrom: Date;
  validTo: Date;
  /** Who approved the assignment (e.g. 情報政策課長 氏名). */
  approver: string;
  note?: string;
  createdAt: Date;
  createdBy: string;
  revokedAt?: Date;
  revokedBy?: string;
}

/** What an administrator enters. */
export type NewRosterEntry = Pick<RosterEntry, 'username' | 'validFrom' | 'validTo' | 'approver' | 'note'>;

/** Stored roster periods. */
export interface ConfidentialRosterStore {
  add(entry: NewRosterEntry, actor: string, at: Date): Promise<RosterEntry>;
  /** Every entry, newest period first. */
  list(): Promise<RosterEntry[]>;
  /** Ends an entry now; NOT_FOUND when unknown, unchanged when already revoked. */
  revoke(id: string, actor: string, at: Date): Promise<RosterEntry>;
  /** Whether `username` has an entry in force at `at` (within its period, not revoked by then). */
  isRostered(username: string, at: Date): Promise<boolean>;
}

/** Who is looking at tickets. */
export interface TicketViewer {
  username: string;
  role: OperatorRole;
}

/** Whether an entry is in force at `at`. */
export function inForce(entry: RosterEntry, at: Date): boolean {
  const t = at.getTime();
  return (
    entry.validFrom.getTime() <= t && t < entry.validTo.getTime() && (!entry.revokedAt || t < entry.revokedAt.getTime())
  );
}

const ROSTER_MESSAGES = {
  notFound: '名簿の登録が見つかりません。',
  unknownOperator: (u: string) =>
    `担当者「${u}」は登録されていません（担当者・管理者のアカウントを指定してください）。`,
  badDate: (label: string) => `${label}は YYYY-MM-DD の日付で入力してください。`,
  order: '終了日は開始日以降の日付にしてください。',
  approver: '承認者を入力してください（200文字以内）。',
  note: '備考は400文字以内で入力してください。',
};

/** The roster as administrators manage it: every change audited. */
export class ConfidentialRoster {
  constructor(
    private readonly deps: {
      store: ConfidentialRosterStore;
      operators: Pick<OperatorStore, 'findByUsername'>;
      audit: AuditTrail;
      clock: Clock;
    },
  ) {}

  /** Every entry, newest period first. */
  list(): Promise<RosterEntry[]> {
    return this.deps.store.list();
  }

  /**
   * Rosters an operator from `from` to `to` (JST dates 'YYYY-MM-DD', both days included). Refuses an
   * unknown, staff or auditor account, a bad or reversed period and an empty approver (INPUT_INVALID, Japanese).
   */
  async add(
    input: { username: string; from: string; to: string; approver: string; note?: string },
    actor: string,
  ): Promise<RosterEntry> {
    const username = input.username.trim();
    const operator = username ? await this.deps.operators.findByUsername(username) : undefined;
    if (!operator || !worksTickets(operator) || operator.disabled) invalid(ROSTER_MESSAGES.unknownOperator(username));
    const from = dayStart(input.from, '開始日');
    const to = dayStart(input.to, '終了日');
    if (to.getTime() < from.getTime()) invalid(ROSTER_MESSAGES.order);
    const approver = input.approver.trim();
    if (!approver || approver.length > 200) invalid(ROSTER_MESSAGES.approver);
    const note = input.note?.trim() || undefined;
    if (note && note.length > 400) invalid(ROSTER_MESSAGES.note);
    const validTo = new Date(to.getTime() + 24 * 3_600_000);
    return this.deps.audit.atomically(
      () => this.deps.store.add({ username, validFrom: from, validTo, approver, note }, actor, this.deps.clock.now()),
      (e) => ({
        actor,
        action: 'roster.add',
        target: e.username,
        detail: { from: input.from, to: input.to, approver },
      }),
    );
  }

  /** Ends an entry now (audited). */
  async revoke(id: string, actor: string): Promise<RosterEntry> {
    const entry = (await this.deps.store.list()).find((e) => e.id === id);
    if (!entry) throw new KotaeError('NOT_FOUND', `roster entry ${id}`, { userMessage: ROSTER_MESSAGES.notFound });
    return this.deps.audit.atomically(
      () => this.deps.store.revoke(id, actor, this.deps.clock.now()),
      (e) => ({ actor, action: 'roster.revoke', target: e.username, detail: { id } }),
    );
  }

  /** Whether the viewer may see 機密性3 tickets now: administrators always, operators while rostered. */
  async maySeeConfidential(viewer: TicketViewer): Promise<boolean> {
    if (viewer.role === 'admin') return true;
    if (viewer.role !== 'operator') return false;
    return this.deps.store.isRostered(viewer.username, this.deps.clock.now());
  }
}

/** The JST date of an entry's last day (validTo is the following midnight). */
export function lastDayOf(entry: RosterEntry): string {
  return jstDateKey(new Date(entry.validTo.getTime() - 1));
}

function dayStart(text: string, label: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) invalid(ROSTER_MESSAGES.badDate(label));
  const d = jstInstant(Number(m[1]), Number(m[2]), Number(m[3]));
  if (jstDateKey(d) !== text.trim()) invalid(ROSTER_MESSAGES.badDate(label));
  return d;
}

function invalid(message: string): never {
  throw new KotaeError('INPUT_INVALID', message, { userMessage: message });
}
