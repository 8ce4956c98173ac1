import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { testPageCodes } from '../../electron/station/printing/test-page';
import { cupsPdfOutput, pdfPageSizesMm } from '../support/cups-pdf-output';
import { startCupsForTests } from '../support/cups-test-queues';
import { decodePdfBarcodes } from '../support/barcode-tools';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';

const cups = await startCupsForTests();
const skipReason = 'unavailable' in cups ? cups.unavailable : null;
if (skipReason) console.warn(`[skipped] printer settings through CUPS in Chromium: ${skipReason}`);
const queue = 'qwms-e2e-printers';
const goneQueue = 'qwms-e2e-gone';

let station: StationPage;
beforeAll(async () => {
  station = await openStationPage();
  await signInWithPin(station.page, 'u-supervisor', '3333');
});
afterAll(async () => {
  await station?.close();
  if (!('unavailable' in cups)) await cups.close();
});

describe('station settings (web mode, Chromium)', () => {
  it('lets a supervisor put the SKU label printer on a raw port, refusing a bad host in Japanese', async () => {
    const { page } = station;
    await page.getByTestId('area-station-settings').click();
    await page.getByTestId('printer-sku-labels-connection').selectOption('raw-tcp');
    await page.getByTestId('printer-sku-labels-host').fill('not a host!');
    await page.getByTestId('printer-sku-labels-port').fill('9100');
    await page.getByTestId('printer-sku-labels-save').click();
    await page.getByTestId('feedback').filter({ hasText: '入力内容が正しくありません' }).waitFor();
    await page.getByTestId('printer-sku-labels-host').fill('192.0.2.10');
    await page.getByTestId('printer-sku-labels-save').click();
    await page.getByTestId('feedback').filter({ hasText: 'SKU ラベルのプリンターを保存しました' }).waitFor();
    expect(JSON.parse(station.running.station.store.setting('printer.sku-labels') ?? '{}')).toMatchObject({
      id: 'sku-labels',
      kind: 'raw-tcp',
      host: '192.0.2.10',
      port: 9100,
    });
  });

  it('says which documents go to which printer', async () => {
    const { page } = station;
    await expect(page.getByTestId('printer-sku-labels-documents').innerText()).resolves.toContain('SKU ラベル');
    await expect(page.getByTestId('printer-shipping-labels-documents').innerText()).resolves.toContain('送り状');
    const documents = await page.getByTestId('printer-documents-documents').innerText();
    for (const name of ['検品差異レポート', 'ピッキングリスト', '出荷明細書']) expect(documents).toContain(name);
  });

  it('turns on blind inspection: the inspection screen no longer shows expected counts', async () => {
    const { page } = station;
    await page.getByTestId('blind-toggle').check();
    await page.keyboard.press('Escape');
    await page.getByTestId('area-inspection').click();
    await page.getByTestId('bundle-action-IB00000004').click();
    await page.getByTestId('inspection').waitFor();
    const expectedCells = await page.locator('[data-testid="inspection-lines"] tbody tr td:nth-child(3)').allInnerTexts();
    expect(expectedCells.length).toBeGreaterThan(0);
    expect(new Set(expectedCells)).toEqual(new Set(['—']));
    await expect(page.locator('.hint').first().innerText()).resolves.toContain('ブラインド検品');
    await page.keyboard.press('Escape');
  });
});

describe.skipIf(skipReason !== null)("printers chosen from this PC's CUPS queues (real cups-pdf, Chromium)", { timeout: 120_000 }, () => {
  if (skipReason) return;
  const system = cups as Exclude<typeof cups, { unavailable: string }>;

  it('lists the queue, assigns it to shipping labels, and a test print comes out as one 100 × 150 mm label', async () => {
    const { page } = station;
    system.addPdfQueue(queue);
    system.addPdfQueue(goneQueue);
    await page.getByTestId('area-station-settings').click();
    await page.getByTestId('cups-queues-refresh').click();
    await page.getByTestId(`cups-queue-${queue}`).waitFor();
    await page.getByTestId('printer-shipping-labels-queue').selectOption(queue);
    await page.getByTestId('printer-shipping-labels-save').click();
    await page.getByTestId('feedback').filter({ hasText: '送り状 (100×150 mm)のプリンターを保存しました' }).waitFor();
    await page.getByTestId('printer-shipping-labels-test').click();
    const result = page.locator('[data-testid="printer-shipping-labels-test-result"][data-outcome="done"]');
    await result.waitFor();
    await page.locator('[data-testid="feedback"][data-kind="done"]').filter({ hasText: 'テスト印刷をプリンターが受け付けました' }).waitFor();

    const jobId = (await result.getAttribute('data-job-id'))!;
    const pdf = await cupsPdfOutput(system.pdfOutputDirs, jobId.slice(0, 8));
    const [size, ...more] = pdfPageSizesMm(pdf);
    expect(more).toEqual([]);
    expect(Math.abs(size!.width - 100)).toBeLessThan(0.5);
    expect(Math.abs(size!.height - 150)).toBeLessThan(0.5);
    expect(decodePdfBarcodes(pdf)[0]).toContain(`A${testPageCodes['shipping-labels']}A`);
  });

  it('shows a removed queue as a failure with the Japanese reason, retries on another printer, and keeps "dealt with" across a reload', async () => {
    const { page } = station;
    await page.getByTestId('printer-documents-queue').selectOption(goneQueue);
    await page.getByTestId('printer-documents-save').click();
    await page.getByTestId('feedback').filter({ hasText: 'A4 書類のプリンターを保存しました' }).waitFor();
    // The printer is taken away after it was chosen: lp now says "The printer or class does not exist".
    expect(spawnSync('lpadmin', ['-x', goneQueue]).status).toBe(0);

    await page.getByTestId('printer-documents-test').click();
    const failed = page.locator('[data-testid="printer-documents-test-result"][data-outcome="failed"]');
    await failed.waitFor();
    const reason = `プリンターのキュー「${goneQueue}」がこの PC にありません`;
    await expect(failed.innerText()).resolves.toContain(reason);
    await expect(failed.innerText()).resolves.not.toMatch(/does not exist|lp:/);
    await page.locator('[data-testid="feedback"][data-kind="bad"]').filter({ hasText: reason }).waitFor();
    await page.getByTestId('printer-documents-test-result-retry').waitFor();
    await page.locator('[data-testid="status-print-jobs"][data-count="1"]').waitFor();

    // "Print on another printer": one of this PC's queues, for this job only; the failed job counts as dealt with.
    await page.getByTestId('printer-documents-test-result-choose').click();
    await page.getByTestId('printer-documents-test-result-queue').selectOption(queue);
    const retried = page.locator('[data-testid="printer-documents-test-result"][data-outcome="done"]');
    await retried.waitFor();
    const pdf = await cupsPdfOutput(system.pdfOutputDirs, (await retried.getAttribute('data-job-id'))!.slice(0, 8));
    expect(decodePdfBarcodes(pdf)[0]).toContain(testPageCodes.documents);
    await page.locator('[data-testid="status-print-jobs"][data-count="0"]').waitFor();

    // Another failure, dealt with from the status bar: it stays dealt with after the window reloads.
    await page.getByTestId('printer-documents-test').click();
    await page.locator('[data-testid="printer-documents-test-result"][data-outcome="failed"]').waitFor();
    await page.locator('[data-testid="status-print-jobs"][data-count="1"]').click();
    const item = page.getByTestId('print-jobs-item');
    await expect(item.innerText()).resolves.toContain(reason);
    await page.screenshot({ path: '/tmp/printer-settings.png' });
    await page.locator('[data-testid$="-dismiss"]').click();
    await page.locator('[data-testid="status-print-jobs"][data-count="0"]').waitFor();
    await page.reload();
    await page.getByTestId('menu').or(page.getByTestId('user-u-supervisor')).waitFor();
    if (await page.getByTestId('user-u-supervisor').isVisible()) await signInWithPin(page, 'u-supervisor', '3333');
    await page.locator('[data-testid="status-print-jobs"][data-count="0"]').waitFor();
    expect(station.pageErrors).toEqual([]);
  });
});
