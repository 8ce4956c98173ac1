import { rasteriseText } from './glyph-raster';
import { labelFont, type LabelFont } from './label-font';
import type { RenderedLabels } from './rendered-labels';
import { layoutShippingLabel, type ShippingLabelLayout } from './render-shipping-label';
import type { ShippingLabel } from './shipping-label';
import { ptToDots } from './units';
import { zplGraphicField } from './zpl-graphic';

/**
 * Shipping labels as ZPL II for 203 dpi thermal printers, one ^XA…^XZ format per label, from the same layout as the
 * PDF. The tracking number is the printer's own NW-7 (^BK) and the internal code its own QR (^BQ): printer-drawn
 * bars are crisper than any bitmap. All text, Japanese or not, is sent as ^GF graphics from the embedded font, for
 * the reason render-zpl.ts gives: most printers on the floor have no Japanese font of their own.
 */
export async function renderShippingLabelsZpl(labels: readonly ShippingLabel[]): Promise<RenderedLabels> {
  const font = labelFont();
  const warnings = new Set<string>();
  let zpl = '';
  for (const label of labels) {
    const layout = layoutShippingLabel(label, font);
    for (const warning of layout.warnings) warnings.add(warning);
    zpl += `^XA${zplBody(layout, font)}^PQ1^XZ\n`;
  }
  return { bytes: Buffer.from(zpl, 'ascii'), labelCount: labels.length, warnings: [...warnings], barcodeEncodings: 2 * labels.length };
}

/** The wide-to-narrow ratio of the bars, as bwip-js's rationalized Codabar draws them in the PDF. */
const codabarRatio = '3.0';

function zplBody(layout: ShippingLabelLayout, font: LabelFont): string {
  const widthDots = Math.round(ptToDots(layout.widthPt));
  const heightDots = Math.round(ptToDots(layout.heightPt));
  let body = `^PW${widthDots}^LL${heightDots}^LH0,0`;

  for (const text of layout.texts) {
    const { bitmap, ascentDots } = rasteriseText(text.text, ptToDots(text.sizePt), font);
    body += zplGraphicField(Math.round(ptToDots(text.xPt)), Math.round(ptToDots(text.baselinePt)) - ascentDots, bitmap);
  }

  for (const rule of layout.rules) {
    body += `^FO${Math.round(ptToDots(rule.xPt))},${Math.round(ptToDots(rule.yPt))}^GB${Math.round(ptToDots(rule.widthPt))},2,2^FS`;
  }

  // ^BK takes the start and stop characters as parameters and the digits alone as data.
  const { symbol, xDots, topDots, moduleDots, heightDots: barHeight } = layout.trackingBarcode;
  const start = symbol.text.at(0)!;
  const stop = symbol.text.at(-1)!;
  const digits = symbol.text.slice(1, -1);
  body += `^FO${xDots},${topDots}^BY${moduleDots},${codabarRatio}^BKN,N,${barHeight},N,N,${start},${stop}^FD${digits}^FS`;

  // Model 2, error correction M with automatic data mode (the "MA," prefix), as the PDF's bwip-js symbol.
  const qr = layout.qr;
  body += `^FO${qr.xDots},${qr.topDots}^BQN,2,${qr.moduleDots}^FH_^FDMA,${zplHexEscaped(qr.payload)}^FS`;
  return body;
}

/** ^ and ~ start ZPL commands and _ is the ^FH escape itself: inside ^FD they are sent as _XX hex. */
function zplHexEscaped(text: string): string {
  return text.replace(/[\^~_]/g, (char) => `_${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
