/**
 * Appending transcript lines inside the caller's unit of work, each line told where it landed: appends to one
 * conversation take turns (SQLite runs one unit of work at a time; PostgreSQL / SQL Server hold a transaction
 * lock named after the conversation's transcript), so the count read before the insert is the line's index.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppendedLine, AppendListener, TranscriptEntry } from '../../conversations';
import type { TranscriptEntryRow } from '../schema';
import type { SqliteStatements } from '../sqlite-statements';
import { afterCommit } from '../transaction-scope';
import { lockKeyForTransaction } from './atomic-sql';

/** The transcript's length and its last `seq` (lines of old databases may share a seq; a new one sorts last). */
interface TranscriptEnd {
  n: number | string;
  last: number | string | null;
}

const END_SQL = 'SELECT COUNT(*) AS "n", MAX("seq") AS "last" FROM "transcript_entry" WHERE "conversationId" = ?';

/** SQLite: appends `entries` after the conversation's last line; returns where each landed. */
export function appendLinesSqlite(
  sqlite: SqliteStatements,
  conversationId: string,
  entries: readonly TranscriptEntry[],
): AppendedLine[] {
  if (entries.length === 0) return [];
  const end = sqlite.raw<TranscriptEnd>(END_SQL, [conversationId]);
  return entries.map((entry, i) => {
    sqlite.insert('transcript_entry', rowOf(conversationId, end, i, entry));
    return { conversationId, index: Number(end?.n ?? 0) + i, role: entry.role };
  });
}

/** TypeORM (PostgreSQL, SQL Server): the same, under the transcript's transaction lock. */
export async function appendLinesOrm(
  em: EntityManager,
  conversationId: string,
  entries: readonly TranscriptEntry[],
): Promise<AppendedLine[]> {
  if (entries.length === 0) return [];
  await lockKeyForTransaction(em, `transcript:${conversationId}`);
  const end = await em
    .getRepository<TranscriptEntryRow>('transcript_entry')
    .createQueryBuilder('t')
    .select('COUNT(*)', 'n')
    .addSelect('MAX(t.seq)', 'last')
    .where('t.conversationId = :conversationId', { conversationId })
    .getRawOne<TranscriptEnd>();
  const lines = em.getRepository<TranscriptEntryRow>('transcript_entry');
  const appended: AppendedLine[] = [];
  for (const [i, entry] of entries.entries()) {
    await lines.insert(rowOf(conversationId, end, i, entry));
    appended.push({ conversationId, index: Number(end?.n ?? 0) + i, role: entry.role });
  }
  return appended;
}

/** Tells `listener` of `lines` once the transaction open on `ds` has committed (never when it rolls back). */
export function reportAppended(ds: DataSource, listener: AppendListener, lines: readonly AppendedLine[]): void {
  if (lines.length) afterCommit(ds, () => lines.forEach(listener));
}

function rowOf(
  conversationId: string,
  end: TranscriptEnd | undefined,
  i: number,
  entry: TranscriptEntry,
): TranscriptEntryRow {
  const seq = Number(end?.last ?? 0) + 1 + i;
  return { id: randomUUID(), conversationId, seq, role: entry.role, text: entry.text, at: entry.at };
}
