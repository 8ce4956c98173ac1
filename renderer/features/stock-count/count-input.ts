import { maxCountUnits } from '../../../shared/contract/stock-count';

/**
 * A keyed count as a number of units, or null when it is not one (negative, a fraction, text, absurd). The station
 * checks again; this only keeps a typing slip from being sent.
 */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const count = Number(trimmed);
  return count <= maxCountUnits ? count : null;
}

/** A variance as the floor reads it: a sign always, so "+3" and "-3" are never mistaken. */
export const signed = (variance: number): string => (variance > 0 ? `+${variance}` : String(variance));
