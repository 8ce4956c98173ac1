import type { BarcodeCache, LinearSymbol } from './barcode-symbols';
import { fitText, type TextBox } from './fit-text';
import type { LabelFont } from './label-font';
import type { SkuLabel } from './sku-label';
import { mmToPt, ptToDots } from './units';

/**
 * The SKU label design, 50 × 30 mm, in points from the top-left corner. One layout serves every output: the PDF
 * renderer draws it at 1:1 on a label roll or scaled into the cells of an A4 sheet, the ZPL renderer converts it to
 * dots. Positions that matter to a 203 dpi head (the barcode) sit on whole dots.
 *
 *   ┌────────────────────────────────────┐
 *   │ item name, up to 3 lines           │
 *   │ option name                        │
 *   │   ║│║║│║│║║│║ Code 128 ║│║║│║│║║   │
 *   │         300001289771-00003         │
 *   │           seller SKU code          │
 *   └────────────────────────────────────┘
 */
export const skuLabelSize = { widthMm: 50, heightMm: 30 } as const;

const widthPt = mmToPt(skuLabelSize.widthMm);
const heightPt = mmToPt(skuLabelSize.heightMm);
const sideMarginPt = mmToPt(2);
const textWidthPt = widthPt - 2 * sideMarginPt;
const leading = 1.2;
/** Where the baseline sits in a line box, as a fraction of the font size: CJK glyphs rise about 0.88 em. */
const baselineInLine = (leading - 1) / 2 + 0.88;

const nameBox = { topPt: mmToPt(1.4), box: box(6.6, 7.5, 5, 3) };
const optionBox = { topPt: mmToPt(8.2), box: box(2.9, 6.5, 5, 1) };
const sellerCodeBox = { topPt: mmToPt(25.2), box: box(2.9, 6.5, 5, 1) };
const skuTextSizePt = 7;
const skuTextTopPt = mmToPt(22.2);

/**
 * 2 dots (0.25 mm) per module: a 203 dpi head prints whole dots, and one-dot bars do not scan reliably. The SKU's
 * 167 modules then take 41.75 mm, and the quiet zones of 10 modules (2.5 mm) each side still fit in 50 mm.
 */
export const barcodeModuleDots = 2;
export const quietZoneModules = 10;
const barcodeTopDots = Math.round(ptToDots(mmToPt(11.5)));
const barcodeHeightDots = 80; // 10 mm

function box(heightMm: number, maxSizePt: number, minSizePt: number, maxLines: number): TextBox {
  return { widthPt: textWidthPt, heightPt: mmToPt(heightMm), maxSizePt, minSizePt, leading, maxLines };
}

export interface PlacedText {
  text: string;
  xPt: number;
  baselinePt: number;
  sizePt: number;
}

export interface PlacedBarcode {
  symbol: LinearSymbol;
  xDots: number;
  topDots: number;
  moduleDots: number;
  heightDots: number;
}

export interface SkuLabelLayout {
  widthPt: number;
  heightPt: number;
  texts: PlacedText[];
  /** The human-readable SKU under the bars, kept apart so ZPL can print it with the printer's own font. */
  skuText: PlacedText;
  barcode: PlacedBarcode;
  warnings: string[];
}

/** Stand-in for a character the font lacks: the geta mark is how Japanese print has always shown "unprintable". */
const missingGlyphMark = '〓';

export function layoutSkuLabel(label: SkuLabel, font: LabelFont, barcodes: BarcodeCache): SkuLabelLayout {
  const warnings: string[] = [];
  const texts: PlacedText[] = [];

  const place = (field: string, text: string, where: { topPt: number; box: TextBox }, align: 'left' | 'center'): void => {
    const missing = font.missingCharacters(text);
    if (missing.length > 0) {
      warnings.push(`${field} of ${label.sku} has characters the label font lacks (${missing.join(' ')}): printed as ${missingGlyphMark}`);
      for (const char of missing) text = text.replaceAll(char, missingGlyphMark);
    }
    const fitted = fitText(text, where.box, (part, sizePt) => font.widthOf(part, sizePt));
    if (fitted.shortened) {
      warnings.push(`${field} of ${label.sku} is too long for the label even at ${fitted.sizePt} pt: it was shortened to end with "${fitted.lines.at(-1)}"`);
    }
    fitted.lines.forEach((line, index) => {
      const lineWidth = font.widthOf(line, fitted.sizePt);
      texts.push({
        text: line,
        xPt: align === 'left' ? sideMarginPt : (widthPt - lineWidth) / 2,
        baselinePt: where.topPt + fitted.sizePt * (index * leading + baselineInLine),
        sizePt: fitted.sizePt,
      });
    });
  };

  place('item name', label.itemName, nameBox, 'left');
  place('option name', label.optionName, optionBox, 'left');
  if (label.sellerSkuCode) place('seller SKU code', label.sellerSkuCode, sellerCodeBox, 'center');

  const barcode = placeBarcode(barcodes.code128(label.sku));
  const skuText: PlacedText = {
    text: label.sku,
    xPt: (widthPt - font.widthOf(label.sku, skuTextSizePt)) / 2,
    baselinePt: skuTextTopPt + skuTextSizePt * baselineInLine,
    sizePt: skuTextSizePt,
  };
  return { widthPt, heightPt, texts, skuText, barcode, warnings };
}

function placeBarcode(symbol: LinearSymbol): PlacedBarcode {
  return centreBarcode(symbol, {
    labelDots: Math.floor(ptToDots(widthPt)),
    moduleDots: barcodeModuleDots,
    quietModules: quietZoneModules,
    topDots: barcodeTopDots,
    heightDots: barcodeHeightDots,
  });
}

/**
 * A linear barcode centred across a label at whole printer dots per module. A symbol that does not fit with its quiet
 * zones is refused: squeezed into narrower bars it would not scan. Valid SKUs and tracking numbers always fit.
 */
export function centreBarcode(
  symbol: LinearSymbol,
  at: { labelDots: number; moduleDots: number; quietModules: number; topDots: number; heightDots: number },
): PlacedBarcode {
  const symbolDots = symbol.widthModules * at.moduleDots;
  if (symbolDots + 2 * at.quietModules * at.moduleDots > at.labelDots) {
    throw new Error(`the barcode of ${symbol.text} is ${symbolDots} dots wide and does not fit a ${at.labelDots}-dot label with its quiet zones`);
  }
  return { symbol, xDots: Math.floor((at.labelDots - symbolDots) / 2), topDots: at.topDots, moduleDots: at.moduleDots, heightDots: at.heightDots };
}
