import { countCodePoints, formatSku, isBranchCode, isInventoryCode, isJapanesePhone, isOptionCode, normalizeJapanesePostalCode, parseSku } from './field-rules';
import type { ExcelErrorCode, MessageParams } from './messages';

/**
 * How one column turns a cell into a typed value. The importer hands every rule a cell that is already
 * half-width, trimmed, non-empty and free of control characters and markup; a rule only knows its own column.
 */
export interface CellInput {
  readonly text: string;
  /** The cell was a number cell: Excel has dropped any leading zeros the user typed. */
  readonly fromNumber: boolean;
}

export type RuleOutcome<T> = { readonly ok: true; readonly value: T } | RuleFailure;
export interface RuleFailure {
  readonly ok: false;
  readonly code: ExcelErrorCode;
  readonly params?: MessageParams;
}

export interface FieldRule<T> {
  /** Codes whose leading zeros matter: the template formats the column as text so Excel keeps them. */
  readonly keepsLeadingZeros: boolean;
  parse(cell: CellInput): RuleOutcome<T>;
}

const accept = <T>(value: T): RuleOutcome<T> => ({ ok: true, value });
const refuse = (code: ExcelErrorCode, params?: MessageParams): RuleFailure => ({ ok: false, code, params });

/** Names, addresses, free codes: the text itself, at most `maxLength` characters. */
export function text(maxLength: number, options: { keepsLeadingZeros?: boolean } = {}): FieldRule<string> {
  return {
    keepsLeadingZeros: options.keepsLeadingZeros ?? false,
    parse: (cell) => (countCodePoints(cell.text) > maxLength ? refuse('too-long', { max: maxLength }) : accept(cell.text)),
  };
}

// "1,000" is how many sellers type a thousand; a lone "-5" is read so the message can say "out of range".
const integerText = /^-?(\d+|\d{1,3}(,\d{3})+)$/;

export function wholeNumber(min: number, max: number): FieldRule<number> {
  return {
    keepsLeadingZeros: false,
    parse(cell) {
      if (!integerText.test(cell.text)) return refuse('not-integer');
      const value = Number(cell.text.replace(/,/g, ''));
      if (!Number.isSafeInteger(value) || value < min || value > max) return refuse('out-of-range', { min, max });
      return accept(value);
    },
  };
}

/**
 * A fixed-width numeric code. A number cell lost its leading zeros (Excel shows `00001` typed into a General cell
 * as 1), so a number cell is padded back; a text cell was kept as typed and must already be complete.
 */
export function digitCode(digits: number, isValid: (code: string) => boolean, code: ExcelErrorCode): FieldRule<string> {
  return {
    keepsLeadingZeros: true,
    parse(cell) {
      const value = cell.fromNumber && /^\d+$/.test(cell.text) ? cell.text.padStart(digits, '0') : cell.text;
      return isValid(value) ? accept(value) : refuse(code);
    },
  };
}

export const inventoryCode = (): FieldRule<string> => digitCode(12, isInventoryCode, 'invalid-inventory-code');
export const optionCode = (): FieldRule<string> => digitCode(5, isOptionCode, 'invalid-option-code');
export const branchCode = (): FieldRule<string> => digitCode(10, isBranchCode, 'invalid-branch-code');

export const fullSku = (): FieldRule<string> => ({
  keepsLeadingZeros: true,
  parse(cell) {
    const parts = parseSku(cell.text);
    return parts ? accept(formatSku(parts)) : refuse('invalid-sku');
  },
});

export const japanesePostalCode = (): FieldRule<string> => ({
  keepsLeadingZeros: true,
  parse(cell) {
    // Hokkaido's codes start with 0: 060-0001 typed into a General cell arrives as 600001.
    const typed = cell.fromNumber ? cell.text.padStart(7, '0') : cell.text;
    const value = normalizeJapanesePostalCode(typed);
    return value ? accept(value) : refuse('invalid-postal-code');
  },
});

export const japanesePhone = (): FieldRule<string> => ({
  keepsLeadingZeros: true,
  parse(cell) {
    // Every domestic number starts with 0, which a number cell has dropped (09012345678 → 9012345678).
    const value = cell.fromNumber && /^[1-9]\d{8,9}$/.test(cell.text) ? `0${cell.text}` : cell.text;
    return isJapanesePhone(value) ? accept(value) : refuse('invalid-phone');
  },
});

export interface Choice<V extends string> {
  readonly value: V;
  /** How sellers write it, in any language; compared without case, width or spaces. */
  readonly spellings: readonly string[];
}

/** One of a fixed list, e.g. `in`, `JPY`, a delivery method; the message lists the first spelling of each. */
export function oneOf<const V extends string>(choices: readonly Choice<V>[]): FieldRule<V> {
  const byKey = new Map<string, V>();
  for (const choice of choices) {
    for (const spelling of [choice.value, ...choice.spellings]) byKey.set(choiceKey(spelling), choice.value);
  }
  const allowed = choices.map((choice) => choice.spellings[0] ?? choice.value).join(', ');
  return {
    keepsLeadingZeros: false,
    parse(cell) {
      const value = byKey.get(choiceKey(cell.text));
      return value === undefined ? refuse('not-allowed-value', { allowed }) : accept(value);
    },
  };
}

const choiceKey = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
