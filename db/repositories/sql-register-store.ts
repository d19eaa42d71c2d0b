/**
 * The IP-address and computer-name registers on TypeORM (table register_entry). A value in use has
 * `activeKey` = `<kind>:<value>` under a unique index, so the database itself refuses a second issue,
 * also when two instances race; a withdrawal frees the key by setting it to the row's id.
 */
import { randomUUID } from 'node:crypto';
import { Brackets, type DataSource } from 'typeorm';
import { KotaeError } from '../../core';
import {
  REGISTER_ERRORS,
  type NewRegisterEntry,
  type RegisterEntry,
  type RegisterFilter,
  type RegisterKind,
  type RegisterStore,
} from '../../registers';
import type { RegisterEntryRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';
import { isUniqueViolation } from './atomic-sql';

function toEntry(r: RegisterEntryRow): RegisterEntry {
  return {
    id: r.id,
    kind: r.kind as RegisterKind,
    value: r.value,
    status: r.status === 'withdrawn' ? 'withdrawn' : 'issued',
    department: r.department,
    requester: r.requester,
    site: r.site ?? undefined,
    terminalRef: r.terminalRef ?? undefined,
    issuedAt: r.issuedAt,
    issuedBy: r.issuedBy,
    issueReason: r.issueReason,
    withdrawnAt: r.withdrawnAt ?? undefined,
    withdrawnBy: r.withdrawnBy ?? undefined,
    withdrawReason: r.withdrawReason ?? undefined,
  };
}

const duplicate = (kind: RegisterKind, value: string) =>
  new KotaeError('CONFLICT', `${kind} ${value} is issued already`, {
    userMessage: REGISTER_ERRORS.duplicate(kind, value),
  });

/** SQL implementation of RegisterStore. */
export class SqlRegisterStore implements RegisterStore {
  constructor(private readonly ds: DataSource) {}

  private repo() {
    return managerOf(this.ds).getRepository<RegisterEntryRow>('register_entry');
  }

  async issue(entry: NewRegisterEntry, by: string, at: Date): Promise<RegisterEntry> {
    const activeKey = `${entry.kind}:${entry.value}`;
    const row: RegisterEntryRow = {
      id: randomUUID(),
      kind: entry.kind,
      value: entry.value,
      activeKey,
      status: 'issued',
      department: entry.department,
      requester: entry.requester,
      site: entry.site ?? null,
      terminalRef: entry.terminalRef ?? null,
      issuedAt: at,
      issuedBy: by,
      issueReason: entry.reason,
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawReason: null,
    };
    try {
      await runDb(this.ds, () =>
        inTransaction(this.ds, async () => {
          if (await this.repo().existsBy({ activeKey })) throw duplicate(entry.kind, entry.value);
          await this.repo().insert(row);
        }),
      );
    } catch (err) {
      // The unique index decided a race the check above could not see.
      if (isUniqueViolation(err instanceof KotaeError ? err.cause : err)) throw duplicate(entry.kind, entry.value);
      throw err;
    }
    return toEntry(row);
  }

  async withdraw(id: string, by: string, at: Date, reason: string): Promise<RegisterEntry> {
    return runDb(this.ds, async () => {
      const result = await this.repo().update(
        { id, status: 'issued' },
        { status: 'withdrawn', activeKey: id, withdrawnAt: at, withdrawnBy: by, withdrawReason: reason },
      );
      const row = await this.repo().findOneBy({ id });
      if (!row) throw new KotaeError('NOT_FOUND', `register entry ${id}`);
      if (!result.affected)
        throw new KotaeError('CONFLICT', `register entry ${id} withdrawn already`, {
          userMessage: REGISTER_ERRORS.alreadyWithdrawn,
        });
      return toEntry(row);
    });
  }

  async get(id: string): Promise<RegisterEntry | undefined> {
    if (!id || id.length > 36) return undefined;
    const row = await runDb(this.ds, () => this.repo().findOneBy({ id }));
    return row ? toEntry(row) : undefined;
  }

  async list(filter: RegisterFilter): Promise<RegisterEntry[]> {
    const rows = await runDb(this.ds, () => {
      const q = this.repo().createQueryBuilder('r');
      if (filter.kind) q.andWhere('r.kind = :kind', { kind: filter.kind });
      if (filter.status) q.andWhere('r.status = :status', { status: filter.status });
      if (filter.text) {
        const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q.andWhere(
          new Brackets((w) =>
            w
              .where(`r.value LIKE :like ESCAPE '\\'`, { like })
              .orWhere(`r.department LIKE :like ESCAPE '\\'`, { like })
              .orWhere(`r.requester LIKE :like ESCAPE '\\'`, { like }),
          ),
        );
      }
      return q.orderBy('r.issuedAt', 'DESC').addOrderBy('r.id').take(2000).getMany();
    });
    return rows.map(toEntry);
  }

  async changedIn(from: Date, to: Date): Promise<RegisterEntry[]> {
    const rows = await runDb(this.ds, () =>
      this.repo()
        .createQueryBuilder('r')
        .where('(r.issuedAt >= :from AND r.issuedAt < :to) OR (r.withdrawnAt >= :from AND r.withdrawnAt < :to)', {
          from,
          to,
        })
        .orderBy('r.issuedAt', 'ASC')
        .addOrderBy('r.id')
        .getMany(),
    );
    return rows.map(toEntry);
  }
}
