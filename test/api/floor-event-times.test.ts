import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloorEvent, FloorEventKind } from '../../shared/contract/floor-events';
import { addDays, tokyoDate, tokyoInstant } from '../../shared/domain/tokyo-time';
import type { DailyCountsView } from '../../shared/hub/routes/daily-counts';
import { confirmBundle, createBundle, registerInboundLines, shipBundle } from '../../server/services/inbound';
import { registerStation } from '../../server/services/stations';
import { postMovement } from '../../server/services/stock-ledger';
import { maxFloorTimeAgeMs } from '../../server/sync/floor-time';
import { seedSellerWithSkus, tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { addFloorUser } from '../support/floor-users';
import { startTestHub, type TestHub } from '../support/hub-server';
import { listing, orderByNo, qoo10Line, sellerWithSkus } from '../support/order-fixtures';

type PushResult = { status: string; reason: string | null };
const anywhere = { onlySeller: null, onlyBranch: null };

/**
 * The hub records when a floor event happened, not when it arrived: a station with the hub away scans a parcel out at
 * 23:59:30 Tokyo time and pushes it after midnight (here: pushed now, stamped yesterday 23:59:30), and the parcel is on
 * the earlier day's manifest and counts. A stated time the hub cannot believe is taken as the arrival.
 */
describe.each(hubStoreFactories())('floor event times on $dialect', (factory) => {
  let hub: TestHub;
  let headers: Record<string, string>;
  let seq = 0;
  let shop = 0;
  const db = () => hub.hub.store.db;
  // Yesterday in Tokyo, whatever the time now: every instant of it is before any push this test makes. Read once, so
  // a run across midnight still means one day.
  const startDay = tokyoDate(new Date());
  const today = () => startDay;
  const yesterday = () => addDays(startDay, -1);
  const at = (hours: number, minutes: number, seconds: number) => tokyoInstant(yesterday(), hours, minutes, seconds).toISOString();

  const pushAt = async (occurredAt: string, kind: FloorEventKind, payload: unknown): Promise<PushResult & { eventId: string }> => {
    const event: FloorEvent = { eventId: randomUUID(), seq: ++seq, kind, payload, occurredAt, userId: 'packer-1' };
    const response = await hub.request('POST', '/api/v1/station-events', { token: null, headers, body: { events: [event] } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return { ...response.body.results[0], eventId: event.eventId };
  };
  const numbers = async (count: number): Promise<string[]> => {
    const response = await hub.request('POST', '/api/v1/tracking-blocks', { token: null, headers, body: { count } });
    expect(response.status).toBe(201);
    return response.body.numbers;
  };
  async function allocatedOrder() {
    const sellerId = `ft-${++shop}`;
    const [sku] = (await sellerWithSkus(db(), sellerId, 1)) as [string];
    await db()
      .transaction()
      .execute((trx) => postMovement(trx, { sku, branchCode: tokyo, kind: 'inbound', quantity: 20, reference: 'test' }));
    const itemNo = `${shop}70000`;
    await listing(db(), itemNo, sellerId, { A: sku });
    const line = qoo10Line(sellerId, itemNo, 'A', { quantity: 1 });
    const response = await hub.request('POST', '/api/v1/orders/qoo10', { body: [line] });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const order = await orderByNo(db(), sellerId, line.orderNo);
    expect(order.state).toBe('allocated');
    return { order, sku };
  }
  const manifestParcels = async (date: string) => {
    const response = await hub.request('GET', `/api/v1/manifests?branchCode=${tokyo}&date=${date}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.sections.flatMap((section: { parcels: { trackingNo: string; shippedAt: string }[] }) => section.parcels);
  };
  const counts = async (date: string) => {
    const response = await hub.request('GET', `/api/v1/daily-counts?date=${date}&branchCode=${tokyo}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const day = response.body as DailyCountsView;
    return {
      ...day.inbound,
      unitsReceived: day.inbound.unitsCounted,
      ordersShipped: day.outbound.shippedByService.reduce((total, service) => total + service.orders, 0),
    };
  };

  beforeAll(async () => {
    hub = await startTestHub(factory);
    // The hub checks who each pushed event names (server/sync/event-user.ts); a supervisor may do both receiving and packing.
    await addFloorUser(hub.hub.store.db, 'packer-1', 'supervisor');
    headers = { authorization: `Station ft-pack:${await registerStation(db(), { id: 'ft-pack', name: 'ft-pack', branchCode: tokyo })}` };
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('puts a parcel scanned out at 23:59:30 and pushed after midnight on the earlier day’s manifest and counts, with every step at its floor time', async () => {
    const { order } = await allocatedOrder();
    const [label] = (await numbers(1)) as [string];
    const pushedFrom = new Date().toISOString();
    expect(await pushAt(at(23, 50, 0), 'order.picked', { orderId: order.id, sku: order.sku, quantity: 1 })).toMatchObject({ status: 'applied' });
    expect(await pushAt(at(23, 55, 0), 'order.packed', { orderId: order.id, service: 'yamato', timeSlot: null, trackingNumber: label })).toMatchObject({
      status: 'applied',
    });
    const shipped = await pushAt(at(23, 59, 30), 'order.shipped', { orderId: order.id, trackingNumber: label });
    expect(shipped).toMatchObject({ status: 'applied' });

    const row = await db().selectFrom('orders').select(['picked_at', 'packed_at', 'shipped_at']).where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ picked_at: at(23, 50, 0), packed_at: at(23, 55, 0), shipped_at: at(23, 59, 30) });
    expect((await manifestParcels(yesterday())).map((parcel: { trackingNo: string }) => parcel.trackingNo)).toEqual([label]);
    expect((await manifestParcels(today())).map((parcel: { trackingNo: string }) => parcel.trackingNo)).not.toContain(label);
    expect((await counts(yesterday())).ordersShipped).toBe(1);
    expect((await counts(today())).ordersShipped).toBe(0);

    // The pick leaves the ledger at the floor's time; the hub keeps when it recorded it, and the receipt both.
    const movement = await db()
      .selectFrom('stock_movements')
      .select(['occurred_at', 'created_at'])
      .where('kind', '=', 'pick')
      .where('reference', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(movement.occurred_at).toBe(at(23, 59, 30));
    expect(movement.created_at >= pushedFrom).toBe(true);
    const receipt = await db()
      .selectFrom('station_events')
      .select(['occurred_at', 'applied_at'])
      .where('event_id', '=', shipped.eventId)
      .executeTakeFirstOrThrow();
    expect(receipt.occurred_at).toBe(at(23, 59, 30));
    expect(receipt.applied_at >= pushedFrom).toBe(true);
  });

  it('voids a label at the time it was torn off', async () => {
    const { order } = await allocatedOrder();
    const [label] = (await numbers(1)) as [string];
    expect(await pushAt(at(22, 0, 0), 'order.packed', { orderId: order.id, service: 'yamato', timeSlot: null, trackingNumber: label })).toMatchObject({
      status: 'applied',
    });
    expect(await pushAt(at(22, 1, 0), 'label.voided', { orderId: order.id, trackingNumber: label, reason: 'jam' })).toMatchObject({ status: 'applied' });
    expect(await db().selectFrom('voided_tracking_numbers').select('voided_at').where('tracking_no', '=', label).executeTakeFirstOrThrow()).toEqual({
      voided_at: at(22, 1, 0),
    });
    // Back to picked: the pack it undid has no time any more.
    expect(await db().selectFrom('orders').select(['state', 'packed_at']).where('id', '=', order.id).executeTakeFirstOrThrow()).toEqual({
      state: 'picked',
      packed_at: null,
    });
  });

  it('dates a bundle’s arrival and the end of its inspection, and the units received, by the floor', async () => {
    const [sku] = (await seedSellerWithSkus(db(), { sellerId: 'ft-inbound', inventoryCode: '300000000777', balanceJpy: 100_000 })) as [string];
    const registered = await db()
      .transaction()
      .execute((trx) => registerInboundLines(trx, 'ft-inbound', [{ sku, quantity: 3, branchCode: tokyo }]));
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const { id } = await createBundle(db(), 'ft-inbound', { lineIds: registered.lines.map((line) => line.id), estimatedArrival: today() });
    await db()
      .transaction()
      .execute((trx) => confirmBundle(trx, id, anywhere));
    await db()
      .transaction()
      .execute((trx) => shipBundle(trx, id, anywhere, { carrier: 'ヤマト運輸', trackingNo: '4455-6677-8899', boxCount: 1 }));
    const lineId = registered.lines[0]!.id;
    const before = await counts(yesterday());

    expect(await pushAt(at(23, 40, 0), 'bundle.arrived', { bundleId: id, boxesReceived: 1 })).toMatchObject({ status: 'applied' });
    expect(await pushAt(at(23, 45, 0), 'inspection.counted', { bundleId: id, lineId, quantity: 3, source: 'key' })).toMatchObject({ status: 'applied' });
    expect(await pushAt(at(23, 59, 30), 'inspection.finished', { bundleId: id, reasons: [] })).toMatchObject({ status: 'applied' });

    expect(await db().selectFrom('cargo_bundles').select(['state', 'arrived_at', 'completed_at']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
      state: 'completed',
      arrived_at: at(23, 40, 0),
      completed_at: at(23, 59, 30),
    });
    const after = await counts(yesterday());
    expect(after.bundlesArrived - before.bundlesArrived).toBe(1);
    expect(after.bundlesCompleted - before.bundlesCompleted).toBe(1);
    expect(after.unitsReceived - before.unitsReceived).toBe(3);
    expect((await counts(today())).bundlesCompleted).toBe(0);
  });

  it('takes a stated time after the event’s arrival, or absurdly old, as its arrival, and keeps what the station said', async () => {
    const future = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
    const ancient = new Date(Date.now() - maxFloorTimeAgeMs - 24 * 60 * 60 * 1000).toISOString();
    for (const stated of [future, ancient]) {
      const { order } = await allocatedOrder();
      const [label] = (await numbers(1)) as [string];
      expect(
        await pushAt(new Date().toISOString(), 'order.packed', { orderId: order.id, service: 'yamato', timeSlot: null, trackingNumber: label }),
      ).toMatchObject({ status: 'applied' });
      const pushedFrom = new Date().toISOString();
      const shipped = await pushAt(stated, 'order.shipped', { orderId: order.id, trackingNumber: label });
      const pushedUntil = new Date().toISOString();
      expect(shipped).toMatchObject({ status: 'applied' });
      const receipt = await db()
        .selectFrom('station_events')
        .select(['occurred_at', 'applied_at'])
        .where('event_id', '=', shipped.eventId)
        .executeTakeFirstOrThrow();
      expect(receipt.occurred_at).toBe(stated);
      const { shipped_at: shippedAt } = await db().selectFrom('orders').select('shipped_at').where('id', '=', order.id).executeTakeFirstOrThrow();
      expect(shippedAt).toBe(receipt.applied_at);
      expect(shippedAt! >= pushedFrom && shippedAt! <= pushedUntil).toBe(true);
    }
  });
});
