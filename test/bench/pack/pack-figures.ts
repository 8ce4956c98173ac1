import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FloorEvent } from '../../../shared/contract/floor-events';
import { trackingBlock } from '../../../shared/domain/tracking-numbers';
import { startStation, type Station } from '../../../electron/station/station';
import { startHub } from '../../../server/hub/start-hub';
import { runAllocation } from '../../../server/services/allocation';
import { createInventoryItem } from '../../../server/services/inventory/inventory-items';
import { createOption } from '../../../server/services/inventory/inventory-options';
import { linkListing } from '../../../server/services/inventory/listing-links';
import { importQoo10Orders } from '../../../server/services/orders/qoo10-orders';
import { postMovement } from '../../../server/services/stock-ledger';
import { registerStation } from '../../../server/services/stations';
import { addUser } from '../../../server/services/users';
import type { HubStore } from '../../../server/storage/database';
import { tokyo } from '../../support/hub-fixtures';
import { startHubProcess, type HubProcess } from '../../support/hub-process';
import { recipient } from '../../support/order-fixtures';
import { listenAsPrinter } from '../../support/raw-port-listener';

export interface BenchOrder {
  id: string;
  orderNo: string;
  cartNo: string;
  sku: string;
  quantity: number;
}

export interface CartPlan {
  cartNo: string;
  /** Each line: which of the seller's SKUs (0-based) and how many units. */
  lines: { sku: number; quantity: number }[];
}

/**
 * A seller with `skuCount` SKUs on one Qoo10 listing (each option linked, stocked for every planned unit) and the
 * planned carts as paid Qoo10 orders, allocated to Tokyo. Everything goes through the hub's own services, so the
 * changes feed carries the SKUs and orders to the stations as it would in the warehouse.
 */
export async function seedCarts(
  store: HubStore,
  options: { sellerId: string; listingId: string; skuCount: number; firstOrderNo: number; carts: CartPlan[] },
): Promise<BenchOrder[][]> {
  const { db } = store;
  const now = new Date();
  await db
    .insertInto('sellers')
    .values({ id: options.sellerId, name: 'ベンチ梱包店', balance_jpy: 1_000_000, suspended: 0, created_at: now.toISOString() })
    .execute();
  const item = await createInventoryItem(db, { sellerId: options.sellerId, name: 'ベンチ 梱包テスト商品', separateInventory: true }, now);
  const skus: string[] = [];
  for (let i = 0; i < options.skuCount; i++) {
    const option = await createOption(db, item.code, null, { name: `バリエーション ${i + 1}`, lengthCm: 20, widthCm: 15, heightCm: 2, weightG: 150 }, now);
    await linkListing(db, option.sku, null, { listingId: options.listingId, title: 'ベンチ 梱包テスト商品', optionLabel: `バリエーション ${i + 1}` });
    skus.push(option.sku);
  }
  const demand = new Map<number, number>();
  for (const line of options.carts.flatMap((cart) => cart.lines)) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);
  await db.transaction().execute(async (trx) => {
    for (const [index, quantity] of demand)
      await postMovement(trx, { sku: skus[index]!, branchCode: tokyo, kind: 'inbound', quantity, reference: 'bench' }, now);
  });

  let orderNo = options.firstOrderNo;
  const paidAt = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const planned = options.carts.map((cart) =>
    cart.lines.map((line) => ({
      cartNo: cart.cartNo,
      orderNo: String(orderNo++),
      sku: skus[line.sku]!,
      quantity: line.quantity,
      label: `バリエーション ${line.sku + 1}`,
    })),
  );
  const rows = await importQoo10Orders(
    db,
    planned.flat().map((line) => ({
      sellerId: options.sellerId,
      orderNo: line.orderNo,
      cartNo: line.cartNo,
      itemNo: options.listingId,
      option: { label: line.label },
      quantity: line.quantity,
      recipient,
      paidAt,
    })),
    { ownSeller: null },
    now,
  );
  const ids = new Map(rows.map((row) => [row.order_no, row.id]));
  const result = await runAllocation(store, { sellerIds: [options.sellerId], now });
  const wanted = planned.flat().length;
  if (result.allocated !== wanted) throw new Error(`bench seeding: ${result.allocated} of ${wanted} orders allocated (${JSON.stringify(result.waiting)})`);
  return planned.map((cart) =>
    cart.map((line) => ({ id: ids.get(line.orderNo)!, orderNo: line.orderNo, cartNo: line.cartNo, sku: line.sku, quantity: line.quantity })),
  );
}

/** Waits until the station's cache (filled from the hub's changes feed) holds every order, allocated to its branch. */
export async function waitForStationOrders(station: Station, orders: readonly BenchOrder[], timeoutMs = 60_000): Promise<void> {
  const wanted = new Set(orders.map((order) => order.id));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const here = station.store.cached('order').filter((order) => wanted.has(order.id) && order.state === 'allocated' && order.branchCode === tokyo);
    if (here.length === wanted.size) return;
    if (Date.now() > deadline) throw new Error(`the station has ${here.length} of ${wanted.size} bench orders after ${timeoutMs} ms`);
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ConfirmationFigures {
  orders: number;
  events: number;
  /** From the first event sent (or, for the station, the first pack step) to the hub having applied the last. */
  seconds: number;
  ordersPerSecond: number;
  eventsPerSecond: number;
  /** Station runs only: how long the pack steps themselves took, and how long the hub trailed the last one. */
  recordSeconds?: number;
  trailMs?: number;
  /** Station runs only: mean ms per order spent in each contract method. */
  stepMs?: Record<string, number>;
}

const figures = (orders: number, seconds: number, extra: Partial<ConfirmationFigures> = {}): ConfirmationFigures => ({
  orders,
  events: orders * 3,
  seconds,
  ordersPerSecond: orders / seconds,
  eventsPerSecond: (orders * 3) / seconds,
  ...extra,
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/**
 * Part 2 of bench:pack: pack confirmations (order.picked, order.packed, order.shipped per order) from a station under
 * plain Node to a hub in its own process (`qwms hub`, SQLite), against a baseline measured on the same hub in the same
 * run: the same three events per order POSTed straight to the hub's station-events endpoint in batches of 200 (what
 * the station's sync sends at most per request), with no station, no outbox and no contract in between.
 *
 * Station runs: `live`, the hub up while the packer works (open, scan each unit, label as ZPL to a raw printer port,
 * scan the label out), timed from the first step until the hub has applied the last event; `drain`, the same work
 * done with the hub stopped, timed from the hub applying the first of the outbox's events to applying the last.
 */
export async function confirmationThroughput(
  ordersPerRun: number,
): Promise<{ baseline: ConfirmationFigures; drain: ConfirmationFigures; live: ConfirmationFigures }> {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-bench-pack-'));
  const database = join(dir, 'hub.sqlite');
  const printer = await listenAsPrinter();
  let hubProcess: HubProcess | null = null;
  let station: Station | null = null;
  let reader: BetterSqlite3.Database | null = null;
  try {
    // Seeded in-process, then served by the hub's own process.
    const seedHub = await startHub({ database });
    // One-line carts over ten SKUs: a confirmation here is one parcel.
    const plans: CartPlan[] = Array.from({ length: ordersPerRun * 3 }, (_, i) => ({ cartNo: String(950_000_000 + i), lines: [{ sku: i % 10, quantity: 1 }] }));
    const all = (
      await seedCarts(seedHub.store, { sellerId: 'bench-outbox', listingId: 'BENCHOUTBOX1', skuCount: 10, firstOrderNo: 960_000_000, carts: plans })
    ).flat();
    const [direct, drained, live] = [all.slice(0, ordersPerRun), all.slice(ordersPerRun, 2 * ordersPerRun), all.slice(2 * ordersPerRun)];
    const packerId = await addUser(seedHub.store.db, { name: 'ベンチ 梱包', role: 'packer', pin: '2222' });
    const stationSecret = await registerStation(seedHub.store.db, { id: 'bench-station', name: 'bench station', branchCode: tokyo });
    const directSecret = await registerStation(seedHub.store.db, { id: 'bench-direct', name: 'bench direct push', branchCode: tokyo });
    await seedHub.close();

    const port = await freePort();
    hubProcess = await startHubProcess({ database, port });
    const url = hubProcess.url;
    reader = new BetterSqlite3(database, { readonly: true });
    const appliedCount = reader.prepare<[string], { n: number }>("select count(*) as n from station_events where station_id = ? and outcome = 'applied'");
    const applied = (stationId: string) => appliedCount.get(stationId)!.n;

    const baseline = await directPush(url, directSecret, direct, packerId);

    mkdirSync(join(dir, 'station'));
    station = await startStation({
      dataDir: join(dir, 'station'),
      hub: { url, stationId: 'bench-station', secret: stationSecret },
      branchCode: tokyo,
      hid: false,
      log: () => {},
      hubPollMs: 1000,
    });
    station.store.setSetting(
      'printer.labels',
      JSON.stringify({ id: 'labels', name: 'bench printer', kind: 'raw-tcp', host: '127.0.0.1', port: printer.port, format: 'zpl' }),
    );
    const signedIn = await station.dispatch('session.signIn', { method: 'pin', userId: packerId, pin: '2222' }, 'bench');
    if (!signedIn.ok) throw new Error(`bench sign-in refused: ${JSON.stringify(signedIn.error)}`);
    await waitForStationOrders(station, [...drained, ...live]);
    // The station's first block of numbers (fetched at start) is what the drained run labels from.
    for (const deadline = Date.now() + 30_000; trackingNumbersKept(station) < ordersPerRun; await sleep(100)) {
      if (Date.now() > deadline) throw new Error(`the station holds ${trackingNumbersKept(station)} tracking numbers, ${ordersPerRun} needed`);
    }

    // Drain: packed with the hub stopped, pushed from the outbox when it is back.
    await hubProcess.stop();
    hubProcess = null;
    const drainSteps = await packThroughStation(station, drained);
    const pending = station.store.pendingCount();
    if (pending !== drained.length * 3) throw new Error(`the outbox holds ${pending} events, ${drained.length * 3} expected`);
    const before = applied('bench-station');
    hubProcess = await startHubProcess({ database, port });
    let firstAt = 0;
    for (const deadline = Date.now() + 60_000; applied('bench-station') < before + pending; await sleep(2)) {
      if (firstAt === 0 && applied('bench-station') > before) firstAt = performance.now();
      if (Date.now() > deadline) throw new Error(`the hub applied ${applied('bench-station') - before} of ${pending} drained events`);
    }
    // A drain finished before the first look gives no first-applied time: say so rather than print a made-up figure.
    if (firstAt === 0) throw new Error('the hub applied every drained event before the bench first looked: no drain time was measured');
    const drain = figures(drained.length, (performance.now() - firstAt) / 1000, { stepMs: drainSteps });

    // Live: the hub up, the packer working.
    const liveBefore = applied('bench-station');
    const started = performance.now();
    const liveSteps = await packThroughStation(station, live);
    const recorded = performance.now();
    for (const deadline = Date.now() + 60_000; applied('bench-station') < liveBefore + live.length * 3; await sleep(2)) {
      if (Date.now() > deadline) throw new Error(`the hub applied ${applied('bench-station') - liveBefore} of ${live.length * 3} live events`);
    }
    const done = performance.now();
    const liveFigures = figures(live.length, (done - started) / 1000, {
      recordSeconds: (recorded - started) / 1000,
      trailMs: done - recorded,
      stepMs: liveSteps,
    });
    const refused = station.store.recent(10_000).filter((entry) => entry.state === 'rejected');
    if (refused.length > 0) throw new Error(`the hub refused ${refused.length} station events, e.g. ${JSON.stringify(refused[0])}`);
    return { baseline, drain, live: liveFigures };
  } finally {
    reader?.close();
    await station?.close();
    await hubProcess?.stop();
    await printer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function trackingNumbersKept(station: Station): number {
  const blocks = JSON.parse(station.store.setting('packing.trackingBlocks') ?? '[]') as { count: number }[];
  return blocks.reduce((sum, block) => sum + block.count, 0);
}

/** What the packer does for each order, through the station contract (as the window calls it). */
async function packThroughStation(station: Station, orders: readonly BenchOrder[]): Promise<Record<string, number>> {
  const stepMs: Record<string, number> = {};
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const started = performance.now();
    const result = await station.dispatch(method, input, 'bench');
    stepMs[method] = (stepMs[method] ?? 0) + (performance.now() - started) / orders.length;
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    const output = result.output as { verdict?: string; refusal?: string | null };
    if (output.verdict === 'refused') throw new Error(`${method} refused: ${output.refusal}`);
    return result.output as T;
  };
  for (const order of orders) {
    await call('packing.open', { code: order.orderNo });
    for (let unit = 0; unit < order.quantity; unit++) await call('packing.scan', { orderId: order.id, code: order.sku });
    const labelled = await call<{ order: { trackingNumber: string | null } }>('packing.label', { orderId: order.id, service: 'yamato', timeSlot: null });
    await call('packing.ship', { orderId: order.id, code: labelled.order.trackingNumber });
  }
  return stepMs;
}

/** The baseline: the same events a station would send for these orders, POSTed straight to the hub, 200 a request. */
async function directPush(url: string, secret: string, orders: readonly BenchOrder[], packerId: string): Promise<ConfirmationFigures> {
  const headers = { authorization: `Station bench-direct:${secret}`, 'content-type': 'application/json' };
  const blockResponse = await fetch(new URL('/api/v1/tracking-blocks', url), { method: 'POST', headers, body: JSON.stringify({ count: orders.length }) });
  const block = (await blockResponse.json()) as { firstSerial: number; count: number };
  const numbers = trackingBlock(block.firstSerial, orders.length);
  let seq = 0;
  const event = (kind: FloorEvent['kind'], payload: unknown): FloorEvent =>
    ({ eventId: randomUUID(), seq: ++seq, kind, payload, occurredAt: new Date().toISOString(), userId: packerId }) as FloorEvent;
  const events = orders.flatMap((order, i) => [
    event('order.picked', { orderId: order.id, sku: order.sku, quantity: order.quantity }),
    event('order.packed', { orderId: order.id, service: 'yamato', timeSlot: null, trackingNumber: numbers[i] }),
    event('order.shipped', { orderId: order.id, trackingNumber: numbers[i] }),
  ]);
  const started = performance.now();
  for (let i = 0; i < events.length; i += 200) {
    const response = await fetch(new URL('/api/v1/station-events', url), {
      method: 'POST',
      headers,
      body: JSON.stringify({ events: events.slice(i, i + 200) }),
    });
    const body = (await response.json()) as { results?: { status: string }[] };
    if (!body.results || body.results.some((result) => result.status !== 'applied'))
      throw new Error(`bench push not applied (${response.status}): ${JSON.stringify(body).slice(0, 400)}`);
  }
  return figures(orders.length, (performance.now() - started) / 1000);
}
