/**
 * The anchor file (issue 11): an append-only JSON Lines file (0600, outside the database) of chain
 * heads — one line per checkpoint (start, daily, backup, restore) — each with its own HMAC, so the
 * database cannot be rolled back below a checkpoint unnoticed. A `restore` line declares that the
 * database was put back to an older head on purpose: checkpoints above it before that line no
 * longer apply.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditHead } from '../../core';

/** One line of the anchor file. */
export interface AnchorLine extends AuditHead {
  type: 'anchor' | 'restore' | 'prune';
  /** What wrote it: start, daily, backup, restore, verify-cli… */
  source: string;
  at: string;
}

/** The anchors in force, or the first altered line. */
export interface AnchorReading {
  anchors: AuditHead[];
  lines: number;
  /** Rows written before the key existed (the `key_created` checkpoint); unkeyed rows above it are refused. */
  legacyLimit?: number;
  /** The last row deleted by retention (the chain starts after it). */
  prunedThrough?: AuditHead;
  badLine?: { line: number; seq: number };
}

/** Source of the checkpoint written when the key is created: the head of the unkeyed rows before it. */
export const KEY_CREATED_SOURCE = 'key_created';

function mac(key: Buffer, line: AnchorLine): string {
  const canonical = JSON.stringify(['kotae-anchor-v1', line.type, line.seq, line.hash, line.source, line.at]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Appends and reads the anchor file. */
export class AuditAnchorFile {
  constructor(
    readonly file: string,
    private readonly key: Buffer,
  ) {}

  /** Appends one line (creating the file 0600). */
  append(line: AnchorLine): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const text = `${JSON.stringify({ ...line, mac: mac(this.key, line) })}\n`;
    const fd = fs.openSync(this.file, 'a', 0o600);
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The anchors in force (restore lines applied), or the first line whose HMAC does not match. */
  read(): AnchorReading {
    if (!fs.existsSync(this.file)) return { anchors: [], lines: 0 };
    const texts = fs.readFileSync(this.file, 'utf8').split('\n');
    let anchors: AuditHead[] = [];
    let lines = 0;
    let legacyLimit: number | undefined;
    let prunedThrough: AuditHead | undefined;
    for (const [i, text] of texts.entries()) {
      if (!text.trim()) continue;
      lines += 1;
      const parsed = parseLine(text);
      if (!parsed || !sameHex(parsed.mac, mac(this.key, parsed.line))) {
        return { anchors, lines, legacyLimit, prunedThrough, badLine: { line: i + 1, seq: parsed?.line.seq ?? 0 } };
      }
      const { line } = parsed;
      if (line.source === KEY_CREATED_SOURCE && legacyLimit === undefined) legacyLimit = line.seq;
      if (line.type === 'prune') {
        prunedThrough = { seq: line.seq, hash: line.hash };
        continue;
      }
      if (line.type === 'restore') anchors = anchors.filter((a) => a.seq <= line.seq);
      anchors.push({ seq: line.seq, hash: line.hash });
    }
    return { anchors, lines, legacyLimit, prunedThrough };
  }
}

function parseLine(text: string): { line: AnchorLine; mac: string } | undefined {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    const { type, seq, hash, source, at, mac: m } = v;
    if (type !== 'anchor' && type !== 'restore' && type !== 'prune') return undefined;
    if (typeof seq !== 'number' || typeof hash !== 'string' || typeof source !== 'string') return undefined;
    if (typeof at !== 'string' || typeof m !== 'string') return undefined;
    return { line: { type, seq, hash, source, at }, mac: m };
  } catch {
    return undefined;
  }
}
