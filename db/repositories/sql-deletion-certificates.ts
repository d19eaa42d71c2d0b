/** DeletionCertificateStore on TypeORM (table deletion_certificate). */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DeletionCertificate, DeletionCertificateStore } from '../../jobs';
import type { DeletionCertificateRow } from '../schema';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';

function toCertificate(r: DeletionCertificateRow): DeletionCertificate {
  return {
    id: r.id,
    createdAt: r.createdAt,
    performedBy: r.performedBy,
    medium: r.medium,
    method: r.method,
    items: JSON.parse(r.items) as DeletionCertificate['items'],
    settings: JSON.parse(r.settings) as Record<string, unknown>,
    total: r.total,
    ...(r.residue ? { residue: JSON.parse(r.residue) as DeletionCertificate['residue'] } : {}),
  };
}

/** SQL implementation of the certificate store. */
export class SqlDeletionCertificates implements DeletionCertificateStore {
  constructor(private readonly ds: DataSource) {}

  private repo() {
    return managerOf(this.ds).getRepository<DeletionCertificateRow>('deletion_certificate');
  }

  async add(c: Omit<DeletionCertificate, 'id'>): Promise<DeletionCertificate> {
    const row: DeletionCertificateRow = {
      id: randomUUID(),
      createdAt: c.createdAt,
      performedBy: c.performedBy.slice(0, 100),
      medium: c.medium.slice(0, 200),
      method: c.method,
      items: JSON.stringify(c.items),
      settings: JSON.stringify(c.settings),
      total: c.total,
      residue: c.residue ? JSON.stringify(c.residue) : null,
    };
    await runDb(this.ds, () => this.repo().insert(row));
    return toCertificate(row);
  }

  async list(limit: number): Promise<DeletionCertificate[]> {
    const rows = await runDb(this.ds, () => this.repo().find({ order: { createdAt: 'DESC' }, take: limit }));
    return rows.map(toCertificate);
  }

  async get(id: string): Promise<DeletionCertificate | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    const row = await runDb(this.ds, () => this.repo().findOneBy({ id }));
    return row ? toCertificate(row) : undefined;
  }
}
