/**
 * Another reading of a text — dictated numbers as typed, words broken across a line rejoined — which the detectors
 * read again: per character of it, the range of the original it stands for.
 */
export interface Reading {
  text: string;
  /** Original start index of each character. */
  from: number[];
  /** Original end index (exclusive) of each character. */
  to: number[];
  /** Whether a span [start, end) of the reading holds what it changed (only there does it tell more than the text). */
  changed(start: number, end: number): boolean;
}
