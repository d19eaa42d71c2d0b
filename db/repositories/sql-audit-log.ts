/**
 * Tamper-evident audit log on TypeORM (table audit_log). Each row's hash is
 * sha256(prevHash + canonical row), so changing, removing or reordering a row breaks the chain.
 */
import { createHash, randomUUID } from 'node:crypto';
import { MoreThan, type DataSource, type Repository } from 'typeorm';
import type { AuditEntry, AuditRecord, AuditTrail, AuditVerification } from '../../tickets';
import type { AuditLogRow } from '../schema/rows';
import { mapDbError } from '../data-source';
import { runDb } from '../run-db';

/** prevHash of the first row. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** PostgreSQL advisory lock key serialising audit appends across instances ("audit" in ASCII). */
const AUDIT_LOCK_KEY = 0x6175646974;

/** The hash of a row given the previous row's hash. */
export function auditHash(
  prevHash: string,
  row: Pick<AuditLogRow, 'seq' | 'at' | 'actor' | 'action' | 'target' | 'detail'>,
): string {
  const canonical = JSON.stringify([row.seq, row.at.toISOString(), row.actor, row.action, row.target, row.detail]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/** A stored detail; a row whose detail is no longer JSON (tampered) still shows, as `{ raw }`. */
function parseDetail(detail: string | null): Record<string, unknown> | undefined {
  if (!detail) return undefined;
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : { raw: detail };
  } catch {
    return { raw: detail };
  }
}

/** SQL implementation of the audit trail, with verification of the hash chain. */
export class SqlAuditLog implements AuditTrail {
  /** Appends run one at a time in this process; the unique seq index guards against other processes. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(entry: AuditEntry): Promise<void> {
    const next = this.tail.then(() => runDb(this.ds, () => this.append(entry, 3)));
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * On SQLite not in a transaction (every store shares one connection and transactions cannot
   * nest); in-process appends are serialised by `record` and a fork by another process hits the
   * unique seq and retries. On PostgreSQL, where several instances append at once, the append runs
   * in a transaction holding an advisory lock, so instances take turns instead of colliding.
   */
  private async append(entry: AuditEntry, attempts: number): Promise<void> {
    try {
      if (this.ds.options.type === 'postgres') {
        await this.ds.transaction(async (em) => {
          await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
          await this.insertNext(em.getRepository<AuditLogRow>('audit_log'), entry);
        });
      } else {
        await this.insertNext(this.ds.getRepository<AuditLogRow>('audit_log'), entry);
      }
    } catch (err) {
      const clash = /UNIQUE|duplicate key/i.test(err instanceof Error ? err.message : String(err));
      if (clash && attempts > 1) return this.append(entry, attempts - 1);
      throw mapDbError(err);
    }
  }

  private async insertNext(repo: Repository<AuditLogRow>, entry: AuditEntry): Promise<void> {
    const last = await repo.find({ order: { seq: 'DESC' }, take: 1 });
    const fields = {
      seq: (last[0]?.seq ?? 0) + 1,
      at: this.now(),
      actor: entry.actor.slice(0, 100),
      action: entry.action.slice(0, 100),
      target: entry.target?.slice(0, 200) ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    };
    const prevHash = last[0]?.hash ?? AUDIT_GENESIS_HASH;
    await repo.insert({ id: randomUUID(), ...fields, prevHash, hash: auditHash(prevHash, fields) });
  }

  /** The latest entries, newest first. */
  async recent(limit: number): Promise<AuditRecord[]> {
    const rows = await runDb(this.ds, () =>
      this.ds.getRepository<AuditLogRow>('audit_log').find({ order: { seq: 'DESC' }, take: limit }),
    );
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      target: r.target ?? undefined,
      detail: parseDetail(r.detail),
      prevHash: r.prevHash,
      hash: r.hash,
    }));
  }

  /** Walks the whole chain; reports the first row whose link or hash does not match. */
  async verify(): Promise<AuditVerification> {
    const repo = this.ds.getRepository<AuditLogRow>('audit_log');
    let prevHash = AUDIT_GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const from = expectedSeq - 1;
      const rows = await runDb(this.ds, () =>
        repo.find({ where: { seq: MoreThan(from) }, order: { seq: 'ASC' }, take: 1000 }),
      );
      if (rows.length === 0) return { ok: true, count: expectedSeq - 1 };
      for (const row of rows) {
        if (row.seq !== expectedSeq || row.prevHash !== prevHash || row.hash !== auditHash(prevHash, row)) {
          return { ok: false, count: expectedSeq - 1, brokenAtSeq: expectedSeq };
        }
        prevHash = row.hash;
        expectedSeq += 1;
      }
    }
  }
}
