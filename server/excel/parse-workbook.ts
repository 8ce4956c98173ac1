import type { HubLanguage } from '../../shared/hub/hub-roles';
import type { CellInput } from './column-rules';
import { countCodePoints, normalizeWidth, plainTextProblem } from './field-rules';
import { fileFinding, toRowErrors, type Finding, type RowError } from './finding';
import { cellText, columnLetter, matchHeaders, type HeaderLayout } from './header-matching';
import type { MessageParams } from './messages';
import { openWorkbook, readFirstSheet, SheetRefused, type ReadLimits, type ReadProblem, type SheetCell, type SheetRow } from './read-sheet';
import type { AxisValue, ColumnMap, ColumnValues, Problem, TemplateDefinition, TemplateKind } from './template-definition';
import { templates, type TemplateRows } from './templates';

export interface ParseOptions {
  /** The language of the error messages. */
  readonly language: HubLanguage;
  /** Data rows (below the header, blank rows not counted); default 20,000. */
  readonly maxRows?: number;
  /** Size of the uploaded file; default 10 MB. */
  readonly maxBytes?: number;
  /** Unpacked size of the parts read, together; default 20 times maxBytes. */
  readonly maxUnpackedBytes?: number;
  /** The highest column a cell may be in; default 256 (the templates use under 40). */
  readonly maxColumns?: number;
}

/** All rows or, if anything at all is wrong, every problem found: an import applies all or nothing. */
export type ParseResult<Row> =
  | { readonly ok: true; readonly rows: Row[] }
  /** `total` counts every problem, also those past the first `maxReportedProblems` that `errors` leaves out. */
  | { readonly ok: false; readonly errors: RowError[]; readonly total?: number };

export const defaultMaxRows = 20_000;
export const defaultMaxBytes = 10 * 1024 * 1024;
// xlsx sheets compress about tenfold; twenty leaves room for honest files and still stops a ZIP bomb early.
const maxUnpackRatio = 20;
export const defaultMaxColumns = 256;
// 20,000 rows of 16 distinct texts of 50 characters stay well under it (read whole: see ReadLimits).
const maxSharedStringsBytes = 32 * 1024 * 1024;
// Blank `<row>` elements (Excel writes them for formatted rows) are allowed beyond the data rows, up to this many.
const blankRowAllowance = 100_000;
/** Problems listed one by one; the rest are counted in one more line. */
export const maxReportedProblems = 500;
const maxValueInMessage = 40;

const importers: { readonly [K in TemplateKind]: (bytes: Uint8Array, options: ParseOptions) => Promise<ParseResult<TemplateRows[K]>> } = {
  options: (bytes, options) => importRows(templates.options, bytes, options),
  inbound: (bytes, options) => importRows(templates.inbound, bytes, options),
  shipments: (bytes, options) => importRows(templates.shipments, bytes, options),
};

/**
 * Reads the first sheet of an uploaded .xlsx against one template. The whole file is checked and every problem
 * reported, row and column as the user sees them, in `options.language`; a file that cannot be read at all gives
 * one file-level error (row 0), never an exception.
 */
export function parseWorkbook<K extends TemplateKind>(kind: K, bytes: Uint8Array, options: ParseOptions): Promise<ParseResult<TemplateRows[K]>> {
  return importers[kind](bytes, options);
}

async function importRows<C extends ColumnMap, Row>(template: TemplateDefinition<C, Row>, bytes: Uint8Array, options: ParseOptions): Promise<ParseResult<Row>> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const maxRows = options.maxRows ?? defaultMaxRows;
  const fail = (findings: readonly Finding[]): ParseResult<Row> => ({ ok: false, errors: toRowErrors(findings, options.language) });

  const maxUnpacked = options.maxUnpackedBytes ?? maxBytes * maxUnpackRatio;
  const limits: ReadLimits = {
    maxTotalBytes: maxUnpacked,
    maxEntryBytes: maxUnpacked,
    maxSharedStringsBytes: Math.min(maxUnpacked, maxSharedStringsBytes),
    maxSheetRows: maxRows + blankRowAllowance,
    maxColumns: options.maxColumns ?? defaultMaxColumns,
  };
  const refuse = (problem: ReadProblem): ParseResult<Row> =>
    fail([
      fileFinding(problem, {
        max: problem === 'too-many-rows' ? maxRows : problem === 'too-many-columns' ? limits.maxColumns : megabytes(limits.maxTotalBytes),
      }),
    ]);

  if (bytes.length > maxBytes) return fail([fileFinding('file-too-large', { max: megabytes(maxBytes) })]);
  const opened = openWorkbook(bytes, limits);
  if (!opened.ok) return refuse(opened.problem);

  const displayHeader = (key: string) => displayHeaderOf(template, key, options.language);
  let layout: HeaderLayout | null = null;
  let dataRows = 0;
  const rows: Row[] = [];
  const findings = new FindingList();
  const read = () =>
    readFirstSheet(opened.workbook, limits, (sheetRow) => {
      if (isBlank(sheetRow)) return 'more';
      if (layout === null) {
        layout = matchHeaders(template, sheetRow, displayHeader);
        return layout.fatal ? 'enough' : 'more';
      }
      dataRows++;
      if (dataRows > maxRows) return 'enough';
      const outcome = readRow(template, layout, sheetRow, displayHeader);
      if (outcome.ok) rows.push(outcome.row);
      else findings.add(outcome.findings);
      return 'more';
    });
  try {
    await read();
  } catch (error) {
    if (error instanceof SheetRefused) return refuse(error.problem);
    throw error;
  }

  // `layout` is assigned inside the callback, which TypeScript's flow analysis does not follow.
  const header = layout as HeaderLayout | null;
  if (header === null) return fail([fileFinding('empty-sheet')]);
  if (header.fatal) return fail(header.findings);
  if (dataRows > maxRows) return fail([fileFinding('too-many-rows', { max: maxRows })]);
  if (dataRows === 0) return fail([...header.findings, { ...fileFinding('no-data-rows'), row: header.headerRow + 1 }]);

  for (const problem of template.checkRows?.(rows) ?? []) {
    findings.add([placeProblem(problem, problem.row, header, displayHeader)]);
  }
  findings.add(header.findings);
  return findings.total > 0 ? { ok: false, errors: findings.report(options.language), total: findings.total } : { ok: true, rows };
}

/**
 * The problems found, the first `maxReportedProblems` in row order kept and the rest only counted: a sheet of a
 * million stray values must not make a million messages.
 */
class FindingList {
  private kept: Finding[] = [];
  total = 0;

  add(findings: readonly Finding[]): void {
    this.total += findings.length;
    this.kept.push(...findings);
    // Sorted and cut back now and then, not on every add: the list stays at most twice the cap.
    if (this.kept.length > 2 * maxReportedProblems) this.kept = firstInRowOrder(this.kept);
  }

  /** In row order, and when some were left out, a last line that says how many. */
  report(language: HubLanguage): RowError[] {
    const first = firstInRowOrder(this.kept);
    const more = this.total - first.length;
    if (more === 0) return toRowErrors(first, language);
    return [...toRowErrors(first, language), ...toRowErrors([fileFinding('more-problems', { count: more, shown: first.length })], language)];
  }
}

const firstInRowOrder = (findings: readonly Finding[]): Finding[] =>
  [...findings].sort((a, b) => a.row - b.row || a.columnNumber - b.columnNumber).slice(0, maxReportedProblems);

type RowReading<Row> = { readonly ok: true; readonly row: Row } | { readonly ok: false; readonly findings: Finding[] };

function readRow<C extends ColumnMap, Row>(
  template: TemplateDefinition<C, Row>,
  layout: HeaderLayout,
  sheetRow: SheetRow,
  displayHeader: (key: string) => string,
): RowReading<Row> {
  const findings: Finding[] = [];
  const report = (columnNumber: number, code: Finding['code'], params: MessageParams = {}): void => {
    const column = layout.written.get(columnNumber) ?? columnLetter(columnNumber);
    findings.push({ row: sheetRow.number, column, columnNumber, code, params: { column, ...params } });
  };
  const refuse = (columnNumber: number, code: Finding['code'], params?: MessageParams): CellReading => {
    report(columnNumber, code, params);
    return { state: 'refused' };
  };
  // The checks every column shares; a column's own rule then only sees clean, non-empty text.
  const readCell = (columnNumber: number | undefined): CellReading => {
    const cell = columnNumber === undefined ? undefined : sheetRow.cells.get(columnNumber);
    if (columnNumber === undefined || cell === undefined) return { state: 'empty' };
    const input = toCellInput(cell);
    if (input === null) return refuse(columnNumber, 'cell-error', { value: shorten(cellText(cell)) });
    if (input.text === '') return { state: 'empty' };
    const problem = plainTextProblem(input.text);
    if (problem === 'markup') return refuse(columnNumber, 'markup-not-allowed');
    if (problem === 'control-characters') return refuse(columnNumber, 'control-character');
    return { state: 'filled', input };
  };

  const values: Record<string, unknown> = {};
  for (const [key, definition] of Object.entries(template.columns)) {
    const columnNumber = layout.columnOf.get(key);
    const reading = readCell(columnNumber);
    if (reading.state === 'empty') {
      // A missing required column stopped the import at the header; here only its cell can be empty.
      if (definition.required && columnNumber !== undefined) report(columnNumber, 'required');
      values[key] = null;
    } else if (reading.state === 'filled' && columnNumber !== undefined) {
      const outcome = definition.rule.parse(reading.input);
      if (outcome.ok) values[key] = outcome.value;
      else report(columnNumber, outcome.code, { value: shorten(reading.input.text), ...outcome.params });
    }
  }

  const axes: AxisValue[] = [];
  const maxAxisLength = template.optionAxes?.maxValueLength ?? 0;
  for (const axis of layout.axes) {
    const reading = readCell(axis.columnNumber);
    if (reading.state === 'empty') report(axis.columnNumber, 'required');
    if (reading.state !== 'filled') continue;
    if (countCodePoints(reading.input.text) > maxAxisLength) report(axis.columnNumber, 'too-long', { max: maxAxisLength });
    else axes.push({ name: axis.name, value: reading.input.text });
  }

  for (const [columnNumber, cell] of sheetRow.cells) {
    if (!layout.written.has(columnNumber) && toCellInput(cell)?.text !== '') {
      report(columnNumber, 'value-without-header');
    }
  }

  if (findings.length > 0) return { ok: false, findings };
  // Every key of template.columns was filled above, with its rule's value or null: the shape ColumnValues spells out.
  const outcome = template.toRow({ row: sheetRow.number, values: values as ColumnValues<C>, axes });
  if (outcome.ok) return { ok: true, row: outcome.row };
  return { ok: false, findings: outcome.problems.map((problem) => placeProblem(problem, sheetRow.number, layout, displayHeader)) };
}

type CellReading = { readonly state: 'empty' | 'refused' } | { readonly state: 'filled'; readonly input: CellInput };

/** A template's problem, located: its column as the user wrote it (or the template's name for it when absent). */
function placeProblem(problem: Problem<string>, row: number, layout: HeaderLayout, displayHeader: (key: string) => string): Finding {
  const columnNumber = columnNumberOf(problem.column, layout);
  const column = problem.column === null ? '' : (layout.written.get(columnNumber) ?? displayHeader(problem.column));
  const params: Record<string, string | number> = { column, ...problem.params };
  if (problem.otherColumn !== undefined) {
    params.other = layout.written.get(columnNumberOf(problem.otherColumn, layout)) ?? displayHeader(problem.otherColumn);
  }
  return { row, column, columnNumber, code: problem.code, params };
}

function columnNumberOf(column: Problem<string>['column'], layout: HeaderLayout): number {
  if (column === null) return 0;
  const axis = /^axis:(\d+)$/.exec(column);
  if (axis) return layout.axes[Number(axis[1])]?.columnNumber ?? 0;
  return layout.columnOf.get(column) ?? 0;
}

/** Half-width, trimmed text; null for an error cell (#N/A …). */
function toCellInput(cell: SheetCell): CellInput | null {
  if (cell.kind === 'error') return null;
  if (cell.kind === 'number') return { text: cellText(cell), fromNumber: true };
  return { text: normalizeWidth(cell.text).trim(), fromNumber: false };
}

function isBlank(row: SheetRow): boolean {
  return [...row.cells.values()].every((cell) => toCellInput(cell)?.text === '');
}

function displayHeaderOf<C extends ColumnMap, Row>(template: TemplateDefinition<C, Row>, key: string, language: HubLanguage): string {
  if (key.startsWith('axis:')) return template.optionAxes?.label[language] ?? key;
  const definition = template.columns[key];
  if (!definition) return key;
  return template.headers === 'canonical' ? definition.header : definition.label[language];
}

const shorten = (text: string): string => {
  const characters = [...text];
  return characters.length > maxValueInMessage ? `${characters.slice(0, maxValueInMessage).join('')}…` : text;
};

const megabytes = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10;
