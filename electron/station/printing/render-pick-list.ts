import PDFDocument from 'pdfkit';
import { formatDateTime } from '../../../shared/domain/display-time';
import type { Instant } from '../../../shared/domain/tokyo-time';
import { encodeCode128, type LinearSymbol } from './barcode-symbols';
import { labelFont } from './label-font';
import { collect } from './render-pdf';
import { mmToPt } from './units';

/** One order a line's units are for. */
export interface PrintedPickOrder {
  orderNo: string;
  quantity: number;
}

/** One row of the printed list: a SKU at its bin and the units to take. */
export interface PrintedPickLine {
  /** Null: the SKU has no bin at this branch (such lines come last). */
  bin: string | null;
  itemName: string;
  optionName: string;
  sku: string;
  quantity: number;
  orders: readonly PrintedPickOrder[];
}

/** A pick list as it goes on paper: lines already in walking (bin) order. */
export interface PrintablePickList {
  /** `PL00000001`: printed as a Code 128 on every page, which the pick screen and the pack bench read. */
  id: string;
  createdAt: Instant;
  branch: string;
  station: string;
  lines: readonly PrintedPickLine[];
}

const fontName = 'pick-list';
const marginMm = 15;
const pageMarginPt = mmToPt(marginMm);
const pageRightPt = mmToPt(210 - marginMm);
const pageBottomPt = mmToPt(297 - marginMm);
const cellPaddingPt = 3.5;
const grey = '#555555';
const ruleGrey = '#b0b0b0';

/**
 * The list id's barcode: 0.33 mm modules, 11 mm bars, about 37 mm wide for `PL` and eight digits. Its right quiet
 * zone is the page margin; the title on the left stays well clear of its left one.
 */
const moduleMm = 0.33;
const barHeightMm = 11;

/** Column left edges and widths across the 180 mm between the margins. */
const columns = {
  no: { caption: 'No.', xMm: 15, widthMm: 6, align: 'right' },
  bin: { caption: '棚番', xMm: 23, widthMm: 30, align: 'left' },
  item: { caption: '商品名 / オプション・SKU', xMm: 54, widthMm: 60, align: 'left' },
  quantity: { caption: '数量', xMm: 115, widthMm: 12, align: 'right' },
  orders: { caption: '注文番号', xMm: 131, widthMm: 52, align: 'left' },
  check: { caption: '確認', xMm: 185, widthMm: 10, align: 'center' },
} as const;
type ColumnKey = keyof typeof columns;

const sizes = { no: 7.5, bin: 14, name: 9, option: 8.5, sku: 7.5, quantity: 16, orders: 8.5, caption: 8 } as const;
/** Noto Sans JP sets lines 1.45 em apart; a little tighter keeps a row of two lines compact and still clear. */
const lineGap = -1.5;

function orderCell(line: PrintedPickLine): string {
  // "×n" only where it tells something: several orders share the line, or one order takes more than one unit.
  const counted = line.orders.length > 1 || line.orders.some((order) => order.quantity > 1);
  return line.orders.map((order) => (counted ? `${order.orderNo}×${order.quantity}` : order.orderNo)).join(',  ');
}

/**
 * The printed pick list (ピッキングリスト) as an A4 PDF: the picker walks the warehouse with it, the packer scans its
 * barcode at the bench. Every page carries the title, the list id as text and as a Code 128 (drawn as vectors, encoded
 * once), the branch, the creation time (Tokyo), the station and the column captions; then one row per line in bin order
 * — the bin large, the item and option names, the SKU, the quantity large, the orders it serves and a box to tick — and
 * the totals (lines, units, orders) at the end. Page numbers when it runs onto more than one page.
 */
export function renderPickListPdf(list: PrintablePickList): Promise<Buffer> {
  const font = labelFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: pageMarginPt,
    bufferPages: true,
    info: { Title: `ピッキングリスト ${list.id}`, Producer: 'QWMS Floor' },
  });
  doc.registerFont(fontName, font.file);
  doc.font(fontName);
  const done = collect(doc);
  const symbol = encodeCode128(list.id);
  // Japan time in the one display format (the list is a Japanese document), whatever zone the station PC runs in.
  const created = formatDateTime(list.createdAt, 'ja');

  const x = (key: ColumnKey) => mmToPt(columns[key].xMm);
  const width = (key: ColumnKey) => mmToPt(columns[key].widthMm);

  const pageHeader = () => {
    const top = pageMarginPt;
    doc.fillColor('black').fontSize(20).text('ピッキングリスト', pageMarginPt, top, { lineBreak: false });
    doc.fontSize(15).text(list.id, pageMarginPt, top + 28, { lineBreak: false, characterSpacing: 1 });
    const barcodeBottom = drawBarcode(doc, symbol, top);
    doc
      .fontSize(8)
      .text(list.id, pageRightPt - barcodeWidthPt(symbol), barcodeBottom + 1, { width: barcodeWidthPt(symbol), align: 'center', lineBreak: false });

    const infoTop = top + mmToPt(19);
    doc.fontSize(9.5).text(`拠点: ${list.branch}    作成: ${created}    ステーション: ${list.station}`, pageMarginPt, infoTop, { lineBreak: false });
    doc.y = infoTop + mmToPt(7);
    captions();
  };

  const captions = () => {
    const top = doc.y;
    doc.fillColor(grey).fontSize(sizes.caption);
    for (const key of Object.keys(columns) as ColumnKey[]) {
      const column = columns[key];
      doc.text(column.caption, x(key), top, { width: width(key), align: column.align, lineBreak: false });
    }
    doc.fillColor('black');
    doc.y = top + sizes.caption + 5;
    rule(1);
  };

  const rule = (weight: number, color = 'black') => {
    doc.save().moveTo(pageMarginPt, doc.y).lineTo(pageRightPt, doc.y).lineWidth(weight).strokeColor(color).stroke().restore();
  };

  // A no-break space keeps "SKU" with its number: a long option pushes the whole SKU onto the next line.
  const skuText = (line: PrintedPickLine) => `SKU\u00a0${line.sku}`;
  const optionLine = (line: PrintedPickLine) => (line.optionName ? `${line.optionName}   ${skuText(line)}` : skuText(line));
  const heightOf = (text: string, size: number, key: ColumnKey) => doc.fontSize(size).heightOfString(text, { width: width(key), lineGap });
  const rowHeight = (line: PrintedPickLine) =>
    Math.max(
      heightOf(line.bin ?? '棚番なし', sizes.bin, 'bin'),
      heightOf(line.itemName, sizes.name, 'item') + heightOf(optionLine(line), sizes.option, 'item'),
      heightOf(String(line.quantity), sizes.quantity, 'quantity') - 4,
      heightOf(orderCell(line), sizes.orders, 'orders'),
      mmToPt(5.5),
    ) +
    2 * cellPaddingPt;

  const drawLine = (line: PrintedPickLine, index: number, height: number) => {
    const top = doc.y + cellPaddingPt;
    const options = (key: ColumnKey) => ({ width: width(key), align: columns[key].align, lineGap });
    doc
      .fillColor(grey)
      .fontSize(sizes.no)
      .text(String(index + 1), x('no'), top + 3, options('no'));
    doc
      .fillColor(line.bin ? 'black' : grey)
      .fontSize(sizes.bin)
      .text(line.bin ?? '棚番なし', x('bin'), top - 2, options('bin'));
    doc.fillColor('black').fontSize(sizes.name).text(line.itemName, x('item'), top, options('item'));
    // The option in black (it tells the size or colour to take), the SKU after it in grey.
    if (line.optionName) doc.fontSize(sizes.option).text(`${line.optionName}   `, x('item'), doc.y, { ...options('item'), continued: true });
    else doc.fontSize(sizes.option).text('', x('item'), doc.y, { ...options('item'), continued: true });
    doc.fillColor(grey).fontSize(sizes.sku).text(skuText(line));
    doc
      .fillColor('black')
      .fontSize(sizes.quantity)
      .text(String(line.quantity), x('quantity'), top - 4, options('quantity'));
    doc.fontSize(sizes.orders).text(orderCell(line), x('orders'), top + 1, options('orders'));
    // The box the picker ticks, 5 mm square, at the top of the row.
    const box = mmToPt(5);
    doc
      .save()
      .rect(x('check') + (width('check') - box) / 2, top, box, box)
      .lineWidth(0.8)
      .strokeColor('black')
      .stroke()
      .restore();
    doc.y = top - cellPaddingPt + height;
    rule(0.4, ruleGrey);
  };

  pageHeader();
  list.lines.forEach((line, index) => {
    const height = rowHeight(line);
    if (doc.y + height > pageBottomPt) {
      doc.addPage();
      pageHeader();
    }
    drawLine(line, index, height);
  });

  const units = list.lines.reduce((sum, line) => sum + line.quantity, 0);
  const orders = new Set(list.lines.flatMap((line) => line.orders.map((order) => order.orderNo))).size;
  // The totals and the picker's signature stay together, under the captions of their page.
  if (doc.y + mmToPt(24) > pageBottomPt) {
    doc.addPage();
    pageHeader();
  }
  rule(1);
  doc.y += 10;
  doc.fillColor('black').fontSize(12).text(`合計: ${list.lines.length} 行    ${units} 点    注文 ${orders} 件`, pageMarginPt, doc.y, { lineBreak: false });
  doc.fontSize(10).text('ピッキング担当: ________________    開始 ____:____    終了 ____:____', pageMarginPt, doc.y + 26, { lineBreak: false });

  // Page numbers once the count is known, on the info line at the right.
  const range = doc.bufferedPageRange();
  if (range.count > 1) {
    for (let page = range.start; page < range.start + range.count; page++) {
      doc.switchToPage(page);
      doc
        .fillColor('black')
        .fontSize(9.5)
        .text(`${page - range.start + 1} / ${range.count} ページ`, pageMarginPt, pageMarginPt + mmToPt(19), {
          width: pageRightPt - pageMarginPt,
          align: 'right',
          lineBreak: false,
        });
    }
  }
  doc.end();
  return done;
}

function barcodeWidthPt(symbol: LinearSymbol): number {
  return mmToPt(symbol.widthModules * moduleMm);
}

/** The list id's Code 128 at the top right, as filled rectangles; returns the bottom edge of the bars. */
function drawBarcode(doc: PDFKit.PDFDocument, symbol: LinearSymbol, top: number): number {
  const modulePt = mmToPt(moduleMm);
  const left = pageRightPt - barcodeWidthPt(symbol);
  const height = mmToPt(barHeightMm);
  for (const [at, bars] of symbol.bars) doc.rect(left + at * modulePt, top, bars * modulePt, height);
  doc.fill('black');
  return top + height;
}
