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
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { anchorsFor, mergeLines, type AnchorLine, type ResolvedAnchors } from './anchor-lines';

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

/** Where appends wait for another instance's append (shared storage). */
const LOCK_OPTIONS = { realpath: false, stale: 10_000, retries: { retries: 50, minTimeout: 10, maxTimeout: 200 } };

/** Appends and reads the anchor file(s). */
export class AuditAnchorFile {
  constructor(
    readonly file: string,
    private readonly key: Buffer,
    private readonly options: { instance?: string; others?: readonly string[] } = {},
  ) {}

  /** The files read, this instance's first, each by its real path when it exists (as checkpoint rows name them). */
  files(): string[] {
    return [this.file, ...(this.options.others ?? [])].map((f) =>
      fs.existsSync(f) ? fs.realpathSync(f) : path.resolve(f),
    );
  }

  /** Appends one line (creating the file 0600) under the file's lock; returns the line's HMAC. */
  async append(line: AnchorLine): Promise<string> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const stamped: AnchorLine = this.options.instance ? { ...line, instance: this.options.instance } : line;
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
   * The anchors in force for database `db` (restore lines applied) over every file, or the first line
   * whose HMAC does not match. Without `db`, every line written before databases were named applies.
   */
  read(db = ''): AnchorReading {
    const perFile: AnchorLine[][] = [];
    const macs = new Set<string>();
    let lines = 0;
    const reading = (): AnchorReading => ({ ...anchorsFor(mergeLines(perFile), db), lines, macs });
    for (const file of [this.file, ...(this.options.others ?? [])]) {
      const parsed: AnchorLine[] = [];
      perFile.push(parsed);
      if (!fs.existsSync(file)) continue;
      const texts = fs.readFileSync(file, 'utf8').split('\n');
      // A last piece without its newline is an append still being written by another instance.
      texts.pop();
      for (const [i, text] of texts.entries()) {
        if (!text.trim()) continue;
        lines += 1;
        const p = parseLine(text);
        if (!p || !sameHex(p.mac, mac(this.key, p.line))) {
          return { ...reading(), badLine: { line: i + 1, seq: p?.line.seq ?? 0, file } };
        }
        macs.add(p.mac);
        parsed.push(p.line);
      }
    }
    return reading();
  }
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
