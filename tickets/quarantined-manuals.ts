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
  /** Whether the uploads folder holds a file of this name. */
  uploaded(name: string): Promise<boolean>;
  /** Moves the copy back into the uploads folder; false (nothing moved) when a file of that name is there. */
  restore(copy: QuarantinedManualCopy): Promise<boolean>;
}

/** An administrator's release of a quarantined manual. */
export interface ManualReleaseRequest {
  /** The manual's content hash (file_scan `manual:<sha256>`). */
  sha256: string;
  reason: string;
  /** The administrator's user name. */
  actor: string;
}
