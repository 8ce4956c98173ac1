import PDFDocument from 'pdfkit';
import { encodeCodabar, encodeQr, type LinearSymbol } from './barcode-symbols';
import { fitText, type TextBox } from './fit-text';
import { labelFont, type LabelFont } from './label-font';
import { collect } from './render-pdf';
import type { RenderedLabels } from './rendered-labels';
import { readableTrackingNumber, serviceNamesJa, timeSlotNamesJa, type ShippingLabel } from './shipping-label';
import { centreBarcode, type PlacedBarcode, type PlacedText } from './sku-label-layout';
import { dotsToPt, mmToPt, ptToDots } from './units';

/**
 * The shipping label, 100 × 150 mm (the size every Japanese carrier's thermal labels come in), in points from the
 * top-left corner. One layout serves the PDF and the ZPL renderer, like the SKU label's.
 *
 *   ┌──────────────────────────────┐
 *   │ 佐川急便           14時〜16時 │  service, Sagawa's time slot
 *   │ ║│║║│║│ NW-7 ║│║║│║│║║│      │  tracking number, A…A
 *   │        3000-0000-0016        │
 *   │ お届け先 〒123-4567           │
 *   │ address, as large as it fits │
 *   │ name 様        TEL …         │
 *   │ ご依頼主 (small)              │
 *   │ order / cart / mgmt no.  ▣QR │  QR for scans inside the warehouse
 *   │ 個数 3                        │
 *   └──────────────────────────────┘
 */
export const shippingLabelSize = { widthMm: 100, heightMm: 150 } as const;

const widthPt = mmToPt(shippingLabelSize.widthMm);
const heightPt = mmToPt(shippingLabelSize.heightMm);
const marginPt = mmToPt(4);
const textWidthPt = widthPt - 2 * marginPt;
const leading = 1.2;
/** Where the baseline sits in a line box, as a fraction of the font size: CJK glyphs rise about 0.88 em. */
const baselineInLine = (leading - 1) / 2 + 0.88;
const labelDots = Math.floor(ptToDots(widthPt));

/**
 * NW-7 at 4 dots (0.5 mm) per narrow module, wide bars 3 narrow: carriers' hand scanners read it from arm's length,
 * and the 12 digits with their start and stop characters (111 modules, 56 mm) plus quiet zones still fit 100 mm.
 */
const codabarModuleDots = 4;
const codabarQuietModules = 10;
const codabarTopDots = Math.round(ptToDots(mmToPt(17)));
const codabarHeightDots = 120; // 15 mm
/** Codabar's start and stop character: Japanese carriers print A…A around the tracking number. */
const codabarGuard = 'A';

/** The QR gets at most this square, quiet zone included; modules shrink (down to 3 dots) for long payloads. */
const qrAreaDots = Math.round(ptToDots(mmToPt(30)));
const qrQuietModules = 4;
const qrLargestModuleDots = 6;
const qrSmallestModuleDots = 3;

export interface PlacedQr {
  /** Modules per side. */
  size: number;
  /** One entry per module, row by row from the top, 1 = dark. */
  modules: readonly number[];
  xDots: number;
  topDots: number;
  moduleDots: number;
  payload: string;
}

/** A thin line across the label between its blocks. */
export interface HorizontalRule {
  xPt: number;
  yPt: number;
  widthPt: number;
}

export interface ShippingLabelLayout {
  widthPt: number;
  heightPt: number;
  texts: PlacedText[];
  rules: HorizontalRule[];
  trackingBarcode: PlacedBarcode;
  qr: PlacedQr;
  warnings: string[];
}

/** Stand-in for a character the font lacks: the geta mark is how Japanese print has always shown "unprintable". */
const missingGlyphMark = '〓';

type Where = { topMm: number; heightMm: number; maxSizePt: number; minSizePt: number; maxLines: number; leftMm?: number; widthMm?: number };

export function layoutShippingLabel(label: ShippingLabel, font: LabelFont): ShippingLabelLayout {
  const warnings: string[] = [];
  const texts: PlacedText[] = [];
  const rules: HorizontalRule[] = [];

  const boxOf = (where: Where): TextBox => ({
    widthPt: where.widthMm === undefined ? textWidthPt : mmToPt(where.widthMm),
    heightPt: mmToPt(where.heightMm),
    maxSizePt: where.maxSizePt,
    minSizePt: where.minSizePt,
    leading,
    maxLines: where.maxLines,
  });
  /** Whether the text fits whole (no ellipsis) in the place. */
  const fits = (text: string, where: Where): boolean =>
    font.missingCharacters(text).length === 0 && !fitText(text, boxOf(where), (part, sizePt) => font.widthOf(part, sizePt)).shortened;
  const place = (field: string, text: string, where: Where, align: 'left' | 'center' | 'right' = 'left'): void => {
    const missing = font.missingCharacters(text);
    if (missing.length > 0) {
      warnings.push(`${field} on ${label.trackingNumber} has characters the label font lacks (${missing.join(' ')}): printed as ${missingGlyphMark}`);
      for (const char of missing) text = text.replaceAll(char, missingGlyphMark);
    }
    const left = where.leftMm === undefined ? marginPt : mmToPt(where.leftMm);
    const box = boxOf(where);
    const fitted = fitText(text, box, (part, sizePt) => font.widthOf(part, sizePt));
    if (fitted.shortened) {
      // An address that lost its end may not arrive: the packer must see this before the parcel leaves.
      warnings.push(
        `${field} on ${label.trackingNumber} is too long for the label even at ${fitted.sizePt} pt: it was shortened to end with "${fitted.lines.at(-1)}"`,
      );
    }
    const topPt = mmToPt(where.topMm);
    fitted.lines.forEach((line, index) => {
      const lineWidth = font.widthOf(line, fitted.sizePt);
      const xPt = align === 'left' ? left : align === 'right' ? left + box.widthPt - lineWidth : left + (box.widthPt - lineWidth) / 2;
      texts.push({ text: line, xPt, baselinePt: topPt + fitted.sizePt * (index * leading + baselineInLine), sizePt: fitted.sizePt });
    });
  };

  // Service and time slot: what the carrier's sorter looks for first.
  place('service', serviceNamesJa[label.service], { topMm: 3.5, heightMm: 9, maxSizePt: 20, minSizePt: 12, maxLines: 1, widthMm: 46 });
  if (label.timeSlot || label.deliveryDate) {
    // The day as drivers write it (11/28), then the window; a day alone is a 日付指定.
    const day = label.deliveryDate ? `${Number(label.deliveryDate.slice(5, 7))}/${Number(label.deliveryDate.slice(8, 10))} ` : '';
    const when = label.timeSlot ? `${day}${timeSlotNamesJa[label.timeSlot]}` : `${day}指定`;
    place(
      'time slot',
      `${label.deliveryDate ? 'お届け' : '時間帯'} ${when}`,
      { topMm: 4.5, heightMm: 8, maxSizePt: 16, minSizePt: 10, maxLines: 1, leftMm: 50, widthMm: 46 },
      'right',
    );
  }
  rules.push(rule(13));

  place('tracking caption', 'お問い合わせ番号', { topMm: 13.8, heightMm: 3, maxSizePt: 7, minSizePt: 7, maxLines: 1 });
  const trackingBarcode = placeCodabar(encodeCodabar(`${codabarGuard}${label.trackingNumber}${codabarGuard}`));
  place('tracking number', readableTrackingNumber(label.trackingNumber), { topMm: 32.5, heightMm: 6, maxSizePt: 14, minSizePt: 14, maxLines: 1 }, 'center');
  rules.push(rule(39.5));

  // The recipient gets most of the label, as large as it fits: a driver reads it at the door, often in bad light.
  const { recipient, sender } = label;
  place('recipient caption', 'お届け先', { topMm: 40.5, heightMm: 3.5, maxSizePt: 8, minSizePt: 8, maxLines: 1 });
  place('recipient postal code', `〒${recipient.postalCode}`, { topMm: 44, heightMm: 6.5, maxSizePt: 15, minSizePt: 15, maxLines: 1 });
  place('recipient address', recipient.address, { topMm: 51, heightMm: 25, maxSizePt: 16, minSizePt: 8, maxLines: 8 });
  place('recipient name', `${recipient.name} 様`, { topMm: 76.5, heightMm: 9, maxSizePt: 20, minSizePt: 9, maxLines: 2 });
  place('recipient phone', `TEL ${recipient.phone}`, { topMm: 86.5, heightMm: 5, maxSizePt: 11, minSizePt: 7, maxLines: 1 });
  rules.push(rule(92.5));

  place('sender caption', 'ご依頼主', { topMm: 93.5, heightMm: 3, maxSizePt: 7, minSizePt: 7, maxLines: 1 });
  place('sender postal code', `〒${sender.postalCode}`, { topMm: 97, heightMm: 4, maxSizePt: 9, minSizePt: 9, maxLines: 1 });
  place('sender address', sender.address, { topMm: 101, heightMm: 8.5, maxSizePt: 9, minSizePt: 6, maxLines: 3 });
  place('sender name', `${sender.name}  TEL ${sender.phone}`, { topMm: 109.5, heightMm: 4, maxSizePt: 9, minSizePt: 6, maxLines: 1 });
  rules.push(rule(114.5));

  // Reference numbers on the left, beside the QR: the warehouse's, for the packer and for a buyer's phone call.
  const referenceWidthMm = 58;
  const line = (topMm: number): Where => ({ topMm, heightMm: 5, maxSizePt: 10, minSizePt: 6, maxLines: 1, widthMm: referenceWidthMm });
  let topMm = 116;
  if (label.orderNos.length > 1) {
    // A cart: its number and how many orders it holds, then every order number when they all fit (two lines, one
    // beside a management number); otherwise the cart number and count alone, never a list cut short. The numbers
    // come sorted, so the label reads the same whichever order of the cart the packer had in hand.
    place('cart number', `カート番号 ${label.cartNo ?? '—'}（注文 ${label.orderNos.length} 件）`, line(topMm));
    topMm += 5.5;
    const orders = `注文番号 ${label.orderNos.join(', ')}`;
    const block: Where = {
      topMm,
      heightMm: label.managementNo ? 5 : 10,
      maxSizePt: 10,
      minSizePt: 6,
      maxLines: label.managementNo ? 1 : 2,
      widthMm: referenceWidthMm,
    };
    if (fits(orders, block)) {
      place('order numbers', orders, block);
      topMm += block.heightMm + 0.5;
    }
  } else {
    place('order number', `注文番号 ${label.orderNo}`, line(topMm));
    topMm += 5.5;
    if (label.cartNo !== null) {
      place('cart number', `カート番号 ${label.cartNo}`, line(topMm));
      topMm += 5.5;
    }
  }
  if (label.managementNo !== null) place('management number', `管理番号 ${label.managementNo}`, line(topMm));
  place('item count', `個数 ${label.itemCount}`, { topMm: 136, heightMm: 9, maxSizePt: 20, minSizePt: 20, maxLines: 1, widthMm: referenceWidthMm });

  const qr = placeQr(label.qrPayload, Math.round(ptToDots(mmToPt(115.5))));
  return { widthPt, heightPt, texts, rules, trackingBarcode, qr, warnings };
}

function rule(yMm: number): HorizontalRule {
  return { xPt: marginPt, yPt: mmToPt(yMm), widthPt: textWidthPt };
}

function placeCodabar(symbol: LinearSymbol): PlacedBarcode {
  return centreBarcode(symbol, {
    labelDots,
    moduleDots: codabarModuleDots,
    quietModules: codabarQuietModules,
    topDots: codabarTopDots,
    heightDots: codabarHeightDots,
  });
}

function placeQr(payload: string, areaTopDots: number): PlacedQr {
  const { size, modules } = encodeQr(payload);
  // The largest whole-dot module that keeps the symbol and its quiet zone inside the QR's square.
  const moduleDots = Math.min(qrLargestModuleDots, Math.floor(qrAreaDots / (size + 2 * qrQuietModules)));
  if (moduleDots < qrSmallestModuleDots) {
    throw new Error(`the QR code of ${JSON.stringify(payload)} has ${size} modules a side and does not fit the label at ${qrSmallestModuleDots} dots a module`);
  }
  const marginDots = Math.round(ptToDots(marginPt));
  const quietDots = qrQuietModules * moduleDots;
  return {
    size,
    modules,
    moduleDots,
    xDots: labelDots - marginDots - size * moduleDots,
    topDots: areaTopDots + quietDots,
    payload,
  };
}

/**
 * Each bar a quarter of a printer dot narrower than its modules, as on the SKU label: a raster driver blackens every
 * dot a shape touches, so bars on the dot grid would otherwise grow by a dot.
 */
const barWidthReductionDots = 0.25;

/** Shipping labels as one PDF, a 100 × 150 mm page each; text in the embedded font, both codes as vector shapes. */
export async function renderShippingLabelsPdf(labels: readonly ShippingLabel[]): Promise<RenderedLabels> {
  const font = labelFont();
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Title: 'Shipping labels', Producer: 'QWMS Floor' } });
  const output = collect(doc);
  doc.registerFont(fontName, font.file);
  const warnings = new Set<string>();
  for (const label of labels) {
    const layout = layoutShippingLabel(label, font);
    for (const warning of layout.warnings) warnings.add(warning);
    doc.addPage({ size: [layout.widthPt, layout.heightPt], margin: 0 });
    drawShippingLabel(doc, layout);
  }
  doc.end();
  // Each label has its own tracking number and QR: two encodings per label, nothing to share across a batch.
  return { bytes: await output, labelCount: labels.length, warnings: [...warnings], barcodeEncodings: 2 * labels.length };
}

const fontName = 'label';

function drawShippingLabel(doc: PDFKit.PDFDocument, layout: ShippingLabelLayout): void {
  doc.fillColor('black');
  for (const text of layout.texts) {
    doc.font(fontName).fontSize(text.sizePt).text(text.text, text.xPt, text.baselinePt, { lineBreak: false, baseline: 'alphabetic' });
  }

  doc.lineWidth(0.75);
  for (const { xPt, yPt, widthPt: length } of layout.rules) doc.moveTo(xPt, yPt).lineTo(xPt + length, yPt);
  doc.stroke('black');

  const { symbol, xDots, topDots, moduleDots, heightDots } = layout.trackingBarcode;
  for (const [x, width] of symbol.bars) {
    const left = xDots + x * moduleDots + barWidthReductionDots / 2;
    doc.rect(dotsToPt(left), dotsToPt(topDots), dotsToPt(width * moduleDots - barWidthReductionDots), dotsToPt(heightDots));
  }

  // QR modules as one rectangle per horizontal run of dark modules: a tenth of the path operators of one per module,
  // and no hairline seams between neighbours when a viewer anti-aliases.
  const qr = layout.qr;
  for (let row = 0; row < qr.size; row++) {
    let column = 0;
    while (column < qr.size) {
      if (!qr.modules[row * qr.size + column]) {
        column++;
        continue;
      }
      const start = column;
      while (column < qr.size && qr.modules[row * qr.size + column]) column++;
      const x = qr.xDots + start * qr.moduleDots;
      const y = qr.topDots + row * qr.moduleDots;
      doc.rect(dotsToPt(x), dotsToPt(y), dotsToPt((column - start) * qr.moduleDots), dotsToPt(qr.moduleDots));
    }
  }
  doc.fill('black');
}
