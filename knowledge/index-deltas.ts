/**
 * The delta log of an index generation on disk: each incremental update is one `delta-NNNNNN.bin`
 * bundle (removed chunk ids, added chunks, their vectors), written to a temporary name, flushed and
 * renamed, before the update is applied in memory. Opening the generation replays the log in order,
 * so an update survives a crash until the next full build (the merge) makes a new generation.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../core';
import { readBundle, requireArray, writeBundle } from './binary-bundle';
import type { PreparedDelta } from './index-delta';
import type { Chunk } from './types';

const DELTA_FILE = /^delta-(\d{6})\.bin$/;

/** Names of the delta files of a generation, in order. */
export function deltaFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => DELTA_FILE.test(f))
    .sort();
}

/** Appends a delta to the log of `dir`; returns its file name. */
export function writeDeltaFile(dir: string, delta: PreparedDelta): string {
  const last = deltaFiles(dir).at(-1);
  const seq = last ? Number(DELTA_FILE.exec(last)?.[1]) + 1 : 1;
  const name = `delta-${String(seq).padStart(6, '0')}.bin`;
  const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
  writeBundle(tmp, { removed: delta.removed, added: delta.added, dims: delta.dims }, { vectors: delta.vectors });
  // Flushed before the rename: a crash leaves either no delta or the whole one.
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path.join(dir, name));
  return name;
}

/** Reads the delta log of `dir` in order; a malformed file is KB_INDEX_CORRUPT. */
export function readDeltaFiles(dir: string): PreparedDelta[] {
  return deltaFiles(dir).map((name) => {
    const file = path.join(dir, name);
    const { meta, arrays } = readBundle(file);
    const m = meta as { removed?: unknown; added?: unknown; dims?: unknown };
    const vectors = requireArray(arrays, 'vectors', Float32Array, file);
    const ok =
      Array.isArray(m?.removed) &&
      m.removed.every((id) => typeof id === 'string') &&
      Array.isArray(m.added) &&
      m.added.every(isChunk) &&
      typeof m.dims === 'number' &&
      vectors.length === m.added.length * m.dims;
    if (!ok) throw new KotaeError('KB_INDEX_CORRUPT', `index delta ${file} malformed`);
    return { removed: m.removed as string[], added: m.added as Chunk[], dims: m.dims as number, vectors };
  });
}

function isChunk(c: unknown): boolean {
  const x = c as Partial<Chunk> | null;
  return (
    typeof x?.id === 'string' &&
    typeof x.documentId === 'string' &&
    Array.isArray(x.headingPath) &&
    typeof x.fields?.question === 'string' &&
    typeof x.fields.answer === 'string' &&
    typeof x.fields.body === 'string'
  );
}
