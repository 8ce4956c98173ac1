import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloorEvent } from '../../shared/contract/floor-events';
import { addDays, tokyoDate, tokyoInstant } from '../../shared/domain/tokyo-time';
import type { DailyCountsView } from '../../shared/hub/routes/daily-counts';
import { dailyCounts } from '../../server/services/daily-counts';
import { registerStation } from '../../server/services/stations';
import { postMovement } from '../../server/services/stock-ledger';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';
import { recipient, sellerWithSkus } from '../support/order-fixtures';

const seoul = '0000000082';
const jst = (date: string, hours = 0, minutes = 0, seconds = 0) => tokyoInstant(date, hours, minutes, seconds).toISOString();
const ids = (rows: { bundleId: string }[]) => rows.map((row) => row.bundleId);

/**
 * The supervisor's day over HTTP, on both stores. The day under test is 2025-03-10 in Tokyo:
 * [2025-03-09T15:00Z, 2025-03-10T15:00Z). Rows are written straight to the tables with the times the floor would have
 * given them (the handlers that write them are tested elsewhere); one test pushes real floor events to see who did what.
 */
describe.each(hubStoreFactories())('daily counts over HTTP on $dialect', (factory) => {
  let hub: TestHub;
  let sku: string;
  const db = () => hub.hub.store.db;
  const day = async (query: string): Promise<DailyCountsView> => {
    const response = await hub.request('GET', `/api/v1/daily-counts?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as DailyCountsView;
  };
  const list = async (figure: string, query = 'date=2025-03-10') => {
    const response = await hub.request('GET', `/api/v1/daily-counts/${figure}?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as {
      figure: string;
      rows: { id: string; sellerId: string | null; at: string | null; detail: string | null; quantity: number | null }[];
      truncated: boolean;
    };
  };

  const bundle = async (
    id: string,
    fields: { arrivedAt?: string; completedAt?: string; state: string; branchCode?: string; holdReason?: string; rejectReason?: string; updatedAt?: string },
  ) => {
    const created = jst('2025-03-01');
    await db()
      .insertInto('cargo_bundles')
      .values({
        id,
        seller_id: 'day-shop',
        branch_code: fields.branchCode ?? tokyo,
        state: fields.state,
        estimated_arrival: '2025-03-05',
        carrier: null,
        tracking_no: null,
        box_count: 1,
        boxes_received: 1,
        arrived_at: fields.arrivedAt ?? null,
        completed_at: fields.completedAt ?? null,
        hold_reason: fields.holdReason ?? null,
        reject_reason: fields.rejectReason ?? null,
        created_at: created,
        updated_at: fields.updatedAt ?? created,
      })
      .execute();
  };
  const line = (id: string, bundleId: string, quantity: number, counted: number | null) =>
    db()
      .insertInto('inbound_lines')
      .values({ id, seller_id: 'day-shop', sku, branch_code: tokyo, quantity, description: null, bundle_id: bundleId, counted, created_at: jst('2025-03-01') })
      .execute();
  const finding = (bundleId: string, kind: 'unknown-item' | 'line-reason', code: string, quantity: number, lineId: string | null, eventId = randomUUID()) =>
    db()
      .insertInto('inspection_findings')
      .values({ bundle_id: bundleId, station_event_id: eventId, kind, line_id: lineId, code, quantity, note: null, created_at: jst('2025-03-10', 20) })
      .execute();
  interface OrderFields {
    paidAt: string;
    state: string;
    sku?: string | null;
    branchCode?: string | null;
    cartNo?: string;
    allocatedAt?: string;
    pickedAt?: string;
    packedAt?: string;
    shippedAt?: string;
    service?: string;
    trackingNo?: string;
  }
  const order = (orderNo: string, fields: OrderFields) =>
    db()
      .insertInto('orders')
      .values({
        id: `o-${orderNo}`,
        seller_id: 'day-shop',
        source: 'qoo10',
        order_no: orderNo,
        cart_no: fields.cartNo ?? orderNo,
        listing_id: null,
        sku: fields.sku === undefined ? sku : fields.sku,
        option_label: null,
        quantity: 1,
        recipient_name: recipient.name,
        recipient_phone: '09012345678',
        postal_code: '273-0012',
        address: recipient.address,
        delivery_method: null,
        time_slot: null,
        desired_ship_date: null,
        paid_at: fields.paidAt,
        ships_within_14_days: 0,
        state: fields.state,
        branch_code: fields.branchCode === undefined ? tokyo : fields.branchCode,
        allocated_at: fields.allocatedAt ?? null,
        tracking_no: fields.trackingNo ?? null,
        service: fields.service ?? null,
        picked_at: fields.pickedAt ?? null,
        packed_at: fields.packedAt ?? null,
        shipped_at: fields.shippedAt ?? null,
        created_at: fields.paidAt,
      })
      .execute();
  const movement = (quantity: number, at: string, kind: 'inbound' | 'adjustment' = 'inbound') =>
    db()
      .transaction()
      .execute((trx) => postMovement(trx, { sku, branchCode: tokyo, kind, quantity, reference: 'day', occurredAt: new Date(at) }, new Date(at)));
  let receiptSeq = 0;
  /** A receipt as the hub writes it when it applies a pushed event. */
  const receipt = (kind: string, payload: unknown, floorAt: string, userId: string | null, outcome = 'applied', eventId = randomUUID()) =>
    db()
      .insertInto('station_events')
      .values({
        event_id: eventId,
        station_id: 'day-station',
        station_seq: ++receiptSeq,
        kind,
        payload: JSON.stringify(payload),
        outcome,
        reason: outcome === 'applied' ? null : 'refused',
        applied_at: floorAt,
        occurred_at: floorAt,
        user_id: userId,
        floor_at: floorAt,
      })
      .execute();

  beforeAll(async () => {
    hub = await startTestHub(factory);
    [sku] = (await sellerWithSkus(db(), 'day-shop', 1)) as [string];
    await registerStation(db(), { id: 'day-station', name: '検品 1', branchCode: tokyo });
    for (const [id, name] of [
      ['clerk-a', '佐藤'],
      ['packer-b', '鈴木'],
    ])
      await db()
        .insertInto('users')
        .values({ id: id!, name: name!, role: 'clerk', seller_id: null, pin_hash: 'x', badge: null, created_at: jst('2025-03-01') })
        .execute();

    await bundle('arrived-first-minute', { arrivedAt: jst('2025-03-10', 0, 0, 0), state: 'arrived' });
    await bundle('arrived-day-before', { arrivedAt: jst('2025-03-09', 23, 59, 59), state: 'arrived' });
    await bundle('arrived-in-seoul', { arrivedAt: jst('2025-03-10', 9), state: 'arrived', branchCode: seoul });
    await bundle('completed-last-second', { arrivedAt: jst('2025-03-05', 10), completedAt: jst('2025-03-10', 23, 59, 59), state: 'completed' });
    await bundle('late-open', { arrivedAt: jst('2025-03-06', 12), state: 'arrived' }); // limit ended with 03-09
    await bundle('due-today', { arrivedAt: jst('2025-03-07', 12), state: 'arrived' }); // limit ends with 03-10
    await bundle('late-rejected', { arrivedAt: jst('2025-03-06', 12), state: 'rejected', rejectReason: 'mixed' });
    await bundle('late-completed-next-day', { arrivedAt: jst('2025-03-05', 12), completedAt: jst('2025-03-11', 0, 0, 0), state: 'completed' });
    await bundle('held', { arrivedAt: jst('2025-03-10', 10), state: 'arrived', holdReason: 'insufficient-balance' });
    await bundle('rejected-today', { arrivedAt: jst('2025-03-08', 10), state: 'rejected', rejectReason: 'cod-goods', updatedAt: jst('2025-03-10', 11) });

    await line('short', 'completed-last-second', 10, 8);
    await line('exact', 'completed-last-second', 5, 5);
    await line('damaged-old', 'completed-last-second', 6, 3);
    await line('over-next-day', 'late-completed-next-day', 3, 4);
    // The finish said one of the short line's units is damaged; an older station's 'damaged' reason gave no units.
    const finishId = randomUUID();
    await receipt(
      'inspection.finished',
      { bundleId: 'completed-last-second', reasons: [{ lineId: 'short', reason: 'damaged', note: null, damagedUnits: 1 }] },
      jst('2025-03-10', 23, 59, 59),
      'clerk-a',
      'applied',
      finishId,
    );
    await finding('completed-last-second', 'line-reason', 'damaged', -2, 'short', finishId);
    await finding('completed-last-second', 'line-reason', 'damaged', -3, 'damaged-old');
    await finding('completed-last-second', 'unknown-item', '4900000000001', 3, null);
    await finding('completed-last-second', 'unknown-item', '4900000000001', -1, null);

    await movement(7, jst('2025-03-10', 12));
    await movement(2, jst('2025-03-10', 0, 0, 0));
    await movement(50, jst('2025-03-09', 23, 59, 59));
    await movement(100, jst('2025-03-11', 0, 0, 0));
    await movement(-1, jst('2025-03-10', 13), 'adjustment');

    const before = jst('2025-03-09', 12); // due 03-09 (paid before 16:00)
    await order('1001', { paidAt: before, state: 'allocated', allocatedAt: jst('2025-03-10', 13) });
    await order('1002', {
      paidAt: before,
      state: 'in_transit',
      allocatedAt: jst('2025-03-10', 0, 5),
      pickedAt: jst('2025-03-10', 9),
      packedAt: jst('2025-03-10', 10),
      shippedAt: jst('2025-03-10', 23),
      service: 'yamato',
      trackingNo: '100000000011',
    });
    await order('1003', {
      paidAt: before,
      state: 'in_transit',
      allocatedAt: jst('2025-03-09', 23),
      shippedAt: jst('2025-03-11', 0, 1),
      service: 'nekopos',
      trackingNo: '100000000022',
    });
    for (const no of ['1004', '1005'])
      await order(no, {
        paidAt: jst('2025-03-10', 9),
        state: 'in_transit',
        cartNo: 'cart-45',
        allocatedAt: jst('2025-03-10', 11),
        shippedAt: jst('2025-03-10', 15),
        service: 'sagawa',
        trackingNo: '100000000033',
      });
    // Paid at the cut-off itself: due the next day, so shipped on the 10th it is on time.
    await order('1009', {
      paidAt: jst('2025-03-09', 16),
      state: 'in_transit',
      shippedAt: jst('2025-03-10', 12),
      service: 'yamato',
      trackingNo: '100000000044',
    });
    await order('1006', { paidAt: jst('2025-03-10', 17), state: 'paid', sku: null, branchCode: null });
    await order('1007', { paidAt: jst('2025-03-10', 8), state: 'held', branchCode: null });
    await order('1008', { paidAt: jst('2025-03-10', 8, 30), state: 'allocated', allocatedAt: jst('2025-03-11', 9) });

    // The floor's work on the 10th, as receipts of applied events; one refused event counts for nothing.
    await receipt('inspection.counted', { bundleId: 'late-open', lineId: 'l', quantity: 2, source: 'scan' }, jst('2025-03-08', 15), 'clerk-a');
    await receipt('inspection.counted', { bundleId: 'arrived-first-minute', lineId: 'l', quantity: 5, source: 'key' }, jst('2025-03-10', 9, 15), 'clerk-a');
    await receipt('inspection.counted', { bundleId: 'arrived-first-minute', lineId: 'l', quantity: -1, source: 'undo' }, jst('2025-03-10', 9, 40), 'clerk-a');
    await receipt('inspection.counted', { bundleId: 'late-open', lineId: 'l', quantity: 3, source: 'key' }, jst('2025-03-10', 10, 5), 'clerk-a');
    await receipt('inspection.found', { bundleId: 'due-today', code: 'x', kind: 'unknown-item', quantity: 1, note: null }, jst('2025-03-10', 12), null);
    await receipt('inspection.counted', { bundleId: 'due-today', lineId: 'l', quantity: 4, source: 'key' }, jst('2025-03-10', 12, 1), null);
    await receipt('inspection.counted', { bundleId: 'due-today', lineId: 'l', quantity: 100, source: 'key' }, jst('2025-03-10', 12, 2), 'clerk-a', 'rejected');
    await receipt('order.picked', { orderId: 'o-1002', sku, quantity: 2 }, jst('2025-03-10', 9), 'packer-b');
    for (const [minute, hour, trackingNumber] of [
      [0, 10, '100000000011'],
      [10, 10, '100000000011'],
      [0, 11, '100000000099'],
    ] as const)
      await receipt('order.packed', { orderId: 'o-1002', service: 'yamato', timeSlot: null, trackingNumber }, jst('2025-03-10', hour, minute), 'packer-b');
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('counts the inbound side of one Tokyo day by JST boundaries', async () => {
    const counts = await day('date=2025-03-10');
    expect(counts).toMatchObject({ date: '2025-03-10', branchCode: null, asOf: new Date(Date.parse(jst('2025-03-11')) - 1).toISOString(), mismatches: [] });
    expect(counts.inbound).toMatchObject({
      bundlesArrived: 3,
      bundlesInspected: 2, // late-open began on the 8th; the rejected count is no count
      bundlesCompleted: 1,
      bundlesHeld: [{ bundleId: 'held', sellerId: 'day-shop', reason: 'insufficient-balance' }],
      bundlesRejected: 1,
      unitsCounted: 9,
      // short: 2 + 3; unknown: 3 found, 1 undone; damaged: 1 as the finish said, 3 from the older station's line
      discrepancies: { short: 5, over: 0, unknown: 2, damaged: 4 },
    });
    expect(ids(counts.inbound.lateBundles)).toEqual(['late-completed-next-day', 'late-open']);
    expect(counts.inbound.lateBundles[1]!.deadline).toBe(new Date(Date.parse(jst('2025-03-10')) - 1).toISOString());
    expect(ids(counts.inbound.dueToday)).toEqual(['due-today']);
    expect(counts.inbound.dueToday[0]!.deadline).toBe(new Date(Date.parse(jst('2025-03-11')) - 1).toISOString());
  });

  it('counts the outbound side: waiting by reason, parcels per service, what was due and not shipped', async () => {
    const { outbound } = await day('date=2025-03-10');
    expect(outbound).toMatchObject({ ordersPaid: 5, ordersAllocated: 4, ordersPicked: 1, ordersPacked: 1 });
    expect(outbound.waiting).toEqual([
      { reason: 'allocated-later', orders: 1 },
      { reason: 'held', orders: 1 },
      { reason: 'not-linked', orders: 1 },
    ]);
    expect(outbound.shippedByService).toEqual([
      { service: 'sagawa', orders: 2, parcels: 1 },
      { service: 'yamato', orders: 2, parcels: 2 },
    ]);
    expect(outbound.dueNotShipped.map((due) => [due.orderNo, due.cutoff])).toEqual([
      ['1001', jst('2025-03-09', 16)],
      ['1003', jst('2025-03-09', 16)],
      ['1007', jst('2025-03-10', 16)],
      ['1008', jst('2025-03-10', 16)],
    ]);
  });

  it('says who did what by the hour, the day by hour and the last 14 days', async () => {
    const counts = await day('date=2025-03-10');
    const clerk = counts.people.find((person) => person.userId === 'clerk-a')!;
    expect(clerk).toMatchObject({ name: '佐藤', unitsCounted: 7, itemsPicked: 0, parcelsPacked: 0 });
    expect(clerk.byHour.unitsCounted[9]).toBe(4);
    expect(clerk.byHour.unitsCounted[10]).toBe(3);
    const packer = counts.people.find((person) => person.userId === 'packer-b')!;
    expect(packer).toMatchObject({ name: '鈴木', unitsCounted: 0, itemsPicked: 2, parcelsPacked: 2 });
    expect(counts.people).toHaveLength(2);
    const hour = (h: number) => counts.byHour[h]!;
    expect([hour(9).unitsCounted, hour(10).unitsCounted, hour(12).unitsCounted, hour(9).itemsPicked]).toEqual([4, 3, 4, 2]);
    expect([hour(12).parcelsShipped, hour(15).parcelsShipped, hour(23).parcelsShipped, hour(0).parcelsShipped]).toEqual([1, 1, 1, 0]);
    expect(counts.lastDays).toHaveLength(14);
    expect(counts.lastDays.at(-1)).toEqual({ date: '2025-03-10', received: 9, shipped: 4, late: 1 });
    expect(counts.lastDays.at(-2)).toEqual({ date: '2025-03-09', received: 50, shipped: 0, late: 0 });
    expect(counts.lastDays[0]!.date).toBe('2025-02-25');
    expect(counts.stations).toEqual([
      { stationId: 'day-station', name: '検品 1', branchCode: tokyo, outboxWaiting: null, printProblems: null, lastContactAt: null },
    ]);
  });

  it('counts one branch when asked', async () => {
    const tokyoOnly = await day(`date=2025-03-10&branchCode=${tokyo}`);
    expect(tokyoOnly.inbound.bundlesArrived).toBe(2);
    expect(tokyoOnly.outbound.dueNotShipped.map((due) => due.orderNo)).toEqual(['1001', '1003', '1008']);
    expect(tokyoOnly.people).toHaveLength(2);
    const seoulOnly = await day(`date=2025-03-10&branchCode=${seoul}`);
    expect(seoulOnly.inbound).toMatchObject({ bundlesArrived: 1, bundlesCompleted: 0, unitsCounted: 0, bundlesInspected: 0, lateBundles: [], dueToday: [] });
    expect(seoulOnly.outbound).toMatchObject({ ordersAllocated: 0, shippedByService: [], dueNotShipped: [] });
    expect([seoulOnly.people, seoulOnly.stations]).toEqual([[], []]);
  });

  it('sees the next day differently: the bundle due on the 10th is late on the 11th', async () => {
    const counts = await day('date=2025-03-11');
    expect(counts.inbound).toMatchObject({
      bundlesArrived: 0,
      bundlesCompleted: 1,
      unitsCounted: 100,
      discrepancies: { short: 0, over: 1, unknown: 0, damaged: 0 },
    });
    expect(ids(counts.inbound.lateBundles)).toEqual(['late-open', 'due-today']);
    expect(counts.outbound.shippedByService).toEqual([{ service: 'nekopos', orders: 1, parcels: 1 }]);
    expect(counts.lastDays.at(-1)).toEqual({ date: '2025-03-11', received: 100, shipped: 1, late: 1 });
  });

  it('opens the rows behind a figure', async () => {
    expect((await list('discrepancies')).rows.map((row) => [row.id, row.detail, row.quantity])).toEqual([
      ['completed-last-second', 'damaged ' + sku, 1],
      ['completed-last-second', 'damaged ' + sku, 3],
      ['completed-last-second', 'short ' + sku, 2],
      ['completed-last-second', 'short ' + sku, 3],
      ['completed-last-second', 'unknown 4900000000001', 2],
    ]);
    expect((await list('waiting')).rows.map((row) => [row.id, row.detail])).toEqual([
      ['1007', 'held'],
      ['1008', 'allocated-later'],
      ['1006', 'not-linked'],
    ]);
    expect((await list('ordersShipped')).rows.map((row) => [row.id, row.detail])).toEqual([
      ['1009', 'yamato 100000000044'],
      ['1004', 'sagawa 100000000033'],
      ['1005', 'sagawa 100000000033'],
      ['1002', 'yamato 100000000011'],
    ]);
    expect((await list('bundlesInspected')).rows.map((row) => [row.id, row.at])).toEqual([
      ['arrived-first-minute', jst('2025-03-10', 9, 15)],
      ['due-today', jst('2025-03-10', 12)],
    ]);
    expect((await list('bundlesHeld')).rows.map((row) => [row.id, row.detail])).toEqual([['held', 'insufficient-balance']]);
    expect((await list('unitsCounted')).rows.map((row) => row.quantity)).toEqual([9]);
    expect((await list('dueToday')).rows).toEqual([
      { id: 'due-today', sellerId: 'day-shop', at: jst('2025-03-07', 12), detail: new Date(Date.parse(jst('2025-03-11')) - 1).toISOString(), quantity: null },
    ]);
    expect((await hub.request('GET', '/api/v1/daily-counts/noSuchFigure?date=2025-03-10')).status).toBe(400);
  });

  it('answers at most 1,000 rows and says so', async () => {
    const rows = Array.from({ length: 1001 }, (_, index) => ({
      id: `many-${String(index).padStart(4, '0')}`,
      seller_id: 'day-shop',
      branch_code: tokyo,
      state: 'arrived',
      estimated_arrival: '2025-04-01',
      carrier: null,
      tracking_no: null,
      box_count: 1,
      boxes_received: 1,
      arrived_at: jst('2025-04-01', 10, 0, index % 60),
      completed_at: null,
      hold_reason: null,
      reject_reason: null,
      created_at: jst('2025-03-30'),
      updated_at: jst('2025-03-30'),
    }));
    for (let start = 0; start < rows.length; start += 200)
      await db()
        .insertInto('cargo_bundles')
        .values(rows.slice(start, start + 200))
        .execute();
    expect((await day('date=2025-04-01')).inbound.bundlesArrived).toBe(1001);
    const arrived = await list('bundlesArrived', 'date=2025-04-01');
    expect([arrived.rows.length, arrived.truncated, arrived.rows[0]!.id]).toEqual([1000, true, 'many-0000']);
    expect((await list('bundlesCompleted', 'date=2025-04-01')).truncated).toBe(false);
  });

  it('takes who and when from pushed floor events (the hub records the user and the floor time)', async () => {
    const yesterday = addDays(tokyoDate(new Date()), -1);
    await bundle('IB90000001', { arrivedAt: jst(yesterday, 8), state: 'arrived' });
    await line('pushed-line', 'IB90000001', 5, null);
    const secret = await registerStation(db(), { id: 'push-station', name: '検品 2', branchCode: tokyo });
    const event: FloorEvent = {
      eventId: randomUUID(),
      seq: 1,
      kind: 'inspection.counted',
      payload: { bundleId: 'IB90000001', lineId: 'pushed-line', quantity: 3, source: 'key' },
      occurredAt: jst(yesterday, 14, 30),
      userId: 'clerk-a',
    };
    const pushed = await hub.request('POST', '/api/v1/station-events', {
      token: null,
      headers: { authorization: `Station push-station:${secret}` },
      body: { events: [event] },
    });
    expect(pushed.body.results[0].status, JSON.stringify(pushed.body)).toBe('applied');
    const counts = await dailyCounts(hub.hub.store, yesterday, tokyo);
    expect(counts.people).toEqual([expect.objectContaining({ userId: 'clerk-a', name: '佐藤', unitsCounted: 3 })]);
    expect(counts.byHour[14]!.unitsCounted).toBe(3);
    expect(counts.inbound.bundlesInspected).toBe(1);
  });

  it('is for supervisors and admins, and wants a real date', async () => {
    expect((await hub.request('GET', '/api/v1/daily-counts?date=2025-03-10', { token: await hub.tokenFor('supervisor') })).status).toBe(200);
    expect((await hub.request('GET', '/api/v1/daily-counts/waiting?date=2025-03-10', { token: await hub.tokenFor('supervisor') })).status).toBe(200);
    expect((await hub.request('GET', '/api/v1/daily-counts?date=2025-03-10', { token: await hub.tokenFor('clerk') })).status).toBe(403);
    expect((await hub.request('GET', '/api/v1/daily-counts/waiting?date=2025-03-10', { token: await hub.tokenFor('packer') })).status).toBe(403);
    expect((await hub.request('GET', '/api/v1/daily-counts?date=2025-02-30')).status).toBe(400);
  });
});
