// The Node build by name: TypeScript's bundler resolution does not pick the package's 'node' condition by itself.
import bwipjs from 'bwip-js/node';

/**
 * A linear barcode as bwip-js encodes it: bar and space widths in modules, which the PDF renderer draws as filled
 * rectangles (vectors, so any printer resolution gets exact edges) and the ZPL renderer leaves to the printer.
 *
 * Taken from bwip-js's raw encoder rather than its drawing API: raw gives whole-module widths, while the drawing API
 * hands over coordinates already rounded to its own pixel grid.
 */
export interface LinearSymbol {
  text: string;
  /** Total width in modules, quiet zones not included. */
  widthModules: number;
  /** [x, width] of each bar, in modules from the left edge of the first bar. */
  bars: ReadonlyArray<readonly [number, number]>;
}

/** Encoding costs about 2.5 ms a code: a batch encodes each distinct code once and draws it as often as needed. */
export class BarcodeCache {
  private readonly symbols = new Map<string, LinearSymbol>();
  encodings = 0;

  code128(text: string): LinearSymbol {
    let symbol = this.symbols.get(text);
    if (!symbol) {
      symbol = encodeCode128(text);
      this.encodings++;
      this.symbols.set(text, symbol);
    }
    return symbol;
  }
}

export function encodeCode128(text: string): LinearSymbol {
  return encodeLinear('code128', 'Code 128', text);
}

/**
 * The same Code 128 as an SVG document (bwip-js's own SVG output), for a label preview in a window and for comparing
 * against printing HTML through Chromium. Not used for printing.
 */
export function code128Svg(text: string): string {
  return bwipjs.toSVG({ bcid: 'code128', text, scale: 2, height: 10, paddingwidth: 10 });
}

/** NW-7 (Codabar), drawn like Code 128. 'rationalizedCodabar' takes the start and stop characters as part of the text. */
export function encodeCodabar(text: string): LinearSymbol {
  return encodeLinear('rationalizedCodabar', 'Codabar', text);
}

/** bwip-js's raw bar/space widths as the bars of a LinearSymbol. */
function encodeLinear(bcid: string, name: string, text: string): LinearSymbol {
  const [encoded] = bwipjs.raw(bcid, text, {});
  if (!encoded || !('sbs' in encoded)) throw new Error(`bwip-js gave no ${name} bars for ${JSON.stringify(text)}`);
  const bars: Array<readonly [number, number]> = [];
  let x = 0;
  encoded.sbs.forEach((width, index) => {
    // sbs alternates bar, space, bar, …, starting with a bar.
    if (index % 2 === 0) bars.push([x, width]);
    x += width;
  });
  return { text, widthModules: x, bars };
}

/** A QR code's module matrix from bwip-js's raw encoder (error correction M, bwip-js's default). */
export function encodeQr(payload: string): { size: number; modules: readonly number[] } {
  const [encoded] = bwipjs.raw('qrcode', payload, 'eclevel=M');
  if (!encoded || !('pixs' in encoded) || encoded.pixx !== encoded.pixy) throw new Error(`bwip-js gave no QR matrix for ${JSON.stringify(payload)}`);
  return { size: encoded.pixx, modules: encoded.pixs };
}
