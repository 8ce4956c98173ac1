import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savePrinter } from '../../electron/station/printing/station-printer';
import { startCupsForTests, type CupsForTests } from '../support/cups-test-queues';
import { cupsPdfOutput } from '../support/cups-pdf-output';
import { decodePdfBarcodes } from '../support/barcode-tools';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';
import { feedbackKind } from '../support/wait-until';

const cups = await startCupsForTests();
const skipReason = 'unavailable' in cups ? cups.unavailable : null;
if (skipReason) console.warn(`[skipped] SKU label e2e: ${skipReason}`);

describe.skipIf(skipReason !== null)('SKU ラベル: reprint labels for any SKU and quantity (web mode, Chromium, real cups-pdf queue)', () => {
  if (skipReason) return;
  const system = cups as CupsForTests;
  const queue = 'qwms-e2e-sku-labels';
  let station: StationPage;
  const towel = () =>
    station.running.hub.store.db.selectFrom('inventory_options').select(['sku', 'jan']).where('seller_sku_code', '=', 'SK-TOWEL-WH').executeTakeFirstOrThrow();

  beforeAll(async () => {
    system.addPdfQueue(queue);
    station = await openStationPage({ wedgeSettings: { maxGapMs: 400, maxMedianGapMs: 60 } });
    // What the printer settings screen saves for the SKU label printer: this CUPS queue, a roll of 50 × 30 labels.
    savePrinter(station.running.station.store, 'sku-labels', {
      id: 'sku-labels',
      name: queue,
      kind: 'cups',
      queue,
      server: null,
      format: 'pdf',
      media: 'roll-50x30',
    });
    await signInWithPin(station.page, 'u-clerk', '1111');
  });
  afterAll(async () => {
    await station?.close();
    await system.close();
  });

  it('is a working area, not "coming soon": a JAN scanned shows the item, option and shop', async () => {
    const { page } = station;
    await page.getByTestId('area-sku-labels').click();
    await page.getByTestId('sku-labels').waitFor();
    const { sku, jan } = await towel();
    await typeLikeScanner(page, `${jan}\n`);
    await page.getByTestId('sku-labels-card').filter({ hasText: '今治タオル ハンドタオル カラー : 白' }).waitFor();
    await expect(page.getByTestId('sku-labels-card').getAttribute('data-sku')).resolves.toBe(sku);
    await expect(page.getByTestId('sku-labels-seller').innerText()).resolves.toBe('出品者: さくら雑貨店');
  });

  it('refuses an unknown code and a quantity outside 1–999, printing nothing', async () => {
    const { page } = station;
    await typeLikeScanner(page, 'NO-SUCH-CODE-1\n');
    await page.getByTestId('feedback').filter({ hasText: 'この商品は見つかりません: NO-SUCH-CODE-1' }).waitFor();
    expect(await feedbackKind(page)).toBe('bad');
    expect(await page.getByTestId('sku-labels-card').count()).toBe(0);
    await page.getByTestId('sku-labels-code').fill('SK-TOWEL-WH');
    await page.getByTestId('sku-labels-code').press('Enter');
    await page.getByTestId('sku-labels-card').waitFor();
    await page.getByTestId('sku-labels-quantity').fill('0');
    await page.getByTestId('sku-labels-print').click();
    await page.getByTestId('feedback').filter({ hasText: '枚数は 1〜999 の整数で入力してください。' }).waitFor();
    expect(await page.getByTestId('sku-labels-job').count()).toBe(0);
  });

  it('prints the chosen number of labels with the hub away, says so only once the queue took them, and each barcode reads as the SKU', async () => {
    const { page } = station;
    const { sku } = await towel();
    // The catalogue the station keeps is enough: labels are reprinted while the hub is down.
    await station.running.hub.close();
    await page.getByTestId('sku-labels-code').fill(sku);
    await page.getByTestId('sku-labels-code').press('Enter');
    await page.locator(`[data-testid="sku-labels-card"][data-sku="${sku}"]`).waitFor();
    await page.getByTestId('sku-labels-quantity').fill('3');
    await page.getByTestId('sku-labels-print').click();
    const job = page.locator('[data-testid="sku-labels-job"][data-state="done"]');
    await job.waitFor({ timeout: 60_000 });
    await expect(job.innerText()).resolves.toBe(`SKU ラベル（${queue}）: 印刷しました`);
    await page
      .getByTestId('feedback')
      .filter({ hasText: `SKU ラベル 3 枚を印刷しました: ${sku}` })
      .waitFor();
    expect(await feedbackKind(page)).toBe('done');

    const jobId = (await job.getAttribute('data-job-id')) as string;
    const printed = await cupsPdfOutput(system.pdfOutputDirs, jobId.slice(0, 8));
    expect(decodePdfBarcodes(printed)).toEqual([[sku], [sku], [sku]]);
  });

  it('says a print failed, and why, in Japanese, when the SKU label queue does not exist; nothing reads as printed', async () => {
    const { page } = station;
    savePrinter(station.running.station.store, 'sku-labels', {
      id: 'sku-labels',
      name: 'qwms-no-such-queue',
      kind: 'cups',
      queue: 'qwms-no-such-queue',
      server: null,
      format: 'pdf',
      media: 'roll-50x30',
    });
    await page.getByTestId('sku-labels-quantity').fill('2');
    await page.getByTestId('sku-labels-print').click();
    const job = page.locator('[data-testid="sku-labels-job"][data-outcome="failed"]');
    await job.waitFor({ timeout: 60_000 });
    await expect(job.innerText()).resolves.toContain('プリンターのキュー「qwms-no-such-queue」がこの PC にありません');
    expect(await feedbackKind(page)).toBe('bad');
    await page.getByTestId('sku-labels-job-retry').waitFor();
  });
});
