import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readZipDirectory, readZipEntry } from '../../../server/excel/zip-directory';

/** Test workbooks built in memory, the way sellers' files arrive: rows of cell values, first sheet first. */
export async function workbookBytes(rows: readonly (readonly unknown[])[], sheetName = 'Sheet1'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Every part of an xlsx as text, to patch XML that exceljs would never write (furigana, escapes, odd targets). */
export function unzipText(bytes: Uint8Array): Map<string, string> {
  const entries = readZipDirectory(bytes);
  if (!entries) throw new Error('not a zip');
  const parts = new Map<string, string>();
  for (const entry of entries.values()) {
    if (entry.name.endsWith('/')) continue;
    const data = readZipEntry(bytes, entry, 50 * 1024 * 1024);
    if (!data) throw new Error(`cannot read ${entry.name}`);
    parts.set(entry.name, new TextDecoder().decode(data));
  }
  return parts;
}

/** A ZIP of deflated entries (as Excel writes them), in the given order. */
export function zipOf(parts: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const data = deflateRawSync(raw);
    const crc = crc32(raw);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(8, 8); // deflated
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(raw.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, data);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, directory, end]));
}

/** The same workbook with some parts rewritten. */
export function patchWorkbook(bytes: Uint8Array, patch: (name: string, text: string) => string): Uint8Array {
  const parts = new Map<string, string>();
  for (const [name, text] of unzipText(bytes)) parts.set(name, patch(name, text));
  return zipOf(parts);
}

/** Each error as `row:column:code`, to compare whole reports at a glance. */
export const located = (errors: readonly { row: number; column: string; code: string }[]): string[] =>
  errors.map((error) => `${error.row}:${error.column}:${error.code}`);
