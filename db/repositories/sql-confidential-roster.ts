/** The 機密性3 roster on TypeORM. */
import { randomUUID } from 'node:crypto';
import { IsNull, LessThanOrEqual, MoreThan, type DataSource } from 'typeorm';
import { KotaeError } from '../../core';
import type { ConfidentialRosterStore, NewRosterEntry, RosterEntry } from '../../tickets';
import type { ConfidentialRosterRow } from '../schema';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';

/** SQL implementation of ConfidentialRosterStore. */
export class SqlConfidentialRoster implements ConfidentialRosterStore {
  constructor(private readonly ds: DataSource) {}

  private get repo() {
    return managerOf(this.ds).getRepository<ConfidentialRosterRow>('confidential_roster');
  }

  async add(entry: NewRosterEntry, actor: string, at: Date): Promise<RosterEntry> {
    const row: ConfidentialRosterRow = {
      id: randomUUID(),
      username: entry.username,
      validFrom: entry.validFrom,
      validTo: entry.validTo,
      approver: entry.approver,
      note: entry.note ?? null,
      createdAt: at,
      createdBy: actor,
      revokedAt: null,
      revokedBy: null,
    };
    await runDb(this.ds, () => this.repo.insert(row));
    return toEntry(row);
  }

  async list(): Promise<RosterEntry[]> {
    const rows = await runDb(this.ds, () => this.repo.find({ order: { validFrom: 'DESC', createdAt: 'DESC' } }));
    return rows.map(toEntry);
  }

  async revoke(id: string, actor: string, at: Date): Promise<RosterEntry> {
    return runDb(this.ds, async () => {
      if (id.length > 36) throw notFound(id);
      await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: at, revokedBy: actor });
      const row = await this.repo.findOneBy({ id });
      if (!row) throw notFound(id);
      return toEntry(row);
    });
  }

  async isRostered(username: string, at: Date): Promise<boolean> {
    const rows = await runDb(this.ds, () =>
      this.repo.find({ where: { username, validFrom: LessThanOrEqual(at), validTo: MoreThan(at) } }),
    );
    return rows.some((r) => !r.revokedAt || at.getTime() < r.revokedAt.getTime());
  }
}

function notFound(id: string): KotaeError {
  return new KotaeError('NOT_FOUND', `roster entry ${id}`, { userMessage: '名簿の登録が見つかりません。' });
}

function toEntry(r: ConfidentialRosterRow): RosterEntry {
  return {
    id: r.id,
    username: r.username,
    validFrom: r.validFrom,
    validTo: r.validTo,
    approver: r.approver,
    ...(r.note ? { note: r.note } : {}),
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    ...(r.revokedAt ? { revokedAt: r.revokedAt } : {}),
    ...(r.revokedBy ? { revokedBy: r.revokedBy } : {}),
  };
}
