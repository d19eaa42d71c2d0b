/**
 * The database side of `kotae restore` (SQLite, issue 11): checks a backup copy (integrity_check,
 * row counts, the audit chain it holds against the key and the checkpoint taken with it) before it
 * replaces anything, and moves the current database aside instead of deleting it.
 */
import fs from 'node:fs';
import Sqlite from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { AuditHead, AuditVerification } from '../core';
import { KotaeError } from '../core';
import type { AnchorReading } from './audit';
import type { ChainRow } from './audit';
import { verifyCopyChain } from './audit';
import { verifyBackupFile } from './backup';
import { ALL_TABLES } from './schema';
import { managerOf } from './transaction-scope';

/** What a checked backup copy holds. */
export interface InspectedBackup {
  /** Rows per table (only tables present in the copy). */
  counts: Record<string, number>;
  /** The audit chain of the copy, checked with the key and the checkpoints up to its head. */
  audit: AuditVerification;
  /**
   * The database the copy was taken from (the identity its newest checkpoint names); undefined for a
   * copy taken before checkpoints named their database.
   */
  source?: string;
}

/** The anchor file as it applies to the copy's source database (undefined: the database restored into). */
export type AnchorsOfSource = (source: string | undefined) => AnchorReading;

/** The database a copy's newest checkpoint names (rows of audit_checkpoint, in any order). */
export function sourceOfCopy(rows: readonly { db: string; at: Date; seq: number }[]): string | undefined {
  const newest = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq).at(-1);
  return newest?.db;
}

/** Row counts of every Kotae table present in a SQLite file. */
function countsOf(db: Sqlite.Database): Record<string, number> {
  const present = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  const counts: Record<string, number> = {};
  for (const t of ALL_TABLES)
    if (present.has(t.name))
      counts[t.name] = (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n;
  return counts;
}

/**
 * Checks a plain (decrypted) SQLite copy: integrity_check, row counts, and its audit chain verified
 * with `key` against the checkpoints at or below its own head and the checkpoint `takenWith` (the
 * head recorded when the backup was taken, which the copy must contain).
 */
export function inspectSqliteBackup(
  file: string,
  key: Buffer,
  anchorsOf: AnchorsOfSource,
  takenWith: AuditHead | undefined,
): InspectedBackup {
  verifyBackupFile(file);
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const counts = countsOf(db);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as (Omit<ChainRow, 'at' | 'alg'> & {
      at: string;
      alg?: string | null;
    })[];
    // SQLite keeps TypeORM datetimes as 'YYYY-MM-DD HH:MM:SS.SSS' in UTC.
    const chain = rows.map((r) => ({ ...r, at: new Date(`${r.at.replace(' ', 'T')}Z`), alg: r.alg ?? null }));
    const checkpoints = 'audit_checkpoint' in counts ? checkpointsOf(db) : [];
    const source = sourceOfCopy(checkpoints);
    return { counts, audit: verifyCopyChain(chain, key, anchorsOf(source), takenWith), source };
  } finally {
    db.close();
  }
}

function checkpointsOf(db: Sqlite.Database): { db: string; at: Date; seq: number }[] {
  const rows = db.prepare('SELECT "db", "at", "seq" FROM "audit_checkpoint"').all() as {
    db: string;
    at: string;
    seq: number;
  }[];
  return rows.map((r) => ({ ...r, at: new Date(`${r.at.replace(' ', 'T')}Z`) }));
}

/** Row counts of every table through a data source (after the restore). */
export async function countRows(ds: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of ALL_TABLES) {
    const rows = (await managerOf(ds).query(`SELECT count(*) AS n FROM "${t.name}"`)) as { n: number | string }[];
    counts[t.name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** Moves `dbPath` and its -wal/-shm files to `<dbPath>.before-restore-<stamp>`; returns the new main path. */
export function moveDatabaseAside(dbPath: string, stamp: string): string {
  const aside = `${dbPath}.before-restore-${stamp}`;
  if (fs.existsSync(aside)) throw new KotaeError('CONFLICT', `${aside} already exists`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, aside + suffix);
  }
  return aside;
}

/** The audit head of a SQLite file (read-only), or undefined when it cannot be read. */
export function sqliteAuditHead(file: string): AuditHead | undefined {
  let db: Sqlite.Database | undefined;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true });
    const row = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined;
    return row ?? { seq: 0, hash: '' };
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}
