/**
 * The audit log on TypeORM (table audit_log), issue 11: rows chained with HMAC-SHA256 under the
 * audit key (db/audit/audit-chain.ts), appended inside the transaction of the change they describe
 * (db/transaction-scope.ts), and anchored in a file outside the database (db/audit/anchor-file.ts).
 * Appends take turns across instances under a transaction lock (PostgreSQL advisory lock, SQL
 * Server application lock; SQLite runs one unit of work at a time), so sequence numbers never fork.
 * Checkpoints name the database they describe (db/audit/database-identity.ts) and are recorded in the
 * database too (sql-audit-checkpoints.ts); UPDATE and DELETE are refused by the database's own trigger.
 * Listeners hear of every commit that appended rows (`onCommitted`: the checkpoint that follows writes,
 * kept in a head file of this server's, `coverHead`).
 */
import { randomUUID } from 'node:crypto';
import { LessThan, LessThanOrEqual, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import type { AuditEntry, AuditHead, AuditRecord, AuditTrail, AuditVerification } from '../../core';
import type { Logger } from '../../core';
import type { AuditLogRow } from '../schema';
import { AUDIT_GENESIS_HASH, AUDIT_HMAC_ALG, auditMac, ChainVerifier, databaseIdentity } from '../audit';
import type { AnchorReading, AuditAnchorFile } from '../audit';
import { addCheckpointRow, checkpointWithoutLine, lastCheckpointOf, withAuditPrune } from './sql-audit-checkpoints';
import { isUniqueViolation, lockKeyForTransaction } from './atomic-sql';
import { runDb } from '../run-db';
import { afterCommit, inOpenTransaction, inTransaction, managerOf } from '../transaction-scope';
import { SqliteStatements } from '../sqlite-statements';

export { AUDIT_GENESIS_HASH } from '../audit';

/** Name of the transaction lock serialising appends. */
const AUDIT_LOCK = 'kotae.audit_log';

/** What the audit log needs. */
export interface SqlAuditLogOptions {
  /** The audit key (loadAuditKey). */
  key: Buffer;
  /** The anchor file; without it verification cannot detect truncation (tests of the chain alone). */
  anchors?: AuditAnchorFile;
  now?: () => Date;
  logger?: Logger;
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

function sameHead(a: AuditHead, b: AuditHead | undefined): boolean {
  return b !== undefined && a.seq === b.seq && a.hash === b.hash;
}

/** SQL implementation of the audit trail, with verification and anchoring of the chain. */
export class SqlAuditLog implements AuditTrail {
  private readonly now: () => Date;
  private identityOnce?: Promise<string>;
  private readonly committedListeners = new Set<() => void>();
  /** The last head this process checkpointed or found checkpointed in a file it reads. */
  private covered?: AuditHead;

  constructor(
    private readonly ds: DataSource,
    private readonly options: SqlAuditLogOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Appends one entry: in the caller's open transaction, else in its own (retried on a seq clash). */
  record(entry: AuditEntry): Promise<void> {
    if (inOpenTransaction(this.ds)) return this.appendIn(managerOf(this.ds), entry);
    return this.standalone(entry, 3);
  }

  atomically<T>(change: () => Promise<T>, entry: (result: T) => AuditEntry | undefined): Promise<T> {
    return runDb(this.ds, () =>
      inTransaction(this.ds, async (em) => {
        const result = await change();
        const e = entry(result);
        if (e) await this.appendIn(em, e);
        return result;
      }),
    );
  }

  private async standalone(entry: AuditEntry, attempts: number): Promise<void> {
    try {
      await runDb(this.ds, () => inTransaction(this.ds, (em) => this.appendIn(em, entry)));
    } catch (err) {
      // Another process (e.g. a CLI command beside the server on SQLite) took the same seq.
      if (attempts > 1 && isUniqueViolation(err)) return this.standalone(entry, attempts - 1);
      throw err;
    }
  }

  /**
   * Calls `listener` after every commit that appended audit rows (once per transaction, off its
   * critical path; a listener that throws is logged); returns the unsubscribe function.
   */
  onCommitted(listener: () => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  private readonly notifyCommitted = (): void => {
    for (const listener of this.committedListeners) {
      try {
        listener();
      } catch (err) {
        this.options.logger?.warn('audit commit listener failed', { error: String(err) });
      }
    }
  };

  /** Appends `entry` with the manager of an open transaction (the lock is held until it ends). */
  async appendIn(em: EntityManager, entry: AuditEntry): Promise<void> {
    // SQLite: prepared statements on the connection of the open transaction (db/sqlite-statements.ts).
    const sqlite = SqliteStatements.of(this.ds);
    await lockKeyForTransaction(em, AUDIT_LOCK);
    const repo = em.getRepository<AuditLogRow>('audit_log');
    const head = sqlite
      ? sqlite.raw<{ seq: number; hash: string }>(
          'SELECT "seq", "hash" FROM "audit_log" ORDER BY "seq" DESC LIMIT 1',
          [],
        )
      : (await repo.find({ order: { seq: 'DESC' }, take: 1 }))[0];
    const fields = {
      seq: (head?.seq ?? 0) + 1,
      // Millisecond precision survives every dialect, so the hash verifies after a round trip.
      at: new Date(this.now().getTime()),
      actor: entry.actor.slice(0, 100),
      action: entry.action.slice(0, 100),
      target: entry.target?.slice(0, 200) ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    };
    const prevHash = head?.hash ?? AUDIT_GENESIS_HASH;
    const row: AuditLogRow = {
      id: randomUUID(),
      ...fields,
      prevHash,
      hash: auditMac(this.options.key, prevHash, fields),
      alg: AUDIT_HMAC_ALG,
    };
    if (sqlite) sqlite.insert('audit_log', row);
    else await repo.insert(row);
    if (this.committedListeners.size > 0) afterCommit(this.ds, this.notifyCommitted);
  }

  /**
   * False when the newest keyed row was not written with this key (another instance created its own
   * key file: every instance on one database needs the same one).
   */
  async headMatchesKey(): Promise<boolean> {
    const rows = await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<AuditLogRow>('audit_log')
        .find({ order: { seq: 'DESC' }, take: 1 }),
    );
    const row = rows[0];
    return !row || row.alg !== AUDIT_HMAC_ALG || row.hash === auditMac(this.options.key, row.prevHash, row);
  }

  /** The newest sequence number and hash (seq 0 and the genesis hash for an empty log). */
  async head(): Promise<AuditHead> {
    const rows = await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<AuditLogRow>('audit_log')
        .find({ order: { seq: 'DESC' }, take: 1 }),
    );
    return rows[0] ? { seq: rows[0].seq, hash: rows[0].hash } : { seq: 0, hash: AUDIT_GENESIS_HASH };
  }

  /** The identity of this database in the anchor file (read once). */
  identity(): Promise<string> {
    this.identityOnce ??= runDb(this.ds, () => databaseIdentity(this.ds));
    return this.identityOnce;
  }

  /**
   * Checkpoints the head: appended to the anchor file (naming this database), recorded in
   * audit_checkpoint with the line's HMAC and written to the structured log. `type` restore declares
   * that this database was put back to this head on purpose, continuing the chain of database `from`
   * (the one the restored copy came from; default: this one).
   */
  async anchor(source: string, type: 'anchor' | 'restore' = 'anchor', from?: string): Promise<AuditHead> {
    const head = await this.head();
    const anchors = this.options.anchors;
    if (anchors) {
      const db = await this.identity();
      const at = new Date(this.now().getTime());
      const restore = type === 'restore' ? { from: from ?? db } : {};
      const lineMac = await anchors.append({ type, ...head, source, at: at.toISOString(), db, ...restore });
      // After the line: a row whose line is missing means the file lost it.
      await runDb(this.ds, () =>
        addCheckpointRow(managerOf(this.ds), {
          lineMac,
          db,
          type,
          source: source.slice(0, 40),
          ...head,
          at,
          file: anchors.files()[0]!.slice(0, 300),
        }),
      );
    }
    this.options.logger?.info('audit anchor', { seq: head.seq, hash: head.hash, source, type });
    if (anchors) this.covered = head;
    return head;
  }

  /** Checkpoints the head unless this database's last checkpoint already holds it; the head written, or undefined. */
  async anchorIfMoved(source: string): Promise<AuditHead | undefined> {
    const head = await this.head();
    const db = await this.identity();
    const last = await runDb(this.ds, () => lastCheckpointOf(managerOf(this.ds), db));
    if (last && last.seq === head.seq && last.hash === head.hash) return undefined;
    return this.anchor(source);
  }

  /**
   * The checkpoint following this server's writes: the head made this server's newest in its head
   * file beside the anchor file (overwritten atomically, so it adds no line to the anchor file and no
   * row to audit_checkpoint), unless this process already checkpointed exactly this head. The head
   * written, or undefined (already covered, or no anchor file).
   */
  async coverHead(source: string): Promise<AuditHead | undefined> {
    const anchors = this.options.anchors;
    const head = await this.head();
    if (!anchors || sameHead(head, this.covered)) return undefined;
    const db = await this.identity();
    anchors.writeHead({ type: 'anchor', ...head, source, at: new Date(this.now().getTime()).toISOString(), db });
    this.options.logger?.info('audit anchor', { seq: head.seq, hash: head.hash, source, type: 'anchor' });
    this.covered = head;
    return head;
  }

  /** The anchor file as it applies to this database (empty without an anchor file). */
  async anchorReading(): Promise<AnchorReading> {
    const empty: AnchorReading = { anchors: [], lines: 0, macs: new Set() };
    return this.options.anchors?.read(await this.identity()) ?? empty;
  }

  /**
   * Retention of the audit log: deletes the oldest rows written before `cutoff` (a prefix of the
   * chain) and declares it in the anchor file, so verification starts after the last deleted row. The
   * deletion tells the append-only trigger how far it goes, in its own transaction.
   */
  async pruneBefore(cutoff: Date): Promise<number> {
    if (!this.options.anchors) return 0;
    const repo = this.ds.getRepository<AuditLogRow>('audit_log');
    const last = await runDb(this.ds, () =>
      repo.find({ where: { at: LessThan(cutoff) }, order: { seq: 'DESC' }, take: 1 }),
    );
    const through = last[0];
    // Always keep the head: the chain must go on from a stored row.
    const head = await this.head();
    if (!through || through.seq >= head.seq) return 0;
    await this.options.anchors.append({
      type: 'prune',
      seq: through.seq,
      hash: through.hash,
      source: 'retention',
      at: this.now().toISOString(),
      db: await this.identity(),
    });
    const result = await runDb(this.ds, () =>
      inTransaction(this.ds, (em) =>
        withAuditPrune(em, through.seq, () =>
          em.getRepository<AuditLogRow>('audit_log').delete({ seq: LessThanOrEqual(through.seq) }),
        ),
      ),
    );
    return result.affected ?? 0;
  }

  /** The latest entries, newest first. */
  async recent(limit: number): Promise<AuditRecord[]> {
    const rows = await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<AuditLogRow>('audit_log')
        .find({ order: { seq: 'DESC' }, take: limit }),
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

  /**
   * Walks the whole chain against the key and the anchors of this database; reports the first bad
   * sequence number. A checkpoint the database recorded whose line is gone from the anchor file (its
   * tail cut, or the file replaced) is reported too (`anchor_missing`).
   */
  async verify(): Promise<AuditVerification> {
    const reading = await this.anchorReading();
    const anchors = reading.anchors.length;
    if (reading.badLine) {
      return { ok: false, count: 0, brokenAtSeq: reading.badLine.seq, reason: 'anchor_file', anchors };
    }
    if (this.options.anchors) {
      const restoredAt = reading.restoredAt ? new Date(reading.restoredAt) : undefined;
      const files = new Set(this.options.anchors.files().map((f) => f.slice(0, 300)));
      const lost = await runDb(this.ds, () =>
        checkpointWithoutLine(managerOf(this.ds), reading.macs, files, restoredAt),
      );
      if (lost) return { ok: false, count: 0, brokenAtSeq: lost.seq, reason: 'anchor_missing', anchors };
    }
    const verifier = new ChainVerifier(this.options.key, reading.anchors, reading.legacyLimit, reading.prunedThrough);
    const repo = this.ds.getRepository<AuditLogRow>('audit_log');
    for (;;) {
      const from = verifier.next - 1;
      const rows = await runDb(this.ds, () =>
        repo.find({ where: { seq: MoreThan(from) }, order: { seq: 'ASC' }, take: 1000 }),
      );
      if (rows.length === 0 || !rows.every((row) => verifier.feed(row))) return verifier.result();
    }
  }
}
