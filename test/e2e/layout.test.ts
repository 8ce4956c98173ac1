import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inView, overlaps, visibleBox } from '../support/layout-checks';
import { listenAsPrinter, type RawPortListener } from '../support/raw-port-listener';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';
import { printToPort } from '../support/test-printers';

let station: StationPage;
let printer: RawPortListener;
beforeAll(async () => {
  station = await openStationPage({ wedgeSettings: { maxGapMs: 400, maxMedianGapMs: 60 } });
  printer = await listenAsPrinter();
  printToPort(station.running.station.store, printer.port, ['shipping-labels']);
  await signInWithPin(station.page, 'u-packer', '2222');
});
afterAll(async () => {
  await printer?.close();
  await station?.close();
});

const db = () => station.running.hub.store.db;

describe('at 1280×800 what follows an action is in view and messages stay off the table (Chromium)', () => {
  it('brings the label step and the print answer into view on a long pick-list bench, and the message never covers the table', async () => {
    const { page } = station;
    expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
    await page.getByTestId('area-picking').click();
    await page.getByTestId('pick-make').click();
    await page.getByTestId('pick-list-PL00000001').waitFor();
    await page.getByTestId('back-to-menu').click();
    await page.getByTestId('area-packing').click();
    await typeLikeScanner(page, 'PL00000001\n');
    await page.getByTestId('pack-bench').waitFor();
    await page.getByTestId('feedback').waitFor();

    // The parcel the bench works on first: the orders of the first row's cart (or that order alone).
    const firstNo = (await page.locator('[data-testid^="pack-order-"]').first().getAttribute('data-testid'))!.slice('pack-order-'.length);
    const first = await db().selectFrom('orders').select(['seller_id', 'cart_no']).where('order_no', '=', firstNo).executeTakeFirstOrThrow();
    const parcel = first.cart_no
      ? await db()
          .selectFrom('orders')
          .select(['order_no', 'sku', 'quantity'])
          .where('seller_id', '=', first.seller_id)
          .where('cart_no', '=', first.cart_no)
          .execute()
      : await db().selectFrom('orders').select(['order_no', 'sku', 'quantity']).where('order_no', '=', firstNo).execute();
    for (const order of parcel) {
      for (let i = 1; i <= order.quantity; i++) await typeLikeScanner(page, `]C0${order.sku}\n`);
      await page
        .getByTestId(`packed-${order.order_no}`)
        .filter({ hasText: new RegExp(`^${order.quantity}$`) })
        .waitFor();
    }

    // The label step appears under the whole list: it comes into view by itself, not hidden under the status bar.
    await page.getByTestId('pack-label-step').waitFor();
    await expect.poll(() => inView(page, 'pack-label-step')).toBe(true);
    // Wherever the packer scrolls to reach it, the message is beside the table, not over it.
    await page.getByTestId('pack-label-step').scrollIntoViewIfNeeded();
    expect(overlaps(await visibleBox(page, 'feedback'), await visibleBox(page, 'pack-lines'))).toBe(false);
    expect(await visibleBox(page, 'pack-lines')).not.toBeNull();

    // The packer looks back up the list, then prints with Enter (the print button keeps the focus): the answer,
    // under the list, comes into view by itself.
    await page.getByTestId('pack-lines').hover();
    await page.mouse.wheel(0, -5000);
    await expect.poll(() => inView(page, 'pack-label-step')).toBe(false);
    await page.keyboard.press('Enter');
    await page.getByTestId('pack-result').filter({ hasText: '印刷しました' }).waitFor();
    await expect.poll(() => inView(page, 'pack-result')).toBe(true);
    expect(overlaps(await visibleBox(page, 'feedback'), await visibleBox(page, 'pack-lines'))).toBe(false);
    expect(await inView(page, 'feedback')).toBe(true);
    expect(station.pageErrors).toEqual([]);
  });
});
