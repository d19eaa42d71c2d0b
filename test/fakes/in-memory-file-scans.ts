/** FileScanStore in memory: the claim, verdict and quarantine rules of SqlFileScans, in one process. */
import type {
  ClaimOutcome,
  FileScanStore,
  Quarantine,
  QuarantinedContent,
  ScanClaim,
  StoredFileKind,
  StoredFileRef,
} from '../../tickets';

interface Entry {
  verdict?: 'clean' | 'infected' | 'released';
  signature?: string;
  version?: string;
  scannedAt?: Date;
  claimedBy?: string;
  claimedUntil?: Date;
  /** A manual's name, as the last claim or upload named it. */
  fileName?: string;
  /** The instance whose quarantine this is (SqlFileScans: quarantinedOn). */
  instance?: string;
}

/** In-memory scan state of stored files. */
export class InMemoryFileScans implements FileScanStore {
  private entries = new Map<string, Entry>();
  private fullRescan?: Date;

  /**
   * `referenced`: whether an attachment row still references a content (the attachment table's part);
   * `instance`: recorded with each quarantine, as SqlFileScans's option.
   */
  constructor(
    private readonly referenced: (sha256: string) => boolean = () => false,
    private readonly instance?: string,
  ) {}

  /** The same scan state through a store that records `instance` with each quarantine (another instance). */
  on(instance: string): InMemoryFileScans {
    const other = new InMemoryFileScans(this.referenced, instance);
    other.entries = this.entries;
    return other;
  }

  private entry(file: StoredFileRef): Entry {
    const id = `${file.kind}:${file.sha256}`;
    // As SqlFileScans: a new row takes the name; a successful claim renames it.
    if (!this.entries.has(id)) this.entries.set(id, file.fileName ? { fileName: file.fileName } : {});
    return this.entries.get(id)!;
  }

  async claim(file: StoredFileRef, version: string, dueBefore: Date | undefined, c: ScanClaim): Promise<ClaimOutcome> {
    const e = this.entry(file);
    if (e.verdict === 'infected') return 'quarantined';
    const stale = dueBefore !== undefined && (!e.scannedAt || e.scannedAt < dueBefore);
    if (e.verdict && e.version === version && !stale) return 'current';
    const free = !e.claimedUntil || e.claimedUntil < c.now || e.claimedBy === c.holder;
    if (!free) return 'busy';
    Object.assign(e, {
      claimedBy: c.holder,
      claimedUntil: c.until,
      ...(file.fileName ? { fileName: file.fileName } : {}),
    });
    return 'claimed';
  }

  async recordClean(file: StoredFileRef, version: string, holder: string, at: Date): Promise<void> {
    const e = this.entry(file);
    if (e.claimedBy !== holder || e.verdict === 'infected') return;
    Object.assign(e, { verdict: 'clean', signature: undefined, version, scannedAt: at });
    Object.assign(e, { claimedBy: undefined, claimedUntil: undefined });
  }

  async recordInfected(
    file: StoredFileRef,
    signature: string,
    version: string,
    holder: string,
    at: Date,
  ): Promise<boolean> {
    const e = this.entry(file);
    if (e.claimedBy !== holder || e.verdict === 'infected') return false;
    Object.assign(e, { verdict: 'infected', signature, version, scannedAt: at, instance: this.instance });
    Object.assign(e, { claimedBy: undefined, claimedUntil: undefined });
    return true;
  }

  async release(file: StoredFileRef, holder: string): Promise<void> {
    const e = this.entry(file);
    if (e.claimedBy === holder) Object.assign(e, { claimedBy: undefined, claimedUntil: undefined });
  }

  async quarantined(kind: StoredFileKind, sha256s: readonly string[]): Promise<Map<string, Quarantine>> {
    const found = new Map<string, Quarantine>();
    for (const sha of sha256s) {
      const e = this.entries.get(`${kind}:${sha}`);
      if (e?.verdict !== 'infected') continue;
      const name = kind === 'manual' && e.fileName ? { fileName: e.fileName } : {};
      const on = e.instance ? { instance: e.instance } : {};
      found.set(sha, { signature: e.signature ?? '', at: e.scannedAt ?? new Date(0), ...name, ...on });
    }
    return found;
  }

  async requestFullRescan(at: Date): Promise<void> {
    this.fullRescan = at;
  }

  async fullRescanRequested(): Promise<Date | undefined> {
    return this.fullRescan;
  }

  async recordUploadScan(file: StoredFileRef, version: string, at: Date): Promise<void> {
    const e = this.entry(file);
    if (e.verdict !== 'infected') Object.assign(e, { verdict: 'clean', signature: undefined, version, scannedAt: at });
  }

  async releaseQuarantine(file: StoredFileRef, version: string, at: Date): Promise<Quarantine | undefined> {
    const e = this.entries.get(`${file.kind}:${file.sha256}`);
    if (e?.verdict !== 'infected') return undefined;
    const lifted = { signature: e.signature ?? '', at: e.scannedAt ?? new Date(0) };
    Object.assign(e, { verdict: 'released', version, scannedAt: at });
    return lifted;
  }

  async quarantinedBefore(kind: StoredFileKind, before: Date): Promise<QuarantinedContent[]> {
    return [...this.entries]
      .filter(([id, e]) => id.startsWith(`${kind}:`) && e.verdict === 'infected' && e.scannedAt! < before)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, e]) => ({ sha256: id.slice(kind.length + 1), signature: e.signature ?? '', at: e.scannedAt! }));
  }

  async purgeUnreferenced(before: Date, now: Date): Promise<number> {
    let purged = 0;
    for (const [id, e] of this.entries) {
      const sha = id.slice('attachment:'.length);
      if (!id.startsWith('attachment:') || this.referenced(sha)) continue;
      if ((e.scannedAt && e.scannedAt >= before) || (e.claimedUntil && e.claimedUntil >= now)) continue;
      this.entries.delete(id);
      purged += 1;
    }
    return purged;
  }
}
