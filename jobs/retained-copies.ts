/**
 * The copies of the database that outlive a deletion (session 31): the backup generations and the
 * safety copies `kotae restore` sets aside (`<backup dir>/before-restore-<stamp>.dump[.enc]` for
 * PostgreSQL, `<database file>.before-restore-<stamp>` with its -wal/-shm for SQLite). Retention
 * lists them on the certificate and deletes those taken before the shortest retention period.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listBackups, pruneBackupsOlderThan, stampTime } from './backup-files';

/** One copy: its name (a generation's database file name, a safety copy's path) and when it was taken. */
export interface CopyInfo {
  name: string;
  takenAt: Date;
}

/** Port: the copies that may still hold deleted data. */
export interface RetainedCopies {
  /** Backup generations, newest first. */
  generations(): CopyInfo[];
  /** Safety copies of restores, oldest first. */
  beforeRestore(): CopyInfo[];
  /** Deletes generations (the newest is kept) and safety copies taken before `cutoff`; returns what went. */
  pruneOlderThan(cutoff: Date): { generations: string[]; beforeRestore: string[] };
}

/** Where the copies are. */
export interface RetainedCopyPlaces {
  backupDir: string;
  /** The SQLite database file (its safety copies lie beside it); undefined for server databases. */
  databaseFile?: string;
}

const STAMP = '(\\d{8}-\\d{6})';

interface SafetyCopy extends CopyInfo {
  files: string[];
}

function safetyCopies(places: RetainedCopyPlaces): SafetyCopy[] {
  const found: SafetyCopy[] = [];
  const scan = (dir: string, pattern: RegExp) => {
    if (!fs.existsSync(dir)) return;
    const names = fs.readdirSync(dir);
    for (const name of names) {
      const m = pattern.exec(name);
      if (!m) continue;
      const file = path.join(dir, name);
      // SQLite's copy keeps its -wal/-shm beside it: they go with it.
      const files = [file, ...['-wal', '-shm'].map((s) => file + s).filter((f) => names.includes(path.basename(f)))];
      found.push({ name: file, takenAt: stampTime(m[1]), files });
    }
  };
  scan(places.backupDir, new RegExp(`^before-restore-${STAMP}\\.dump(\\.enc)?$`));
  if (places.databaseFile) {
    const base = path.basename(places.databaseFile).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    scan(path.dirname(places.databaseFile), new RegExp(`^${base}\\.before-restore-${STAMP}$`));
  }
  return found.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

/** The copies in the backup folder and beside the SQLite file. */
export function retainedCopies(places: RetainedCopyPlaces): RetainedCopies {
  return {
    generations: () =>
      listBackups(places.backupDir).map((g) => ({ name: path.basename(g.file), takenAt: stampTime(g.stamp) })),
    beforeRestore: () => safetyCopies(places).map(({ name, takenAt }) => ({ name, takenAt })),
    pruneOlderThan(cutoff) {
      const generations = pruneBackupsOlderThan(places.backupDir, cutoff);
      const old = safetyCopies(places).filter((c) => c.takenAt.getTime() < cutoff.getTime());
      for (const copy of old) for (const f of copy.files) fs.rmSync(f, { force: true });
      return { generations, beforeRestore: old.map((c) => c.name) };
    },
  };
}
