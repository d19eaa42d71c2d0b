/**
 * The anchor file (issue 11): an append-only JSON Lines file (0600, outside the database) of chain
 * heads — one line per checkpoint (start, periodic, daily, backup, restore) — each with its own HMAC, so
 * the database cannot be rolled back below a checkpoint unnoticed. Every line names the database it
 * checkpoints (`db`); which lines apply to which database, and what a `restore` line declares, is
 * db/audit/anchor-lines.ts.
 *
 * Several instances: each line names the instance that wrote it (covered by the HMAC). The file may
 * be on storage the instances share; appends then take a lock (proper-lockfile: a `<file>.lock`
 * directory, atomic on NFS too), so lines never interleave. Instances that keep files of their own
 * read the others' too (`others`, read-only): the lines of every file are merged in time order, so a
 * restore declared on one instance releases the higher checkpoints of all of them.
 *
 * The checkpoint after writes is not a line here but the server's head file beside it, overwritten
 * (db/audit/head-file.ts); reading takes in every head file beside every anchor file read.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { anchorsFor, mergeLines, type AnchorLine, type ResolvedAnchors } from './anchor-lines';
import { headFileOf, headFilesBeside, readHeadFile, replaceHeadFile } from './head-file';

export { KEY_CREATED_SOURCE, type AnchorLine } from './anchor-lines';

/** The anchors in force for one database, or the first altered line. */
export interface AnchorReading extends ResolvedAnchors {
  lines: number;
  /** The HMAC of every line read (of every database): a checkpoint the database recorded must be among them. */
  macs: ReadonlySet<string>;
  /** The first line whose HMAC does not match (line number in `file`). */
  badLine?: { line: number; seq: number; file?: string };
}

function mac(key: Buffer, line: AnchorLine): string {
  const canonical =
    line.db !== undefined
      ? JSON.stringify([
          'kotae-anchor-v3',
          line.type,
          line.seq,
          line.hash,
          line.source,
          line.at,
          line.instance ?? null,
          line.db,
          line.from ?? null,
        ])
      : line.instance === undefined
        ? JSON.stringify(['kotae-anchor-v1', line.type, line.seq, line.hash, line.source, line.at])
        : JSON.stringify(['kotae-anchor-v2', line.type, line.seq, line.hash, line.source, line.at, line.instance]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** One file's lines, or its first line whose HMAC does not match. */
type ParsedFile = { lines: { line: AnchorLine; mac: string }[]; bad?: { line: number; seq: number } };

/** Where appends wait for another instance's append (shared storage). */
const LOCK_OPTIONS = { realpath: false, stale: 10_000, retries: { retries: 50, minTimeout: 10, maxTimeout: 200 } };

/** Appends and reads the anchor file(s), and writes this server's head file beside its own. */
export class AuditAnchorFile {
  /**
   * `headSlot` names this server's head file (stable across restarts; default: the instance name),
   * so each server overwrites one file of its own.
   */
  constructor(
    readonly file: string,
    private readonly key: Buffer,
    private readonly options: { instance?: string; others?: readonly string[]; headSlot?: string } = {},
  ) {}

  /** The files read, this instance's first, each by its real path when it exists (as checkpoint rows name them). */
  files(): string[] {
    return [this.file, ...(this.options.others ?? [])].map((f) =>
      fs.existsSync(f) ? fs.realpathSync(f) : path.resolve(f),
    );
  }

  /** This server's head file (beside its anchor file). */
  headFile(): string {
    return headFileOf(this.file, this.options.headSlot ?? this.options.instance ?? 'default');
  }

  /** Appends one line (creating the file 0600) under the file's lock; returns the line's HMAC. */
  async append(line: AnchorLine): Promise<string> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const stamped = this.stamp(line);
    const lineMac = mac(this.key, stamped);
    const text = `${JSON.stringify({ ...stamped, mac: lineMac })}\n`;
    // The lock needs the file to exist; creating it empty is harmless for readers.
    fs.closeSync(fs.openSync(this.file, 'a', 0o600));
    const release = await lockfile.lock(this.file, LOCK_OPTIONS);
    try {
      const fd = fs.openSync(this.file, 'a', 0o600);
      try {
        fs.writeSync(fd, text);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } finally {
      await release();
    }
    return lineMac;
  }

  /**
   * Makes `line` (with `db`) this server's newest head of its database in the head file, replacing the
   * file atomically and keeping the lines of its other databases; returns the line's HMAC. A head file
   * holding an altered line is left as it is (evidence) and the write refused.
   */
  writeHead(line: AnchorLine & { db: string }): string {
    const file = this.headFile();
    const current = parseFile(this.key, readHeadFile(file) ?? '');
    if (current.bad) throw new Error(`audit head file ${file} has an altered line ${current.bad.line}`);
    const stamped = this.stamp(line);
    const lineMac = mac(this.key, stamped);
    const kept = current.lines.filter((p) => p.line.db !== line.db);
    const text = [...kept, { line: stamped, mac: lineMac }]
      .map((p) => `${JSON.stringify({ ...p.line, mac: p.mac })}\n`)
      .join('');
    replaceHeadFile(file, text);
    return lineMac;
  }

  /**
   * The anchors in force for database `db` (restore lines applied) over every file and the head files
   * beside them, or the first line whose HMAC does not match. Without `db`, every line written before
   * databases were named applies.
   */
  read(db = ''): AnchorReading {
    const perFile: AnchorLine[][] = [];
    const macs = new Set<string>();
    let lines = 0;
    const reading = (): AnchorReading => ({ ...anchorsFor(mergeLines(perFile), db), lines, macs });
    const anchorFiles = [this.file, ...(this.options.others ?? [])];
    const heads = [...new Set(anchorFiles.flatMap((f) => headFilesBeside(f).map((h) => path.resolve(h))))];
    for (const [file, isHead] of [
      ...anchorFiles.map((f) => [f, false] as const),
      ...heads.map((h) => [h, true] as const),
    ]) {
      const text = isHead ? readHeadFile(file) : fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      if (text === undefined) continue;
      const parsed = parseFile(this.key, text);
      lines += parsed.lines.length + (parsed.bad ? 1 : 0);
      for (const p of parsed.lines) macs.add(p.mac);
      // A head file holds one line per database, in no particular order.
      const own = parsed.lines.map((p) => p.line);
      perFile.push(isHead ? own.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) : own);
      if (parsed.bad) return { ...reading(), badLine: { ...parsed.bad, file } };
    }
    return reading();
  }

  private stamp(line: AnchorLine): AnchorLine {
    return this.options.instance ? { ...line, instance: this.options.instance } : line;
  }
}

/** The lines of one file up to the first altered one (a last piece without its newline is still being appended). */
function parseFile(key: Buffer, content: string): ParsedFile {
  const texts = content.split('\n');
  texts.pop();
  const lines: ParsedFile['lines'] = [];
  for (const [i, text] of texts.entries()) {
    if (!text.trim()) continue;
    const p = parseLine(text);
    if (!p || !sameHex(p.mac, mac(key, p.line))) return { lines, bad: { line: i + 1, seq: p?.line.seq ?? 0 } };
    lines.push(p);
  }
  return { lines };
}

function parseLine(text: string): { line: AnchorLine; mac: string } | undefined {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    const { type, seq, hash, source, at, mac: m, instance, db, from } = v;
    if (type !== 'anchor' && type !== 'restore' && type !== 'prune') return undefined;
    if (typeof seq !== 'number' || typeof hash !== 'string' || typeof source !== 'string') return undefined;
    if (typeof at !== 'string' || typeof m !== 'string') return undefined;
    if (instance !== undefined && typeof instance !== 'string') return undefined;
    if ((db !== undefined && typeof db !== 'string') || (from !== undefined && typeof from !== 'string'))
      return undefined;
    const line: AnchorLine = {
      type,
      seq,
      hash,
      source,
      at,
      ...(instance !== undefined ? { instance } : {}),
      ...(db !== undefined ? { db } : {}),
      ...(from !== undefined ? { from } : {}),
    };
    return { line, mac: m };
  } catch {
    return undefined;
  }
}
