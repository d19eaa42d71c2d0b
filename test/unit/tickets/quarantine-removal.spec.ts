/**
 * QuarantineRemoval: the stored file of a content quarantined longer than the keeping period is deleted and
 * audited once; a younger quarantine, a clean content and a file already gone are left alone; quarantined manuals
 * older than the period go too.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeQuarantinedManuals } from '../../../app/manual-rescan-source';
import type { AuditEntry } from '../../../core';
import { QuarantineRemoval } from '../../../tickets';
import { InMemoryFileScans } from '../../fakes/in-memory-file-scans';

const DAY = 86_400_000;
const T0 = new Date('2026-06-01T00:00:00Z');
const hash = (n: number) => String(n).repeat(64);

describe('QuarantineRemoval (KOTAE_QUARANTINE_KEEP_DAYS)', () => {
  it('deletes the files quarantined before the keeping period, once, with one audit row each', async () => {
    const scans = new InMemoryFileScans();
    const quarantine = async (n: number, at: Date) => {
      const file = { kind: 'attachment' as const, sha256: hash(n) };
      await scans.claim(file, 'v1', undefined, { holder: 'a', now: at, until: at });
      await scans.recordInfected(file, `Sig-${n}`, 'v1', 'a', at);
    };
    await quarantine(1, new Date(T0.getTime() - 31 * DAY));
    await quarantine(2, new Date(T0.getTime() - 29 * DAY));
    await quarantine(3, new Date(T0.getTime() - 40 * DAY)); // its file is already gone
    await scans.recordUploadScan({ kind: 'attachment', sha256: hash(4) }, 'v1', new Date(T0.getTime() - 90 * DAY));
    const stored = new Set([hash(1), hash(2), hash(4)]);
    const audited: AuditEntry[] = [];
    const removal = new QuarantineRemoval({
      scans,
      files: { has: async (s) => stored.has(s), remove: async (s) => void stored.delete(s) },
      audit: { record: async (r) => void audited.push(r) },
      keepDays: 30,
    });
    assert.equal(await removal.removeExpired(T0), 1);
    assert.deepEqual([...stored].sort(), [hash(2), hash(4)]);
    assert.deepEqual(audited, [
      {
        actor: 'system',
        action: 'attachment.quarantine_removed',
        target: `attachment:${hash(1)}`,
        detail: {
          sha256: hash(1),
          signature: 'Sig-1',
          quarantinedAt: new Date(T0.getTime() - 31 * DAY).toISOString(),
          keepDays: 30,
        },
      },
    ]);
    assert.equal(await removal.removeExpired(T0), 0, 'once');
    assert.deepEqual((await scans.quarantined('attachment', [hash(1)])).get(hash(1))?.signature, 'Sig-1');
  });

  it('deletes quarantined manuals by the time in their name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-q-'));
    for (const name of ['20260501T090000Z-old.md', '20260520T090000Z-young.md', 'notes.txt'])
      fs.writeFileSync(path.join(dir, name), 'x');
    assert.equal(await removeQuarantinedManuals(dir, new Date('2026-05-02T00:00:00Z')), 1);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['20260520T090000Z-young.md', 'notes.txt']);
    assert.equal(await removeQuarantinedManuals(path.join(dir, 'missing'), T0), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
