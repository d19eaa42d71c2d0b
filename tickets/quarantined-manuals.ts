/**
 * The port of the quarantined manuals' folder (`<dataDir>/quarantine/manuals`, app/: quarantinedManualFiles) as an
 * administrator's release needs it: find the copy a rescan moved aside by its content, and move it back to the
 * uploaded manuals without replacing a newer upload of the same name.
 */

/** A quarantined manual's kept copy. */
export interface QuarantinedManualCopy {
  /** The manual's name in the uploads folder (without the quarantine's time stamp). */
  name: string;
  /** Its content, streamed. */
  read(): Promise<AsyncIterable<Uint8Array>>;
}

/** The quarantined manuals' folder and the uploads folder it returns them to. */
export interface QuarantinedManualFiles {
  /** The newest kept copy of `name` whose content has this hash; undefined once removed (keeping period). */
  find(sha256: string, name: string): Promise<QuarantinedManualCopy | undefined>;
  /** Whether the copy a rescan quarantined at `at` (to the second) under `name` is still here (one look-up). */
  kept(name: string, at: Date): Promise<boolean>;
  /** Whether the uploads folder holds a file of this name. */
  uploaded(name: string): Promise<boolean>;
  /** Moves the copy back into the uploads folder; false (nothing moved) when a file of that name is there. */
  restore(copy: QuarantinedManualCopy): Promise<boolean>;
  /** Undoes `restore` (its release was not saved): moves the manual from the uploads back to where the copy was. */
  unrestore(copy: QuarantinedManualCopy): Promise<void>;
}

/**
 * Where a quarantined manual's copy is, seen from this instance: `here` (in this folder), `elsewhere` (another
 * instance's folder, per-instance storage), `gone` (not in this folder although it was quarantined here: removed
 * by hand), `unrecorded` (quarantined before the instance was recorded: kept until the keeping period ends).
 */
export type ManualCopyPlace = 'here' | 'elsewhere' | 'gone' | 'unrecorded';

/** A quarantined manual as file_scan records it. */
export interface RecordedManualQuarantine {
  fileName: string;
  /** When the rescan quarantined it (its copy's name starts with this time). */
  at: Date;
  /** The instance whose rescan quarantined it; none before migration 1767500000000. */
  instance?: string;
}

/** This instance as the quarantined manuals' place sees it. */
export interface ManualCopyHere {
  /** This instance's name (host name), as a quarantine records it. */
  instance?: string;
  /** KOTAE_ATTACHMENT_STORAGE=instance: another instance's copy is in that instance's own folder. */
  perInstance: boolean;
}

/** Where the copy of `q` is: one look-up in this folder at most (the keeping period is the caller's). */
export async function manualCopyPlace(
  files: Pick<QuarantinedManualFiles, 'kept'>,
  here: ManualCopyHere,
  q: RecordedManualQuarantine,
): Promise<ManualCopyPlace> {
  if (!q.instance) return 'unrecorded';
  if (here.perInstance && here.instance && q.instance !== here.instance) return 'elsewhere';
  return (await files.kept(q.fileName, q.at)) ? 'here' : 'gone';
}

/** An administrator's release of a quarantined manual. */
export interface ManualReleaseRequest {
  /** The manual's content hash (file_scan `manual:<sha256>`). */
  sha256: string;
  reason: string;
  /** The administrator's user name. */
  actor: string;
}
