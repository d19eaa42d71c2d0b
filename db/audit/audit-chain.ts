/**
 * The audit chain (issue 11), pure: each row's `hash` is HMAC-SHA256(key, canonical content with
 * seq and prevHash), so editing, forging or re-hashing a row without the key breaks it; rows written
 * before the key existed carry plain SHA-256 (`alg` null) and are accepted only before the first
 * keyed row. Anchors kept outside the database catch what a consistent chain cannot show: newest
 * rows (or all rows) deleted.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AuditBreak, AuditHead, AuditVerification } from '../../core';

/** prevHash of the first row. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** `alg` of keyed rows. */
export const AUDIT_HMAC_ALG = 'hmac-sha256';

/** The stored fields a row's hash covers. */
export interface ChainFields {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

/** A stored row as verification reads it. */
export interface ChainRow extends ChainFields {
  prevHash: string;
  hash: string;
  alg: string | null;
}

/** The plain SHA-256 of rows written before the key (kept to verify them). */
export function legacyAuditHash(prevHash: string, row: ChainFields): string {
  const canonical = JSON.stringify([row.seq, row.at.toISOString(), row.actor, row.action, row.target, row.detail]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/** The keyed hash of a row. */
export function auditMac(key: Buffer, prevHash: string, row: ChainFields): string {
  const canonical = JSON.stringify([
    'kotae-audit-v2',
    row.seq,
    row.at.toISOString(),
    row.actor,
    row.action,
    row.target,
    row.detail,
    prevHash,
  ]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

/** Walks rows in sequence order and checks each against the key and the anchors. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = AUDIT_GENESIS_HASH;
  private keyed = false;
  private broken?: { seq: number; reason: AuditBreak };
  private readonly anchored: Map<number, string>;
  private readonly highestAnchor: number;

  /**
   * `legacyLimit`: the highest sequence number an unkeyed row may have (the rows that existed when
   * the key was created); without it unkeyed rows are accepted before the first keyed row.
   */
  constructor(
    private readonly key: Buffer,
    anchors: readonly AuditHead[],
    private readonly legacyLimit?: number,
    prunedThrough?: AuditHead,
  ) {
    // Rows up to a declared retention prune are gone on purpose: the chain starts after the last one.
    if (prunedThrough) {
      this.expectedSeq = prunedThrough.seq + 1;
      this.prevHash = prunedThrough.hash;
    }
    this.anchored = new Map(anchors.map((a) => [a.seq, a.hash]));
    this.highestAnchor = anchors.reduce((max, a) => Math.max(max, a.seq), 0);
  }

  /** The sequence number the next row must have. */
  get next(): number {
    return this.expectedSeq;
  }

  /** Checks one row; false once the chain is broken (stop feeding). */
  feed(row: ChainRow): boolean {
    if (this.broken) return false;
    const seq = this.expectedSeq;
    if (row.seq !== seq) return this.fail(seq, 'gap');
    if (row.prevHash !== this.prevHash) return this.fail(seq, 'link');
    if (row.alg === AUDIT_HMAC_ALG) {
      this.keyed = true;
      if (row.hash !== auditMac(this.key, row.prevHash, row)) return this.fail(seq, 'mac');
    } else {
      const beyondLimit = this.legacyLimit !== undefined && seq > this.legacyLimit;
      if (this.keyed || row.alg !== null || beyondLimit) return this.fail(seq, 'legacy');
      if (row.hash !== legacyAuditHash(row.prevHash, row)) return this.fail(seq, 'mac');
    }
    const anchoredHash = this.anchored.get(seq);
    if (anchoredHash !== undefined && anchoredHash !== row.hash) return this.fail(seq, 'anchor');
    this.prevHash = row.hash;
    this.expectedSeq += 1;
    return true;
  }

  /** The verdict after the last row. */
  result(): AuditVerification {
    const count = this.expectedSeq - 1;
    const anchors = this.anchored.size;
    if (this.broken) return { ok: false, count, brokenAtSeq: this.broken.seq, reason: this.broken.reason, anchors };
    if (this.highestAnchor > count) return { ok: false, count, brokenAtSeq: count + 1, reason: 'truncated', anchors };
    return { ok: true, count, head: { seq: count, hash: this.prevHash }, anchors };
  }

  private fail(seq: number, reason: AuditBreak): false {
    this.broken = { seq, reason };
    return false;
  }
}
