import type { HubLanguage } from '../../shared/hub/hub-roles';
import type { FieldRule } from './column-rules';
import type { ExcelErrorCode, MessageParams } from './messages';

// The kinds are part of the hub API (the template and import routes take them): one list, in shared/hub.
import type { TemplateKind } from '../../shared/hub/routes/excel';
export { templateKinds, type TemplateKind } from '../../shared/hub/routes/excel';

export type Localised = Readonly<Record<HubLanguage, string>>;

/** One column of a template: what QWMS calls it, what else sellers call it, and how its cells are read. */
export interface ColumnDefinition<T = unknown, Required extends boolean = boolean> {
  /** The header the template file carries (the manual's own for options and inbound). */
  readonly header: string;
  /** Its name in each language: headers of localised templates, the help sheet. */
  readonly label: Localised;
  /** Further accepted headers in any language; compared without case, width, spaces or a required mark. */
  readonly aliases: readonly string[];
  readonly required: Required;
  readonly rule: FieldRule<T>;
  /** One sentence for the help sheet. */
  readonly help: Localised;
}

export type ColumnMap = Readonly<Record<string, ColumnDefinition>>;

/** A required column's value is always there; an optional one is null when its cell (or the column) is empty. */
export type ColumnValues<C extends ColumnMap> = {
  readonly [K in keyof C]: C[K] extends ColumnDefinition<infer T, true> ? T : C[K] extends ColumnDefinition<infer T, boolean> ? T | null : never;
};

/**
 * Free-named option columns (Color, Size, カラー …) placed before one named column, as the options template has
 * them: every unrecognised column before `before` is an axis.
 */
export interface OptionAxesDefinition<K extends string> {
  readonly before: K;
  readonly min: number;
  readonly max: number;
  readonly maxValueLength: number;
  readonly sampleHeaders: readonly string[];
  readonly label: Localised;
  readonly help: Localised;
}

export interface AxisValue {
  /** The header as the seller wrote it, e.g. `Color` or `サイズ`. */
  readonly name: string;
  readonly value: string;
}

/** A problem's column: a template column key, `axis:N` for the N-th option axis (from 0), or null for the whole file. */
export type ProblemColumn<K extends string> = K | `axis:${number}` | null;

export interface Problem<K extends string> {
  readonly column: ProblemColumn<K>;
  readonly code: ExcelErrorCode;
  readonly params?: MessageParams;
  /** A second column the message names as `{other}`, e.g. "fill in SKU no. or Seller SKU code". */
  readonly otherColumn?: K;
}

export interface RowProblem<K extends string> extends Problem<K> {
  /** The Excel row number; 0 for the file as a whole. */
  readonly row: number;
}

export type RowOutcome<Row, K extends string> = { readonly ok: true; readonly row: Row } | { readonly ok: false; readonly problems: readonly Problem<K>[] };

export interface RowInput<C extends ColumnMap> {
  readonly row: number;
  readonly values: ColumnValues<C>;
  readonly axes: readonly AxisValue[];
}

export type SampleValue = string | number | Localised;
export interface SampleRow<C extends ColumnMap> {
  /** Option axis values, for a template with option axes. */
  readonly axes?: readonly string[];
  readonly cells: { readonly [K in keyof C]?: SampleValue };
}

export interface TemplateDefinition<C extends ColumnMap, Row> {
  readonly kind: TemplateKind;
  readonly sheetName: string;
  /** `canonical`: the file carries `header` (QWMS expects it); `localised`: the label in the chosen language. */
  readonly headers: 'canonical' | 'localised';
  /** In template order. */
  readonly columns: C;
  readonly optionAxes?: OptionAxesDefinition<keyof C & string>;
  /** Groups of optional columns of which the file must have at least one (each row then checks its cells). */
  readonly requireOneOf?: readonly (readonly (keyof C & string)[])[];
  readonly samples: readonly SampleRow<C>[];
  /** Builds the typed row, refusing it where cells must agree; called only when every cell of the row was valid. */
  toRow(input: RowInput<C>): RowOutcome<Row, keyof C & string>;
  /** Rules over the whole file, called with every valid row. */
  checkRows?(rows: readonly Row[]): readonly RowProblem<keyof C & string>[];
}

/** Spells out the column's type from its rule and `required`, so template rows stay typed without annotations. */
export const column = <T, Required extends boolean>(definition: ColumnDefinition<T, Required>) => definition;
