/**
 * The identifier and plain-text rules the Excel importer checks cells against. They repeat, on purpose and in
 * one place, what shared/domain (identifiers.ts, text.ts) defines, so that this module can later import them from
 * there instead without touching the templates.
 */

// --- width -----------------------------------------------------------------------------------------------------

/** Hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus sign, small em dash, small and full-width hyphen-minus. */
const dashLikes = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** ！ to ～: the full-width copies of ASCII 0x21–0x7E, as Japanese input methods type them. */
const fullWidthAscii = /[\uFF01-\uFF5E]/g;
const fullWidthOffset = 0xfee0;

/** `３０００` → `3000`, `ＪＰＹ` → `JPY`, `０３－１２３４` → `03-1234`; kana and kanji stay as written. */
export function normalizeWidth(text: string): string {
  return text
    .replace(dashLikes, '-')
    .replace(fullWidthAscii, (char) => String.fromCharCode(char.charCodeAt(0) - fullWidthOffset))
    .replace(/\u3000/g, ' ');
}

// --- plain text ------------------------------------------------------------------------------------------------

export type PlainTextProblem = 'control-characters' | 'markup';

// Cc (C0, DEL, C1), line/paragraph separators (they break a label line as \n would), and the bidirectional
// overrides and isolates that can make a name display differently from what is stored.
const controlCharacters = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
// What a browser or a label template could read as markup: a tag, closing tag, comment/doctype or processing
// instruction (`<` then a letter, `/`, `!` or `?`), or a character entity. A '<' or '&' otherwise, as in "S < M"
// or "A & B", is still plain text.
const markup = /<[A-Za-z/!?]|&(#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);/;

export function plainTextProblem(text: string): PlainTextProblem | null {
  if (controlCharacters.test(text)) return 'control-characters';
  if (markup.test(text)) return 'markup';
  return null;
}

/** Length as PostgreSQL's varchar counts it: an emoji or a rare kanji outside the BMP is one character. */
export function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// --- identifiers -----------------------------------------------------------------------------------------------

/** A Q-inventory code (Q在庫コード / Q库存代码): 12 digits starting with 3, e.g. 300001289771. */
export const isInventoryCode = (text: string): boolean => /^3\d{11}$/.test(text);

/** An option code: 5 digits, e.g. 00003. */
export const isOptionCode = (text: string): boolean => /^\d{5}$/.test(text);

/** A Qxpress branch code: 10 digits, leading zeros significant, e.g. 0000011520. */
export const isBranchCode = (text: string): boolean => /^\d{10}$/.test(text);

export interface SkuParts {
  readonly inventoryCode: string;
  readonly optionCode: string;
}

// QSM prints one SKU as 300001289771-00003 in lists, 300001289772/00001 and 300001289772:00003 in its product
// editor; sellers copy from all three screens.
const skuPattern = /^(3\d{11})[-/:](\d{5})$/;

export function parseSku(text: string): SkuParts | null {
  const match = skuPattern.exec(text);
  if (!match?.[1] || !match[2]) return null;
  return { inventoryCode: match[1], optionCode: match[2] };
}

/** The canonical full SKU, `300001289771-00003`. */
export const formatSku = (parts: SkuParts): string => `${parts.inventoryCode}-${parts.optionCode}`;

// --- Japanese addresses ----------------------------------------------------------------------------------------

/** `1000005`, `100-0005` or `〒100-0005` → `100-0005`; anything else → null. */
export function normalizeJapanesePostalCode(text: string): string | null {
  const match = /^〒?\s*(\d{3})-?(\d{4})$/.exec(text);
  return match ? `${match[1]}-${match[2]}` : null;
}

/** A domestic number (0 + 9 or 10 digits) or the same with +81 for the 0, in any grouping of dashes, spaces, brackets. */
export function isJapanesePhone(text: string): boolean {
  if (!/^\+?[\d\s()-]+$/.test(text)) return false;
  const digits = text.replace(/[\s()-]/g, '');
  return /^0\d{9,10}$/.test(digits) || /^\+81\d{9,10}$/.test(digits);
}
