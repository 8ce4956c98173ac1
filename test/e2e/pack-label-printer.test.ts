import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cupsPdfOutput, pdfPageSizesMm } from '../support/cups-pdf-output';
import { startCupsForTests } from '../support/cups-test-queues';
import { decodePdfBarcodes } from '../support/barcode-tools';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';
import { feedbackKind } from '../support/wait-until';

const cups = await startCupsForTests();
const skipReason = 'unavailable' in cups ? cups.unavailable : null;
if (skipReason) console.warn(`[skipped] pack bench with a missing shipping-label queue: ${skipReason}`);
// Chosen on the settings screen once, and not (yet) on this PC: lp says "The printer or class does not exist".
const queue = 'qwms-e2e-pack-labels';

let station: StationPage;
beforeAll(async () => {
  station = await openStationPage({ wedgeSettings: { maxGapMs: 400, maxMedianGapMs: 60 } });
  station.running.station.store.setSetting(
    'printer.shipping-labels',
    JSON.stringify({ id: 'shipping-labels', name: queue, kind: 'cups', queue, format: 'pdf' }),
  );
  await signInWithPin(station.page, 'u-packer', '2222');
});
afterAll(async () => {
  await station?.close();
  if (!('unavailable' in cups)) await cups.close();
});

describe.skipIf(skipReason !== null)('the pack bench when the shipping-label queue is missing (real CUPS, Chromium)', { timeout: 120_000 }, () => {
  if (skipReason) return;
  const system = cups as Exclude<typeof cups, { unavailable: string }>;

  it('never says the label was printed: bad sound, red frame and the Japanese reason; retry prints it once the queue is there', async () => {
    const { page } = station;
    const db = station.running.hub.store.db;
    const order =
      (await db
        .selectFrom('orders')
        .select(['id', 'order_no', 'cart_no', 'seller_id', 'sku', 'quantity'])
        .where('state', '=', 'allocated')
        .where('cart_no', 'is', null)
        .where('sku', 'is not', null)
        .orderBy('order_no')
        .executeTakeFirst()) ??
      (await db
        .selectFrom('orders')
        .select(['id', 'order_no', 'cart_no', 'seller_id', 'sku', 'quantity'])
        .where('state', '=', 'allocated')
        .where('sku', 'is not', null)
        .orderBy('order_no')
        .executeTakeFirstOrThrow());
    const parcel = await db
      .selectFrom('orders')
      .select(['order_no', 'sku', 'quantity'])
      .where('seller_id', '=', order.seller_id)
      .where(order.cart_no ? 'cart_no' : 'id', '=', order.cart_no ?? order.id)
      .execute();

    await page.getByTestId('area-packing').click();
    await typeLikeScanner(page, `${order.order_no}\n`);
    await page.getByTestId('pack-bench').waitFor();
    for (const line of parcel) {
      for (let i = 0; i < line.quantity; i++) await typeLikeScanner(page, `]C0${line.sku}\n`);
      await page
        .getByTestId(`packed-${line.order_no}`)
        .filter({ hasText: new RegExp(`^${line.quantity}$`) })
        .waitFor();
    }
    await page.getByTestId('pack-print').press('Enter');

    const reason = `プリンターのキュー「${queue}」がこの PC にありません`;
    const failed = page.locator('[data-testid="pack-label-job"][data-outcome="failed"]');
    await failed.waitFor();
    await expect(failed.innerText()).resolves.toContain(reason);
    await page
      .getByTestId('pack-result')
      .filter({ hasText: `送り状を印刷できませんでした：${reason}` })
      .waitFor();
    expect(await feedbackKind(page)).toBe('bad');
    expect(await page.getByTestId('pack-result').innerText()).not.toContain('印刷しました');
    expect(await page.getByTestId('feedback').innerText()).not.toMatch(/does not exist|lp:/);
    await page.locator('[data-testid="status-print-jobs"][data-count="1"]').waitFor();

    // Someone adds the queue; "print again" sends the same label there, and the problem leaves the status bar.
    system.addPdfQueue(queue);
    await page.getByTestId('pack-label-job-retry').click();
    const done = page.locator('[data-testid="pack-label-job"][data-outcome="done"]');
    await done.waitFor();
    await page.locator('[data-testid="status-print-jobs"][data-count="0"]').waitFor();
    const pdf = await cupsPdfOutput(system.pdfOutputDirs, (await done.getAttribute('data-job-id'))!.slice(0, 8));
    const [size] = pdfPageSizesMm(pdf);
    expect(Math.abs(size!.width - 100)).toBeLessThan(0.5);
    expect(Math.abs(size!.height - 150)).toBeLessThan(0.5);
    const trackingNumber = await page.getByTestId(`pack-order-${order.order_no}`).first().locator('td').last().innerText();
    expect(decodePdfBarcodes(pdf, { dpi: 203 }).flat()).toContain(`A${trackingNumber.trim()}A`);
    expect(station.pageErrors).toEqual([]);
  });
});
