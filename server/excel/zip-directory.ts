import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';

/**
 * The importer's own ZIP reader. A ZIP says twice what it holds: a local header before each entry's data and the
 * central directory at the end. Streaming unzippers trust the local headers; a file whose local headers disagree
 * with its directory (sizes that lie, entries the directory does not list) once inflated to gigabytes in the temp
 * folder through exceljs. So an upload is accepted only when both agree exactly and the entries tile the file with
 * nothing hidden between them, and every entry is inflated in memory under a cap that does not trust any declared
 * size: inflating stops at the cap, and an entry whose real size or CRC differs from the directory is refused.
 */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** An entry whose local header was checked against the directory: where its compressed bytes are. */
export interface CheckedEntry extends ZipEntry {
  readonly dataOffset: number;
}

export type ZipProblem = 'unreadable-workbook' | 'inconsistent-zip';
export type CheckedZip = { readonly ok: true; readonly entries: ReadonlyMap<string, CheckedEntry> } | { readonly ok: false; readonly problem: ZipProblem };

/** Why an entry could not be inflated: over the cap, or its bytes are not what the directory says. */
export type InflateProblem = 'content-too-large' | 'inconsistent-zip';
export class InflateRefused extends Error {
  constructor(readonly problem: InflateProblem) {
    super(problem);
  }
}

const endOfCentralDirectorySignature = 0x06054b50;
const centralDirectorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const dataDescriptorSignature = 0x08074b50;
const stored = 0;
const deflated = 8;
const encryptedFlag = 0x0001;
const dataDescriptorFlag = 0x0008;
// A ZIP64 archive marks its real sizes with these; an upload small enough to accept never needs them.
const zip64Marker = 0xffffffff;

/** `PK\x03\x04`: every ZIP (and so every .xlsx) starts with a local file header. */
export function hasZipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

interface Directory {
  readonly entries: ZipEntry[];
  readonly offset: number;
  readonly size: number;
}

/** The central directory's entries, or null when it is missing, truncated or uses ZIP64. */
function readDirectory(bytes: Uint8Array): Directory | null {
  const view = viewOf(bytes);
  const end = findEndOfCentralDirectory(view);
  if (end === null) return null;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (offset === zip64Marker || offset + size > end) return null;

  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== centralDirectorySignature) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if (entry.compressedSize === zip64Marker || entry.uncompressedSize === zip64Marker) return null;
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  // Records past the count the end record gives would be entries a reader going by the count never sees.
  if (at !== offset + size) return null;
  return { entries, offset, size };
}

/** The entries by name as the central directory lists them, or null when it cannot be read (for tests and tools). */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> | null {
  const directory = readDirectory(bytes);
  return directory && new Map(directory.entries.map((entry) => [entry.name, entry]));
}

/**
 * The directory's entries, each checked against its local header: same name, method, flags, CRC and sizes (or a
 * data descriptor after the data that gives them), at the offset the directory says. The entries must follow one
 * another from the first byte up to the directory, so no local header can hide between or after them.
 */
export function checkZip(bytes: Uint8Array): CheckedZip {
  const directory = readDirectory(bytes);
  if (!directory) return { ok: false, problem: 'unreadable-workbook' };
  const view = viewOf(bytes);
  const inconsistent: CheckedZip = { ok: false, problem: 'inconsistent-zip' };
  const entries = new Map<string, CheckedEntry>();
  let expected = 0;
  for (const entry of [...directory.entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)) {
    if (entries.has(entry.name)) return inconsistent;
    if (entry.flags & encryptedFlag || (entry.method !== stored && entry.method !== deflated)) return { ok: false, problem: 'unreadable-workbook' };
    if (entry.method === stored && entry.compressedSize !== entry.uncompressedSize) return inconsistent;
    const at = entry.localHeaderOffset;
    if (at !== expected || at + 30 > directory.offset || view.getUint32(at, true) !== localHeaderSignature) return inconsistent;
    const flags = view.getUint16(at + 6, true);
    const nameLength = view.getUint16(at + 26, true);
    const dataOffset = at + 30 + nameLength + view.getUint16(at + 28, true);
    if ((flags ^ entry.flags) & (encryptedFlag | dataDescriptorFlag) || view.getUint16(at + 8, true) !== entry.method || dataOffset > directory.offset)
      return inconsistent;
    if (!sameBytes(bytes.subarray(at + 30, at + 30 + nameLength), Buffer.from(entry.name, 'utf8'))) return inconsistent;
    const local = { crc: view.getUint32(at + 14, true), compressed: view.getUint32(at + 18, true), uncompressed: view.getUint32(at + 22, true) };
    let end = dataOffset + entry.compressedSize;
    if (flags & dataDescriptorFlag) {
      // Sizes and CRC follow the data (a streaming writer's way); the local header holds zeros or the same values.
      if (
        ![0, entry.crc].includes(local.crc) ||
        ![0, entry.compressedSize].includes(local.compressed) ||
        ![0, entry.uncompressedSize].includes(local.uncompressed)
      ) {
        return inconsistent;
      }
      if (end + 4 <= directory.offset && view.getUint32(end, true) === dataDescriptorSignature) end += 4;
      if (end + 12 > directory.offset) return inconsistent;
      if (
        view.getUint32(end, true) !== entry.crc ||
        view.getUint32(end + 4, true) !== entry.compressedSize ||
        view.getUint32(end + 8, true) !== entry.uncompressedSize
      ) {
        return inconsistent;
      }
      end += 12;
    } else if (local.crc !== entry.crc || local.compressed !== entry.compressedSize || local.uncompressed !== entry.uncompressedSize) {
      return inconsistent;
    }
    if (end > directory.offset) return inconsistent;
    entries.set(entry.name, { ...entry, dataOffset });
    expected = end;
  }
  if (expected !== directory.offset) return inconsistent;
  return { ok: true, entries };
}

/**
 * The whole unpacked entry, at most `maxBytes`. Throws InflateRefused when it would unpack beyond that (inflating
 * stops there) or when its real size or CRC differs from the directory's.
 */
export function inflateEntry(bytes: Uint8Array, entry: CheckedEntry, maxBytes: number): Uint8Array {
  if (entry.uncompressedSize > maxBytes) throw new InflateRefused('content-too-large');
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let unpacked: Uint8Array;
  if (entry.method === stored) unpacked = data;
  else {
    try {
      // One byte over the declared size is enough to know it lies; maxOutputLength stops zlib there.
      unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(maxBytes, entry.uncompressedSize + 1)) });
    } catch (error) {
      const tooLarge = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw new InflateRefused(tooLarge && entry.uncompressedSize >= maxBytes ? 'content-too-large' : 'inconsistent-zip');
    }
  }
  if (unpacked.length !== entry.uncompressedSize || crc32(unpacked) !== entry.crc) throw new InflateRefused('inconsistent-zip');
  return unpacked;
}

/**
 * Streams the unpacked entry to `onChunk` in pieces (a sheet can unpack to many times the upload; it is never held
 * whole). Stops and throws InflateRefused('content-too-large') as soon as more than `maxBytes` came out, whatever
 * the directory claims; throws 'inconsistent-zip' when the real size or CRC differs from it. `onChunk` answering
 * 'stop' ends the inflating early (the rest is then not checked).
 */
export async function streamEntry(bytes: Uint8Array, entry: CheckedEntry, maxBytes: number, onChunk: (chunk: Buffer) => 'more' | 'stop'): Promise<void> {
  if (entry.uncompressedSize > maxBytes) throw new InflateRefused('content-too-large');
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataOffset, entry.compressedSize);
  if (entry.method === stored) {
    if (crc32(data) !== entry.crc) throw new InflateRefused('inconsistent-zip');
    onChunk(data);
    return;
  }
  const inflater = createInflateRaw();
  inflater.end(data);
  let total = 0;
  let crc = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new InflateRefused('content-too-large');
      if (total > entry.uncompressedSize) throw new InflateRefused('inconsistent-zip');
      crc = crc32(chunk, crc);
      if (onChunk(chunk) === 'stop') return;
    }
  } catch (error) {
    if (error instanceof InflateRefused) throw error;
    throw new InflateRefused('inconsistent-zip');
  } finally {
    inflater.destroy();
  }
  if (total !== entry.uncompressedSize || crc !== entry.crc) throw new InflateRefused('inconsistent-zip');
}

/** The unpacked bytes of one entry, or null when they cannot be read or would exceed `maxBytes` (for tests and tools). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | null {
  const view = viewOf(bytes);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== localHeaderSignature) return null;
  const dataOffset = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  try {
    return inflateEntry(bytes, { ...entry, dataOffset }, maxBytes);
  } catch {
    return null;
  }
}

function findEndOfCentralDirectory(view: DataView): number | null {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === endOfCentralDirectorySignature) return at;
  }
  return null;
}

const viewOf = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
