/**
 * AIM symbology identifiers (ISO/IEC 15424): scanners can prefix every scan with `]` + code letter + modifier.
 * Recognising them lets us tell a Code 128 SKU label from an EAN-13 JAN, and keeps the prefix out of the data.
 */
export const symbologyByAimLetter = {
  A: 'code39',
  C: 'code128',
  E: 'ean-upc',
  F: 'codabar',
  G: 'code93',
  I: 'itf',
  L: 'pdf417',
  Q: 'qr',
  d: 'datamatrix',
  e: 'gs1-databar',
  z: 'aztec',
  X: 'other',
  Z: 'non-barcode',
} as const;

export type Symbology = (typeof symbologyByAimLetter)[keyof typeof symbologyByAimLetter] | 'unknown';

export interface AimSplit {
  /** The AIM id as sent, e.g. `]C0`, or null when the scan carried none. */
  aim: string | null;
  symbology: Symbology;
  data: string;
}

const aimPrefix = /^\](.)([0-9A-Za-z])/;

export function splitAim(raw: string): AimSplit {
  const match = aimPrefix.exec(raw);
  if (!match) return { aim: null, symbology: 'unknown', data: raw };
  const letter = match[1] as string;
  const symbology = Object.hasOwn(symbologyByAimLetter, letter) ? symbologyByAimLetter[letter as keyof typeof symbologyByAimLetter] : 'unknown';
  return { aim: match[0], symbology, data: raw.slice(match[0].length) };
}
