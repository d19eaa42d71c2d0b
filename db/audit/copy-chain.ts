/**
 * Verifies the audit chain held by a backup copy before it is restored: against the key, the
 * checkpoints at or below the copy's head, the checkpoint taken with the backup, and (when the copy
 * starts right after it) the retention prune declared in the anchor file.
 */
import type { AuditHead, AuditVerification } from '../../core';
import type { AnchorReading } from './anchor-file';
import { ChainVerifier, type ChainRow } from './audit-chain';

/** The verdict on the rows of a copy, in sequence order. */
export function verifyCopyChain(
  rows: readonly ChainRow[],
  key: Buffer,
  reading: AnchorReading,
  takenWith: AuditHead | undefined,
): AuditVerification {
  const head = rows.at(-1)?.seq ?? 0;
  const applicable = [...reading.anchors.filter((a) => a.seq <= head), ...(takenWith ? [takenWith] : [])];
  const pruned = reading.prunedThrough;
  const startsAfterPrune = pruned !== undefined && rows[0]?.seq === pruned.seq + 1;
  const verifier = new ChainVerifier(key, applicable, reading.legacyLimit, startsAfterPrune ? pruned : undefined);
  for (const r of rows) if (!verifier.feed(r)) break;
  return verifier.result();
}
