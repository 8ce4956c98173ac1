import PDFDocument from 'pdfkit';
import { documentsByPrinterKind, type PrinterKind } from '../../../shared/contract/printer-profile';
import { trackingNumberFromSerial } from '../../../shared/domain/tracking-numbers';
import { encodeCode128 } from './barcode-symbols';
import { labelFont } from './label-font';
import { collect } from './render-pdf';
import type { ShippingLabelInput } from './shipping-label';
import type { SkuLabelInput } from './sku-label';
import { mmToPt } from './units';

/** What a test page's barcode reads, per kind: a scan proves the page came out whole and at the right size. */
export const testPageCodes: Record<PrinterKind, string> = {
  'sku-labels': '300000000001-00001',
  'shipping-labels': trackingNumberFromSerial(99_999_999_999),
  documents: 'QWMS-TEST-A4',
};

/** One SKU label that says it is a test (a SKU no seller has: serial 000000000001). */
export const testSkuLabel: SkuLabelInput = {
  sku: testPageCodes['sku-labels'],
  itemName: 'テスト印刷 TEST PRINT',
  optionName: 'QWMS Floor',
  sellerSkuCode: 'TEST',
  copies: 1,
};

/** One shipping label marked as a test on its recipient line, under a tracking number never handed out (the block's last). */
export function testShippingLabel(stationId: string): ShippingLabelInput {
  const warehouse = { name: `QWMS Floor ${stationId}`, postalCode: '100-0005', address: 'テスト印刷 TEST PRINT', phone: '00-0000-0000' };
  return {
    trackingNumber: testPageCodes['shipping-labels'],
    service: 'yamato',
    timeSlot: null,
    deliveryDate: null,
    recipient: { ...warehouse, name: 'テスト印刷 TEST' },
    sender: warehouse,
    orderNo: 'TEST-PRINT',
    cartNo: null,
    managementNo: null,
    itemCount: 1,
    qrPayload: 'QWMS:TEST',
  };
}

const documentNamesJa: Record<string, string> = {
  'discrepancy-report': '検品差異レポート',
  'pick-list': 'ピッキングリスト',
  manifest: '出荷明細書',
  'daily-report': '日報',
  statement: '明細書',
};

/** An A4 portrait test page: a frame at 10 mm from every edge (a printer that crops or scales shows it), the documents this printer takes, a Code 128. */
export function renderDocumentTestPage(stationId: string, printedAt: string): Promise<Buffer> {
  const font = labelFont();
  const doc = new PDFDocument({ size: 'A4', margin: mmToPt(20), info: { Title: 'テスト印刷 A4', Producer: 'QWMS Floor' } });
  doc.registerFont('test-page', font.file);
  doc.font('test-page');
  const done = collect(doc);
  doc.lineWidth(1).rect(mmToPt(10), mmToPt(10), mmToPt(190), mmToPt(277)).stroke();
  doc.fontSize(22).text('テスト印刷 (A4 書類)', mmToPt(20), mmToPt(22));
  doc.fontSize(11).text(`ステーション: ${stationId}    ${printedAt}`);
  doc.moveDown();
  doc.fontSize(12).text('このプリンターで印刷する書類:');
  for (const name of documentsByPrinterKind.documents) doc.text(`・${documentNamesJa[name] ?? name}`);
  const symbol = encodeCode128(testPageCodes.documents);
  const modulePt = mmToPt(0.4);
  const top = mmToPt(120);
  const left = mmToPt(20);
  for (const [at, width] of symbol.bars) doc.rect(left + at * modulePt, top, width * modulePt, mmToPt(15));
  doc.fill('black');
  doc.fontSize(10).text(testPageCodes.documents, left, top + mmToPt(17), { lineBreak: false });
  doc.end();
  return done;
}
