/**
 * The fiscal-year switch (年度切替, issue 16 point 6): a personnel-transfer CSV becomes account tasks —
 * one 依頼 ticket per action (追加 / 変更 / 削除), system and department — imported all or nothing, with a
 * checklist of their progress.
 *
 * Personal data kept minimal: the tickets (title and details, masked like every ticket text) name only the
 * 職員番号 and the departments; the staff member's name, which the desk needs to create or find the
 * account, is kept only in the task row (`fy_switch_task.staff`) and shown on the checklist to operators.
 */
import { KotaeError } from '../core';
import type { Clock } from '../core';
import { jstParts } from '../calendar';
import type { TicketRecord } from './records';
import type { AuditTrail } from './audit';
import {
  ACCOUNT_ACTIONS,
  parseTransferCsv,
  type AccountAction,
  type TransferRow,
  type TransferRowError,
} from './fy-switch-csv';
import type { TicketService } from './ticket-service';

/** One staff member in a task. */
export interface TaskStaff {
  staffNo: string;
  name: string;
  /** 異動: the department they leave. */
  from?: string;
}

/** One account task: an action on one system for one department. */
export interface AccountTask {
  action: AccountAction;
  system: string;
  department: string;
  staff: TaskStaff[];
}

/** One import. */
export interface FyBatch {
  id: string;
  fiscalYear: number;
  fileName: string;
  rowCount: number;
  createdAt: Date;
  createdBy: string;
}

/** A stored task with its ticket. */
export interface FyTask extends AccountTask {
  id: string;
  batchId: string;
  ticketId: string;
}

/** Imports and their tasks. */
export interface FySwitchStore {
  addBatch(batch: Omit<FyBatch, 'id'>, tasks: (AccountTask & { ticketId: string })[]): Promise<FyBatch>;
  /** Newest first. */
  listBatches(): Promise<FyBatch[]>;
  getBatch(id: string): Promise<FyBatch | undefined>;
  /** In the order they were planned. */
  tasks(batchId: string): Promise<FyTask[]>;
}

/** One line of the checklist. */
export interface ChecklistItem {
  task: FyTask;
  ticket?: TicketRecord;
  done: boolean;
}

/** Japanese labels of the actions. */
export const ACCOUNT_ACTION_LABELS: Readonly<Record<AccountAction, string>> = {
  add: 'アカウント追加',
  change: 'アカウント変更',
  delete: 'アカウント削除',
};

const M = {
  rows: (n: number) => `取り込めませんでした（${n}行に誤りがあります）。ファイルを修正して再度取り込んでください。`,
  fiscalYear: '年度は2000〜2100の西暦で入力してください。',
  fileName: 'ファイル名が長すぎます（400文字以内）。',
  notFound: '年度切替の取込が見つかりません。',
  title: (fy: number, t: AccountTask) =>
    `【${fy}年度 年度切替】${ACCOUNT_ACTION_LABELS[t.action]}: ${t.system} / ${t.department}`,
  line: (s: TaskStaff, action: AccountAction) =>
    action === 'change' ? `・職員番号 ${s.staffNo}（${s.from} → 異動）` : `・職員番号 ${s.staffNo}`,
  details: (fy: number, t: AccountTask, lines: string[]) =>
    [
      `${fy}年度の人事異動に伴う${ACCOUNT_ACTION_LABELS[t.action]}（対象システム: ${t.system}、所属: ${t.department}）。`,
      `対象 ${t.staff.length}名:`,
      ...lines,
      '対象者の確認は年度切替のチェックリスト（コンソール）で行ってください。',
    ].join('\n'),
};

/** Groups valid rows into tasks: one per action, system and department, in a stable order. */
export function planAccountTasks(rows: readonly TransferRow[]): AccountTask[] {
  const tasks = new Map<string, AccountTask>();
  for (const row of rows) {
    const department = (row.action === 'delete' ? row.oldDepartment : row.newDepartment) ?? '';
    for (const system of row.systems) {
      const key = JSON.stringify([row.action, system, department]);
      const task = tasks.get(key) ?? { action: row.action, system, department, staff: [] };
      task.staff.push({
        staffNo: row.staffNo,
        name: row.name,
        ...(row.action === 'change' && row.oldDepartment ? { from: row.oldDepartment } : {}),
      });
      tasks.set(key, task);
    }
  }
  const order = (a: AccountAction) => ACCOUNT_ACTIONS.indexOf(a);
  return [...tasks.values()]
    .map((t) => ({ ...t, staff: t.staff.sort((a, b) => byCodePoint(a.staffNo, b.staffNo)) }))
    .sort(
      (a, b) =>
        order(a.action) - order(b.action) || byCodePoint(a.system, b.system) || byCodePoint(a.department, b.department),
    );
}

/** A locale-independent order (the same on every server). */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The fiscal year a switch made now prepares: January–March → this year's April, else next year's. */
export function upcomingFiscalYear(now: Date): number {
  const p = jstParts(now);
  return p.month <= 3 ? p.year : p.year + 1;
}

/** Imports transfer files and reports their progress. */
export class FySwitchService {
  constructor(
    private readonly deps: {
      store: FySwitchStore;
      tickets: TicketService;
      audit: AuditTrail;
      clock: Clock;
      /** The ticket category of the tasks (default アカウント・AD when configured, else その他). */
      category?: string;
    },
  ) {}

  /**
   * Imports a file: every row checked first; with any error nothing is created and INPUT_INVALID
   * carries `details.rows` (line and Japanese messages). Otherwise the tickets, the batch and its
   * tasks are created in one transaction.
   */
  async import(
    input: { bytes: Buffer; fileName: string; fiscalYear: number },
    actor: string,
  ): Promise<{ batch: FyBatch; tickets: TicketRecord[] }> {
    if (!Number.isInteger(input.fiscalYear) || input.fiscalYear < 2000 || input.fiscalYear > 2100)
      throw new KotaeError('INPUT_INVALID', 'fiscal year out of range', { userMessage: M.fiscalYear });
    if (input.fileName.length > 400)
      throw new KotaeError('INPUT_INVALID', 'file name too long', { userMessage: M.fileName });
    const { rows, errors } = parseTransferCsv(input.bytes);
    if (errors.length > 0) throw rowErrors(errors);
    const tasks = planAccountTasks(rows);
    const fy = input.fiscalYear;
    const category = this.category();
    return this.deps.audit.atomically(
      async () => {
        const tickets: TicketRecord[] = [];
        for (const task of tasks) {
          const lines = task.staff.map((s) => M.line(s, task.action));
          tickets.push(
            await this.deps.tickets.create(
              {
                type: 'request',
                priority: 'normal',
                category,
                title: M.title(fy, task).slice(0, 200),
                details: M.details(fy, task, lines),
                requester: { id: `fy-switch:${fy}`, name: 'ヘルプデスク（年度切替）' },
                channel: 'web',
                transcript: [],
              },
              actor,
            ),
          );
        }
        const batch = await this.deps.store.addBatch(
          {
            fiscalYear: fy,
            fileName: input.fileName,
            rowCount: rows.length,
            createdAt: this.deps.clock.now(),
            createdBy: actor,
          },
          tasks.map((t, i) => ({ ...t, ticketId: tickets[i]!.id })),
        );
        return { batch, tickets };
      },
      ({ batch, tickets }) => ({
        actor,
        action: 'fy_switch.import',
        target: `FY${fy}`,
        detail: { batch: batch.id, rows: rows.length, tickets: tickets.length },
      }),
    );
  }

  /** Every import, newest first. */
  batches(): Promise<FyBatch[]> {
    return this.deps.store.listBatches();
  }

  /** An import's tasks with their tickets; a task is done when its ticket is 解決 or クローズ. */
  async checklist(batchId: string): Promise<{ batch: FyBatch; items: ChecklistItem[]; done: number }> {
    const batch = batchId.length <= 36 ? await this.deps.store.getBatch(batchId) : undefined;
    if (!batch) throw new KotaeError('NOT_FOUND', `fy batch ${batchId}`, { userMessage: M.notFound });
    const items: ChecklistItem[] = [];
    for (const task of await this.deps.store.tasks(batchId)) {
      const ticket = await this.deps.tickets.get(task.ticketId).catch(() => undefined);
      items.push({ task, ticket, done: ticket?.status === 'resolved' || ticket?.status === 'closed' });
    }
    return { batch, items, done: items.filter((i) => i.done).length };
  }

  private category(): string {
    if (this.deps.category) return this.deps.category;
    const known = this.deps.tickets.categories;
    return known.includes('アカウント・AD') ? 'アカウント・AD' : known.includes('その他') ? 'その他' : known[0]!;
  }
}

/** INPUT_INVALID listing the bad lines (shown as a list on the import page). */
function rowErrors(errors: TransferRowError[]): KotaeError {
  return new KotaeError('INPUT_INVALID', `transfer file has ${errors.length} bad line(s)`, {
    userMessage: M.rows(errors.length),
    details: { rows: errors },
  });
}
