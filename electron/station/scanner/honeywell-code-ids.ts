import type { Symbology } from '../../../shared/scanning/aim';

/**
 * Honeywell's own one-letter "Code ID" (report byte 61), used only when a report carries no AIM id.
 * Source: the Code ID column of the Symbology Chart in Honeywell (Hand Held Products) scanner user guides;
 * the fixture README confirms j, d, s and a.
 */
const symbologyByHoneywellCodeId: Readonly<Record<string, Symbology>> = {
  a: 'codabar',
  b: 'code39',
  i: 'code93',
  j: 'code128',
  I: 'code128', // GS1-128
  e: 'itf',
  d: 'ean-upc', // EAN-13
  D: 'ean-upc', // EAN-8
  c: 'ean-upc', // UPC-A
  E: 'ean-upc', // UPC-E
  r: 'pdf417',
  R: 'pdf417', // MicroPDF417
  s: 'qr',
  w: 'datamatrix',
  z: 'aztec',
  y: 'gs1-databar',
};

export function symbologyFromHoneywellCodeId(codeId: number): Symbology {
  const letter = String.fromCharCode(codeId);
  return Object.hasOwn(symbologyByHoneywellCodeId, letter) ? (symbologyByHoneywellCodeId[letter] ?? 'unknown') : 'unknown';
}
