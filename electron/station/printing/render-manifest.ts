import PDFDocument from 'pdfkit';
import { carrierOfService, type ManifestCarrier } from '../../../shared/domain/manifest';
import type { ParcelService } from '../../../shared/domain/parcel-services';
import { labelFont } from './label-font';
import { collect } from './render-pdf';
import { formatDay } from '../../../shared/domain/display-time';
import { readableTrackingNumber, serviceNamesJa, timeSlotNamesJa } from './shipping-label';
import { mmToPt } from './units';

/** One parcel handed to the carrier: a row of the manifest. */
export interface ManifestParcel {
  trackingNumber: string;
  orderNo: string;
  /** Every order in the parcel when a cart's orders share the box (the first is `orderNo`). */
  orderNos?: readonly string[];
  /** The Qoo10 cart no., printed under the order no. when it differs from it. */
  cartNo?: string | null;
  /** For another platform's shipment: its management no. (then the order no. is the same number). */
  managementNo?: string | null;
  sellerName?: string | null;
  recipientName: string;
  prefecture?: string | null;
  /** The Sagawa time slot printed on the label. */
  timeSlot?: string | null;
  itemCount: number;
}

/** The parcels of one carrier service that left one station on one day. */
export interface Manifest {
  service: ParcelService;
  /** The shipping day in Japan time, YYYY-MM-DD. */
  date: string;
  station: string;
  /** The branch the parcels left from, printed beside the station when given. */
  branch?: string;
  parcels: readonly ManifestParcel[];
}

/** The company whose driver signs the manifest. */
export const carrierNamesJa: Readonly<Record<ManifestCarrier, string>> = {
  'yamato-transport': 'ヤマト運輸',
  'sagawa-express': '佐川急便',
};

const pageMarginPt = mmToPt(15);
const pageBottomPt = mmToPt(297 - 15);
const cellPaddingPt = 4;
const bodySizePt = 9;

/** Column left edges and widths across the 180 mm between the margins. */
const columns = [
  { caption: 'No.', xMm: 15, widthMm: 8, align: 'right' },
  { caption: 'お問い合わせ番号', xMm: 25, widthMm: 30, align: 'left' },
  { caption: '注文番号', xMm: 57, widthMm: 34, align: 'left' },
  { caption: '出品者', xMm: 93, widthMm: 26, align: 'left' },
  { caption: 'お届け先', xMm: 121, widthMm: 40, align: 'left' },
  { caption: '時間帯', xMm: 163, widthMm: 17, align: 'left' },
  { caption: '個数', xMm: 182, widthMm: 13, align: 'right' },
] as const;

function orderCell(parcel: ManifestParcel): string {
  if (parcel.managementNo) return `管理番号 ${parcel.managementNo}`;
  const orders = parcel.orderNos && parcel.orderNos.length > 0 ? parcel.orderNos.join('\n') : parcel.orderNo;
  return parcel.cartNo && parcel.cartNo !== parcel.orderNo ? `${orders}\nカート ${parcel.cartNo}` : orders;
}

function slotName(slot: string | null | undefined): string {
  if (!slot) return '';
  return (timeSlotNamesJa as Readonly<Record<string, string>>)[slot] ?? slot;
}

/**
 * The end-of-day manifest (出荷明細書) of one carrier service as an A4 PDF, handed to the driver at pickup and signed
 * by both sides: the carrier whose driver takes it, every parcel with its tracking number, order (cart, management)
 * number, seller, recipient and prefecture, time slot and item count, then the totals the driver counts against. Rows run onto further pages with the column captions repeated; a long name wraps in its
 * cell rather than being cut, since the manifest is what a lost parcel is traced by.
 */
export function renderManifestPdf(manifest: Manifest): Promise<Buffer> {
  const font = labelFont();
  const serviceName = serviceNamesJa[manifest.service];
  const doc = new PDFDocument({
    size: 'A4',
    margin: pageMarginPt,
    info: { Title: `出荷明細書 ${serviceName} ${manifest.date} ${manifest.station}`, Producer: 'QWMS Floor' },
  });
  doc.registerFont('manifest', font.file);
  doc.font('manifest');
  const done = collect(doc);

  doc.fontSize(18).text(`出荷明細書 — ${serviceName}`, pageMarginPt, pageMarginPt);
  const carrier = carrierNamesJa[carrierOfService[manifest.service]];
  const where = manifest.branch ? `    拠点: ${manifest.branch}` : '';
  doc
    .fontSize(10)
    .moveDown(0.3)
    .text(`出荷日: ${formatDay(manifest.date, 'ja')}    ステーション: ${manifest.station}${where}`);
  doc.text(`運送会社: ${carrier}    サービス: ${serviceName}    荷送人: Qxpress`);
  doc.moveDown();

  const cellWidth = (index: number) => mmToPt(columns[index]!.widthMm);
  const rowHeight = (cells: readonly string[]) =>
    Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: cellWidth(index) }))) + cellPaddingPt;
  const drawRow = (cells: readonly string[]) => {
    const y = doc.y;
    const height = rowHeight(cells);
    cells.forEach((cell, index) => {
      const column = columns[index]!;
      doc.text(cell, mmToPt(column.xMm), y, { width: cellWidth(index), align: column.align });
    });
    doc.y = y + height;
  };
  const rule = () => {
    doc.moveTo(pageMarginPt, doc.y).lineTo(mmToPt(195), doc.y).lineWidth(0.5).stroke();
    doc.y += 2;
  };
  const header = () => {
    drawRow(columns.map((column) => column.caption));
    rule();
  };

  doc.fontSize(bodySizePt);
  header();
  manifest.parcels.forEach((parcel, index) => {
    const recipient = parcel.prefecture ? `${parcel.recipientName} 様\n${parcel.prefecture}` : `${parcel.recipientName} 様`;
    const cells = [
      String(index + 1),
      readableTrackingNumber(parcel.trackingNumber),
      orderCell(parcel),
      parcel.sellerName ?? '',
      recipient,
      slotName(parcel.timeSlot),
      String(parcel.itemCount),
    ];
    if (doc.y + rowHeight(cells) > pageBottomPt) {
      doc.addPage();
      doc.y = pageMarginPt;
      header();
    }
    drawRow(cells);
  });
  rule();

  const itemTotal = manifest.parcels.reduce((sum, parcel) => sum + parcel.itemCount, 0);
  // The totals and the signatures belong together: a page break never leaves them apart.
  // Every page carries the captions, so a page of totals alone still says what it totals.
  if (doc.y + mmToPt(40) > pageBottomPt) {
    doc.addPage();
    doc.y = pageMarginPt;
    header();
  }
  doc.moveDown(0.5);
  doc.fontSize(12).text(`合計: ${manifest.parcels.length} 個口    商品点数: ${itemTotal} 点`, pageMarginPt, doc.y);
  doc.moveDown(2);
  doc.fontSize(10).text('集荷担当者 署名: ____________________        出荷担当者 署名: ____________________', pageMarginPt, doc.y);
  doc.end();
  return done;
}
