/**
 * TerminalStore on TypeORM (tables terminal and terminal_change): every insert and update writes
 * its history entry in the same transaction; updates are conditional on the version read.
 */
import { randomUUID } from 'node:crypto';
import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { KotaeError } from '../../core';
import {
  OPS_MESSAGES,
  terminalChanges,
  type FieldChange,
  type Terminal,
  type TerminalChange,
  type TerminalChangeAction,
  type TerminalInput,
  type TerminalQuery,
  type TerminalStatus,
  type TerminalStore,
} from '../../operations';
import type { CampaignTargetRow, TerminalChangeRow, TerminalRow, TicketTerminalRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';
import { isUniqueViolation } from './atomic-sql';

/** Rows per INSERT (SQL Server takes at most 2,100 parameters per statement). */
const CHUNK = 100;

function toTerminal(r: TerminalRow): Terminal {
  return {
    id: r.id,
    computerName: r.computerName,
    ipAddress: r.ipAddress,
    macAddress: r.macAddress ?? undefined,
    model: r.model ?? undefined,
    os: r.os ?? undefined,
    osVersion: r.osVersion ?? undefined,
    siteId: r.siteId,
    department: r.department ?? undefined,
    userName: r.userName ?? undefined,
    status: r.status as TerminalStatus,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

function columnsOf(input: TerminalInput) {
  return {
    computerName: input.computerName,
    ipAddress: input.ipAddress,
    macAddress: input.macAddress ?? null,
    model: input.model ?? null,
    os: input.os ?? null,
    osVersion: input.osVersion ?? null,
    siteId: input.siteId,
    department: input.department ?? null,
    userName: input.userName ?? null,
    status: input.status,
  };
}

/** Escapes LIKE wildcards (the statement declares `\` as the escape character). */
const likeText = (text: string) => `%${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** SQL implementation of TerminalStore. */
export class SqlTerminalStore implements TerminalStore {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private repo() {
    return managerOf(this.ds).getRepository<TerminalRow>('terminal');
  }

  async list(query: TerminalQuery): Promise<{ items: Terminal[]; total: number }> {
    return runDb(this.ds, async () => {
      const qb = this.repo().createQueryBuilder('t');
      if (query.siteId) qb.andWhere('t.siteId = :siteId', { siteId: query.siteId });
      if (query.text?.trim()) {
        const cols = ['computerName', 'ipAddress', 'userName', 'department', 'macAddress'];
        qb.andWhere(`(${cols.map((c) => `UPPER(t.${c}) LIKE :text ESCAPE '\\'`).join(' OR ')})`, {
          text: likeText(query.text.trim()),
        });
      }
      qb.orderBy('t.computerName', 'ASC')
        .skip(query.offset ?? 0)
        .take(query.limit ?? 200);
      const [rows, total] = await qb.getManyAndCount();
      return { items: rows.map(toTerminal), total };
    });
  }

  async get(id: string): Promise<Terminal | undefined> {
    const row = await runDb(this.ds, () => this.repo().findOneBy({ id }));
    return row ? toTerminal(row) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Terminal[]> {
    const out: Terminal[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await runDb(this.ds, () => this.repo().findBy({ id: In(ids.slice(i, i + 500)) }));
      out.push(...rows.map(toTerminal));
    }
    return out.sort((a, b) => a.computerName.localeCompare(b.computerName));
  }

  async idsAtSites(siteIds: readonly string[]): Promise<string[]> {
    if (siteIds.length === 0) return [];
    const rows = await runDb(this.ds, () =>
      this.repo().find({ select: { id: true }, where: { siteId: In([...siteIds]) } }),
    );
    return rows.map((r) => r.id);
  }

  async taken(
    names: readonly string[],
    ips: readonly string[],
  ): Promise<{ names: Map<string, string>; ips: Map<string, string> }> {
    const result = { names: new Map<string, string>(), ips: new Map<string, string>() };
    const lookup = async (
      column: 'computerName' | 'ipAddress',
      values: readonly string[],
      into: Map<string, string>,
    ) => {
      for (let i = 0; i < values.length; i += 500) {
        const part = values.slice(i, i + 500);
        const rows = await runDb(this.ds, () =>
          this.repo().find({ select: { id: true, [column]: true }, where: { [column]: In(part) } }),
        );
        for (const r of rows) into.set(r[column], r.id);
      }
    };
    await lookup('computerName', names, result.names);
    await lookup('ipAddress', ips, result.ips);
    return result;
  }

  async byNames(names: readonly string[]): Promise<Terminal[]> {
    const out: Terminal[] = [];
    for (let i = 0; i < names.length; i += 500) {
      const part = names.slice(i, i + 500);
      const rows = await runDb(this.ds, () => this.repo().findBy({ computerName: In(part) }));
      out.push(...rows.map(toTerminal));
    }
    return out;
  }

  private async addChange(
    em: EntityManager,
    terminalId: string,
    action: TerminalChangeAction,
    changes: FieldChange[],
    actor: string,
    at: Date,
  ) {
    const row: TerminalChangeRow = {
      id: randomUUID(),
      terminalId,
      at,
      actor,
      action,
      changes: JSON.stringify(changes),
    };
    await em.getRepository<TerminalChangeRow>('terminal_change').insert(row);
  }

  /** Runs a write; a taken computer name or IP address becomes CONFLICT with the Japanese message. */
  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await runDb(this.ds, () => inTransaction(this.ds, work));
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause ?? err;
      if (isUniqueViolation(cause))
        throw new KotaeError('CONFLICT', 'terminal name or ip taken', {
          userMessage: '同じコンピュータ名またはIPアドレスの端末が、先に登録されました。画面を再読み込みしてください。',
          cause,
        });
      throw err;
    }
  }

  async insertMany(inputs: readonly TerminalInput[], actor: string, action: 'create' | 'import'): Promise<Terminal[]> {
    const at = this.now();
    const rows: TerminalRow[] = inputs.map((input) => ({
      id: randomUUID(),
      ...columnsOf(input),
      createdAt: at,
      updatedAt: at,
      version: 1,
    }));
    await this.write(async (em) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await em.getRepository<TerminalRow>('terminal').insert(rows.slice(i, i + CHUNK));
        const changes: TerminalChangeRow[] = rows.slice(i, i + CHUNK).map((r) => ({
          id: randomUUID(),
          terminalId: r.id,
          at,
          actor,
          action,
          changes: JSON.stringify(terminalChanges(undefined, toTerminal(r))),
        }));
        await em.getRepository<TerminalChangeRow>('terminal_change').insert(changes);
      }
    });
    return rows.map(toTerminal);
  }

  async update(id: string, version: number, input: TerminalInput, actor: string): Promise<Terminal> {
    const at = this.now();
    return this.write(async (em) => {
      const repo = em.getRepository<TerminalRow>('terminal');
      const before = await repo.findOneBy({ id });
      if (!before)
        throw new KotaeError('NOT_FOUND', `terminal ${id} not found`, { userMessage: OPS_MESSAGES.terminalNotFound });
      const changes = terminalChanges(toTerminal(before), input);
      if (changes.length === 0) return toTerminal(before);
      const result = await em
        .createQueryBuilder()
        .update('terminal')
        .set({ ...columnsOf(input), updatedAt: at, version: () => `${this.ds.driver.escape('version')} + 1` })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (!result.affected) throw new KotaeError('CONFLICT', `terminal ${id} is no longer version ${version}`);
      await this.addChange(em, id, 'update', changes, actor, at);
      return toTerminal((await repo.findOneBy({ id })) as TerminalRow);
    });
  }

  async updateMany(updates: readonly { before: Terminal; input: TerminalInput }[], actor: string): Promise<number> {
    const at = this.now();
    return this.write(async (em) => {
      const changes: TerminalChangeRow[] = [];
      for (const { before, input } of updates) {
        const result = await em
          .createQueryBuilder()
          .update('terminal')
          .set({ ...columnsOf(input), updatedAt: at, version: () => `${this.ds.driver.escape('version')} + 1` })
          .where('id = :id AND version = :version', { id: before.id, version: before.version })
          .execute();
        if (!result.affected)
          throw new KotaeError('CONFLICT', `terminal ${before.id} is no longer version ${before.version}`);
        const row = { id: randomUUID(), terminalId: before.id, at, actor, action: 'import_update' };
        changes.push({ ...row, changes: JSON.stringify(terminalChanges(before, input)) });
      }
      for (let i = 0; i < changes.length; i += CHUNK)
        await em.getRepository<TerminalChangeRow>('terminal_change').insert(changes.slice(i, i + CHUNK));
      return updates.length;
    });
  }

  async remove(id: string): Promise<boolean> {
    return runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        const used =
          (await em.getRepository<TicketTerminalRow>('ticket_terminal').existsBy({ terminalId: id })) ||
          (await em.getRepository<CampaignTargetRow>('campaign_target').existsBy({ terminalId: id }));
        if (used) return false;
        await em.getRepository<TerminalChangeRow>('terminal_change').delete({ terminalId: id });
        await em.getRepository<TerminalRow>('terminal').delete({ id });
        return true;
      }),
    );
  }

  async history(id: string): Promise<TerminalChange[]> {
    const rows = await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<TerminalChangeRow>('terminal_change')
        .find({ where: { terminalId: id }, order: { at: 'DESC' } }),
    );
    return rows.map((r) => ({
      id: r.id,
      terminalId: r.terminalId,
      at: r.at,
      actor: r.actor,
      action: r.action as TerminalChangeAction,
      changes: r.changes ? (JSON.parse(r.changes) as FieldChange[]) : [],
    }));
  }

  async *pages(size: number): AsyncIterable<Terminal[]> {
    let after = '';
    for (;;) {
      const rows = await runDb(this.ds, () =>
        this.repo().find({ where: { computerName: MoreThan(after) }, order: { computerName: 'ASC' }, take: size }),
      );
      if (rows.length === 0) return;
      yield rows.map(toTerminal);
      after = rows[rows.length - 1].computerName;
    }
  }
}
