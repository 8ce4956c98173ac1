import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePdfBarcodes, pdfText } from '../support/barcode-tools';
import { artefactPath } from '../support/chromium';
import { listenAsPrinter, type RawPortListener } from '../support/raw-port-listener';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';
import { feedbackKind, waitUntil } from '../support/wait-until';
import { printToPort } from '../support/test-printers';

let station: StationPage;
let printer: RawPortListener;
let documents: RawPortListener;
beforeAll(async () => {
  station = await openStationPage({ wedgeSettings: { maxGapMs: 400, maxMedianGapMs: 60 } });
  printer = await listenAsPrinter();
  documents = await listenAsPrinter();
  printToPort(station.running.station.store, printer.port, ['sku-labels', 'shipping-labels']);
  printToPort(station.running.station.store, documents.port, ['documents']);
  await signInWithPin(station.page, 'u-packer', '2222');
});
afterAll(async () => {
  await printer?.close();
  await documents?.close();
  await station?.close();
});

const db = () => station.running.hub.store.db;
const feedback = () => feedbackKind(station.page);

describe('picking, then packing the picked list (web mode, Chromium, demo warehouse)', () => {
  it('makes today’s pick lists, walks one in bin order, refuses a wrong item, and the hub has the orders picked', async () => {
    const { page } = station;
    await page.getByTestId('area-picking').click();
    await page.getByTestId('pick').waitFor();
    await page.getByTestId('pick-make').click();
    await page.getByTestId('pick-list-PL00000001').waitFor();
    expect(await feedback()).toBe('done');
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
    // The demo's shelves in walking order (zone, aisle, rack, level), written out rather than sorted by compareBins.
    const demoWalk = ['A-01-04-02', 'A-02-01-01', 'A-03-02-01', 'B-01-03-01', 'B-02-01-03', 'B-03-02-02', 'C-01-01-02', 'C-02-01-01'];
    expect(
      bins.every((bin) => demoWalk.includes(bin)),
      bins.join(' '),
    ).toBe(true);
    expect(bins).toEqual(demoWalk.filter((bin) => bins.includes(bin)));
    expect(bins[0]).toMatch(/^[A-Z]-\d{2}-\d{2}-\d{2}$/);

    // Printed on the document printer for the picker to walk with: its barcode is the list id the bench reads.
    await page.getByTestId('pick-print').click();
    const printedList = await documents.job(0);
    writeFileSync(artefactPath('pick-list.pdf'), printedList);
    await page.locator('[data-testid="pick-print-job"][data-state="done"]').waitFor();
    expect(decodePdfBarcodes(printedList)[0]).toEqual(['PL00000001']);
    const printedBins = [...pdfText(printedList).matchAll(/\b[A-Z]-\d{2}-\d{2}-\d{2}\b/g)].map((match) => match[0]);
    expect(printedBins).toEqual(bins.filter((bin) => /^[A-Z]-/.test(bin)));

    // A SKU not on the list is refused loudly and nothing is counted.
    const wrong = (await db().selectFrom('inventory_options').select('sku').execute()).map((row) => row.sku).find((sku) => !units.has(sku))!;
    await typeLikeScanner(page, `]C0${wrong}\n`);
    await page.getByTestId('pick-result').filter({ hasText: '違う商品です' }).waitFor();
    expect(await feedback()).toBe('bad');

    // Every unit, line by line in the order shown.
    const skus = await page
      .locator('[data-testid^="pick-line-"]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')!.slice('pick-line-'.length)));
    for (const [index, sku] of skus.entries()) {
      // One unit at a time, as a picker waits for the beep: this test drives the browser from the process that also
      // runs the station and the hub, and a key held back while they work would read as a broken scan.
      for (let i = 1; i <= units.get(sku)!; i++) {
        await typeLikeScanner(page, `]C0${sku}\n`);
        await page
          .getByTestId(`picked-${sku}`)
          .filter({ hasText: new RegExp(`^${i}$`) })
          .waitFor();
      }
      if (index === 0) {
        // One more of a finished line is refused as extra.
        await typeLikeScanner(page, `]C0${sku}\n`);
        await page.getByTestId('pick-result').filter({ hasText: '余分な商品です' }).waitFor();
        expect(await feedback()).toBe('bad');
      }
    }
    await page.getByTestId('pick-result').filter({ hasText: 'ピッキングが完了しました' }).waitFor();
    expect(await feedback()).toBe('done');
    await page.screenshot({ path: '/tmp/picking.png', fullPage: true });

    for (const order of listed) {
      await waitUntil(
        async () => (await db().selectFrom('orders').select('state').where('id', '=', order.id).executeTakeFirstOrThrow()).state === 'picked',
        `the hub to have ${order.order_no} picked`,
      );
    }
    await waitUntil(async () => station.running.station.store.pendingCount() === 0, 'the outbox to drain');
    expect(station.running.station.store.recent(1000).filter((entry) => entry.state === 'rejected')).toEqual([]);
    expect(station.pageErrors).toEqual([]);

    await page.getByTestId('pick-close').click();
    await page.locator('[data-testid="pick-list-PL00000001"][data-complete="true"]').waitFor();
  });
  it('packs the picked list at the bench: scanned by its number, a wrong item refused, one label per parcel, scanned out, in transit on the hub', async () => {
    const { page } = station;
    const listed = await db()
      .selectFrom('pick_list_orders')
      .innerJoin('orders', 'orders.id', 'pick_list_orders.order_id')
      .select([
        'orders.id',
        'orders.order_no',
        'orders.cart_no',
        'orders.seller_id',
        'orders.source',
        'orders.sku',
        'orders.quantity',
        'orders.address',
        'orders.time_slot',
      ])
      .where('pick_list_orders.pick_list_id', '=', 'PL00000001')
      .orderBy('pick_list_orders.position')
      .execute();
    // The Sagawa shipment with the buyer's day and slot is on it, so the time-slot checks below run.
    expect(listed.some((order) => order.time_slot)).toBe(true);
    // Both of the day's other-platform shipments are on it: they take the same path as Qoo10 orders.
    expect(
      listed
        .filter((order) => order.source === 'management')
        .map((order) => order.order_no)
        .sort(),
    ).toEqual(['880000000001', '880000000002']);
    const parcels = new Map<string, typeof listed>();
    for (const order of listed) {
      const key = order.cart_no ? `${order.seller_id}/${order.cart_no}` : order.id;
      parcels.set(key, [...(parcels.get(key) ?? []), order]);
    }

    await page.getByTestId('back-to-menu').click();
    await page.getByTestId('area-packing').click();
    await page.getByTestId('pack').waitFor();
    await typeLikeScanner(page, 'PL00000001\n');
    await page.getByTestId('pack-bench').waitFor();
    await page.getByTestId('pack-result').filter({ hasText: 'ピッキングリスト PL00000001（注文' }).waitFor();
    for (const order of listed) await page.getByTestId(`state-${order.order_no}`).filter({ hasText: 'ピッキング済み' }).waitFor();

    const inList = new Set(listed.map((order) => order.sku));
    const wrong = (await db().selectFrom('inventory_options').select('sku').execute()).map((row) => row.sku).find((sku) => !inList.has(sku))!;
    const numbers = new Map<string, string>();
    let printed = 0;
    // Parcels in the order the bench shows them: a unit counts on the parcel being packed first.
    const shown = await page
      .locator('[data-testid^="pack-order-"]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')!.slice('pack-order-'.length)));
    const inShownOrder = [...parcels.values()].sort((a, b) => shown.indexOf(a[0]!.order_no) - shown.indexOf(b[0]!.order_no));
    for (const [index, parcel] of inShownOrder.entries()) {
      for (const order of parcel) {
        for (let i = 1; i <= order.quantity; i++) {
          await typeLikeScanner(page, `]C0${order.sku}\n`);
          await page
            .getByTestId(`packed-${order.order_no}`)
            .filter({ hasText: new RegExp(`^${i}$`) })
            .waitFor();
        }
        if (index === 0) {
          // The deliberate wrong item: refused loudly, nothing counted anywhere on the bench.
          await typeLikeScanner(page, `]C0${wrong}\n`);
          await page.getByTestId('pack-result').filter({ hasText: '違う商品です' }).waitFor();
          expect(await feedback()).toBe('bad');
        }
      }
      // The buyer's Sagawa slot is preselected; the label step prints with Enter.
      const asked = parcel.find((order) => order.time_slot)?.time_slot?.split(' ')[1];
      if (asked) expect(await page.getByTestId('pack-time-slot').inputValue()).toBe(asked);
      await page.getByTestId('pack-print').press('Enter');
      for (const order of parcel) await page.getByTestId(`state-${order.order_no}`).filter({ hasText: '送り状発行済み' }).waitFor();
      const pdf = await printer.job(printed++);
      const codes = decodePdfBarcodes(pdf, { dpi: 203 }).flat();
      const number = codes.map((code) => code.replace(/^[A-D]|[A-D]$/g, '')).find((code) => /^\d{12}$/.test(code));
      expect(number, `barcodes read: ${codes.join(', ')}`).toBeDefined();
      // The QR names an order of this parcel, for scans inside the warehouse.
      expect(parcel.map((order) => `QWMS:ORDER:${order.id}`)).toContain(codes.find((code) => code.startsWith('QWMS:')));
      const text = pdfText(pdf).replace(/\s+/g, '');
      expect(text).toContain(parcel[0]!.address.replace(/\s+/g, ''));
      const askedFor = parcel.find((order) => order.time_slot)?.time_slot;
      if (askedFor) {
        // The buyer's day and window, as the driver reads them: お届け 11/28 14時〜16時.
        const [date] = askedFor.split(' ') as [string];
        expect(text).toContain(`お届け${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}14時〜16時`);
      }
      for (const order of parcel) numbers.set(order.id, number!);

      // Scanned for another parcel first: refused; then its own label sends the whole parcel out.
      if (index > 0) {
        await typeLikeScanner(page, `${[...numbers.values()][0]}\n`);
        await page.getByTestId('pack-result').filter({ hasText: '違う送り状です' }).waitFor();
        expect(await feedback()).toBe('bad');
      }
      await typeLikeScanner(page, `${number}\n`);
      for (const order of parcel) await page.getByTestId(`state-${order.order_no}`).filter({ hasText: '運送中' }).waitFor();
      expect(await feedback()).toBe('done');
    }
    await page.screenshot({ path: '/tmp/pack-pick-list.png', fullPage: true });

    for (const order of listed) {
      await waitUntil(
        async () => (await db().selectFrom('orders').select('state').where('id', '=', order.id).executeTakeFirstOrThrow()).state === 'in_transit',
        `the hub to ship ${order.order_no}`,
      );
      const row = await db().selectFrom('orders').select(['tracking_no', 'label_time_slot']).where('id', '=', order.id).executeTakeFirstOrThrow();
      expect(row.tracking_no).toBe(numbers.get(order.id));
      if (order.time_slot) expect(row.label_time_slot).toBe(order.time_slot.split(' ')[1]);
      const picks = await db().selectFrom('stock_movements').select(['sku', 'quantity']).where('reference', '=', order.id).where('kind', '=', 'pick').execute();
      expect(picks).toEqual([{ sku: order.sku, quantity: -order.quantity }]);
    }
    // Qoo10 orders go into the upload queue; the other platforms' shipments do not.
    const uploads = await db()
      .selectFrom('tracking_uploads')
      .select('order_id')
      .where(
        'order_id',
        'in',
        listed.map((order) => order.id),
      )
      .execute();
    expect(uploads.map((upload) => upload.order_id).sort()).toEqual(
      listed
        .filter((order) => order.source === 'qoo10')
        .map((order) => order.id)
        .sort(),
    );
    await waitUntil(async () => station.running.station.store.pendingCount() === 0, 'the outbox to drain');
    expect(station.running.station.store.recent(1000).filter((entry) => entry.state === 'rejected')).toEqual([]);
    expect(station.pageErrors).toEqual([]);
  });
});
