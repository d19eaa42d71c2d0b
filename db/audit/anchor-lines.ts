/**
 * Which checkpoint lines describe which database (issue 11, session 31), pure. Every line names the
 * database it checkpoints (`db`, its identity: db/audit/database-identity.ts), so a restore drill into
 * another database never touches the checkpoints of production. A `restore` line starts a database's
 * history over: it continues the chain of the database the copy came from (`from`, the same one for a
 * restore in place) up to the restored sequence number, as that database's lines stood at that moment.
 * Lines written before databases were named (no `db`) belong to the first database named in the file.
 */
import type { AuditHead } from '../../core';

/** One line of the anchor file. */
export interface AnchorLine extends AuditHead {
  type: 'anchor' | 'restore' | 'prune';
  /** What wrote it: start, daily, periodic, backup, restore, cli… */
  source: string;
  at: string;
  /** The instance that wrote it (lines written before instance ids have none). */
  instance?: string;
  /** The database it checkpoints (lines written before database identities have none). */
  db?: string;
  /** `restore` lines: the database whose chain the restored copy continues. */
  from?: string;
}

/** The checkpoints in force for one database. */
export interface ResolvedAnchors {
  anchors: AuditHead[];
  /** Rows written before the key existed (the `key_created` checkpoint); unkeyed rows above it are refused. */
  legacyLimit?: number;
  /** The last row deleted by retention (the chain starts after it). */
  prunedThrough?: AuditHead;
  /** When this database's history last started over (its last `restore` line). */
  restoredAt?: string;
}

/** Source of the checkpoint written when the key is created: the head of the unkeyed rows before it. */
export const KEY_CREATED_SOURCE = 'key_created';

/** The lines of several files in time order, each file's own order kept. */
export function mergeLines(files: AnchorLine[][]): AnchorLine[] {
  if (files.length === 1) return files[0];
  const next = files.map(() => 0);
  const out: AnchorLine[] = [];
  for (;;) {
    let pick = -1;
    for (const [f, lines] of files.entries()) {
      const line = lines[next[f]];
      if (line && (pick < 0 || line.at < files[pick][next[pick]].at)) pick = f;
    }
    if (pick < 0) return out;
    out.push(files[pick][next[pick]]);
    next[pick] += 1;
  }
}

/** The checkpoints in force for database `db`, from every line in time order. */
export function anchorsFor(sorted: readonly AnchorLine[], db: string): ResolvedAnchors {
  // Unnamed (older) lines belong to the first database a line names, else to whoever asks.
  const owner = sorted.find((l) => l.db !== undefined)?.db ?? db;
  const dbOf = (l: AnchorLine) => l.db ?? owner;
  const lines = linesOf(sorted, dbOf, db, sorted.length);
  const restore = lines.findLast((l) => l.type === 'restore' && dbOf(l) === db);
  return { ...apply(lines), restoredAt: restore?.at };
}

/** The lines describing `db` among the first `end` lines: its own since its last restore, after the source's. */
function linesOf(
  sorted: readonly AnchorLine[],
  dbOf: (l: AnchorLine) => string,
  db: string,
  end: number,
): AnchorLine[] {
  for (let i = end - 1; i >= 0; i -= 1) {
    const line = sorted[i];
    if (line.type !== 'restore' || dbOf(line) !== db) continue;
    // The source as it stood before this line (earlier lines only, so this ends), up to the restored head.
    const base = linesOf(sorted, dbOf, line.from ?? db, i).filter((l) => l.seq <= line.seq);
    return [...base, ...sorted.slice(i, end).filter((l) => dbOf(l) === db)];
  }
  return sorted.slice(0, end).filter((l) => dbOf(l) === db);
}

/** Applies lines in order: restore lines drop the checkpoints above them, prune lines move the start. */
function apply(lines: readonly AnchorLine[]): Omit<ResolvedAnchors, 'restoredAt'> {
  let anchors: AuditHead[] = [];
  let legacyLimit: number | undefined;
  let prunedThrough: AuditHead | undefined;
  for (const line of lines) {
    if (line.source === KEY_CREATED_SOURCE && legacyLimit === undefined) legacyLimit = line.seq;
    if (line.type === 'prune') {
      prunedThrough = { seq: line.seq, hash: line.hash };
      continue;
    }
    if (line.type === 'restore') anchors = anchors.filter((a) => a.seq <= line.seq);
    anchors.push({ seq: line.seq, hash: line.hash });
  }
  return { anchors, legacyLimit, prunedThrough };
}
