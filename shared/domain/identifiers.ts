import { z } from 'zod';
import { reasonCode } from './reason-code';

/**
 * The identifiers of the manual, exactly as QSM writes them. Schemas take the canonical half-width form; an
 * importer that reads spreadsheets runs text through normalizeWidth (text.ts) first.
 */

/** A Qoo10 shop (seller) id. */
export const sellerIdSchema = z.string({ error: reasonCode('invalid-seller-id') }).regex(/^[A-Za-z0-9_.-]{1,50}$/);
export type SellerId = z.infer<typeof sellerIdSchema>;

/** A Qxpress branch (分店) code: ten digits, leading zeros significant. */
export const branchCodeSchema = z.string({ error: reasonCode('invalid-branch-code') }).regex(/^\d{10}$/);
export type BranchCode = z.infer<typeof branchCodeSchema>;

export const branches = {
  /** Qxpress JP Tokyo (Funabashi, Chiba): the code the manual's inbound template fixes in its BranchCode column. */
  qxpressJapan: '0000011520',
  /**
   * Qxpress KR Seoul. The manual names the branch but never prints its code: this is a PLACEHOLDER (82 is Korea's
   * calling code) to be replaced by the real code from Qxpress before a Korean branch is configured.
   */
  qxpressKoreaSeoul: '0000000082',
} as const satisfies Record<string, BranchCode>;

/** The names sellers see and type in the Excel 分店 column, by code. */
export const branchNames: Readonly<Record<BranchCode, string>> = {
  [branches.qxpressJapan]: 'Qxpress JP Tokyo',
  [branches.qxpressKoreaSeoul]: 'Qxpress KR Seoul',
};

/** A Q-inventory code (Q库存代码): 12 digits starting with 3, e.g. 300001289771. */
export const inventoryCodeSchema = z.string({ error: reasonCode('invalid-inventory-code') }).regex(/^3\d{11}$/);
export type InventoryCode = z.infer<typeof inventoryCodeSchema>;

/** An option code (商品类目选项代码): 5 digits, e.g. 00003. */
export const optionCodeSchema = z.string({ error: reasonCode('invalid-option-code') }).regex(/^\d{5}$/);
export type OptionCode = z.infer<typeof optionCodeSchema>;

export type SkuParts = { inventoryCode: InventoryCode; optionCode: OptionCode };

// QSM prints the same SKU as 300001289771-00003 in lists, 300001289772/00001 and 300001289772:00003 in its
// product editor; sellers copy from all three screens, so all three parse to the one canonical form.
const skuPattern = /^(3\d{11})[-/:](\d{5})$/;

export function parseSku(text: string): SkuParts | null {
  const match = skuPattern.exec(text);
  if (!match) return null;
  return { inventoryCode: match[1] as InventoryCode, optionCode: match[2] as OptionCode };
}

export function formatSku(parts: SkuParts): Sku {
  return `${parts.inventoryCode}-${parts.optionCode}`;
}

/** A full SKU (Q库存详细号码), canonical form `300001289771-00003`. */
export const skuSchema = z
  .string({ error: reasonCode('invalid-sku') })
  .regex(skuPattern)
  .transform((text) => formatSku(parseSku(text) as SkuParts));
export type Sku = string;

/** A SKU exactly as stations send it: already canonical (`300001289771-00003`), no other separator accepted. */
export const canonicalSkuPattern = /^3\d{11}-\d{5}$/;
export const canonicalSkuSchema = z.string().regex(canonicalSkuPattern);

/** An inbound bundle (入库包裹) id: IB and eight digits, e.g. IB00000042. */
export const bundleIdPattern = /^IB\d{8}$/;
export const bundleIdSchema = z.string().regex(bundleIdPattern);

/** The GS1 check digit of a GTIN body (all digits but the last): weights 3,1,3,… from the right. */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidJan(text: string): boolean {
  return /^(\d{8}|\d{12}|\d{13})$/.test(text) && gtinCheckDigit(text.slice(0, -1)) === Number(text.slice(-1));
}

/**
 * A JAN / EAN-13, EAN-8 or UPC-A (GTIN-12) code. Kept as a string: leading zeros are part of the code.
 * A wrong check digit is its own reason because it means a misread or mistyped code, not a wrong kind of code.
 */
export const janSchema = z
  .string({ error: reasonCode('invalid-jan') })
  .regex(/^(\d{8}|\d{12}|\d{13})$/, { abort: true }) // a wrong length has no check digit to complain about
  .refine((text) => isValidJan(text), { error: 'jan-check-digit' });
export type Jan = z.infer<typeof janSchema>;

/** An amount of yen: whole (yen have no subunit in use) and never negative. Prices, fees, balances. */
export const yenSchema = z.int({ error: reasonCode('invalid-yen') }).min(0, { error: 'negative-yen' });
export type Yen = z.infer<typeof yenSchema>;

/** A change of a yen balance: a charge (negative) or a top-up or refund (positive). */
export const yenDeltaSchema = z.int({ error: reasonCode('invalid-yen') });
export type YenDelta = z.infer<typeof yenDeltaSchema>;
