import { inflateRawSync } from 'node:zlib';

/**
 * Just enough of the ZIP format to look inside an upload before exceljs streams it: which parts it has, how big
 * they say they are unpacked, and the bytes of the few small XML parts the importer reads itself. Reading the
 * central directory (not the stream of local headers) also tells a truncated or non-ZIP file apart up front, where
 * a streaming unzip could wait or fail half-way.
 */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const endOfCentralDirectorySignature = 0x06054b50;
const centralDirectorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const stored = 0;
const deflated = 8;
// A ZIP64 archive marks its real sizes with these; an upload small enough to accept never needs them.
const zip64Marker = 0xffffffff;

/** `PK\x03\x04`: every ZIP (and so every .xlsx) starts with a local file header. */
export function hasZipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries by name, or null when the central directory is missing, truncated or uses ZIP64. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end === null) return null;
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (directoryOffset === zip64Marker || directoryOffset + directorySize > end) return null;

  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== centralDirectorySignature) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if (entry.compressedSize === zip64Marker || entry.uncompressedSize === zip64Marker) return null;
    entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The unpacked bytes of one entry, or null when they cannot be read or would exceed `maxBytes`. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | null {
  if (entry.uncompressedSize > maxBytes) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== localHeaderSignature) return null;
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return null;
  try {
    if (entry.method === stored) return data;
    // The declared size could lie; maxOutputLength stops a part that unpacks beyond it.
    if (entry.method === deflated) return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch {
    return null;
  }
  return null;
}

function findEndOfCentralDirectory(view: DataView): number | null {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === endOfCentralDirectorySignature) return at;
  }
  return null;
}
