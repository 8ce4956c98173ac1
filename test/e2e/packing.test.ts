import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePdfBarcodes } from '../support/barcode-tools';
import { listenAsPrinter, type RawPortListener } from '../support/raw-port-listener';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';
import { feedbackKind, waitUntil } from '../support/wait-until';
import { printToPort } from '../support/test-printers';

let station: StationPage;
let printer: RawPortListener;
let printed = 0;
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
const feedback = () => feedbackKind(station.page);

interface CartOrder {
  id: string;
  order_no: string;
  sku: string | null;
  quantity: number;
}

/** The allocated carts of the demo warehouse, each with every order of it allocated here. */
async function allocatedCarts(): Promise<CartOrder[][]> {
  const rows = await db()
    .selectFrom('orders')
    .select(['id', 'order_no', 'cart_no', 'seller_id', 'sku', 'quantity', 'state'])
    .where('cart_no', 'is not', null)
    .orderBy('order_no')
    .execute();
  const carts = new Map<string, typeof rows>();
  for (const row of rows) carts.set(`${row.seller_id}/${row.cart_no}`, [...(carts.get(`${row.seller_id}/${row.cart_no}`) ?? []), row]);
  return [...carts.values()].filter((cart) => cart.every((order) => order.state === 'allocated' && order.sku));
}

/** The tracking number on a printed shipping label, read back from its NW-7 barcode (with or without A…A). */
async function printedNumber(): Promise<string> {
  const pdf = await printer.job(printed++);
  const codes = decodePdfBarcodes(pdf, { dpi: 203 }).flat();
  const number = codes.map((code) => code.replace(/^[A-D]|[A-D]$/g, '')).find((code) => /^\d{12}$/.test(code));
  expect(number, `barcodes read: ${codes.join(', ')}`).toBeDefined();
  return number!;
}

/**
 * Packs a whole cart on the bench as one parcel: every unit scanned, one label printed and read back, the label
 * scanned out. With `voidFirst`, the first label is voided (spoiled) and a second one printed.
 */
async function packCart(cart: CartOrder[], options: { voidFirst?: boolean; timeSlotsInEnglish?: boolean } = {}): Promise<Map<string, string>> {
  const { page } = station;
  await typeLikeScanner(page, `${cart[0]!.order_no}\n`);
  await page.getByTestId('pack-bench').waitFor();
  for (const order of cart) {
    for (let i = 0; i < order.quantity; i++) await typeLikeScanner(page, `]C0${order.sku}\n`);
    await page
      .getByTestId(`packed-${order.order_no}`)
      .filter({ hasText: new RegExp(`^${order.quantity}$`) })
      .waitFor();
    expect(await feedback()).toBe('done');
    // An extra unit is refused loudly and not counted.
    await typeLikeScanner(page, `]C0${order.sku}\n`);
    await page.getByTestId('pack-result').filter({ hasText: '余分な商品です' }).waitFor();
    expect(await feedback()).toBe('bad');
  }

  if (options.timeSlotsInEnglish) await checkTimeSlotsAndLanguage();
  await page.getByTestId('pack-print').press('Enter');
  for (const order of cart) await page.getByTestId(`state-${order.order_no}`).filter({ hasText: '送り状発行済み' }).waitFor();
  let number = await printedNumber();
  if (options.voidFirst) {
    const spoiled = number;
    await page.getByTestId('pack-void-reason').fill('印字かすれ');
    await page.getByTestId('pack-void').click();
    for (const order of cart) await page.getByTestId(`state-${order.order_no}`).filter({ hasText: 'ピッキング済み' }).waitFor();
    // The answer says what was voided (the number and every order of the parcel) and what to do next.
    const said = await page
      .getByTestId('pack-result')
      .filter({ hasText: `送り状 ${spoiled} を無効にしました` })
      .innerText();
    for (const order of cart) expect(said).toContain(order.order_no);
    expect(said).toContain('もう一度ラベルを印刷してください');
    expect(await page.getByTestId('feedback').innerText()).toBe(said);
    expect(said).not.toMatch(/0 \/ 0/);
    await page.getByTestId('pack-print').press('Enter');
    for (const order of cart) await page.getByTestId(`state-${order.order_no}`).filter({ hasText: '送り状発行済み' }).waitFor();
    number = await printedNumber();
    expect(number).not.toBe(spoiled);
    // The spoiled label is refused at the scan out like any other wrong label.
    await typeLikeScanner(page, `${spoiled}\n`);
    await page.getByTestId('pack-result').filter({ hasText: '違う送り状です' }).waitFor();
    expect(await feedback()).toBe('bad');
  }

  // A wrong label is refused loudly; the right one sends the whole parcel out.
  await typeLikeScanner(page, '300000000000\n');
  await page.getByTestId('pack-result').filter({ hasText: '違う送り状です' }).waitFor();
  expect(await feedback()).toBe('bad');
  await typeLikeScanner(page, `${number}\n`);
  for (const order of cart) await page.getByTestId(`state-${order.order_no}`).filter({ hasText: '運送中' }).waitFor();
  expect(await feedback()).toBe('done');
  await page.getByTestId('pack-close').click();
  await page.getByTestId('pack').waitFor();
  return new Map(cart.map((order) => [order.id, number]));
}

/**
 * At the label step: the Sagawa time slots are named in the screen's language (never the raw "morning"), and a
 * switch to English words the bench's message again in English. Back in Japanese with the suggested service.
 */
async function checkTimeSlotsAndLanguage(): Promise<void> {
  const { page } = station;
  const suggested = await page.getByTestId('pack-service').inputValue();
  await page.getByTestId('pack-service').selectOption('sagawa');
  const slots = () => page.getByTestId('pack-time-slot').locator('option').allInnerTexts();
  expect(await slots()).toEqual(['指定なし', '午前中', '12時〜14時', '14時〜16時', '16時〜18時', '18時〜20時', '19時〜21時']);
  expect(await page.getByTestId('feedback').innerText()).toMatch(/余分な商品です/);
  await page.getByTestId('language-en').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  expect(await slots()).toEqual(['None', 'Morning (by 12:00)', '12:00–14:00', '14:00–16:00', '16:00–18:00', '18:00–20:00', '19:00–21:00']);
  // The last message follows the language: English words, not the Japanese sentence it was said in.
  expect(await page.getByTestId('feedback').innerText()).toBe('Extra item: this order already has all its units.');
  expect(await page.getByTestId('pack-result').innerText()).toBe('Extra item: this order already has all its units.');
  await page.getByTestId('language-ja').click();
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  await page.getByTestId('pack-service').selectOption(suggested);
}

async function expectShippedOnce(cart: CartOrder[], tracking: Map<string, string>): Promise<void> {
  for (const order of cart) {
    await waitUntil(
      async () => (await db().selectFrom('orders').select('state').where('id', '=', order.id).executeTakeFirstOrThrow()).state === 'in_transit',
      `the hub to ship ${order.order_no}`,
    );
    const row = await db().selectFrom('orders').select(['tracking_no', 'service']).where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row.tracking_no).toBe(tracking.get(order.id));
    const picks = await db().selectFrom('stock_movements').select(['sku', 'quantity']).where('reference', '=', order.id).where('kind', '=', 'pick').execute();
    expect(picks).toEqual([{ sku: order.sku, quantity: -order.quantity }]);
    const uploads = await db().selectFrom('tracking_uploads').select(['tracking_no', 'carrier']).where('order_id', '=', order.id).execute();
    expect(uploads).toEqual([{ tracking_no: tracking.get(order.id), carrier: 'Qxpress' }]);
  }
}

describe('packing and dispatch (web mode, Chromium, demo warehouse)', () => {
  let carts: CartOrder[][];

  beforeAll(async () => {
    carts = await allocatedCarts();
    expect(carts.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a wrong item loudly, packs the cart as one parcel, voids a spoiled label, prints an NW-7 label and sends the parcel out', async () => {
    const { page } = station;
    await page.getByTestId('area-packing').click();
    await page.getByTestId('pack').waitFor();
    const cart = carts[0]!;
    const inCart = new Set(cart.map((order) => order.sku));
    const wrong = (await db().selectFrom('orders').select('sku').where('sku', 'is not', null).execute())
      .map((row) => row.sku!)
      .find((sku) => !inCart.has(sku))!;

    await typeLikeScanner(page, `${cart[0]!.order_no}\n`);
    await page.getByTestId('pack-bench').waitFor();
    await typeLikeScanner(page, `]C0${wrong}\n`);
    await page.getByTestId('pack-result').filter({ hasText: '違う商品です' }).waitFor();
    expect(await feedback()).toBe('bad');
    await expect(page.getByTestId(`packed-${cart[0]!.order_no}`).innerText()).resolves.toBe('0');
    await page.getByTestId('pack-close').click();

    const tracking = await packCart(cart, { voidFirst: true, timeSlotsInEnglish: true });
    await expectShippedOnce(cart, tracking);
    const voided = await db().selectFrom('voided_tracking_numbers').select(['tracking_no', 'reason']).execute();
    expect(voided).toEqual([{ tracking_no: expect.not.stringMatching(tracking.get(cart[0]!.id)!), reason: '印字かすれ' }]);
    // Nothing refused: the outbox is empty and every event applied.
    await waitUntil(async () => station.running.station.store.pendingCount() === 0, 'the outbox to drain');
    expect(station.running.station.store.recent(1000).filter((entry) => entry.state === 'rejected')).toEqual([]);
  });

  it('packs and ships with the hub away, and the hub applies it exactly once when it is back', async () => {
    const cart = carts[1]!;
    await station.running.hub.close();
    const tracking = await packCart(cart);
    expect(station.running.station.store.pendingCount()).toBeGreaterThan(0);
    await station.running.restartHub();
    await expectShippedOnce(cart, tracking);
    await waitUntil(async () => station.running.station.store.pendingCount() === 0, 'the outbox to drain');
    expect(station.running.station.store.recent(1000).filter((entry) => entry.state === 'rejected')).toEqual([]);
    // Each step of each order of the cart applied once, though the station pushed them again after the outage.
    const cartIds = new Set(cart.map((order) => order.id));
    const applied = (
      await db()
        .selectFrom('station_events')
        .select(['kind', 'payload'])
        .where('outcome', '=', 'applied')
        .where('kind', 'in', ['order.picked', 'order.packed', 'order.shipped'])
        .execute()
    )
      .map((event) => ({ kind: event.kind, orderId: (JSON.parse(event.payload) as { orderId: string }).orderId }))
      .filter((event) => cartIds.has(event.orderId));
    expect(applied).toHaveLength(cart.length * 3);
    expect(new Set(applied.map((event) => `${event.kind}/${event.orderId}`)).size).toBe(cart.length * 3);
  });

  it('forgets the bench and the message at sign-out: the next user starts with an empty bench and a clean sign-in screen', async () => {
    const { page } = station;
    const waiting = await db()
      .selectFrom('orders')
      .select('order_no')
      .where('state', '=', 'allocated')
      .where('sku', 'is not', null)
      .orderBy('order_no')
      .executeTakeFirstOrThrow();
    if (await page.getByTestId('back-to-menu').isVisible()) await page.getByTestId('back-to-menu').click();
    await page.getByTestId('area-packing').click();
    await page.getByTestId('pack').waitFor();
    await typeLikeScanner(page, `${waiting.order_no}\n`);
    await page.getByTestId(`pack-order-${waiting.order_no}`).first().waitFor();
    await page.getByTestId('feedback').waitFor();

    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    // Nothing of the packer's work is said on the sign-in screen.
    expect(await page.getByTestId('feedback').count()).toBe(0);

    await signInWithPin(page, 'u-supervisor', '3333');
    expect(await page.getByTestId('feedback').count()).toBe(0);
    await page.getByTestId('area-packing').click();
    await page.getByTestId('pack').waitFor();
    expect(await page.getByTestId('pack-bench').count()).toBe(0);
    expect(await page.getByTestId(`pack-order-${waiting.order_no}`).count()).toBe(0);
    // Scans go to an empty bench: the order opens as itself, not as a step of the packer's order.
    await typeLikeScanner(page, `${waiting.order_no}\n`);
    await page.getByTestId('pack-result').filter({ hasText: '商品をスキャンしてください' }).waitFor();
    expect(await feedback()).toBe('good');
    expect(station.pageErrors).toEqual([]);
  });
});
