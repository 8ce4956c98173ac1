import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareBins } from '../../shared/domain/bin-locations';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';

let station: StationPage;
beforeAll(async () => {
  station = await openStationPage({ wedgeSettings: { maxGapMs: 400, maxMedianGapMs: 60 } });
  await signInWithPin(station.page, 'u-packer', '2222');
});
afterAll(async () => {
  await station?.close();
});

const db = () => station.running.hub.store.db;
const feedbackKind = () => station.page.getByTestId('feedback').getAttribute('data-kind');

async function waitUntil(condition: () => Promise<boolean>, what: string): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > 30_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('picking (web mode, Chromium, demo warehouse)', () => {
  it('makes today’s pick lists, walks one in bin order, refuses a wrong item, and the hub has the orders picked', async () => {
    const { page } = station;
    await page.getByTestId('area-picking').click();
    await page.getByTestId('pick').waitFor();
    await page.getByTestId('pick-make').click();
    await page.getByTestId('pick-list-PL00000001').waitFor();
    expect(await feedbackKind()).toBe('done');
    // The demo's cart with a line scheduled for next week waits, with its reason.
    await page.getByTestId('pick-held-700000001').filter({ hasText: 'まだ出荷日ではありません' }).waitFor();

    const listed = await db()
      .selectFrom('pick_list_orders')
      .innerJoin('orders', 'orders.id', 'pick_list_orders.order_id')
      .select(['orders.id', 'orders.order_no', 'orders.sku', 'orders.quantity', 'orders.state'])
      .where('pick_list_orders.pick_list_id', '=', 'PL00000001')
      .orderBy('pick_list_orders.position')
      .execute();
    // The demo's orders paid yesterday after the cut-off are due today whatever the time; the 14-day one comes last.
    expect(listed.map((order) => order.order_no)).toEqual(expect.arrayContaining(['700000100', '700000101', '700000102', '700000103']));
    expect(listed.at(-1)!.order_no).toBe('700000103');
    const units = new Map<string, number>();
    for (const order of listed) units.set(order.sku!, (units.get(order.sku!) ?? 0) + order.quantity);

    // Opened by scanning its number, as from a printed list.
    await typeLikeScanner(page, 'PL00000001\n');
    await page.getByTestId('pick-walk').waitFor();
    const bins = await page.getByTestId('pick-bin').allInnerTexts();
    expect(bins.length).toBe(units.size);
    expect([...bins].sort(compareBins)).toEqual(bins);
    expect(bins[0]).toMatch(/^[A-Z]-\d{2}-\d{2}-\d{2}$/);

    // A SKU not on the list is refused loudly and nothing is counted.
    const wrong = (await db().selectFrom('inventory_options').select('sku').execute()).map((row) => row.sku).find((sku) => !units.has(sku))!;
    await typeLikeScanner(page, `]C0${wrong}\n`);
    await page.getByTestId('pick-result').filter({ hasText: '違う商品です' }).waitFor();
    expect(await feedbackKind()).toBe('bad');

    // Every unit, line by line in the order shown.
    const skus = await page.locator('[data-testid^="pick-line-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')!.slice('pick-line-'.length)));
    for (const [index, sku] of skus.entries()) {
      // One unit at a time, as a picker waits for the beep: this test drives the browser from the process that also
      // runs the station and the hub, and a key held back while they work would read as a broken scan.
      for (let i = 1; i <= units.get(sku)!; i++) {
        await typeLikeScanner(page, `]C0${sku}\n`);
        await page.getByTestId(`picked-${sku}`).filter({ hasText: new RegExp(`^${i}$`) }).waitFor();
      }
      if (index === 0) {
        // One more of a finished line is refused as extra.
        await typeLikeScanner(page, `]C0${sku}\n`);
        await page.getByTestId('pick-result').filter({ hasText: '余分な商品です' }).waitFor();
        expect(await feedbackKind()).toBe('bad');
      }
    }
    await page.getByTestId('pick-result').filter({ hasText: 'ピッキングが完了しました' }).waitFor();
    expect(await feedbackKind()).toBe('done');
    await page.screenshot({ path: '/tmp/picking.png', fullPage: true });

    for (const order of listed) {
      await waitUntil(async () => (await db().selectFrom('orders').select('state').where('id', '=', order.id).executeTakeFirstOrThrow()).state === 'picked', `the hub to have ${order.order_no} picked`);
    }
    await waitUntil(async () => station.running.station.store.pendingCount() === 0, 'the outbox to drain');
    expect(station.running.station.store.recent(1000).filter((entry) => entry.state === 'rejected')).toEqual([]);
    expect(station.pageErrors).toEqual([]);

    await page.getByTestId('pick-close').click();
    await page.locator('[data-testid="pick-list-PL00000001"][data-complete="true"]').waitFor();
  });
});
