/**
 * What a retention run leaves behind (the certificate's 残存 part, session 31): the deleted tickets'
 * numbers, the attachment folder as configured, and the copies that still hold the erased data — the
 * backup generations taken before the run, until the daily backup rotates them out, and the safety
 * copies of restores, until the retention period deletes them — each with the date it goes.
 */
import { jstDateKey, jstInstant, jstParts } from '../calendar';
import type { DeletionResidue, RetainedCopy } from './deletion-certificate';
import type { CopyInfo, RetainedCopies } from './retained-copies';

/** Where the erased data may remain, as configured. */
export interface ResidueSources {
  copies: RetainedCopies;
  backupDir: string;
  /** KOTAE_BACKUP_GENERATIONS and KOTAE_BACKUP_TIME; undefined when the scheduler is off. */
  rotation?: { generations: number; time: string };
  /** The database is backed up outside Kotae (SQL Server). */
  external: boolean;
  attachmentStorage: { dir: string; shared: boolean; instance: string };
}

const DAY_MS = 86_400_000;

/**
 * The first `count` daily job instants (JST `time`, 'HH:MM') strictly after `after`, leaving out the JST
 * day `skipDay` ('YYYY-MM-DD': the day's job already ran).
 */
export function dailySlots(after: Date, time: string, count: number, skipDay?: string): Date[] {
  const [hour, minute] = time.split(':').map(Number);
  const p = jstParts(after);
  const slots: Date[] = [];
  for (let day = 0; slots.length < count; day += 1) {
    const slot = jstInstant(p.year, p.month, p.day + day, hour, minute);
    if (slot.getTime() > after.getTime() && jstDateKey(slot) !== skipDay) slots.push(slot);
  }
  return slots;
}

/** The residue of a run at `now` whose shortest retention is `shortestDays`. */
export function buildResidue(
  sources: ResidueSources,
  now: Date,
  shortestDays: number,
  ticketNumbers: string[],
): DeletionResidue {
  const { rotation } = sources;
  const today = jstDateKey(now);
  // Retention ran today: a copy past its period goes at the first later run after that period.
  const expiry = (c: CopyInfo): Date | undefined =>
    rotation &&
    dailySlots(
      new Date(Math.max(now.getTime(), c.takenAt.getTime() + shortestDays * DAY_MS)),
      rotation.time,
      1,
      today,
    )[0];
  // Only copies taken before the run hold the erased data.
  const held = sources.copies.generations().filter((g) => g.takenAt.getTime() <= now.getTime());
  const newestDay = held[0] && jstDateKey(held[0].takenAt);
  const backups = rotation ? dailySlots(now, rotation.time, rotation.generations, newestDay) : [];
  const generations: RetainedCopy[] = held.map((g, i) => {
    if (!rotation) return copy(g);
    // Rotated out once `generations` newer ones exist; by age once past the period and no longer the newest.
    const rotated = backups[Math.max(0, rotation.generations - i - 1)];
    const byAge = new Date(Math.max(expiry(g)?.getTime() ?? Infinity, backups[0].getTime()));
    return copy(g, rotated.getTime() < byAge.getTime() ? rotated : byAge);
  });
  const last = generations
    .map((g) => g.goneBy)
    .reduce<string | undefined>((a, b) => (a && b && a > b ? a : b), undefined);
  return {
    ticketNumbers,
    attachmentStorage: sources.attachmentStorage,
    backups: {
      dir: sources.backupDir,
      generations,
      ...(rotation ? { rotation } : {}),
      ...(last ? { goneBy: last } : {}),
      external: sources.external,
    },
    beforeRestore: sources.copies.beforeRestore().map((c) => copy(c, expiry(c))),
  };
}

function copy(c: CopyInfo, goneBy?: Date): RetainedCopy {
  return { name: c.name, takenAt: c.takenAt.toISOString(), ...(goneBy ? { goneBy: goneBy.toISOString() } : {}) };
}
