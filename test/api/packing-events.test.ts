import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { FloorEvent, FloorEventKind, floorEventPayloads } from '../../shared/contract/floor-events';
import { branches } from '../../shared/domain/identifiers';
import { registerStation } from '../../server/services/stations';
import { postMovement } from '../../server/services/stock-ledger';
import type { HubDatabase } from '../../server/storage/schema';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { addFloorUser } from '../support/floor-users';
import { startTestHub, type TestHub } from '../support/hub-server';
import { listing, managementLine, orderByNo, qoo10Line, sellerWithSkus, stock } from '../support/order-fixtures';
import { rowCount } from '../support/row-count';

const seoul = branches.qxpressKoreaSeoul;

type Payload<K extends FloorEventKind> = z.input<(typeof floorEventPayloads)[K]>;
type PushResult = { eventId: string; seq: number; status: string; reason: string | null; message: string | null };

interface FloorStation {
  id: string;
  event<K extends FloorEventKind>(kind: K, payload: Payload<K>): FloorEvent;
  push(events: FloorEvent[], language?: string): Promise<PushResult[]>;
  /** A fresh block of tracking numbers issued to this station. */
  numbers(count: number): Promise<string[]>;
}

/** The same digits with a wrong check digit. */
const badCheckDigit = (number: string) => `${number.slice(0, 11)}${(Number(number[11]) + 1) % 7}`;

describe.each(hubStoreFactories())('picking, packing and shipping events from the floor on $dialect', (factory) => {
  let hub: TestHub;
  let pack: FloorStation;
  let otherPack: FloorStation;
  let seoulPack: FloorStation;
  let shopCount = 0;

  const db = () => hub.hub.store.db;
  const count = (table: keyof HubDatabase) => rowCount(db(), table);
  const stockOf = async (sku: string, branchCode: string = tokyo) =>
    (await db().selectFrom('stock_balances').select('quantity').where('sku', '=', sku).where('branch_code', '=', branchCode).executeTakeFirst())?.quantity ?? 0;
  const orderRow = (id: string) => db().selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const picksOf = (orderId: string) =>
    db().selectFrom('stock_movements').select(['sku', 'branch_code', 'kind', 'quantity', 'station_event_id']).where('reference', '=', orderId).execute();
  const uploadOf = (orderId: string) => db().selectFrom('tracking_uploads').selectAll().where('order_id', '=', orderId).executeTakeFirst();
  /** Everything a refused event must leave alone. */
  const snapshot = async (orderId: string) => ({
    order: await orderRow(orderId),
    movements: await count('stock_movements'),
    balances: await db().selectFrom('stock_balances').selectAll().orderBy('sku').orderBy('branch_code').execute(),
    uploads: await count('tracking_uploads'),
    voided: await count('voided_tracking_numbers'),
    changes: await count('changes'),
  });

  async function floorStation(id: string, branchCode: string): Promise<FloorStation> {
    const headers = { authorization: `Station ${id}:${await registerStation(db(), { id, name: id, branchCode })}` };
    let seq = 0;
    return {
      id,
      event: (kind, payload) => ({ eventId: randomUUID(), seq: ++seq, kind, payload, occurredAt: new Date().toISOString(), userId: 'packer-1' }),
      async push(events, language = 'ja') {
        const response = await hub.request('POST', '/api/v1/station-events', { token: null, headers, body: { events }, language });
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body.results;
      },
      async numbers(n) {
        const response = await hub.request('POST', '/api/v1/tracking-blocks', { token: null, headers, body: { count: n } });
        expect(response.status, JSON.stringify(response.body)).toBe(201);
        return response.body.numbers;
      },
    };
  }

  /** A Qoo10 order of a fresh seller, with stock at the branch, imported over HTTP and allocated by the run that follows. */
  async function allocatedOrder(options: { quantity?: number; stockAt?: string; onHand?: number } = {}) {
    const sellerId = `pack-${++shopCount}`;
    const [sku] = (await sellerWithSkus(db(), sellerId, 1)) as [string];
    const itemNo = `${shopCount}70000`;
    await listing(db(), itemNo, sellerId, { A: sku });
    const branchCode: string = options.stockAt ?? tokyo;
    // Straight through the ledger: the stock fixture knows the Tokyo branch only.
    await db()
      .transaction()
      .execute((trx) => postMovement(trx, { sku, branchCode, kind: 'inbound', quantity: options.onHand ?? 10, reference: 'test' }));
    const line = qoo10Line(sellerId, itemNo, 'A', { quantity: options.quantity ?? 2 });
    const response = await hub.request('POST', '/api/v1/orders/qoo10', { body: [line] });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const order = await orderByNo(db(), sellerId, line.orderNo);
    expect(order).toMatchObject({ state: 'allocated', branch_code: branchCode });
    return { order, sku, sellerId };
  }

  const one = async (station: FloorStation, kind: FloorEventKind, payload: Payload<typeof kind>, language?: string) =>
    (await station.push([station.event(kind, payload as never)], language))[0]!;
  const picked = (orderId: string, sku: string, quantity: number) => one(pack, 'order.picked', { orderId, sku, quantity });
  const packed = (
    orderId: string,
    trackingNumber: string,
    service: 'nekopos' | 'yamato' | 'sagawa' = 'yamato',
    timeSlot: string | null = null,
    station = pack,
  ) => one(station, 'order.packed', { orderId, service, timeSlot: timeSlot as never, trackingNumber });
  const shipped = (orderId: string, trackingNumber: string) => one(pack, 'order.shipped', { orderId, trackingNumber });

  beforeAll(async () => {
    hub = await startTestHub(factory);
    // The hub checks who each pushed event names (server/sync/event-user.ts).
    await addFloorUser(hub.hub.store.db, 'packer-1', 'packer');
    pack = await floorStation('pack-1', tokyo);
    otherPack = await floorStation('pack-2', tokyo);
    seoulPack = await floorStation('pack-seoul', seoul);
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('takes an order picked → packed → shipped: in transit, one pick in the ledger, stock down, number queued for upload', async () => {
    const { order, sku } = await allocatedOrder({ quantity: 2, onHand: 10 });
    const [label] = (await pack.numbers(3)) as [string];

    expect(await picked(order.id, sku, 2)).toMatchObject({ status: 'applied', reason: null });
    expect(await orderRow(order.id)).toMatchObject({ state: 'picked', tracking_no: null });
    // Picked units are off the shelf but still on the books, reserved for the order.
    expect(await stockOf(sku)).toBe(10);

    expect(await packed(order.id, label, 'sagawa', '14-16')).toMatchObject({ status: 'applied' });
    expect(await orderRow(order.id)).toMatchObject({ state: 'packed', tracking_no: label, service: 'sagawa', shipped_at: null });
    expect(await stockOf(sku)).toBe(10);
    expect(await uploadOf(order.id)).toBeUndefined();

    expect(await shipped(order.id, label)).toMatchObject({ status: 'applied' });
    const done = await orderRow(order.id);
    expect(done).toMatchObject({ state: 'in_transit', tracking_no: label, service: 'sagawa', branch_code: tokyo });
    expect(done.shipped_at).not.toBeNull();
    expect(await picksOf(order.id)).toEqual([{ sku, branch_code: tokyo, kind: 'pick', quantity: -2, station_event_id: expect.any(String) }]);
    expect(await stockOf(sku)).toBe(8);
    expect(await uploadOf(order.id)).toMatchObject({ tracking_no: label, carrier: 'Qxpress', exported_at: null });
    const pending = await hub.request('GET', '/api/v1/tracking-uploads?pending=true');
    expect(pending.body.uploads.map((upload: { trackingNo: string }) => upload.trackingNo)).toContain(label);

    // The branch hears of the order's every step, last of all in transit.
    const changes = await db()
      .selectFrom('changes')
      .select(['data', 'branch_code'])
      .where('entity', '=', 'order')
      .where('entity_id', '=', order.id)
      .orderBy('seq')
      .execute();
    expect(changes.map((change) => JSON.parse(change.data).state)).toEqual(['allocated', 'picked', 'packed', 'in_transit']);
    expect(JSON.parse(changes.at(-1)!.data)).toMatchObject({ trackingNo: label, shippedAt: done.shipped_at });
    expect(changes.every((change) => change.branch_code === tokyo)).toBe(true);

    // Shipping again, by a new scan, is refused with its reason.
    const again = await shipped(order.id, label);
    expect(again).toMatchObject({ status: 'rejected', reason: 'already-in-transit' });
    expect(await stockOf(sku)).toBe(8);
  });

  it('changes nothing when the same events are pushed again', async () => {
    const { order, sku } = await allocatedOrder({ quantity: 1, onHand: 4 });
    const [label] = (await pack.numbers(1)) as [string];
    const events = [
      pack.event('order.picked', { orderId: order.id, sku, quantity: 1 }),
      pack.event('order.packed', { orderId: order.id, service: 'nekopos', timeSlot: null, trackingNumber: label }),
      pack.event('order.shipped', { orderId: order.id, trackingNumber: label }),
    ];
    expect((await pack.push(events)).map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
    const before = await snapshot(order.id);
    expect((await pack.push(events)).map((result) => result.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect((await pack.push([events[2]!])).map((result) => result.status)).toEqual(['duplicate']);
    expect(await snapshot(order.id)).toEqual(before);
    expect(await picksOf(order.id)).toHaveLength(1);
    expect(await stockOf(sku)).toBe(3);
  });

  it('refuses a wrong label at the scan out and changes nothing', async () => {
    const { order, sku } = await allocatedOrder({ quantity: 1 });
    const [label, otherLabel] = (await pack.numbers(2)) as [string, string];
    expect(await picked(order.id, sku, 1)).toMatchObject({ status: 'applied' });
    expect(await packed(order.id, label)).toMatchObject({ status: 'applied' });
    const before = await snapshot(order.id);

    const wrong = await one(pack, 'order.shipped', { orderId: order.id, trackingNumber: otherLabel }, 'en');
    expect(wrong).toMatchObject({
      status: 'rejected',
      reason: 'label-mismatch',
      message: `The scanned label ${otherLabel} is not the label of order ${order.order_no} (${label}).`,
    });
    expect(await snapshot(order.id)).toEqual(before);
    expect(await picksOf(order.id)).toEqual([]);

    // The right label still ships it.
    expect(await shipped(order.id, label)).toMatchObject({ status: 'applied' });
  });

  it('refuses a pick that is not the order’s SKU and quantity, and steps out of order', async () => {
    const { order, sku } = await allocatedOrder({ quantity: 2 });
    const [label] = (await pack.numbers(1)) as [string];
    expect(await picked(order.id, sku, 1)).toMatchObject({ status: 'rejected', reason: 'pick-mismatch' });
    expect(await shipped(order.id, label)).toMatchObject({ status: 'rejected', reason: 'order-not-packed' });
    expect(await one(pack, 'label.voided', { orderId: order.id, trackingNumber: label, reason: 'torn' })).toMatchObject({
      status: 'rejected',
      reason: 'order-not-packed',
    });
    expect(await orderRow(order.id)).toMatchObject({ state: 'allocated', tracking_no: null });
    expect(await picked(order.id, sku, 2)).toMatchObject({ status: 'applied' });
    expect(await picked(order.id, sku, 2)).toMatchObject({ status: 'rejected', reason: 'order-not-pickable' });
  });

  it('refuses a number from another station’s block, an invalid check digit, a number already used, and a time slot off Sagawa', async () => {
    const { order, sku } = await allocatedOrder({ quantity: 1 });
    const [own, spare] = (await pack.numbers(2)) as [string, string];
    const [foreign] = (await otherPack.numbers(1)) as [string];
    expect(await picked(order.id, sku, 1)).toMatchObject({ status: 'applied' });
    const before = await snapshot(order.id);

    const notOurs = await packed(order.id, foreign, 'yamato', null, pack);
    expect(notOurs).toMatchObject({ status: 'rejected', reason: 'tracking-not-issued' });
    expect(notOurs.message).toContain(foreign);
    // A valid number the hub never issued to anyone.
    expect(await packed(order.id, '999999999994')).toMatchObject({ status: 'rejected', reason: 'tracking-not-issued' });
    expect(await packed(order.id, badCheckDigit(own))).toMatchObject({ status: 'rejected', reason: 'tracking-check-digit' });
    expect(await packed(order.id, own.slice(0, 11))).toMatchObject({ status: 'rejected', reason: 'bad-event-payload' });
    expect(await packed(order.id, own, 'yamato', '14-16')).toMatchObject({ status: 'rejected', reason: 'time-slot-sagawa-only' });
    expect(await packed(order.id, own, 'nekopos', 'morning')).toMatchObject({ status: 'rejected', reason: 'time-slot-sagawa-only' });
    expect(await snapshot(order.id)).toEqual(before);

    // A number on another order is refused too.
    const second = await allocatedOrder({ quantity: 1 });
    expect(await packed(second.order.id, own)).toMatchObject({ status: 'applied' });
    expect(await packed(order.id, own)).toMatchObject({ status: 'rejected', reason: 'tracking-number-used' });
    expect(await packed(order.id, spare, 'nekopos')).toMatchObject({ status: 'applied' });
  });

  it('puts one number on every order of a cart (one parcel), never on another cart, and voids it for all of them', async () => {
    const sellerId = `pack-${++shopCount}`;
    const skus = (await sellerWithSkus(db(), sellerId, 2)) as [string, string];
    const itemNo = `${shopCount}70000`;
    await listing(db(), itemNo, sellerId, { A: skus[0], B: skus[1] });
    for (const sku of skus)
      await db()
        .transaction()
        .execute((trx) => postMovement(trx, { sku, branchCode: tokyo, kind: 'inbound', quantity: 5, reference: 'test' }));
    const cartNo = `9${String(shopCount).padStart(8, '0')}`;
    const lines = [qoo10Line(sellerId, itemNo, 'A', { cartNo }), qoo10Line(sellerId, itemNo, 'B', { cartNo }), qoo10Line(sellerId, itemNo, 'A')];
    expect((await hub.request('POST', '/api/v1/orders/qoo10', { body: lines })).status).toBe(201);
    const [first, second, alone] = await Promise.all(lines.map((line) => orderByNo(db(), sellerId, line.orderNo)));
    const [parcel, fresh] = (await pack.numbers(2)) as [string, string];
    expect(await packed(first!.id, parcel)).toMatchObject({ status: 'applied' });
    expect(await packed(second!.id, parcel)).toMatchObject({ status: 'applied' });
    expect(await packed(alone!.id, parcel)).toMatchObject({ status: 'rejected', reason: 'tracking-number-used' });
    for (const order of [first!, second!])
      expect(await one(pack, 'label.voided', { orderId: order.id, trackingNumber: parcel, reason: 'smudged' })).toMatchObject({ status: 'applied' });
    expect(await count('voided_tracking_numbers')).toBeGreaterThanOrEqual(1);
    expect(await db().selectFrom('voided_tracking_numbers').select('order_id').where('tracking_no', '=', parcel).execute()).toEqual([{ order_id: first!.id }]);
    expect(await packed(second!.id, parcel)).toMatchObject({ status: 'rejected', reason: 'tracking-number-voided' });
    for (const order of [first!, second!]) expect(await packed(order.id, fresh)).toMatchObject({ status: 'applied' });
    for (const order of [first!, second!]) expect(await shipped(order.id, fresh)).toMatchObject({ status: 'applied' });
    expect((await orderRow(second!.id)).state).toBe('in_transit');
  });

  it('voids a label: back to picked, the number never accepted again, a new number accepted', async () => {
    const { order, sku } = await allocatedOrder({ quantity: 3, onHand: 5 });
    const [label, fresh] = (await pack.numbers(2)) as [string, string];
    expect(await picked(order.id, sku, 3)).toMatchObject({ status: 'applied' });
    expect(await packed(order.id, label, 'yamato')).toMatchObject({ status: 'applied' });

    expect(await one(pack, 'label.voided', { orderId: order.id, trackingNumber: fresh, reason: 'torn' })).toMatchObject({
      status: 'rejected',
      reason: 'label-mismatch',
    });
    expect(await one(pack, 'label.voided', { orderId: order.id, trackingNumber: label, reason: 'printer jam' })).toMatchObject({ status: 'applied' });
    expect(await orderRow(order.id)).toMatchObject({ state: 'picked', tracking_no: null, service: null });
    expect(await db().selectFrom('voided_tracking_numbers').selectAll().where('tracking_no', '=', label).executeTakeFirstOrThrow()).toMatchObject({
      order_id: order.id,
      station_id: 'pack-1',
      reason: 'printer jam',
    });
    expect(await stockOf(sku)).toBe(5);

    const reused = await packed(order.id, label, 'yamato', null, pack);
    expect(reused).toMatchObject({ status: 'rejected', reason: 'tracking-number-voided' });
    // Nor on any other order.
    const other = await allocatedOrder({ quantity: 1 });
    expect(await packed(other.order.id, label)).toMatchObject({ status: 'rejected', reason: 'tracking-number-voided' });

    expect(await packed(order.id, fresh, 'sagawa', 'morning')).toMatchObject({ status: 'applied' });
    expect(await shipped(order.id, label)).toMatchObject({ status: 'rejected', reason: 'label-mismatch' });
    expect(await shipped(order.id, fresh)).toMatchObject({ status: 'applied' });
    expect(await stockOf(sku)).toBe(2);
    expect(await uploadOf(order.id)).toMatchObject({ tracking_no: fresh });
  });

  it('refuses another branch’s order at every step, and lets that branch’s own station work on it', async () => {
    const { order, sku } = await allocatedOrder({ quantity: 1, stockAt: seoul });
    const [label] = (await pack.numbers(1)) as [string];
    const before = await snapshot(order.id);
    const refused = await one(pack, 'order.picked', { orderId: order.id, sku, quantity: 1 }, 'en');
    expect(refused).toMatchObject({
      status: 'rejected',
      reason: 'order-at-other-branch',
      message: `Order ${order.order_no} belongs to branch ${seoul}; it cannot be handled here.`,
    });
    expect(await packed(order.id, label)).toMatchObject({ status: 'rejected', reason: 'order-at-other-branch' });
    expect(await shipped(order.id, label)).toMatchObject({ status: 'rejected', reason: 'order-at-other-branch' });
    expect(await snapshot(order.id)).toEqual(before);

    const [seoulLabel] = (await seoulPack.numbers(1)) as [string];
    expect(await one(seoulPack, 'order.picked', { orderId: order.id, sku, quantity: 1 })).toMatchObject({ status: 'applied' });
    expect(await packed(order.id, seoulLabel, 'yamato', null, seoulPack)).toMatchObject({ status: 'applied' });
    expect(await one(seoulPack, 'order.shipped', { orderId: order.id, trackingNumber: seoulLabel })).toMatchObject({ status: 'applied' });
    expect(await stockOf(sku, seoul)).toBe(9);
  });

  it('takes a management-no. shipment through the same path, without queueing it for Qoo10', async () => {
    const sellerId = `pack-${++shopCount}`;
    const [sku] = (await sellerWithSkus(db(), sellerId, 1)) as [string];
    await stock(db(), sku, 6);
    const line = managementLine(sellerId, { sku, quantity: 2 });
    const response = await hub.request('POST', '/api/v1/orders/management', { body: [line] });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const order = await orderByNo(db(), sellerId, line.managementNo as string);
    expect(order).toMatchObject({ source: 'management', cart_no: null, state: 'allocated', branch_code: tokyo });

    const [label] = (await pack.numbers(1)) as [string];
    expect(await picked(order.id, sku, 2)).toMatchObject({ status: 'applied' });
    expect(await packed(order.id, label, 'yamato')).toMatchObject({ status: 'applied' });
    expect(await shipped(order.id, label)).toMatchObject({ status: 'applied' });
    expect(await orderRow(order.id)).toMatchObject({ state: 'in_transit', tracking_no: label, service: 'yamato' });
    expect(await picksOf(order.id)).toMatchObject([{ sku, kind: 'pick', quantity: -2 }]);
    expect(await stockOf(sku)).toBe(4);
    expect(await uploadOf(order.id)).toBeUndefined();
  });

  it('keeps picked and packed units reserved: they cannot be un-allocated once packed, nor allocated to another order', async () => {
    const { order, sku, sellerId } = await allocatedOrder({ quantity: 2, onHand: 2 });
    const [label] = (await pack.numbers(1)) as [string];
    expect(await picked(order.id, sku, 2)).toMatchObject({ status: 'applied' });
    expect(await packed(order.id, label)).toMatchObject({ status: 'applied' });
    const run = await hub.request('POST', '/api/v1/allocations/run', { body: { sellerId } });
    expect(run.status).toBe(200);
    const undo = await hub.request('DELETE', `/api/v1/orders/${order.id}/allocation`);
    expect(undo.body.error?.code).toBe('too-late-to-unallocate');
    expect(await orderRow(order.id)).toMatchObject({ state: 'packed', branch_code: tokyo });
  });
});
