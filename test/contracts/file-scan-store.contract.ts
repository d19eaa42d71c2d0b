/**
 * The FileScanStore standard suite: run against InMemoryFileScans and SqlFileScans (SQLite, PostgreSQL). A file
 * is claimed by one run at a time (an expired claim is taken over), its verdict is kept with the signature
 * version, a newer version or an `--all` request makes it due again, and an infected file is quarantined once.
 * An upload's clean scan is recorded with its version; the quarantined contents are listed by age; the rows of
 * contents no attachment row references are purged. An administrator's release lifts a quarantine once; the
 * released content is skipped by a rescan with the release's version and quarantined again by a newer one that
 * still finds it. A release outlives a later clean scan: the 隔離ファイル list (QuarantineList, SQL fixtures)
 * still shows it released, with the release's own time, version and administrator.
 */
import assert from 'node:assert/strict';
import type { FileScanStore, QuarantineList, StoredFileRef } from '../../tickets';

/** A fresh store per test. */
export interface FileScanStoreFixture {
  store: FileScanStore;
  /** The same rows through a store that records `instance` with each quarantine (a rescan on that instance). */
  on(instance: string): FileScanStore;
  /** Writes an attachment row referencing the content (the SQL suite: a row of the attachment table). */
  reference(sha256: string): Promise<void>;
  /** The 隔離ファイル list over the same rows (SQL fixtures; the fake has none). */
  list?: QuarantineList;
  close(): Promise<void>;
}

const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 9, minute));
const claim = (holder: string, minute: number) => ({ holder, now: at(minute), until: at(minute + 10) });
const file = (n: number, kind: StoredFileRef['kind'] = 'attachment'): StoredFileRef => ({
  kind,
  sha256: String(n).repeat(64).slice(0, 64),
});

/** Registers the suite. */
export function fileScanStoreContract(name: string, factory: () => Promise<FileScanStoreFixture>): void {
  describe(`FileScanStore contract: ${name}`, () => {
    let f: FileScanStoreFixture;
    beforeEach(async () => {
      f = await factory();
    });
    afterEach(() => f.close());

    it('lets one run claim a file; another run finds it busy until the claim expires or is released', async () => {
      const s = f.store;
      assert.equal(await s.claim(file(1), 'v1', undefined, claim('a', 0)), 'claimed');
      assert.equal(await s.claim(file(1), 'v1', undefined, claim('b', 1)), 'busy');
      assert.equal(await s.claim(file(1), 'v1', undefined, claim('a', 2)), 'claimed', 'its own claim again');
      assert.equal(await s.claim(file(1), 'v1', undefined, claim('b', 11)), 'busy', 'until (minute 12) not passed');
      assert.equal(await s.claim(file(1), 'v1', undefined, claim('b', 13)), 'claimed', 'expired: taken over');
      await s.release(file(1), 'a');
      assert.equal(await s.claim(file(1), 'v1', undefined, claim('c', 14)), 'busy', "a's release does not end b's");
      await s.release(file(1), 'b');
      assert.equal(await s.claim(file(1), 'v1', undefined, claim('c', 15)), 'claimed');
    });

    it('keeps a clean verdict per signature version; a newer version or an --all request makes it due again', async () => {
      const s = f.store;
      assert.equal(await s.claim(file(2), 'v1', undefined, claim('a', 0)), 'claimed');
      await s.recordClean(file(2), 'v1', 'a', at(1));
      assert.equal(await s.claim(file(2), 'v1', undefined, claim('b', 2)), 'current');
      assert.equal(await s.fullRescanRequested(), undefined);
      await s.requestFullRescan(at(3));
      assert.equal((await s.fullRescanRequested())?.toISOString(), at(3).toISOString());
      assert.equal(await s.claim(file(2), 'v1', at(3), claim('b', 4)), 'claimed', 'scanned before the request');
      await s.recordClean(file(2), 'v1', 'b', at(5));
      assert.equal(await s.claim(file(2), 'v1', at(3), claim('c', 6)), 'current', 'scanned after it');
      assert.equal(await s.claim(file(2), 'v2', at(3), claim('c', 7)), 'claimed', 'a newer signature version');
      await s.recordClean(file(2), 'v2', 'someone else', at(8));
      assert.equal(
        await s.claim(file(2), 'v2', at(3), claim('d', 9)),
        'busy',
        "a verdict without c's claim is ignored",
      );
    });

    it('quarantines an infected file once, for attachments of that content only', async () => {
      const s = f.store;
      assert.equal(await s.claim(file(3), 'v1', undefined, claim('a', 0)), 'claimed');
      assert.equal(await s.recordInfected(file(3), 'Eicar-Test-Signature', 'v1', 'a', at(1)), true);
      assert.equal(await s.recordInfected(file(3), 'Eicar-Test-Signature', 'v1', 'a', at(2)), false, 'once');
      assert.equal(await s.claim(file(3), 'v2', at(5), claim('b', 3)), 'quarantined', 'never scanned again');
      await s.claim(file(4), 'v1', undefined, claim('a', 0));
      await s.recordClean(file(4), 'v1', 'a', at(1));
      await s.claim(file(3, 'manual'), 'v1', undefined, claim('a', 0));
      await s.recordInfected(file(3, 'manual'), 'Kotae.Test.Marker-1', 'v1', 'a', at(1));
      const q = await s.quarantined('attachment', [file(3).sha256, file(4).sha256, file(5).sha256]);
      assert.deepEqual(
        [...q].map(([sha, v]) => [sha, v.signature, v.at.toISOString()]),
        [[file(3).sha256, 'Eicar-Test-Signature', at(1).toISOString()]],
      );
      assert.deepEqual([...(await s.quarantined('manual', [file(3).sha256])).keys()], [file(3).sha256]);
      assert.deepEqual([...(await s.quarantined('attachment', [])).keys()], []);
    });

    it('lets exactly one of ten runs claiming at once scan the file', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) => f.store.claim(file(6), 'v1', undefined, claim(`run-${i}`, 0))),
      );
      assert.deepEqual(
        outcomes.filter((o) => o === 'claimed').length + ':' + outcomes.filter((o) => o === 'busy').length,
        '1:9',
      );
    });

    it("records an upload's clean scan with its version: the rescan skips it, a newer version rescans it", async () => {
      const s = f.store;
      await s.recordUploadScan(file(7), 'v1', at(0));
      assert.equal(await s.claim(file(7), 'v1', undefined, claim('a', 1)), 'current');
      assert.equal(await s.claim(file(7), 'v2', undefined, claim('a', 2)), 'claimed');
      await s.recordClean(file(7), 'v2', 'a', at(3));
      await s.recordUploadScan(file(7), 'v1', at(4));
      assert.equal(await s.claim(file(7), 'v2', undefined, claim('b', 5)), 'claimed', 'the last scan counts');
      await s.recordInfected(file(7), 'Eicar-Test-Signature', 'v2', 'b', at(6));
      await s.recordUploadScan(file(7), 'v3', at(7));
      assert.equal(await s.claim(file(7), 'v3', undefined, claim('c', 8)), 'quarantined', 'stays quarantined');
      await s.recordUploadScan(file(8, 'manual'), 'v1', at(0));
      assert.equal(await s.claim(file(8, 'manual'), 'v1', undefined, claim('a', 1)), 'current');
      assert.equal(await s.claim(file(8), 'v1', undefined, claim('a', 1)), 'claimed', 'kinds are apart');
    });

    it('releases a quarantine once; a rescan with that version skips it, a newer version scans it again', async () => {
      const s = f.store;
      await s.claim(file(9), 'v1', undefined, claim('a', 0));
      await s.recordInfected(file(9), 'Sig-9', 'v1', 'a', at(1));
      assert.equal(await s.releaseQuarantine(file(10), 'v2', at(2)), undefined, 'never scanned');
      const [first, second] = await Promise.all([
        s.releaseQuarantine(file(9), 'v2', at(2)),
        s.releaseQuarantine(file(9), 'v2', at(2)),
      ]);
      const lifted = [first, second].filter((r) => r !== undefined);
      assert.deepEqual(
        lifted.map((q) => [q.signature, q.at.toISOString()]),
        [['Sig-9', at(1).toISOString()]],
        'one of two releases at once',
      );
      assert.equal(await s.releaseQuarantine(file(9), 'v2', at(3)), undefined, 'released already');
      assert.deepEqual([...(await s.quarantined('attachment', [file(9).sha256])).keys()], [], 'served again');
      assert.deepEqual(await s.quarantinedBefore('attachment', at(59)), [], 'not removed after the keeping period');
      assert.equal(await s.claim(file(9), 'v2', undefined, claim('b', 4)), 'current', 'released with v2');
      assert.equal(await s.claim(file(9), 'v3', undefined, claim('b', 5)), 'claimed', 'a newer version');
      assert.equal(await s.recordInfected(file(9), 'Sig-9b', 'v3', 'b', at(6)), true, 'quarantined again');
      assert.deepEqual(
        [...(await s.quarantined('attachment', [file(9).sha256]))].map(([, q]) => [q.signature, q.at.toISOString()]),
        [['Sig-9b', at(6).toISOString()]],
      );
    });

    it('keeps a release through a later clean scan; a newer detection quarantines it again', async () => {
      const s = f.store;
      await f.reference(file(11).sha256);
      await s.claim(file(11), 'v1', undefined, claim('a', 0));
      await s.recordInfected(file(11), 'Sig-11', 'v1', 'a', at(1));
      assert.equal((await s.releaseQuarantine(file(11), 'v2', at(2), 'admin1'))?.signature, 'Sig-11');
      assert.equal(await s.claim(file(11), 'v3', undefined, claim('b', 3)), 'claimed');
      await s.recordClean(file(11), 'v3', 'b', at(4));
      await s.recordUploadScan(file(11), 'v4', at(5));
      assert.deepEqual([...(await s.quarantined('attachment', [file(11).sha256])).keys()], [], 'served');
      assert.equal(await s.claim(file(11), 'v4', undefined, claim('c', 6)), 'current', 'the last scan counts');
      const listed = async () =>
        (await f.list?.page({ offset: 0, limit: 10, hideConfidential: false }))?.map((q) => ({
          sha256: q.sha256,
          signature: q.signature,
          quarantinedAt: q.quarantinedAt?.toISOString(),
          quarantineVersion: q.quarantineVersion,
          released: q.released && { ...q.released, at: q.released.at.toISOString() },
        }));
      const row = { sha256: file(11).sha256, quarantinedAt: at(1).toISOString(), quarantineVersion: 'v1' };
      if (f.list) {
        assert.deepEqual(await listed(), [
          { ...row, signature: 'Sig-11', released: { at: at(2).toISOString(), by: 'admin1', version: 'v2' } },
        ]);
      }
      assert.equal(await s.claim(file(11), 'v5', undefined, claim('c', 7)), 'claimed');
      assert.equal(await s.recordInfected(file(11), 'Sig-11b', 'v5', 'c', at(8)), true, 'quarantined again');
      if (f.list) {
        assert.deepEqual(await listed(), [
          {
            ...row,
            signature: 'Sig-11b',
            quarantinedAt: at(8).toISOString(),
            quarantineVersion: 'v5',
            released: undefined,
          },
        ]);
      }
    });

    it('names a quarantined manual as its rescan saw it; attachments carry no name', async () => {
      const s = f.store;
      const manual = { ...file(12, 'manual'), fileName: 'vpn.md' };
      await s.claim(manual, 'v1', undefined, claim('a', 0));
      await s.recordInfected(manual, 'Sig-12', 'v1', 'a', at(1));
      await s.claim(file(12), 'v1', undefined, claim('a', 0));
      await s.recordInfected(file(12), 'Sig-12', 'v1', 'a', at(1));
      const q = (await s.quarantined('manual', [manual.sha256])).get(manual.sha256);
      assert.deepEqual(q && { ...q, at: q.at.toISOString() }, {
        signature: 'Sig-12',
        at: at(1).toISOString(),
        fileName: 'vpn.md',
      });
      assert.equal((await s.quarantined('attachment', [manual.sha256])).get(manual.sha256)?.fileName, undefined);
    });

    it('records the instance whose rescan quarantined a content, until a quarantine by a store without one', async () => {
      const manual = { ...file(13, 'manual'), fileName: 'vpn.md' };
      const instanceOf = async () =>
        (await f.store.quarantined('manual', [manual.sha256])).get(manual.sha256)?.instance;
      const onA = f.on('kotae-a');
      await onA.claim(manual, 'v1', undefined, claim('a', 0));
      await onA.recordInfected(manual, 'Sig-13', 'v1', 'a', at(1));
      assert.equal(await instanceOf(), 'kotae-a');
      const listed = async () => (await f.list?.page({ offset: 0, limit: 10, hideConfidential: false })) ?? [];
      if (f.list)
        assert.deepEqual(
          (await listed()).map((l) => [l.fileName, l.quarantinedOn]),
          [['vpn.md', 'kotae-a']],
        );
      assert.ok(await f.store.releaseQuarantine(manual, 'v2', at(2), 'admin'));
      if (f.list)
        assert.deepEqual(
          (await listed()).map((l) => [l.fileName, l.quarantinedOn]),
          [['vpn.md', undefined]],
        );
      await f.store.claim(manual, 'v3', undefined, claim('b', 3));
      await f.store.recordInfected(manual, 'Sig-13', 'v3', 'b', at(4));
      assert.equal(await instanceOf(), undefined);
    });

    it('lists the contents quarantined before a time, by kind', async () => {
      const s = f.store;
      for (const [n, minute] of [
        [1, 10],
        [2, 20],
      ] as const) {
        await s.claim(file(n), 'v1', undefined, claim('a', 0));
        await s.recordInfected(file(n), `Sig-${n}`, 'v1', 'a', at(minute));
      }
      await s.claim(file(3, 'manual'), 'v1', undefined, claim('a', 0));
      await s.recordInfected(file(3, 'manual'), 'Sig-3', 'v1', 'a', at(5));
      await s.recordUploadScan(file(4), 'v1', at(1));
      const listed = async (kind: StoredFileRef['kind'], minute: number) =>
        (await s.quarantinedBefore(kind, at(minute))).map((q) => [q.sha256, q.signature, q.at.toISOString()]);
      assert.deepEqual(await listed('attachment', 20), [[file(1).sha256, 'Sig-1', at(10).toISOString()]]);
      assert.deepEqual((await listed('attachment', 21)).length, 2);
      assert.deepEqual(await listed('manual', 21), [[file(3).sha256, 'Sig-3', at(5).toISOString()]]);
      assert.deepEqual(await listed('attachment', 10), []);
    });

    it('purges the rows of attachment contents no row references, scanned before a time and not claimed', async () => {
      const s = f.store;
      await s.recordUploadScan(file(1), 'v1', at(0)); // unreferenced, old: purged
      await s.recordUploadScan(file(2), 'v1', at(0)); // referenced: kept
      await f.reference(file(2).sha256);
      await s.recordUploadScan(file(3), 'v1', at(30)); // scanned after the cutoff: kept
      await s.claim(file(4), 'v1', undefined, claim('a', 25)); // claimed until minute 35: kept
      await s.claim(file(5), 'v1', undefined, claim('a', 0)); // infected, unreferenced: purged
      await s.recordInfected(file(5), 'Sig-5', 'v1', 'a', at(1));
      await s.recordUploadScan(file(6, 'manual'), 'v1', at(0)); // a manual: kept
      assert.equal(await s.purgeUnreferenced(at(20), at(30)), 2);
      assert.equal(await s.purgeUnreferenced(at(20), at(30)), 0);
      assert.equal(await s.claim(file(1), 'v1', undefined, claim('b', 31)), 'claimed', 'purged: due again');
      assert.equal(await s.claim(file(2), 'v1', undefined, claim('b', 31)), 'current');
      assert.equal(await s.claim(file(3), 'v1', undefined, claim('b', 31)), 'current');
      assert.equal(await s.claim(file(4), 'v1', undefined, claim('b', 31)), 'busy');
      assert.equal(await s.claim(file(6, 'manual'), 'v1', undefined, claim('b', 31)), 'current');
      assert.deepEqual(await s.quarantinedBefore('attachment', at(59)), []);
    });
  });
}
