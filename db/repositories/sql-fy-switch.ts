/** Fiscal-year switch imports and their account tasks on TypeORM. */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AccountAction, AccountTask, FyBatch, FySwitchStore, FyTask, TaskStaff } from '../../tickets';
import type { FySwitchBatchRow, FySwitchTaskRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';

/** SQL implementation of FySwitchStore. */
export class SqlFySwitchStore implements FySwitchStore {
  constructor(private readonly ds: DataSource) {}

  async addBatch(batch: Omit<FyBatch, 'id'>, tasks: (AccountTask & { ticketId: string })[]): Promise<FyBatch> {
    const row: FySwitchBatchRow = { id: randomUUID(), ...batch };
    await runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        await em.getRepository<FySwitchBatchRow>('fy_switch_batch').insert(row);
        const repo = em.getRepository<FySwitchTaskRow>('fy_switch_task');
        // Task ids sort in planning order (the batch id is shared, the suffix is the position).
        for (const [i, t] of tasks.entries()) {
          await repo.insert({
            id: `${row.id.slice(0, 30)}-${String(i).padStart(5, '0')}`,
            batchId: row.id,
            ticketId: t.ticketId,
            action: t.action,
            system: t.system,
            department: t.department,
            staff: JSON.stringify(t.staff),
          });
        }
      }),
    );
    return toBatch(row);
  }

  async listBatches(): Promise<FyBatch[]> {
    const rows = await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<FySwitchBatchRow>('fy_switch_batch')
        .find({ order: { createdAt: 'DESC' } }),
    );
    return rows.map(toBatch);
  }

  async getBatch(id: string): Promise<FyBatch | undefined> {
    const row = await runDb(this.ds, () =>
      managerOf(this.ds).getRepository<FySwitchBatchRow>('fy_switch_batch').findOneBy({ id }),
    );
    return row ? toBatch(row) : undefined;
  }

  async tasks(batchId: string): Promise<FyTask[]> {
    const rows = await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<FySwitchTaskRow>('fy_switch_task')
        .find({ where: { batchId }, order: { id: 'ASC' } }),
    );
    return rows.map((r) => ({
      id: r.id,
      batchId: r.batchId,
      ticketId: r.ticketId,
      action: r.action as AccountAction,
      system: r.system,
      department: r.department,
      staff: JSON.parse(r.staff) as TaskStaff[],
    }));
  }
}

function toBatch(r: FySwitchBatchRow): FyBatch {
  return {
    id: r.id,
    fiscalYear: r.fiscalYear,
    fileName: r.fileName,
    rowCount: r.rowCount,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
  };
}
