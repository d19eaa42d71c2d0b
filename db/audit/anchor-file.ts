/**
 * The anchor file (issue 11): an append-only JSON Lines file (0600, outside the database) of chain
 * heads — one line per checkpoint (start, daily, backup, restore) — each with its own HMAC, so the
 * database cannot be rolled back below a checkpoint unnoticed. A `restore` line declares that the
 * database was put back to an older head on purpose: checkpoints above it before that line no
 * longer apply.
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
import type { AuditHead } from '../../core';

/** One line of the anchor file. */
export interface AnchorLine extends AuditHead {
  type: 'anchor' | 'restore' | 'prune';
  /** What wrote it: start, daily, backup, restore, verify-cli… */
  source: string;
  at: string;
  /** The instance that wrote it (lines written before instance ids have none). */
  instance?: string;
}

/** The anchors in force, or the first altered line. */
export interface AnchorReading {
  anchors: AuditHead[];
  lines: number;
  /** Rows written before the key existed (the `key_created` checkpoint); unkeyed rows above it are refused. */
  legacyLimit?: number;
  /** The last row deleted by retention (the chain starts after it). */
  prunedThrough?: AuditHead;
  /** The first line whose HMAC does not match (line number in `file`). */
  badLine?: { line: number; seq: number; file?: string };
}

/** Source of the checkpoint written when the key is created: the head of the unkeyed rows before it. */
export const KEY_CREATED_SOURCE = 'key_created';

function mac(key: Buffer, line: AnchorLine): string {
  const canonical =
    line.instance === undefined
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

  /** Appends one line (creating the file 0600) under the file's lock. */
  async append(line: AnchorLine): Promise<void> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const stamped: AnchorLine = this.options.instance ? { ...line, instance: this.options.instance } : line;
    const text = `${JSON.stringify({ ...stamped, mac: mac(this.key, stamped) })}\n`;
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
  }

  /** The anchors in force (restore lines applied) over every file, or the first line whose HMAC does not match. */
  read(): AnchorReading {
    const perFile: AnchorLine[][] = [];
    let lines = 0;
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
          return { ...apply(merge(perFile)), lines, badLine: { line: i + 1, seq: p?.line.seq ?? 0, file } };
        }
        parsed.push(p.line);
      }
    }
    return { ...apply(merge(perFile)), lines };
  }
}

/** The lines of several files in time order, each file's own order kept. */
function merge(files: AnchorLine[][]): AnchorLine[] {
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

/** Applies the lines in order: restore lines drop the checkpoints above them, prune lines move the start. */
function apply(sorted: AnchorLine[]): Omit<AnchorReading, 'lines'> {
  let anchors: AuditHead[] = [];
  let legacyLimit: number | undefined;
  let prunedThrough: AuditHead | undefined;
  for (const line of sorted) {
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

function parseLine(text: string): { line: AnchorLine; mac: string } | undefined {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    const { type, seq, hash, source, at, mac: m, instance } = v;
    if (type !== 'anchor' && type !== 'restore' && type !== 'prune') return undefined;
    if (typeof seq !== 'number' || typeof hash !== 'string' || typeof source !== 'string') return undefined;
    if (typeof at !== 'string' || typeof m !== 'string') return undefined;
    if (instance !== undefined && typeof instance !== 'string') return undefined;
    const line: AnchorLine = { type, seq, hash, source, at, ...(instance !== undefined ? { instance } : {}) };
    return { line, mac: m };
  } catch {
    return undefined;
  }
}
