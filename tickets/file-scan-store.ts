/**
 * The port of the stored files' scan state, shared by the instances (db/: SqlFileScans): each stored file's
 * last verdict and the signature version it was scanned with, and the claim of the rescan scanning it now.
 * An infected verdict is the quarantine: every attachment row of that content stops being served. A released
 * verdict is an administrator's release of a false positive after a clean scan: served again, and skipped by a
 * rescan with the version it was released with.
 */

/** Where a stored file lives: the attachment store (by hash) or the folder of uploaded manuals. */
export type StoredFileKind = 'attachment' | 'manual';

/** One stored content. */
export interface StoredFileRef {
  kind: StoredFileKind;
  sha256: string;
  /** The manual's name (attachments: none; their names are on their rows). */
  fileName?: string;
}

/**
 * What `claim` found: `claimed` (scan it now), `current` (scanned with this version since the last `--all`),
 * `quarantined` (infected already), `busy` (another run holds it).
 */
export type ClaimOutcome = 'claimed' | 'current' | 'quarantined' | 'busy';

/** The quarantine of a content. */
export interface Quarantine {
  signature: string;
  /** When the rescan found it. */
  at: Date;
  /** A manual's name as the rescan that quarantined it saw it (attachments: none; their names are on their rows). */
  fileName?: string;
  /**
   * The instance (host name) whose rescan quarantined it: a manual's copy is in that instance's folder. None for
   * quarantines recorded before migration 1767500000000 or by a store that records no instance.
   */
  instance?: string;
}

/** The claim of one run. */
export interface ScanClaim {
  /** The run (`cli@host-pid-random`). */
  holder: string;
  now: Date;
  /** Until when the claim holds when the run stops without releasing it. */
  until: Date;
}

/** The stored files' scan state. */
export interface FileScanStore {
  /**
   * Claims `file` for a scan with signature `version` unless it is infected, was scanned with `version` after
   * `dueBefore` (the last `--all`), or another run's claim holds; atomically (one of several runs wins).
   */
  claim(file: StoredFileRef, version: string, dueBefore: Date | undefined, claim: ScanClaim): Promise<ClaimOutcome>;
  /** Records a clean verdict of the holder's claim and ends it. */
  recordClean(file: StoredFileRef, version: string, holder: string, at: Date): Promise<void>;
  /** Records an infected verdict; true for the one call that quarantined it (audit and count it then). */
  recordInfected(file: StoredFileRef, signature: string, version: string, holder: string, at: Date): Promise<boolean>;
  /** Ends the holder's claim without a verdict (the scan failed or the run stopped). */
  release(file: StoredFileRef, holder: string): Promise<void>;
  /** The quarantined contents among these attachment hashes. */
  quarantined(kind: StoredFileKind, sha256s: readonly string[]): Promise<Map<string, Quarantine>>;
  /** Marks every file scanned before `at` as due again (`--all`); later runs continue it after a stop. */
  requestFullRescan(at: Date): Promise<void>;
  /** When the last `--all` was asked for, if ever. */
  fullRescanRequested(): Promise<Date | undefined>;
  /**
   * Records the clean verdict of an upload's scan (with the scanner's signature version, asked when the scan
   * started), so the next rescan with that version skips it; an infected (quarantined) content stays infected.
   */
  recordUploadScan(file: StoredFileRef, version: string, at: Date): Promise<void>;
  /**
   * Lifts the quarantine of `file` after a clean scan with `version` at `at` (an administrator's release): the
   * verdict becomes `released` (the detection is kept), so a rescan with `version` skips it and a newer version
   * scans it again. Resolves with the quarantine lifted, or undefined when the content was not quarantined (any
   * more: of two releases at once, one lifts it). `by` (the administrator) and the quarantine lifted are kept.
   */
  releaseQuarantine(file: StoredFileRef, version: string, at: Date, by?: string): Promise<Quarantine | undefined>;
  /** The contents of `kind` quarantined before `before` (their files are removed after the keeping period). */
  quarantinedBefore(kind: StoredFileKind, before: Date): Promise<QuarantinedContent[]>;
  /**
   * Deletes the rows of attachment contents no attachment row references any more (deleted by retention),
   * last scanned before `before` (an upload in flight has its row written right after its scan) and not claimed.
   */
  purgeUnreferenced(before: Date, now: Date): Promise<number>;
}

/** A quarantined content. */
export interface QuarantinedContent extends Quarantine {
  sha256: string;
}
