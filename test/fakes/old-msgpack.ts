/**
 * The old-spec MessagePack subset the direct protocol uses (what direct-js's decoder accepts):
 * nil, booleans, integers (int64 ids as bigint, 0xd3), float64, fixstr/str16/str32 (never str8),
 * arrays and maps. No bin, no ext.
 */

/** A decoded MessagePack value; int64 values come back as bigint. */
export type Packed = null | boolean | number | bigint | string | Packed[] | { [key: string]: Packed };

/** Encodes a value (bigint → int64 0xd3; strings of 32-255 bytes as str16, as direct-js expects). */
export function encode(value: Packed | undefined): Buffer {
  const parts: Buffer[] = [];
  write(value, parts);
  return Buffer.concat(parts);
}

function header(bytes: number[]): Buffer {
  return Buffer.from(bytes);
}

function write(v: Packed | undefined, out: Buffer[]): void {
  if (v === null || v === undefined) return void out.push(header([0xc0]));
  if (v === true || v === false) return void out.push(header([v ? 0xc3 : 0xc2]));
  if (typeof v === 'bigint') {
    const b = Buffer.alloc(9);
    b[0] = 0xd3;
    b.writeBigInt64BE(v, 1);
    return void out.push(b);
  }
  if (typeof v === 'number') return void out.push(number(v));
  if (typeof v === 'string') {
    const s = Buffer.from(v, 'utf8');
    if (s.length < 32) out.push(header([0xa0 | s.length]));
    else if (s.length < 0x10000) out.push(header([0xda, s.length >> 8, s.length & 0xff]));
    else {
      const h = Buffer.alloc(5);
      h[0] = 0xdb;
      h.writeUInt32BE(s.length, 1);
      out.push(h);
    }
    return void out.push(s);
  }
  if (Array.isArray(v)) {
    out.push(lengthHeader(v.length, 0x90, 0xdc, 0xdd));
    for (const item of v) write(item, out);
    return;
  }
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  out.push(lengthHeader(entries.length, 0x80, 0xde, 0xdf));
  for (const [k, x] of entries) {
    write(k, out);
    write(x, out);
  }
}

function lengthHeader(n: number, fix: number, b16: number, b32: number): Buffer {
  if (n < 16) return header([fix | n]);
  if (n < 0x10000) return header([b16, n >> 8, n & 0xff]);
  const h = Buffer.alloc(5);
  h[0] = b32;
  h.writeUInt32BE(n, 1);
  return h;
}

function number(n: number): Buffer {
  if (!Number.isInteger(n)) {
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeDoubleBE(n, 1);
    return b;
  }
  if (n >= 0 && n < 128) return header([n]);
  if (n < 0 && n >= -32) return header([0xe0 | (n + 32)]);
  if (n >= 0 && n < 0x100) return header([0xcc, n]);
  if (n >= 0 && n < 0x10000) return header([0xcd, n >> 8, n & 0xff]);
  if (n >= 0 && n < 0x100000000) {
    const b = Buffer.alloc(5);
    b[0] = 0xce;
    b.writeUInt32BE(n, 1);
    return b;
  }
  if (n >= -0x80000000 && n < 0x80000000) {
    const b = Buffer.alloc(5);
    b[0] = 0xd2;
    b.writeInt32BE(n, 1);
    return b;
  }
  const b = Buffer.alloc(9);
  b[0] = 0xd3;
  b.writeBigInt64BE(BigInt(n), 1);
  return b;
}

/** Decodes one value from the start of a buffer. */
export function decode(buf: Buffer): Packed {
  const state = { buf, pos: 0 };
  return read(state);
}

interface State {
  buf: Buffer;
  pos: number;
}

function read(s: State): Packed {
  const b = s.buf;
  const t = b[s.pos++];
  if (t < 0x80) return t;
  if (t >= 0xe0) return t - 0x100;
  if ((t & 0xf0) === 0x80) return readMap(s, t & 0x0f);
  if ((t & 0xf0) === 0x90) return readArray(s, t & 0x0f);
  if ((t & 0xe0) === 0xa0) return readStr(s, t & 0x1f);
  const take = <T>(n: number, f: (p: number) => T): T => {
    const v = f(s.pos);
    s.pos += n;
    return v;
  };
  switch (t) {
    case 0xc0:
      return null;
    case 0xc2:
      return false;
    case 0xc3:
      return true;
    case 0xca:
      return take(4, (p) => b.readFloatBE(p));
    case 0xcb:
      return take(8, (p) => b.readDoubleBE(p));
    case 0xcc:
      return take(1, (p) => b.readUInt8(p));
    case 0xcd:
      return take(2, (p) => b.readUInt16BE(p));
    case 0xce:
      return take(4, (p) => b.readUInt32BE(p));
    case 0xcf:
      return take(8, (p) => b.readBigUInt64BE(p));
    case 0xd0:
      return take(1, (p) => b.readInt8(p));
    case 0xd1:
      return take(2, (p) => b.readInt16BE(p));
    case 0xd2:
      return take(4, (p) => b.readInt32BE(p));
    case 0xd3:
      return take(8, (p) => b.readBigInt64BE(p));
    case 0xda:
      return readStr(
        s,
        take(2, (p) => b.readUInt16BE(p)),
      );
    case 0xdb:
      return readStr(
        s,
        take(4, (p) => b.readUInt32BE(p)),
      );
    case 0xdc:
      return readArray(
        s,
        take(2, (p) => b.readUInt16BE(p)),
      );
    case 0xdd:
      return readArray(
        s,
        take(4, (p) => b.readUInt32BE(p)),
      );
    case 0xde:
      return readMap(
        s,
        take(2, (p) => b.readUInt16BE(p)),
      );
    case 0xdf:
      return readMap(
        s,
        take(4, (p) => b.readUInt32BE(p)),
      );
    default:
      throw new Error(`old-spec msgpack: unsupported type byte 0x${t.toString(16)}`);
  }
}

function readStr(s: State, n: number): string {
  const v = s.buf.toString('utf8', s.pos, s.pos + n);
  s.pos += n;
  return v;
}

function readArray(s: State, n: number): Packed[] {
  const out: Packed[] = [];
  for (let i = 0; i < n; i++) out.push(read(s));
  return out;
}

function readMap(s: State, n: number): { [key: string]: Packed } {
  const out: { [key: string]: Packed } = {};
  for (let i = 0; i < n; i++) {
    const k = read(s);
    out[String(k)] = read(s);
  }
  return out;
}
