import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFloorOf, emptyFloor, layEvents, orderFloorOf, type BundleFloor, type OrderFloor } from '../../electron/station/overlay/floor-overlay';
import { binsOf } from '../../electron/station/putaway/bin-lookup';
import { StationStore } from '../../electron/station/store/station-store';
import type { FloorEvent, FloorEventKind } from '../../shared/contract/floor-events';
import { parcelServices, sagawaTimeSlots } from '../../shared/domain/parcel-services';
import { tokyoDate } from '../../shared/domain/tokyo-time';
import { recordChange } from '../../server/services/changes';
import { confirmBundle, createBundle, registerInboundLines, shipBundle } from '../../server/services/inbound';
import { toOrderView } from '../../server/services/orders/order-view';
import { ensureReferenceData } from '../../server/services/reference-data';
import { registerStation } from '../../server/services/stations';
import { addFloorUser } from '../support/floor-users';
import { issueTrackingBlock } from '../../server/services/tracking';
import type { HubStore } from '../../server/storage/database';
import { applyFloorEvents } from '../../server/sync/apply-floor-events';
import { seedSellerWithSkus, tokyo } from '../support/hub-fixtures';
import { hubStoreFactories, type StoreFactory } from '../support/hub-stores';

/**
 * Guards the one floor overlay (electron/station/overlay) against the hub itself: for random sequences of valid floor
 * events, what a station shows by laying its pending events over its cache is what the hub has after applying the
 * same events (server/sync/apply-floor-events.ts on SQLite), as a second station pulls it from the changes feed.
 * Compared: each order's state, tracking no., service, label slot and scan-out time (pack bench, pick list, manifest),
 * each SKU's bin (putaway, pick walk), and the bundle's state, boxes, units counted per line and whether inspection
 * ended (dock, inspection table).
 */
const ordersPerRun = 3;
const bins = ['A-01-01-01', 'A-01-02-03', 'B-02-01-01'] as const;

/** What one random step wants to do; turned into a valid event against the state the station shows at that point. */
const intent = fc.record({
  action: fc.constantFrom('pick', 'pack', 'ship', 'void', 'locate', 'arrive', 'count', 'key', 'undo', 'finish'),
  order: fc.nat(ordersPerRun - 1),
  service: fc.constantFrom(...parcelServices),
  slot: fc.option(fc.constantFrom(...sagawaTimeSlots), { nil: null }),
  bin: fc.constantFrom(...bins),
  line: fc.nat(1),
  units: fc.integer({ min: 1, max: 4 }),
  boxes: fc.integer({ min: 1, max: 3 }),
});
type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

let factory: StoreFactory;
let hub: HubStore;
let skus: string[];
let run = 0;
const dirs: string[] = [];

beforeAll(async () => {
  factory = hubStoreFactories().find((candidate) => candidate.dialect === 'sqlite')!;
  hub = await factory.open();
  await ensureReferenceData(hub.db);
  skus = await seedSellerWithSkus(hub.db, { sellerId: 'overlay-shop', inventoryCode: '300000000777', optionCount: 2, stock: 10_000 });
  // The hub checks who each event names (server/sync/event-user.ts): a supervisor both receives and packs.
  await addFloorUser(hub.db, 'u-overlay-supervisor', 'supervisor');
});
afterAll(async () => {
  await hub.close();
  await factory.dispose();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Everything on the feed since `cursor` into a station's cache, as HubSync does with the changes route's pages. */
async function pull(store: StationStore, branchCode: string): Promise<void> {
  const since = Number(store.setting('changes.cursor') ?? 0);
  const rows = await hub.db.selectFrom('changes').selectAll().where('seq', '>', since).orderBy('seq').execute();
  const visible = rows.filter((row) => row.branch_code === null || row.branch_code === branchCode);
  store.applyChanges(
    visible.map((row) => ({ entity: row.entity, entityId: row.entity_id, op: row.op as 'upsert' | 'delete', data: JSON.parse(row.data) as unknown })),
    rows.at(-1)?.seq ?? since,
  );
}

const newStore = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `qwms-overlay-${name}-`));
  dirs.push(dir);
  return new StationStore(dir);
};

/** A fresh station with its own tracking block, and `ordersPerRun` orders allocated to Tokyo at the hub. */
async function freshRun() {
  const id = `st-overlay-${++run}`;
  await registerStation(hub.db, { id, name: id, branchCode: tokyo });
  const block = await issueTrackingBlock(hub.db, id, 20);
  const orderIds: string[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < ordersPerRun; i++) {
    const row = {
      id: `ov-${run}-${i}`,
      seller_id: 'overlay-shop',
      source: 'qoo10',
      order_no: `9${String(run).padStart(5, '0')}${i}`,
      cart_no: null,
      listing_id: null,
      sku: skus[i % skus.length]!,
      option_label: null,
      quantity: 1 + (i % 2),
      recipient_name: '山田 太郎',
      recipient_phone: '090-1234-5678',
      postal_code: '273-0012',
      address: '千葉県船橋市浜町 2-1-1',
      delivery_method: null,
      time_slot: null,
      desired_ship_date: null,
      paid_at: now,
      ships_within_14_days: 0 as const,
      state: 'allocated',
      branch_code: tokyo,
      allocated_at: now,
      tracking_no: null,
      service: null,
      label_time_slot: null,
      picked_at: null,
      packed_at: null,
      shipped_at: null,
      created_at: now,
    };
    await hub.db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('orders').values(row).returningAll().executeTakeFirstOrThrow();
      await recordChange(trx, {
        entity: 'order',
        entityId: inserted.id,
        op: 'upsert',
        branchCode: tokyo,
        sellerId: inserted.seller_id,
        data: toOrderView(inserted),
      });
    });
    orderIds.push(row.id);
  }
  return { id, numbers: block.numbers as string[], orderIds, ...(await shippedBundle()) };
}

/** A bundle of two lines on its way to Tokyo, as the dock first sees it. */
async function shippedBundle(): Promise<{ bundleId: string; lineIds: string[] }> {
  const now = new Date();
  const registered = await hub.db.transaction().execute((trx) =>
    registerInboundLines(trx, 'overlay-shop', [
      { sku: skus[0]!, branchCode: tokyo, quantity: 3 },
      { sku: skus[1]!, branchCode: tokyo, quantity: 2 },
    ]),
  );
  if (!registered.ok) throw new Error('inbound lines refused');
  const lineIds = registered.lines.map((line) => line.id);
  const scope = { onlySeller: null, onlyBranch: null };
  const created = await createBundle(hub.db, 'overlay-shop', { lineIds, estimatedArrival: tokyoDate(now) });
  await hub.db.transaction().execute(async (trx) => {
    await confirmBundle(trx, created.id, scope);
    await shipBundle(trx, created.id, scope, { carrier: 'yamato', trackingNo: `1234${run}`, boxCount: 2 });
  });
  return { bundleId: created.id, lineIds };
}

/**
 * Turns intents into valid events, checking each against what the station shows after the events before it (the
 * overlay itself decides validity, as the screens do; an intent that does not fit is dropped).
 */
function eventsOf(
  intents: readonly Intent[],
  orders: Map<string, OrderFloor>,
  orderIds: readonly string[],
  skuOf: (orderId: string) => { sku: string; quantity: number },
  numbers: string[],
  bundle: { id: string; floor: BundleFloor; lineIds: readonly string[] },
) {
  const floor = emptyFloor();
  for (const [id, order] of orders) floor.orders.set(id, { ...order });
  floor.bundles.set(bundle.id, { ...bundle.floor, counted: new Map(bundle.floor.counted) });
  const events: { kind: FloorEventKind; payload: Record<string, unknown> }[] = [];
  for (const step of intents) {
    const orderId = orderIds[step.order]!;
    const order = floor.orders.get(orderId)!;
    let event: { kind: FloorEventKind; payload: Record<string, unknown> } | null = null;
    if (step.action === 'pick' && order.state === 'allocated') event = { kind: 'order.picked', payload: { orderId, ...skuOf(orderId) } };
    if (step.action === 'pack' && (order.state === 'allocated' || order.state === 'picked') && numbers.length > 0) {
      event = {
        kind: 'order.packed',
        payload: { orderId, service: step.service, timeSlot: step.service === 'sagawa' ? step.slot : null, trackingNumber: numbers.shift()! },
      };
    }
    if (step.action === 'ship' && order.state === 'packed') event = { kind: 'order.shipped', payload: { orderId, trackingNumber: order.trackingNo } };
    if (step.action === 'void' && order.state === 'packed')
      event = { kind: 'label.voided', payload: { orderId, trackingNumber: order.trackingNo, reason: '汚損' } };
    if (step.action === 'locate') event = { kind: 'sku.located', payload: { sku: skuOf(orderId).sku, bin: step.bin } };
    event ??= bundleEvent(step, bundle.id, floor.bundles.get(bundle.id)!, bundle.lineIds);
    if (!event) continue;
    events.push(event);
    layEvents(floor, [{ ...event, occurredAt: new Date().toISOString(), userId: 'u-packer' }]);
  }
  return events;
}

/** The dock and the inspection table: arrive once, then count (scan, keyed count, undo) until inspection ends. */
function bundleEvent(
  step: Intent,
  bundleId: string,
  bundle: BundleFloor,
  lineIds: readonly string[],
): { kind: FloorEventKind; payload: Record<string, unknown> } | null {
  const lineId = lineIds[step.line]!;
  const counted = bundle.counted.get(lineId) ?? 0;
  if (step.action === 'arrive' && bundle.state === 'shipped') return { kind: 'bundle.arrived', payload: { bundleId, boxesReceived: step.boxes } };
  if (bundle.state !== 'arrived' || bundle.finished) return null;
  if (step.action === 'count') return { kind: 'inspection.counted', payload: { bundleId, lineId, quantity: 1, source: 'scan' } };
  if (step.action === 'key') return { kind: 'inspection.counted', payload: { bundleId, lineId, quantity: step.units, source: 'key' } };
  if (step.action === 'undo' && counted > 0) return { kind: 'inspection.counted', payload: { bundleId, lineId, quantity: -1, source: 'undo' } };
  if (step.action === 'finish') return { kind: 'inspection.finished', payload: { bundleId, reasons: [] } };
  return null;
}

/** The bundle as a screen reads it: a line nobody counted shows 0, ended inspection whatever the hub did next. */
const bundleFields = (
  bundle: { state: string; boxesReceived: number; finished: boolean; counted: (lineId: string) => number },
  lineIds: readonly string[],
) => ({
  state: bundle.state,
  boxesReceived: bundle.boxesReceived,
  finished: bundle.finished,
  counted: lineIds.map(bundle.counted),
});

const floorFields = (order: OrderFloor | undefined) =>
  order && { state: order.state, trackingNo: order.trackingNo, service: order.service, labelTimeSlot: order.labelTimeSlot, shippedAt: order.shippedAt };

describe('the floor overlay', () => {
  it('shows, from a station’s pending events over its cache, what the hub has after applying them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(intent, { minLength: 1, maxLength: 14 }), async (intents) => {
        const { id: stationId, numbers, orderIds, bundleId, lineIds } = await freshRun();
        const station = newStore(`a${run}`);
        await pull(station, tokyo);
        const cachedBundle = bundleFloorOf(station.cachedOne('bundle', bundleId)!);
        const cachedOrders = new Map(orderIds.map((orderId) => [orderId, orderFloorOf(station.cachedOne('order', orderId)!)]));
        const skuOf = (orderId: string) => {
          const order = station.cachedOne('order', orderId)!;
          return { sku: order.sku!, quantity: order.quantity };
        };
        const planned = eventsOf(intents, cachedOrders, orderIds, skuOf, [...numbers], { id: bundleId, floor: cachedBundle, lineIds });
        // Recorded at the station, one second apart (floor times in the past, as the hub takes them).
        const start = Date.now() - 60_000;
        const recorded = planned.map((event, i) => station.appendEvent(event.kind, event.payload, 'u-overlay-supervisor', new Date(start + i * 1000)));

        // What the station shows: its pending events laid over its cache, by the one overlay.
        const shown = emptyFloor();
        for (const [orderId, order] of cachedOrders) shown.orders.set(orderId, order);
        shown.bundles.set(bundleId, cachedBundle);
        layEvents(shown, station.pending(1000));
        const shownBins = binsOf(station, tokyo, skus);

        // The hub applies the same events; a second station pulls the result.
        const events: FloorEvent[] = recorded.map(({ eventId, seq, kind, payload, occurredAt, userId }) => ({
          eventId,
          seq,
          kind,
          payload,
          occurredAt,
          userId,
        }));
        const { results } = await applyFloorEvents(hub.db, { stationId, branchCode: tokyo }, events, (code) => code);
        expect(results.map((result) => [result.status, result.reason])).toEqual(events.map(() => ['applied', null]));
        const other = newStore(`b${run}`);
        await pull(other, tokyo);

        for (const orderId of orderIds)
          expect(floorFields(shown.orders.get(orderId)), orderId).toEqual(floorFields(orderFloorOf(other.cachedOne('order', orderId)!)));
        expect(Object.fromEntries(shownBins)).toEqual(Object.fromEntries(binsOf(other, tokyo, skus)));
        const shownBundle = shown.bundles.get(bundleId)!;
        const hubBundle = other.cachedOne('bundle', bundleId)!;
        expect(
          bundleFields(
            { ...shownBundle, state: shownBundle.finished ? 'arrived' : shownBundle.state, counted: (lineId) => shownBundle.counted.get(lineId) ?? 0 },
            lineIds,
          ),
        ).toEqual(
          bundleFields(
            {
              // Inspection ended moves the bundle on at the hub (completed, or held for the balance); the station's copy
              // marks it ended and leaves the next state to the hub.
              state: hubBundle.state === 'completed' ? 'arrived' : hubBundle.state,
              boxesReceived: hubBundle.boxesReceived,
              finished: hubBundle.state === 'completed' || hubBundle.holdReason !== null,
              counted: (lineId) => hubBundle.lines.find((line) => line.id === lineId)?.counted ?? 0,
            },
            lineIds,
          ),
        );
        station.close();
        other.close();
      }),
      { numRuns: 30 },
    );
  });
});
