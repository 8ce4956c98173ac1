import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { firstSheet, parseSharedStrings, type FirstSheet } from './workbook-parts';
import { checkZip, hasZipMagic, inflateEntry, InflateRefused, streamEntry, type CheckedEntry } from './zip-directory';

/**
 * Reads the first sheet of an .xlsx straight from the checked ZIP (zip-directory.ts) with a SAX parser, instead of
 * exceljs's streaming reader. That reader unzipped by trusting local headers and spooled sheets to temp files, and
 * now and then failed on valid files ("unexpected close tag"): it decodes each inflated chunk to text on its own,
 * so how the stream happens to be cut decides what the parser sees. Here the chunks go through one streaming
 * TextDecoder into saxes (the parser exceljs itself uses), nothing touches the disk, and every size is capped.
 */

/** A non-empty cell as the importer sees it: Excel's number cells stay numbers so codes can get their zeros back. */
export type SheetCell =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'error'; readonly text: string };

export interface SheetRow {
  /** The Excel row number. */
  readonly number: number;
  /** By column number (A = 1); empty cells are absent. */
  readonly cells: ReadonlyMap<number, SheetCell>;
}

export interface ReadLimits {
  /** Unpacked bytes of the sheet or the shared strings (workbook.xml and its relationships: 1 MB each). */
  readonly maxEntryBytes: number;
  /** Unpacked bytes of the parts read, together. */
  readonly maxTotalBytes: number;
  /**
   * Unpacked bytes of the shared strings. They are read whole, so this cap, not the parse worker's heap limit,
   * keeps them small: V8 ends the whole process, not only the worker, when one large allocation does not fit.
   */
  readonly maxSharedStringsBytes: number;
  /** `<row>` elements of the sheet, blank ones included. */
  readonly maxSheetRows: number;
  /** The highest column number a cell may have. */
  readonly maxColumns: number;
}

export interface OpenedWorkbook {
  readonly bytes: Uint8Array;
  readonly sharedStrings: readonly string[];
  /** The first sheet's part, null when the workbook has no sheet. */
  readonly sheet: CheckedEntry | null;
  /** What is left of the total unpacked budget for the sheet. */
  readonly sheetBudget: number;
}

export type OpenProblem = 'not-xlsx' | 'not-a-workbook' | 'unreadable-workbook' | 'content-too-large' | 'inconsistent-zip';
export type ReadProblem = OpenProblem | 'too-many-rows' | 'too-many-columns';
export type OpenOutcome = { readonly ok: true; readonly workbook: OpenedWorkbook } | { readonly ok: false; readonly problem: OpenProblem };

/** A refusal found while reading the sheet (the sheet is read as a stream, so it surfaces as an exception). */
export class SheetRefused extends Error {
  constructor(readonly problem: ReadProblem) {
    super(problem);
  }
}

const textDecoder = new TextDecoder('utf-8');
const maxMarkupRun = 16 * 1024 * 1024;
// workbook.xml and its relationships list the sheets: kilobytes in any real workbook.
const maxSmallPartBytes = 1024 * 1024;

/** Checks the ZIP and reads the small parts: which sheet is first, and the shared strings (furigana left out). */
export function openWorkbook(bytes: Uint8Array, limits: ReadLimits): OpenOutcome {
  if (!hasZipMagic(bytes)) return { ok: false, problem: 'not-xlsx' };
  const zip = checkZip(bytes);
  if (!zip.ok) return zip;
  const workbookEntry = zip.entries.get('xl/workbook.xml');
  if (!workbookEntry) return { ok: false, problem: 'not-a-workbook' };
  let budget = limits.maxTotalBytes;
  const readText = (entry: CheckedEntry | undefined, maxBytes = limits.maxEntryBytes): string => {
    if (!entry) return '';
    const data = inflateEntry(bytes, entry, Math.min(maxBytes, budget));
    budget -= data.length;
    return textDecoder.decode(data);
  };
  try {
    const first = firstSheet(readText(workbookEntry, maxSmallPartBytes), readText(zip.entries.get('xl/_rels/workbook.xml.rels'), maxSmallPartBytes));
    const sharedStrings = parseSharedStrings(readText(zip.entries.get('xl/sharedStrings.xml'), limits.maxSharedStringsBytes));
    return { ok: true, workbook: { bytes, sharedStrings, sheet: sheetEntry(zip.entries, first), sheetBudget: budget } };
  } catch (error) {
    if (error instanceof InflateRefused) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** The first sheet's part; without relationships that name it, the lowest-numbered worksheet part. */
function sheetEntry(entries: ReadonlyMap<string, CheckedEntry>, first: FirstSheet | null): CheckedEntry | null {
  const named = first?.part ? entries.get(first.part) : undefined;
  if (named) return named;
  const sheets = [...entries.values()].filter((entry) => /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name));
  const number = (entry: CheckedEntry) => Number(/(\d+)\.xml$/.exec(entry.name)?.[1] ?? Infinity);
  return sheets.sort((a, b) => number(a) - number(b))[0] ?? null;
}

/**
 * Streams the rows that have a cell to `onRow`, which answers whether it wants more. Throws SheetRefused when the
 * sheet goes past a limit or is not well-formed XML.
 */
export async function readFirstSheet(workbook: OpenedWorkbook, limits: ReadLimits, onRow: (row: SheetRow) => 'more' | 'enough'): Promise<void> {
  if (!workbook.sheet) return;
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  const cells = new CellReader(workbook.sharedStrings, limits.maxColumns);
  let refusal: SheetRefused | null = null;
  let wantRows = true;
  let rowNumber = 0;
  let rowsSeen = 0;
  let row: Map<number, SheetCell> | null = null;

  parser.on('error', () => {
    refusal ??= new SheetRefused('unreadable-workbook');
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'row') {
      if (++rowsSeen > limits.maxSheetRows) throw new SheetRefused('too-many-rows');
      const r = Number((tag as SaxesTagPlain).attributes.r);
      rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
      row = new Map();
      cells.startRow();
    } else if (row) cells.open(name, tag as SaxesTagPlain);
  });
  parser.on('text', (text) => cells.text(text));
  parser.on('cdata', (text) => cells.text(text));
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'row' && row) {
      if (row.size > 0 && wantRows) wantRows = onRow({ number: rowNumber, cells: row }) === 'more';
      row = null;
    } else if (row) cells.close(name, row);
  });

  // Characters since the last '<': the parser buffers a text or a tag whole, and a sheet of gigabytes of blanks
  // (a ZIP bomb's usual filling) would be one text. No real cell holds more than Excel's 32,767 characters; 16 MiB
  // leaves room for the blanks some generators indent with.
  let run = 0;
  const feed = (text: string): 'more' | 'stop' => {
    let from = 0;
    for (let next = text.indexOf('<'); next !== -1; next = text.indexOf('<', from)) {
      if (run + next - from > maxMarkupRun) break;
      run = 0;
      from = next + 1;
    }
    run += text.length - from;
    if (run > maxMarkupRun) refusal ??= new SheetRefused('content-too-large');
    if (refusal) return 'stop';
    try {
      parser.write(text);
    } catch (error) {
      if (error instanceof SheetRefused) refusal ??= error;
      else refusal ??= new SheetRefused('unreadable-workbook');
    }
    return refusal || !wantRows ? 'stop' : 'more';
  };
  try {
    await streamEntry(workbook.bytes, workbook.sheet, Math.min(limits.maxEntryBytes, workbook.sheetBudget), (chunk) =>
      feed(decoder.decode(chunk, { stream: true })),
    );
  } catch (error) {
    if (error instanceof InflateRefused) throw new SheetRefused(error.problem);
    throw error;
  }
  if (refusal) throw refusal;
  if (!wantRows) return;
  feed(decoder.decode());
  try {
    parser.close();
  } catch {
    refusal ??= new SheetRefused('unreadable-workbook');
  }
  if (refusal) throw refusal;
}

/** One `<c>` at a time: its type, value, formula and inline text, turned into a SheetCell when it closes. */
class CellReader {
  private column = 0;
  private type = '';
  private value: string | null = null;
  private formula: string | null = null;
  private inline: string | null = null;
  private capture: 'value' | 'formula' | 'inline' | null = null;
  private inPhonetic = false;

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly maxColumns: number,
  ) {}

  startRow(): void {
    this.column = 0;
  }

  open(name: string, tag: SaxesTagPlain): void {
    if (name === 'c') {
      const reference = tag.attributes.r;
      this.column = reference ? columnNumberOf(reference) : this.column + 1;
      if (this.column < 1 || this.column > this.maxColumns) throw new SheetRefused('too-many-columns');
      this.type = tag.attributes.t ?? 'n';
      this.value = this.formula = this.inline = null;
      this.capture = null;
    } else if (name === 'v') {
      this.value = '';
      this.capture = 'value';
    } else if (name === 'f') {
      this.formula = '';
      this.capture = 'formula';
    } else if (name === 'is') {
      this.inline = '';
    } else if (name === 'rPh') {
      // The reading of IME-typed text (furigana), not part of the value.
      this.inPhonetic = true;
    } else if (name === 't' && this.inline !== null && !this.inPhonetic) {
      this.capture = 'inline';
    }
  }

  text(text: string): void {
    if (this.capture === 'value') this.value += text;
    else if (this.capture === 'formula') this.formula += text;
    else if (this.capture === 'inline') this.inline += text;
  }

  close(name: string, row: Map<number, SheetCell>): void {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 'v' || name === 'f' || name === 't') this.capture = null;
    else if (name === 'c') {
      const cell = this.cell();
      if (cell) row.set(this.column, cell);
    }
  }

  private cell(): SheetCell | null {
    const result = this.result();
    if (this.formula === null) return result ?? null;
    // A formula cell is its last calculated value; with none, or an error (#N/A …), the formula is what the
    // message can show.
    if (result === undefined || result?.kind === 'error') return { kind: 'error', text: this.formula ? `=${this.formula}` : '=…' };
    return result;
  }

  /** The cell's value by its type; undefined when it has none. */
  private result(): SheetCell | null | undefined {
    if (this.type === 'inlineStr') return this.inline === null ? undefined : textCell(decodeOoxmlEscapes(this.inline));
    if (this.value === null) return undefined;
    switch (this.type) {
      case 's':
        return textCell(this.sharedStrings[Number(this.value)] ?? '');
      case 'str':
      case 'd':
        return textCell(decodeOoxmlEscapes(this.value));
      case 'b':
        return { kind: 'text', text: this.value.trim() === '1' ? 'TRUE' : 'FALSE' };
      case 'e':
        return { kind: 'error', text: this.value };
      default: {
        if (this.value.trim() === '') return null;
        const number = Number(this.value);
        return Number.isFinite(number) ? { kind: 'number', value: number } : { kind: 'error', text: this.value };
      }
    }
  }
}

const textCell = (text: string): SheetCell | null => (text === '' ? null : { kind: 'text', text });

/** `B12` → 2; 0 when the reference has no column letters. */
function columnNumberOf(reference: string): number {
  let column = 0;
  for (const character of reference) {
    const code = character.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > 16384) return column;
  }
  return column;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** OOXML's own `_xHHHH_` escape (how Excel stores e.g. a carriage return in a string). */
const decodeOoxmlEscapes = (text: string): string => text.replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
