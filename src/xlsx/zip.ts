/**
 * The zip container of an .xlsx, at the level fflate does not offer: the central directory read
 * so that parts we do not change are copied still compressed, and a writer that mixes those
 * copies with parts we deflate. Writing a rollup into a big workbook then costs deflating our
 * sheets only, not inflating and re-deflating the user's registers.
 */
import { FFLATE_CODEC, type ZipCodec } from "./codec";

/** A part as stored in the package: its compressed bytes and what the directory says of them. */
export interface StoredEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  /** The compressed bytes (a view into the package). */
  readonly data: Uint8Array;
  readonly time: number;
  readonly date: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800;
const MAX_32 = 0xffffffff;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder("utf-8").decode(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/**
 * The stored entries by name, or null when the directory is not one we can copy from (zip64,
 * spanned, or damaged): the caller then inflates and deflates as before.
 */
export function readStoredEntries(bytes: Uint8Array): Map<string, StoredEntry> | null {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === MAX_32) return null; // zip64
  const entries = new Map<string, StoredEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) return null;
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const skip = nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const local = u32(bytes, at + 42);
    if (compressed === MAX_32 || size === MAX_32 || local === MAX_32) return null;
    if (flags & 1 || (method !== 0 && method !== 8)) return null; // encrypted, or a method we do not write
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) return null;
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + compressed > bytes.length) return null;
    const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & UTF8_NAMES) !== 0);
    entries.set(name, {
      name,
      method,
      crc: u32(bytes, at + 16),
      size,
      data: bytes.subarray(start, start + compressed),
      time: u16(bytes, at + 12),
      date: u16(bytes, at + 14),
    });
    at += 46 + skip;
  }
  return entries;
}

let crcTable: Int32Array | null = null;

/** CRC-32 of `data`, continuing from `previous` (the CRC of the bytes before it). */
export function crc32(data: Uint8Array, previous = 0): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const table = crcTable;
  let crc = previous ^ -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

// CRC-32 of two pieces from the CRCs of each (zlib's crc32_combine): a GF(2) matrix raised to
// the second piece's length by squaring, so no byte is read twice.
function gf2Times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i];
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(matrix, matrix[n]);
}

/** The CRC-32 of A followed by B, from crc(A), crc(B) and B's length. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320; // the CRC polynomial: the operator for one zero bit
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  gf2Square(even, odd); // two zero bits
  gf2Square(odd, even); // four
  let crc = crcA >>> 0;
  let length = lengthB;
  for (;;) {
    gf2Square(even, odd);
    if (length % 2 === 1) crc = gf2Times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    gf2Square(odd, even);
    if (length % 2 === 1) crc = gf2Times(odd, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
  }
  return (crc ^ crcB) >>> 0;
}

/**
 * A part deflated as independent runs (each ends on a byte boundary and starts afresh), with the
 * CRC and size of what they hold; joined in order and closed by an empty final block.
 */
export interface DeflatedRuns {
  readonly runs: readonly Uint8Array[];
  readonly crc: number;
  readonly size: number;
}

export class DeflatedRunsBuilder implements DeflatedRuns {
  readonly runs: Uint8Array[] = [];
  crc = 0;
  size = 0;

  constructor(private readonly deflateRun: (piece: Uint8Array) => Uint8Array) {}

  add(piece: Uint8Array): this {
    if (piece.length === 0) return this;
    this.crc = crc32(piece, this.crc);
    this.size += piece.length;
    this.runs.push(this.deflateRun(piece));
    return this;
  }
}

export function joinRuns(parts: readonly DeflatedRuns[]): DeflatedRuns {
  let crc = 0;
  let size = 0;
  for (const part of parts) {
    crc = crc32Combine(crc, part.crc, part.size);
    size += part.size;
  }
  return { runs: parts.flatMap((p) => p.runs), crc, size };
}

/** An empty final block with fixed codes: what closes a stream of sync-flushed runs. */
const FINAL_BLOCK = Uint8Array.of(0x03, 0x00);

/** A part's bytes: whole, or in pieces (a part can be larger than one string or buffer should be). */
export type PartBytes = Uint8Array | readonly Uint8Array[];

// ArrayBuffer.isView, not instanceof: bytes from another realm (a test DOM's TextEncoder) are
// Uint8Arrays too.
export function partLength(data: PartBytes): number {
  return ArrayBuffer.isView(data) ? data.length : data.reduce((n, chunk) => n + chunk.length, 0);
}

/** A part to write: copied as stored, or new bytes to deflate at a level. */
export type ZipPart =
  | { readonly name: string; readonly stored: StoredEntry }
  | { readonly name: string; readonly data: PartBytes; readonly level: 1 | 6 }
  | { readonly name: string; readonly deflated: DeflatedRuns };

/** Deflate pieces as a stream, with their CRC; the result is one buffer. */
function deflatePieces(
  data: PartBytes,
  level: 1 | 6,
  codec: ZipCodec,
): { crc: number; size: number; data: Uint8Array } {
  const pieces = ArrayBuffer.isView(data) ? [data] : data;
  const out: Uint8Array[] = [];
  const deflate = codec.deflater(level);
  let crc = 0;
  let size = 0;
  pieces.forEach((piece, i) => {
    crc = crc32(piece, crc);
    size += piece.length;
    out.push(...deflate(piece, i === pieces.length - 1));
  });
  if (pieces.length === 0) out.push(...deflate(new Uint8Array(0), true));
  return { crc, size, data: concat(out) };
}

function concat(pieces: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(pieces.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of pieces) {
    whole.set(c, at);
    at += c.length;
  }
  return whole;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** The fields a local header and a central directory record share, in the same order. */
function putEntryFields(
  view: DataView,
  at: number,
  e: {
    method: number;
    time: number;
    date: number;
    crc: number;
    size: number;
    data: Uint8Array;
    name: Uint8Array;
  },
): void {
  view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
  view.setUint16(at + 2, UTF8_NAMES, true);
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 6, e.time, true);
  view.setUint16(at + 8, e.date, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.data.length, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.name.length, true);
}

export function writeZip(
  parts: readonly ZipPart[],
  codec: ZipCodec = FFLATE_CODEC,
  now = new Date(),
): Uint8Array {
  const encoder = new TextEncoder();
  const stamp = dosTime(now);
  const entries = parts.map((part) => {
    const name = encoder.encode(part.name);
    if ("deflated" in part) {
      const { runs, crc, size } = part.deflated;
      return { name, method: 8, crc, size, data: concat([...runs, FINAL_BLOCK]), ...stamp };
    }
    if ("stored" in part) {
      const { method, crc, size, data, time, date } = part.stored;
      return { name, method, crc, size, data, time, date };
    }
    return { name, method: 8, ...deflatePieces(part.data, part.level, codec), ...stamp };
  });
  let localBytes = 0;
  let centralBytes = 0;
  for (const e of entries) {
    localBytes += 30 + e.name.length + e.data.length;
    centralBytes += 46 + e.name.length;
  }
  if (localBytes + centralBytes > MAX_32 || entries.length > 0xfffe)
    throw new RangeError("the workbook would exceed the 4 GB a zip without zip64 can hold");
  const out = new Uint8Array(localBytes + centralBytes + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  let central = localBytes;
  for (const e of entries) {
    // Local header, then the data; sizes known up front, so no data descriptor.
    view.setUint32(at, LOCAL, true);
    putEntryFields(view, at + 4, e);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    // Its central directory record: "version made by", the same fields, then where the header is.
    view.setUint32(central, CENTRAL, true);
    view.setUint16(central + 4, 20, true);
    putEntryFields(view, central + 6, e);
    view.setUint32(central + 42, at, true);
    out.set(e.name, central + 46);
    central += 46 + e.name.length;
    at += 30 + e.name.length + e.data.length;
  }
  view.setUint32(central, END, true);
  view.setUint16(central + 8, entries.length, true);
  view.setUint16(central + 10, entries.length, true);
  view.setUint32(central + 12, centralBytes, true);
  view.setUint32(central + 16, localBytes, true);
  return out;
}
