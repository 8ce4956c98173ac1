import { z } from 'zod';
import { reasonCode } from './reason-code';
import { normalizeWidth } from './text';

/**
 * A bin (shelf location) as printed on its label: zone letters, then aisle, rack and level, two digits each,
 * e.g. `A-01-02-03`. The letters at the front keep a bin scan apart from a SKU (3…-…), a JAN (digits only) and an
 * order or tracking number, so one scan field can take all of them.
 */
const binPattern = /^([A-Z]{1,3})-(\d{2})-(\d{2})-(\d{2})$/;

export const binCodeSchema = z.string({ error: reasonCode('invalid-bin') }).regex(binPattern, { error: reasonCode('invalid-bin') });
export type BinCode = z.infer<typeof binCodeSchema>;

/** A scanned or typed bin label as its code (full-width and lower case read as the label means), or null if it is not one. */
export function normaliseBinCode(scanned: string): BinCode | null {
  const text = normalizeWidth(scanned).trim().toUpperCase();
  return binPattern.test(text) ? text : null;
}

/**
 * Walking order through the warehouse: zone, then aisle, rack and level. A SKU without a bin comes last, so the
 * picker meets it after every shelved item and asks. Codes compare by their parts, which with two-digit fields
 * is also their text order, but the rule is stated here once rather than relied on by every caller.
 */
export function compareBins(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  const pa = binPattern.exec(a);
  const pb = binPattern.exec(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 1; i <= 4; i++) {
    const [x, y] = [pa[i]!, pb[i]!];
    if (x !== y) return i === 1 ? x.length - y.length || (x < y ? -1 : 1) : Number(x) - Number(y);
  }
  return 0;
}
