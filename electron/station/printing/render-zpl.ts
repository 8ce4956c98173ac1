import { BarcodeCache } from './barcode-symbols';
import { labelFont, type LabelFont } from './label-font';
import { rasteriseText } from './glyph-raster';
import type { RenderedLabels } from './rendered-labels';
import { labelDesignKey, type SkuLabel } from './sku-label';
import { layoutSkuLabel, type SkuLabelLayout } from './sku-label-layout';
import { ptToDots } from './units';
import { zplCode128Data } from './zpl-code128';
import { zplGraphicField } from './zpl-graphic';

/**
 * A batch of SKU labels as ZPL II for 203 dpi thermal printers (Zebra and compatibles), one ^XA…^XZ format per label
 * line with ^PQ for its copies, so the printer repeats a label instead of receiving it again.
 *
 * Japanese text is sent as ^GF graphics rendered here from the same font and layout as the PDF, not as ^CI28 UTF-8
 * text: printing kanji as text needs a Japanese font installed on the printer (an optional download on Zebras),
 * and without it every character prints as nothing. Graphics cost a few kilobytes per distinct label and work
 * on every printer. The barcode is the printer's own ^BC (crisper than any bitmap), and the SKU under it, plain ASCII,
 * is set in the printer's built-in scalable font 0.
 */
export async function renderSkuLabelsZpl(labels: readonly SkuLabel[]): Promise<RenderedLabels> {
  const font = labelFont();
  const barcodes = new BarcodeCache();
  const formats = new Map<string, { body: string; warnings: string[] }>();
  const warnings = new Set<string>();
  let zpl = '';
  let labelCount = 0;
  for (const label of labels) {
    const key = labelDesignKey(label);
    let format = formats.get(key);
    if (!format) {
      const layout = layoutSkuLabel(label, font, barcodes);
      format = { body: zplBody(layout, font), warnings: layout.warnings };
      formats.set(key, format);
    }
    for (const warning of format.warnings) warnings.add(warning);
    zpl += `^XA${format.body}^PQ${label.copies}^XZ\n`;
    labelCount += label.copies;
  }
  return { bytes: Buffer.from(zpl, 'ascii'), labelCount, warnings: [...warnings], barcodeEncodings: barcodes.encodings };
}

function zplBody(layout: SkuLabelLayout, font: LabelFont): string {
  const widthDots = Math.round(ptToDots(layout.widthPt));
  const heightDots = Math.round(ptToDots(layout.heightPt));
  let body = `^PW${widthDots}^LL${heightDots}^LH0,0`;

  for (const text of layout.texts) {
    const { bitmap, ascentDots } = rasteriseText(text.text, ptToDots(text.sizePt), font);
    body += zplGraphicField(Math.round(ptToDots(text.xPt)), Math.round(ptToDots(text.baselinePt)) - ascentDots, bitmap);
  }

  const { symbol, xDots, topDots, moduleDots, heightDots: barHeight } = layout.barcode;
  body += `^FO${xDots},${topDots}^BY${moduleDots}^BCN,${barHeight},N,N,N^FD${zplCode128Data(symbol.text)}^FS`;

  const sku = layout.skuText;
  const skuHeightDots = Math.round(ptToDots(sku.sizePt) * 1.2);
  const skuTopDots = Math.round(ptToDots(sku.baselinePt)) - Math.round(ptToDots(sku.sizePt) * 0.9);
  // ^FB centres the SKU across the label; its characters (digits and '-') need no escaping in ^FD.
  body += `^FO0,${skuTopDots}^A0N,${skuHeightDots}^FB${widthDots},1,0,C^FD${sku.text}^FS`;
  return body;
}
