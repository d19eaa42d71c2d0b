/**
 * The backup folder: one generation is `kotae-YYYYMMDD-HHmmss.sqlite` (JST time of the run) plus
 * optional sidecars with the same stamp (`kotae-YYYYMMDD-HHmmss.faq-managed.csv`). Temporary files
 * end in `.tmp` and never count as a generation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { jstInstant, jstParts } from '../calendar';

/** One generation found in the backup folder. */
export interface BackupFile {
  /** `YYYYMMDD-HHmmss` (JST). */
  stamp: string;
  /** Absolute path of the database copy. */
  file: string;
  sizeBytes: number;
  /** Sidecar files of the same generation (absolute paths). */
  extras: string[];
  /** The database copy is encrypted (AES-256-GCM, `.enc`). */
  encrypted: boolean;
}

/** A generation's database copy: a SQLite file or a PostgreSQL dump (pg_dump custom format). */
const DB_FILE = /^kotae-(\d{8}-\d{6})\.(sqlite|dump)(\.enc)?$/;

/** `YYYYMMDD-HHmmss` of an instant in Japan time. */
export function backupStamp(now: Date): string {
  const p = jstParts(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}${two(p.month)}${two(p.day)}-${two(p.hour)}${two(p.minute)}${two(p.second)}`;
}

/** The instant a `YYYYMMDD-HHmmss` (JST) stamp names. */
export function stampTime(stamp: string): Date {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(stamp) ?? [];
  return new Date(jstInstant(Number(y), Number(mo), Number(d), Number(h), Number(mi)).getTime() + Number(s) * 1000);
}

/** The database file name of the generation taken at `now`. */
export function backupFileName(now: Date, extension: 'sqlite' | 'dump' = 'sqlite'): string {
  return `kotae-${backupStamp(now)}.${extension}`;
}

/** Every generation in `dir`, newest first (an absent folder has none). */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const names = fs.readdirSync(dir);
  return names
    .map((name) => DB_FILE.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const stamp = m[1];
      const file = path.join(dir, m[0]);
      const extras = names
        .filter((n) => n.startsWith(`kotae-${stamp}.`) && n !== m[0] && !n.endsWith('.tmp'))
        .map((n) => path.join(dir, n));
      return { stamp, file, sizeBytes: fs.statSync(file).size, extras, encrypted: m[3] === '.enc' };
    })
    .sort((a, b) => b.stamp.localeCompare(a.stamp));
}

/** Deletes every generation beyond the newest `keep` (at least 1); returns the deleted database files. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(Math.max(1, Math.floor(keep)));
  for (const generation of old) {
    // A generation's report files are a folder (kotae-<stamp>.reports).
    for (const f of [...generation.extras, generation.file]) fs.rmSync(f, { force: true, recursive: true });
  }
  return old.map((g) => g.file);
}

/** Copies `source` to `target` through a temporary name, so `target` is either whole or absent. */
export function copyFileAtomically(source: string, target: string): void {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.copyFileSync(source, tmp);
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Deletes generations taken before `cutoff` (retention: a copy older than the shortest retention
 * still holds data deleted since), always keeping the newest one; returns the deleted database files.
 */
export function pruneBackupsOlderThan(dir: string, cutoff: Date): string[] {
  const old = listBackups(dir)
    .slice(1)
    .filter((g) => stampTime(g.stamp).getTime() < cutoff.getTime());
  for (const generation of old) {
    for (const f of [...generation.extras, generation.file]) fs.rmSync(f, { force: true, recursive: true });
  }
  return old.map((g) => g.file);
}
