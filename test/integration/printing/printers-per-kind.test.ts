import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrintService } from '../../../electron/station/printing/print-service';
import { defaultPrinterProfiles } from '../../../electron/station/printing/printer-profile';
import { renderPickListPdf } from '../../../electron/station/printing/render-pick-list';
import type { ShippingLabelInput } from '../../../electron/station/printing/shipping-label';
import { savePrinter } from '../../../electron/station/printing/station-printer';
import { StationPrinting } from '../../../electron/station/printing/station-printing';
import { testPageCodes } from '../../../electron/station/printing/test-page';
import { StationStore } from '../../../electron/station/store/station-store';
import { draftOf, setPrinterInput } from '../../../renderer/features/station-settings/printer-draft';
import { setPrinterInputSchema, type PrinterKind } from '../../../shared/contract/printer-profile';
import { trackingNumberFromSerial } from '../../../shared/domain/tracking-numbers';
import { decodePdfBarcodes, pdfText } from '../../support/barcode-tools';
import { cupsPdfOutput, pdfPageSizesMm } from '../../support/cups-pdf-output';
import { startCupsForTests } from '../../support/cups-test-queues';
import { expectedSkus, plainBag, towel } from './label-fixtures';

const cups = await startCupsForTests();
const skipReason = 'unavailable' in cups ? cups.unavailable : null;
if (skipReason) console.warn(`[skipped] printers per kind through CUPS: ${skipReason}`);

const queue = 'qwms-test-kinds';
const withoutSpaces = (text: string) => text.replace(/\s+/g, '');
const codabar = (trackingNumber: string) => `A${trackingNumber}A`;

const shippingLabel: ShippingLabelInput = {
  trackingNumber: trackingNumberFromSerial(30_000_000_011),
  service: 'yamato',
  timeSlot: null,
  recipient: { name: '山田 太郎', postalCode: '〒100-0005', address: '東京都千代田区丸の内1丁目9番1号', phone: '03-1234-5678' },
  sender: { name: 'Qxpress 船橋センター', postalCode: '273-0001', address: '千葉県船橋市市場1丁目8番1号', phone: '047-000-0000' },
  orderNo: '1029384756',
  cartNo: null,
  managementNo: null,
  itemCount: 1,
  qrPayload: 'QWMS:ORDER:o-1',
};

/** Within half a millimetre: cups-pdf (Ghostscript) rounds the page to whole points. */
function expectPageSize(pdf: Buffer, widthMm: number, heightMm: number): void {
  const sizes = pdfPageSizesMm(pdf);
  expect(sizes.length).toBeGreaterThan(0);
  for (const size of sizes) {
    expect(Math.abs(size.width - widthMm), `page width ${size.width} mm`).toBeLessThan(0.5);
    expect(Math.abs(size.height - heightMm), `page height ${size.height} mm`).toBeLessThan(0.5);
  }
}

// cups-pdf takes a second or two per job through Ghostscript; give a slow machine room.
describe.skipIf(skipReason !== null)('each kind of document on its own printer setting, through a real cups-pdf queue', { timeout: 120_000 }, () => {
  if (skipReason) return;
  const system = cups as Exclude<typeof cups, { unavailable: string }>;
  const dir = mkdtempSync(join(tmpdir(), 'qwms-kinds-'));
  const store = new StationStore(dir);
  const printing = createPrintService({
    dataDir: join(dir, 'print-jobs'),
    log: () => {},
    onJobStatus: () => {},
    retry: { initialDelayMs: 200, maxDelayMs: 1000 },
  });
  // The station's own answer wait, long enough that every job here has been taken by lp when the call returns.
  const printers = new StationPrinting({ printing, store, stationId: 'PACK-01', answerWithinMs: 30_000 });
  /*
   * The text is read from the bytes the station handed to lp (kept by the print queue): cups-pdf's driver goes
   * through PostScript and Ghostscript, which re-encode the embedded Japanese font without its Unicode map, so
   * pdftotext of cups-pdf's file gives glyph soup. Page size and barcodes are read from what cups-pdf printed.
   */
  const sentText = (jobId: string) => withoutSpaces(pdfText(readFileSync(join(dir, 'print-jobs', 'print-jobs', `${jobId}.bin`))));
  system.addPdfQueue(queue);

  // Exactly what the settings screen sends when one queue is chosen for a kind on a new station (defaults otherwise).
  const chooseOnScreen = (kind: PrinterKind) => {
    const input = setPrinterInputSchema.parse(setPrinterInput(kind, { ...draftOf(defaultPrinterProfiles[kind]), connection: 'cups', queue, name: queue }));
    savePrinter(store, input.kind, input.profile);
  };
  for (const kind of ['sku-labels', 'shipping-labels', 'documents'] as const) chooseOnScreen(kind);

  afterAll(async () => {
    await printing.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
    await system.close();
  });

  it('prints SKU labels on 50 × 30 mm pages, each barcode reading back its SKU', async () => {
    const job = await printers.skuLabels([towel, plainBag]);
    expect(job).toMatchObject({ state: 'done', kind: 'sku-labels', document: 'sku-labels', reason: null });
    const pdf = await cupsPdfOutput(system.pdfOutputDirs, job.jobId.slice(0, 8));
    expectPageSize(pdf, 50, 30);
    expect(decodePdfBarcodes(pdf)).toEqual(expectedSkus([towel, plainBag]).map((sku) => [sku]));
    expect(sentText(job.jobId)).toContain('エコバッグ');
  });

  it('prints the shipping label whole on one 100 × 150 mm page (never the SKU label size), its Codabar and QR reading back', async () => {
    const job = await printers.shippingLabel(shippingLabel);
    expect(job).toMatchObject({ state: 'done', kind: 'shipping-labels', document: 'shipping-label' });
    const pdf = await cupsPdfOutput(system.pdfOutputDirs, job.jobId.slice(0, 8));
    expectPageSize(pdf, 100, 150);
    expect(decodePdfBarcodes(pdf).map((codes) => codes.sort())).toEqual([[codabar(shippingLabel.trackingNumber), shippingLabel.qrPayload].sort()]);
    const text = sentText(job.jobId);
    expect(text).toContain('山田太郎様');
    expect(text).toContain('東京都千代田区丸の内1丁目9番1号');
  });

  it('prints an A4 document (the pick list) on A4, its text and its list barcode readable', async () => {
    const pdf = await renderPickListPdf({
      id: 'PL00000042',
      createdAt: '2026-12-07T00:30:00Z',
      branch: '0000011520',
      station: 'PACK-01',
      lines: [
        {
          bin: 'A-01-02-03',
          itemName: 'ボディタオル',
          optionName: 'サイズ : L',
          sku: '300001289771-00003',
          quantity: 2,
          orders: [{ orderNo: '1029384756', quantity: 2 }],
        },
      ],
    });
    const job = await printers.document('pick-list', pdf, 'ピッキングリスト PL00000042');
    expect(job).toMatchObject({ state: 'done', kind: 'documents', document: 'pick-list' });
    const printed = await cupsPdfOutput(system.pdfOutputDirs, job.jobId.slice(0, 8));
    expectPageSize(printed, 210, 297);
    expect(decodePdfBarcodes(printed)).toEqual([['PL00000042']]);
    const text = sentText(job.jobId);
    expect(text).toContain('ピッキングリスト');
    expect(text).toContain('A-01-02-03');
  });

  it.each([
    ['sku-labels', 50, 30],
    ['shipping-labels', 100, 150],
    ['documents', 210, 297],
  ] as const)('prints one test page for %s at its page size, marked テスト印刷, its barcode reading back', async (kind, widthMm, heightMm) => {
    const job = await printers.testPage(kind);
    expect(job).toMatchObject({ state: 'done', kind, document: 'test-page' });
    const pdf = await cupsPdfOutput(system.pdfOutputDirs, job.jobId.slice(0, 8));
    expectPageSize(pdf, widthMm, heightMm);
    expect(pdfPageSizesMm(pdf)).toHaveLength(1);
    expect(decodePdfBarcodes(pdf)[0]).toContain(kind === 'shipping-labels' ? codabar(testPageCodes[kind]) : testPageCodes[kind]);
    expect(sentText(job.jobId)).toContain('テスト印刷');
  });
});
