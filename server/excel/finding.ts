import type { HubLanguage } from '../../shared/hub/hub-roles';
import { excelMessage, type ExcelErrorCode, type MessageParams } from './messages';

/** What the user reads for one problem: where it is, a stable code, and the sentence in their language. */
export interface RowError {
  /** The Excel row number as the user sees it; 0 for the file as a whole. */
  readonly row: number;
  /** The header as written in the file, the column letter when the column has no header, '' for the whole file. */
  readonly column: string;
  readonly code: ExcelErrorCode;
  readonly message: string;
}

/** A problem before it is put into words; `columnNumber` (A = 1, 0 for none) only orders the report. */
export interface Finding {
  readonly row: number;
  readonly column: string;
  readonly columnNumber: number;
  readonly code: ExcelErrorCode;
  readonly params: MessageParams;
}

export const fileFinding = (code: ExcelErrorCode, params: MessageParams = {}): Finding => ({
  row: 0,
  column: '',
  columnNumber: 0,
  code,
  params,
});

/** Row by row, left to right, as the user will go through the file to fix it. */
export function toRowErrors(findings: readonly Finding[], language: HubLanguage): RowError[] {
  return [...findings]
    .sort((a, b) => a.row - b.row || a.columnNumber - b.columnNumber)
    .map((finding) => ({
      row: finding.row,
      column: finding.column,
      code: finding.code,
      message: excelMessage(finding.code, language, finding.params),
    }));
}
