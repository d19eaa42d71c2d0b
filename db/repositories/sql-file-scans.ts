/**
 * FileScanStore on TypeORM (table file_scan, one row per stored content). A claim is one conditional UPDATE
 * (`… WHERE id = ? AND not infected AND due AND (claimedUntil IS NULL OR claimedUntil < now)`) after an
 * insert-if-missing; its affected-row count says which run scans the file. An infected verdict is written
 * only `WHERE verdict IS NULL OR verdict <> 'infected'`, so of two runs exactly one quarantines and audits it; a
 * release is written only `WHERE verdict = 'infected'`, so of two releases exactly one lifts it.
 */
import type { DataSource } from 'typeorm';
import type {
  ClaimOutcome,
  FileScanStore,
  Quarantine,
  QuarantinedContent,
  ScanClaim,
  StoredFileKind,
  StoredFileRef,
} from '../../tickets';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';
import { isUniqueViolation } from './atomic-sql';

interface FileScanRow {
  id: string;
  store: string;
  sha256: string;
  fileName: string | null;
  verdict: string | null;
  signature: string | null;
  signatureVersion: string | null;
  scannedAt: Date | null;
  claimedBy: string | null;
  claimedUntil: Date | null;
  quarantinedAt: Date | null;
  quarantineVersion: string | null;
  releasedBy: string | null;
  releasedAt: Date | null;
  releaseVersion: string | null;
  releasedSignature: string | null;
  quarantinedOn: string | null;
}

/** The row of the `--all` request. */
const FULL_RESCAN = 'marker:full-rescan';

const idOf = (kind: StoredFileKind, sha256: string) => `${kind}:${sha256}`;

/** SQL implementation of FileScanStore. */
export class SqlFileScans implements FileScanStore {
  /**
   * `instance`: this instance's name (host name), recorded with each quarantine it writes (`quarantinedOn`: a
   * quarantined manual's copy is kept in that instance's folder); without it a quarantine records none.
   */
  constructor(
    private readonly ds: DataSource,
    private readonly options: { instance?: string } = {},
  ) {}

  private e(name: string): string {
    return this.ds.driver.escape(name);
  }

  private repo() {
    return managerOf(this.ds).getRepository<FileScanRow>('file_scan');
  }

  async claim(file: StoredFileRef, version: string, dueBefore: Date | undefined, c: ScanClaim): Promise<ClaimOutcome> {
    const e = (name: string) => this.e(name);
    const id = idOf(file.kind, file.sha256);
    return runDb(this.ds, async () => {
      await this.insertIfMissing(emptyRow(id, file.kind, file.sha256, file.fileName ?? null));
      const due = [
        `${e('verdict')} IS NULL`,
        `${e('signatureVersion')} IS NULL`,
        `${e('signatureVersion')} <> :version`,
        ...(dueBefore ? [`${e('scannedAt')} < :dueBefore`] : []),
      ].join(' OR ');
      const result = await managerOf(this.ds)
        .createQueryBuilder()
        .update('file_scan')
        .set({ claimedBy: c.holder, claimedUntil: c.until, ...(file.fileName ? { fileName: file.fileName } : {}) })
        .where(`${e('id')} = :id`, { id })
        .andWhere(`(${e('verdict')} IS NULL OR ${e('verdict')} <> 'infected')`)
        .andWhere(`(${due})`, { version, ...(dueBefore ? { dueBefore } : {}) })
        .andWhere(`(${e('claimedUntil')} IS NULL OR ${e('claimedUntil')} < :now OR ${e('claimedBy')} = :holder)`, {
          now: c.now,
          holder: c.holder,
        })
        .execute();
      if (result.affected === 1) return 'claimed';
      const row = await this.repo().findOneByOrFail({ id });
      if (row.verdict === 'infected') return 'quarantined';
      const stale = dueBefore !== undefined && (row.scannedAt === null || row.scannedAt < dueBefore);
      // Not claimable although due: another run's claim holds it.
      return row.verdict !== null && row.signatureVersion === version && !stale ? 'current' : 'busy';
    });
  }

  async recordClean(file: StoredFileRef, version: string, holder: string, at: Date): Promise<void> {
    const e = (name: string) => this.e(name);
    await runDb(this.ds, () =>
      managerOf(this.ds)
        .createQueryBuilder()
        .update('file_scan')
        .set({ verdict: 'clean', signature: null, signatureVersion: version, scannedAt: at, ...unclaimed })
        .where(`${e('id')} = :id AND ${e('claimedBy')} = :holder`, { id: idOf(file.kind, file.sha256), holder })
        .andWhere(`(${e('verdict')} IS NULL OR ${e('verdict')} <> 'infected')`)
        .execute(),
    );
  }

  async recordInfected(
    file: StoredFileRef,
    signature: string,
    version: string,
    holder: string,
    at: Date,
  ): Promise<boolean> {
    const e = (name: string) => this.e(name);
    const id = idOf(file.kind, file.sha256);
    const result = await runDb(this.ds, () =>
      managerOf(this.ds)
        .createQueryBuilder()
        .update('file_scan')
        .set({
          verdict: 'infected',
          signature: signature.slice(0, 200),
          signatureVersion: version,
          scannedAt: at,
          quarantinedOn: this.options.instance?.slice(0, 200) ?? null,
          ...unclaimed,
        })
        .where(`${e('id')} = :id AND ${e('claimedBy')} = :holder`, { id, holder })
        .andWhere(`(${e('verdict')} IS NULL OR ${e('verdict')} <> 'infected')`)
        .execute(),
    );
    return result.affected === 1;
  }

  async release(file: StoredFileRef, holder: string): Promise<void> {
    await runDb(this.ds, () => this.repo().update({ id: idOf(file.kind, file.sha256), claimedBy: holder }, unclaimed));
  }

  async quarantined(kind: StoredFileKind, sha256s: readonly string[]): Promise<Map<string, Quarantine>> {
    const found = new Map<string, Quarantine>();
    const ids = [...new Set(sha256s)].map((s) => idOf(kind, s));
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      const rows = await runDb(this.ds, () =>
        this.repo()
          .createQueryBuilder('f')
          .where('f.id IN (:...batch)', { batch })
          .andWhere("f.verdict = 'infected'")
          .getMany(),
      );
      for (const r of rows) {
        const name = r.store === 'manual' && r.fileName ? { fileName: r.fileName } : {};
        const on = r.quarantinedOn ? { instance: r.quarantinedOn } : {};
        found.set(r.sha256, { signature: r.signature ?? '', at: r.scannedAt ?? new Date(0), ...name, ...on });
      }
    }
    return found;
  }

  async requestFullRescan(at: Date): Promise<void> {
    await runDb(this.ds, async () => {
      await this.insertIfMissing({ ...emptyRow(FULL_RESCAN, 'marker', '', null), scannedAt: at });
      await this.repo().update({ id: FULL_RESCAN }, { scannedAt: at });
    });
  }

  async fullRescanRequested(): Promise<Date | undefined> {
    const row = await runDb(this.ds, () => this.repo().findOneBy({ id: FULL_RESCAN }));
    return row?.scannedAt ?? undefined;
  }

  async recordUploadScan(file: StoredFileRef, version: string, at: Date): Promise<void> {
    const e = (name: string) => this.e(name);
    const id = idOf(file.kind, file.sha256);
    await runDb(this.ds, async () => {
      await this.insertIfMissing(emptyRow(id, file.kind, file.sha256, file.fileName ?? null));
      await managerOf(this.ds)
        .createQueryBuilder()
        .update('file_scan')
        .set({ verdict: 'clean', signature: null, signatureVersion: version.slice(0, 200), scannedAt: at })
        .where(`${e('id')} = :id`, { id })
        .andWhere(`(${e('verdict')} IS NULL OR ${e('verdict')} <> 'infected')`)
        .execute();
    });
  }

  async releaseQuarantine(
    file: StoredFileRef,
    version: string,
    at: Date,
    by?: string,
  ): Promise<Quarantine | undefined> {
    const e = (name: string) => this.e(name);
    const id = idOf(file.kind, file.sha256);
    return runDb(this.ds, async () => {
      const row = await this.repo().findOneBy({ id });
      if (row?.verdict !== 'infected') return undefined;
      const result = await managerOf(this.ds)
        .createQueryBuilder()
        .update('file_scan')
        .set({
          verdict: 'released',
          signatureVersion: version.slice(0, 200),
          scannedAt: at,
          // What the release replaces, for the 隔離ファイル list; the release's own record outlives a clean rescan.
          quarantinedAt: row.scannedAt,
          quarantineVersion: row.signatureVersion,
          releasedBy: by?.slice(0, 100) ?? null,
          releasedAt: at,
          releaseVersion: version.slice(0, 200),
          releasedSignature: row.signature,
        })
        .where(`${e('id')} = :id AND ${e('verdict')} = 'infected'`, { id })
        .execute();
      return result.affected === 1 ? { signature: row.signature ?? '', at: row.scannedAt ?? new Date(0) } : undefined;
    });
  }

  async quarantinedBefore(kind: StoredFileKind, before: Date): Promise<QuarantinedContent[]> {
    const rows = await runDb(this.ds, () =>
      this.repo()
        .createQueryBuilder('f')
        .where('f.store = :kind', { kind })
        .andWhere("f.verdict = 'infected'")
        .andWhere('f.scannedAt < :before', { before })
        .orderBy('f.id')
        .getMany(),
    );
    return rows.map((r) => ({ sha256: r.sha256, signature: r.signature ?? '', at: r.scannedAt ?? new Date(0) }));
  }

  async purgeUnreferenced(before: Date, now: Date): Promise<number> {
    const e = (name: string) => this.e(name);
    const scan = e('file_scan');
    const result = await runDb(this.ds, () =>
      managerOf(this.ds)
        .createQueryBuilder()
        .delete()
        .from('file_scan')
        .where(`${e('store')} = 'attachment'`)
        .andWhere(`(${e('scannedAt')} IS NULL OR ${e('scannedAt')} < :before)`, { before })
        .andWhere(`(${e('claimedUntil')} IS NULL OR ${e('claimedUntil')} < :now)`, { now })
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM ${e('attachment')} ${e('a')} WHERE ${e('a')}.${e('sha256')} = ${scan}.${e('sha256')})`,
        )
        .execute(),
    );
    return result.affected ?? 0;
  }

  private async insertIfMissing(row: FileScanRow): Promise<void> {
    if (this.ds.options.type === 'mssql') {
      if (await this.repo().existsBy({ id: row.id })) return;
      try {
        await this.repo().insert(row);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      return;
    }
    await managerOf(this.ds).createQueryBuilder().insert().into('file_scan').values(row).orIgnore().execute();
  }
}

const unclaimed = { claimedBy: null, claimedUntil: null };

function emptyRow(id: string, store: string, sha256: string, fileName: string | null): FileScanRow {
  return {
    id,
    store,
    sha256,
    fileName: fileName?.slice(0, 400) ?? null,
    verdict: null,
    signature: null,
    signatureVersion: null,
    scannedAt: null,
    claimedBy: null,
    claimedUntil: null,
    quarantinedAt: null,
    quarantineVersion: null,
    releasedBy: null,
    releasedAt: null,
    releaseVersion: null,
    releasedSignature: null,
    quarantinedOn: null,
  };
}
