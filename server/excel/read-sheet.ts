import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { firstSheet, parseSharedStrings, type FirstSheet } from './workbook-parts';
import { hasZipMagic, readZipDirectory, readZipEntry, type ZipEntry } from './zip-directory';

/** A non-empty cell as the importer sees it: Excel's number cells stay numbers so codes can get their zeros back. */
export type SheetCell =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'error'; readonly text: string };

export interface SheetRow {
  /** The Excel row number. */
  readonly number: number;
  /** By column number (A = 1); empty cells are absent. */
  readonly cells: ReadonlyMap<number, SheetCell>;
}

export interface OpenedWorkbook {
  readonly bytes: Uint8Array;
  readonly sharedStrings: readonly string[];
  readonly firstSheet: FirstSheet | null;
}

export type OpenProblem = 'not-xlsx' | 'not-a-workbook' | 'unreadable-workbook' | 'content-too-large';
export type OpenOutcome = { readonly ok: true; readonly workbook: OpenedWorkbook } | { readonly ok: false; readonly problem: OpenProblem };

const textDecoder = new TextDecoder('utf-8');

/**
 * Checks that `bytes` is an xlsx workbook of reasonable unpacked size and reads the parts exceljs gets wrong or
 * cannot tell us, without streaming the sheets yet.
 */
export function openWorkbook(bytes: Uint8Array, maxUnpackedBytes: number): OpenOutcome {
  if (!hasZipMagic(bytes)) return { ok: false, problem: 'not-xlsx' };
  const entries = readZipDirectory(bytes);
  if (!entries) return { ok: false, problem: 'unreadable-workbook' };
  const workbookEntry = entries.get('xl/workbook.xml');
  if (!workbookEntry) return { ok: false, problem: 'not-a-workbook' };

  // A few megabytes of upload can claim gigabytes unpacked; the sheets are what exceljs will inflate and parse.
  const sheetEntries = [...entries.values()].filter((entry) => /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name));
  const unpacked = sheetEntries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const sharedStringsEntry = entries.get('xl/sharedStrings.xml');
  if (unpacked + (sharedStringsEntry?.uncompressedSize ?? 0) > maxUnpackedBytes) {
    return { ok: false, problem: 'content-too-large' };
  }

  const workbookXml = readText(bytes, workbookEntry, maxUnpackedBytes);
  const relationshipsEntry = entries.get('xl/_rels/workbook.xml.rels');
  const relationshipsXml = relationshipsEntry ? readText(bytes, relationshipsEntry, maxUnpackedBytes) : '';
  const sharedStringsXml = sharedStringsEntry ? readText(bytes, sharedStringsEntry, maxUnpackedBytes) : '';
  if (workbookXml === null || relationshipsXml === null || sharedStringsXml === null) {
    return { ok: false, problem: 'unreadable-workbook' };
  }
  return {
    ok: true,
    workbook: {
      bytes,
      sharedStrings: parseSharedStrings(sharedStringsXml),
      firstSheet: firstSheet(workbookXml, relationshipsXml),
    },
  };
}

function readText(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): string | null {
  const data = readZipEntry(bytes, entry, maxBytes);
  return data === null ? null : textDecoder.decode(data);
}

/**
 * Streams the rows of the first sheet (in tab order) to `onRow`, which answers whether it wants more. The rest of
 * the workbook is still read to its end, without converting rows, because exceljs only removes the temporary
 * copies it made of the sheets, and closes their files, once its iteration finishes. Throws what exceljs throws.
 */
export async function readFirstSheet(workbook: OpenedWorkbook, onRow: (row: SheetRow) => 'more' | 'enough'): Promise<void> {
  const source = Buffer.from(workbook.bytes.buffer, workbook.bytes.byteOffset, workbook.bytes.byteLength);
  // Shared strings 'ignore': cells carry their index, resolved against the furigana-free table of openWorkbook.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([source]), {
    sharedStrings: 'ignore',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let wantRows = true;
  let firstSeen = false;
  for await (const worksheet of reader) {
    const isFirst: boolean = !firstSeen && isFirstSheet(worksheet, workbook.firstSheet);
    firstSeen ||= isFirst;
    for await (const row of worksheet) {
      if (!isFirst || !wantRows) continue;
      const cells = rowCells(row, workbook.sharedStrings);
      if (cells.size > 0) wantRows = onRow({ number: row.number, cells }) === 'more';
    }
  }
}

/**
 * exceljs names a worksheet from workbook.xml when its relationship target is the usual relative
 * `worksheets/sheetN.xml`, and calls it `SheetN` with id N otherwise (an absolute target, as some generators write).
 * Its typings leave both properties out.
 */
function isFirstSheet(worksheet: object, first: FirstSheet | null): boolean {
  if (first === null) return true;
  const name = 'name' in worksheet ? String(worksheet.name) : '';
  const id = 'id' in worksheet ? String(worksheet.id) : '';
  return name === first.name || (first.partNumber !== null && name === `Sheet${first.partNumber}` && id === first.partNumber);
}

function rowCells(row: ExcelJS.Row, sharedStrings: readonly string[]): Map<number, SheetCell> {
  const cells = new Map<number, SheetCell>();
  row.eachCell((cell, columnNumber) => {
    // A formula cell's value drops a result of 0 or '' (exceljs copies only truthy results); its model keeps them.
    const value = cell.type === ExcelJS.ValueType.Formula ? { formula: cell.model.formula, result: cell.model.result } : cell.value;
    const sheetCell = toSheetCell(value, sharedStrings);
    if (sheetCell) cells.set(columnNumber, sheetCell);
  });
  return cells;
}

/** One exceljs cell value as text, number or error; null for an empty cell. */
export function toSheetCell(value: unknown, sharedStrings: readonly string[]): SheetCell | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : { kind: 'text', text: value };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'text', text: value.toISOString() };
  if (typeof value !== 'object') return null;
  if ('sharedString' in value && typeof value.sharedString === 'number') {
    return toSheetCell(sharedStrings[value.sharedString] ?? '', sharedStrings);
  }
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    // The value Excel last calculated. exceljs reads an error result (#N/A …) as NaN, and a file saved without
    // calculating has none: either way the formula itself is the best the message can show.
    const result = 'result' in value && value.result !== undefined ? toSheetCell(value.result, sharedStrings) : undefined;
    const formula = 'formula' in value && value.formula ? `=${String(value.formula)}` : '=…';
    return result === undefined || result?.kind === 'error' ? { kind: 'error', text: formula } : result;
  }
  if ('richText' in value && Array.isArray(value.richText)) {
    const text = value.richText.map((run: unknown) => (run && typeof run === 'object' && 'text' in run ? String(run.text) : '')).join('');
    return toSheetCell(text, sharedStrings);
  }
  if ('text' in value) return toSheetCell(value.text, sharedStrings);
  return null;
}
