import { countCodePoints, normalizeWidth, plainTextProblem } from './field-rules';
import type { Finding } from './finding';
import type { SheetCell, SheetRow } from './read-sheet';
import type { ColumnMap, TemplateDefinition } from './template-definition';

/** Where each template column is in the file, as read from its header row. */
export interface HeaderLayout {
  readonly headerRow: number;
  /** Column number (A = 1) of each template column present, by column key. */
  readonly columnOf: ReadonlyMap<string, number>;
  /** The option axis columns, left to right. */
  readonly axes: readonly { readonly columnNumber: number; readonly name: string }[];
  /** Every non-empty header cell, trimmed but otherwise as the user wrote it, by column number. */
  readonly written: ReadonlyMap<number, string>;
  readonly findings: readonly Finding[];
  /** A required column is missing or ambiguous: the rows cannot be read. */
  readonly fatal: boolean;
}

/**
 * A header's identity: no width (ＳＫＵ, （）), case, spaces or punctuation between words, and no required mark
 * (`*`, `※`, `(必須)` …) — so `InventoryCode`, `Inventory Code`, `inventory_code*` and `ＩｎｖｅｎｔｏｒｙＣｏｄｅ` are one.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\((必須|必须|必填|required|필수)\)/g, '')
    .replace(/[\s_\-./・:*※]/g, '');
}

export function cellText(cell: SheetCell): string {
  return cell.kind === 'number' ? numberText(cell.value) : cell.text;
}

/** A number as its digits: 4901234567894, never 4.90123E+12 (integers up to 2^53 are exact in a double). */
export function numberText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? BigInt(value).toString() : String(value);
}

/** A, B, … Z, AA, AB …: how Excel names column `columnNumber` (A = 1). */
export function columnLetter(columnNumber: number): string {
  let letters = '';
  for (let n = columnNumber; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function matchHeaders<C extends ColumnMap, Row>(
  template: TemplateDefinition<C, Row>,
  headerRow: SheetRow,
  displayHeader: (key: string) => string,
): HeaderLayout {
  const written = new Map<number, string>();
  for (const [columnNumber, cell] of [...headerRow.cells].sort(([a], [b]) => a - b)) {
    const header = cellText(cell).trim();
    if (header !== '') written.set(columnNumber, header);
  }
  const at = (columnNumber: number, code: Finding['code'], params: Finding['params']): Finding => ({
    row: headerRow.number,
    column: written.get(columnNumber) ?? '',
    columnNumber,
    code,
    params,
  });

  const keyByHeader = headerIndex(template);
  const columnOf = new Map<string, number>();
  const unmatched: number[] = [];
  const fatal: Finding[] = [];
  for (const [columnNumber, header] of written) {
    const key = keyByHeader.get(headerKey(header));
    if (key === undefined) unmatched.push(columnNumber);
    else if (columnOf.has(key)) fatal.push(at(columnNumber, 'duplicate-column', { column: header }));
    else columnOf.set(key, columnNumber);
  }

  const axes = findAxes(template, columnOf, unmatched, written);
  fatal.push(...axes.problems.map((problem) => at(problem.columnNumber, problem.code, problem.params)));
  for (const column of missingColumns(template, columnOf, displayHeader)) {
    fatal.push({ row: headerRow.number, column: '', columnNumber: 0, code: 'missing-column', params: { column } });
  }
  // An unknown column does not stop the rows being read: the seller gets those problems in the same report.
  const unknown = unmatched
    .filter((columnNumber) => !axes.columns.some((axis) => axis.columnNumber === columnNumber))
    .map((columnNumber) => at(columnNumber, 'unknown-column', { column: written.get(columnNumber) ?? '' }));

  return {
    headerRow: headerRow.number,
    columnOf,
    axes: axes.columns,
    written,
    findings: [...fatal, ...unknown],
    fatal: fatal.length > 0,
  };
}

type HeaderProblem = { readonly columnNumber: number; readonly code: Finding['code']; readonly params: Finding['params'] };

/** Unrecognised headers left of the anchor column are the seller's own option names (Color, サイズ …). */
function findAxes<C extends ColumnMap, Row>(
  template: TemplateDefinition<C, Row>,
  columnOf: ReadonlyMap<string, number>,
  unmatched: readonly number[],
  written: ReadonlyMap<number, string>,
): { columns: { columnNumber: number; name: string }[]; problems: HeaderProblem[] } {
  const definition = template.optionAxes;
  const anchor = definition ? columnOf.get(definition.before) : undefined;
  if (!definition || anchor === undefined) return { columns: [], problems: [] };

  const columns: { columnNumber: number; name: string }[] = [];
  const problems: HeaderProblem[] = [];
  const seen = new Set<string>();
  for (const columnNumber of unmatched.filter((n) => n < anchor)) {
    const name = normalizeWidth(written.get(columnNumber) ?? '').trim();
    columns.push({ columnNumber, name });
    const textProblem = plainTextProblem(name);
    if (textProblem) {
      problems.push({ columnNumber, code: textProblem === 'markup' ? 'markup-not-allowed' : 'control-character', params: { column: name } });
    } else if (countCodePoints(name) > definition.maxValueLength) {
      problems.push({ columnNumber, code: 'too-long', params: { column: name, max: definition.maxValueLength } });
    }
    if (seen.has(headerKey(name))) problems.push({ columnNumber, code: 'duplicate-column', params: { column: name } });
    seen.add(headerKey(name));
  }
  if (columns.length < definition.min || columns.length > definition.max) {
    const params = { column: written.get(anchor) ?? '', min: definition.min, max: definition.max, count: columns.length };
    problems.push({ columnNumber: anchor, code: 'option-axis-count', params });
  }
  return { columns, problems };
}

/** The template's names for the required columns (and one-of groups) the header row lacks. */
function missingColumns<C extends ColumnMap, Row>(
  template: TemplateDefinition<C, Row>,
  columnOf: ReadonlyMap<string, number>,
  displayHeader: (key: string) => string,
): string[] {
  const missing = Object.entries(template.columns)
    .filter(([key, definition]) => definition.required && !columnOf.has(key))
    .map(([key]) => displayHeader(key));
  for (const group of template.requireOneOf ?? []) {
    if (!group.some((key) => columnOf.has(key))) missing.push(group.map(displayHeader).join(' / '));
  }
  return missing;
}

/** Every accepted spelling of every column header with its column key (a test keeps them unambiguous). */
export function acceptedHeaders(template: { readonly columns: ColumnMap }): { key: string; header: string }[] {
  return Object.entries(template.columns).flatMap(([key, definition]) =>
    [definition.header, ...Object.values(definition.label), ...definition.aliases].map((header) => ({ key, header })),
  );
}

function headerIndex(template: { readonly columns: ColumnMap }): Map<string, string> {
  return new Map(acceptedHeaders(template).map(({ key, header }) => [headerKey(header), key]));
}
