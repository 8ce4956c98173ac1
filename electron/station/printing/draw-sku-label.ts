import type { PlacedText, SkuLabelLayout } from './sku-label-layout';
import { dotsToPt } from './units';

/**
 * Each bar is drawn a quarter of a printer dot narrower than its modules, an eighth off each edge. A raster driver
 * blackens every dot a shape touches, so a bar edge that falls exactly on a dot boundary (they all do: the layout puts
 * bars on the 203 dpi grid) would otherwise grow by a dot, and thermal heads spread ink on their own as well. 0.03 mm
 * changes nothing for a laser printer on A4 sheets.
 */
const barWidthReductionDots = 0.25;

/** Draws one laid-out SKU label with pdfkit at (0, 0): text in the embedded font, bars as filled rectangles. */
export function drawSkuLabel(doc: PDFKit.PDFDocument, layout: SkuLabelLayout, fontName: string): void {
  doc.fillColor('black');
  for (const text of [...layout.texts, layout.skuText]) drawText(doc, text, fontName);

  const { symbol, xDots, topDots, moduleDots, heightDots } = layout.barcode;
  const topPt = dotsToPt(topDots);
  const heightPt = dotsToPt(heightDots);
  for (const [x, width] of symbol.bars) {
    const left = xDots + x * moduleDots + barWidthReductionDots / 2;
    doc.rect(dotsToPt(left), topPt, dotsToPt(width * moduleDots - barWidthReductionDots), heightPt);
  }
  // One fill for all the bars: one path operator per bar and a single paint.
  doc.fill('black');
}

function drawText(doc: PDFKit.PDFDocument, text: PlacedText, fontName: string): void {
  doc.font(fontName).fontSize(text.sizePt).text(text.text, text.xPt, text.baselinePt, { lineBreak: false, baseline: 'alphabetic' });
}
