import { constants, crc32, deflateRawSync } from 'node:zlib';
import { unzipText, workbookBytes } from './workbook-files';

/**
 * Hostile .xlsx files, built byte by byte: entries whose local header and central directory disagree, entries one
 * of them leaves out, and deflate streams that unpack to far more than the file weighs.
 */
export interface CraftedEntry {
  readonly name: string;
  /** The compressed (raw deflate) bytes. */
  readonly data: Uint8Array;
  readonly crc: number;
  /** The size both headers declare unless `local` or `central` say otherwise. */
  readonly size: number;
  readonly local?: { readonly size?: number; readonly compressedSize?: number; readonly name?: string };
  readonly central?: { readonly size?: number } | 'absent';
}

export const deflated = (name: string, text: string | Uint8Array): CraftedEntry => {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
};

export function craftZip(entries: readonly CraftedEntry[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let listed = 0;
  for (const entry of entries) {
    const localName = Buffer.from(entry.local?.name ?? entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.local?.compressedSize ?? entry.data.length, 18);
    header.writeUInt32LE(entry.local?.size ?? entry.size, 22);
    header.writeUInt16LE(localName.length, 26);
    local.push(header, localName, Buffer.from(entry.data));
    if (entry.central !== 'absent') {
      const name = Buffer.from(entry.name, 'utf8');
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0800, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.data.length, 20);
      record.writeUInt32LE(entry.central?.size ?? entry.size, 24);
      record.writeUInt16LE(name.length, 28);
      record.writeUInt32LE(offset, 42);
      central.push(record, name);
      listed++;
    }
    offset += header.length + localName.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, directory, end]));
}

/**
 * A raw deflate stream of `head`, then `repeat` mebibytes of spaces, then `tail`, built without compressing all of
 * it: after a full flush a deflate block refers to nothing before it, so one compressed mebibyte can be repeated.
 */
export function spaceBomb(head: string, repeat: number, tail: string): { data: Uint8Array; size: number } {
  return repeatBomb(head, ' ', repeat, tail);
}

/** The same with any `unit` repeated to fill each mebibyte; `crc` is what it unpacks to (an honest entry's CRC). */
export function repeatBomb(head: string, unit: string, repeat: number, tail: string): { data: Uint8Array; size: number; crc: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const block = Buffer.from(unit.repeat(Math.floor((1024 * 1024) / Buffer.byteLength(unit))));
  const compressed = deflateRawSync(block, flush);
  const parts = [deflateRawSync(Buffer.from(head), flush), ...Array.from({ length: repeat }, () => compressed), deflateRawSync(Buffer.from(tail))];
  let crc = crc32(head);
  for (let i = 0; i < repeat; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  return { data: new Uint8Array(Buffer.concat(parts)), size: Buffer.byteLength(head) + repeat * block.length + Buffer.byteLength(tail), crc };
}

export const inboundHeaders = ['SellerCode', 'InventoryCode', 'InventoryOptionCode', 'InOut', 'MovingQty', 'BranchCode', 'Description'];
export const inboundLine = ['', '300000154634', '00001', 'in', 2, '0000011520', ''];

/** The parts of an honest two-row inbound workbook, in the order exceljs writes them. */
export async function honestParts(): Promise<Map<string, string>> {
  return unzipText(await workbookBytes([inboundHeaders, inboundLine]));
}

/** The honest workbook with its sheet replaced by `sheet` (built by the caller) and every other part as it was. */
export function withSheet(parts: ReadonlyMap<string, string>, sheet: CraftedEntry): CraftedEntry[] {
  return [...parts].map(([name, text]) => (name === 'xl/worksheets/sheet1.xml' ? sheet : deflated(name, text)));
}

/** The start and end of a sheet part, for rows put in between. */
export const sheetHead =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const sheetTail = '</sheetData></worksheet>';

/** The header row of the inbound template as inline strings. */
export const headerRow = `<row r="1">${inboundHeaders.map((header, index) => `<c r="${String.fromCharCode(65 + index)}1" t="inlineStr"><is><t>${header}</t></is></c>`).join('')}</row>`;
export const dataRow = (row: number) =>
  `<row r="${row}"><c r="B${row}" t="inlineStr"><is><t>300000154634</t></is></c><c r="C${row}" t="inlineStr"><is><t>00001</t></is></c><c r="D${row}" t="inlineStr"><is><t>in</t></is></c><c r="E${row}"><v>2</v></c><c r="F${row}" t="inlineStr"><is><t>0000011520</t></is></c></row>`;
