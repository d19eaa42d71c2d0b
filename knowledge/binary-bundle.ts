/**
 * A file of named typed arrays plus a JSON header: `KOTAEBIN` magic, header length (uint32 LE),
 * header JSON, then the arrays, each 8-byte aligned. Any mismatch on reading is KB_INDEX_CORRUPT.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { KotaeError } from '../core';

/** Array kinds a bundle may hold. */
export type BundleArray = Int32Array | Float32Array | Uint8Array;
type Kind = 'i32' | 'f32' | 'u8';

const MAGIC = 'KOTAEBIN';

/** Writes `meta` and `arrays` into one file. */
export function writeBundle(file: string, meta: unknown, arrays: Record<string, BundleArray>): void {
  const entries: { name: string; kind: Kind; offset: number; length: number }[] = [];
  let offset = 0;
  for (const [name, arr] of Object.entries(arrays)) {
    entries.push({ name, kind: kindOf(arr), offset, length: arr.length });
    offset += Math.ceil(arr.byteLength / 8) * 8;
  }
  const header = Buffer.from(JSON.stringify({ meta, entries }), 'utf8');
  const headerPadded = Math.ceil((header.length + 12) / 8) * 8;
  const out = Buffer.alloc(headerPadded + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, 8);
  header.copy(out, 12);
  Object.values(arrays).forEach((arr, i) => {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, headerPadded + entries[i].offset);
  });
  writeFileSync(file, out);
}

/** Reads a bundle written by {@link writeBundle}. */
export function readBundle(file: string): { meta: unknown; arrays: Map<string, BundleArray> } {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw corrupt(file, 'unreadable', err);
  }
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) throw corrupt(file, 'bad magic');
  const headerLength = buf.readUInt32LE(8);
  if (12 + headerLength > buf.length) throw corrupt(file, 'truncated header');
  let header: { meta: unknown; entries: { name: string; kind: Kind; offset: number; length: number }[] };
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + headerLength));
  } catch (err) {
    throw corrupt(file, 'bad header', err);
  }
  const base = Math.ceil((headerLength + 12) / 8) * 8;
  const arrays = new Map<string, BundleArray>();
  for (const e of header.entries ?? []) {
    const bytes = e.length * (e.kind === 'u8' ? 1 : 4);
    const start = base + e.offset;
    if (start + bytes > buf.length) throw corrupt(file, `truncated array ${e.name}`);
    const copy = new Uint8Array(bytes);
    buf.copy(copy, 0, start, start + bytes);
    arrays.set(
      e.name,
      e.kind === 'i32' ? new Int32Array(copy.buffer) : e.kind === 'f32' ? new Float32Array(copy.buffer) : copy,
    );
  }
  return { meta: header.meta, arrays };
}

/** Fetches a required array of the expected kind from a read bundle. */
export function requireArray<T extends BundleArray>(
  arrays: Map<string, BundleArray>,
  name: string,
  ctor: new (n: number) => T,
  file: string,
): T {
  const arr = arrays.get(name);
  if (!(arr instanceof ctor)) throw corrupt(file, `missing array ${name}`);
  return arr;
}

function kindOf(arr: BundleArray): Kind {
  if (arr instanceof Int32Array) return 'i32';
  if (arr instanceof Float32Array) return 'f32';
  return 'u8';
}

function corrupt(file: string, why: string, cause?: unknown): KotaeError {
  return new KotaeError('KB_INDEX_CORRUPT', `index file ${file}: ${why}`, { cause });
}
