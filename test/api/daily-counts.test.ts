import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokyoInstant } from '../../shared/domain/tokyo-time';
import { postMovement } from '../../server/services/stock-ledger';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';
import { recipient, sellerWithSkus } from '../support/order-fixtures';

const seoul = '0000000082';
const jst = (date: string, hours = 0, minutes = 0, seconds = 0) => tokyoInstant(date, hours, minutes, seconds).toISOString();

describe.each(hubStoreFactories())('daily counts over HTTP on $dialect', (factory) => {
  let hub: TestHub;
  let sku: string;

  const bundle = async (id: string, fields: { arrivedAt?: string; completedAt?: string; state: string; branchCode?: string }) => {
    const now = jst('2025-03-01');
    await hub.hub.store.db
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
        hold_reason: null,
        reject_reason: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  };
  const line = (id: string, bundleId: string, quantity: number, counted: number | null) =>
    hub.hub.store.db
      .insertInto('inbound_lines')
      .values({ id, seller_id: 'day-shop', sku, branch_code: tokyo, quantity, description: null, bundle_id: bundleId, counted, created_at: jst('2025-03-01') })
      .execute();
  const order = (orderNo: string, allocatedAt: string | null, shippedAt: string | null, branchCode = tokyo) =>
    hub.hub.store.db
      .insertInto('orders')
      .values({
        id: `o-${orderNo}`,
        seller_id: 'day-shop',
        source: 'qoo10',
        order_no: orderNo,
        cart_no: orderNo,
        listing_id: null,
        sku,
        option_label: null,
        quantity: 1,
        recipient_name: recipient.name,
        recipient_phone: '09012345678',
        postal_code: '273-0012',
        address: recipient.address,
        delivery_method: null,
        time_slot: null,
        desired_ship_date: null,
        paid_at: jst('2025-03-09', 12),
        ships_within_14_days: 0,
        state: shippedAt ? 'in_transit' : 'allocated',
        branch_code: branchCode,
        allocated_at: allocatedAt,
        tracking_no: null,
        service: null,
        shipped_at: shippedAt,
        created_at: jst('2025-03-09', 12),
      })
      .execute();
  const movement = (quantity: number, at: string, kind: 'inbound' | 'adjustment' = 'inbound') =>
    hub.hub.store.db.transaction().execute((trx) => postMovement(trx, { sku, branchCode: tokyo, kind, quantity, reference: 'day' }, new Date(at)));

  beforeAll(async () => {
    hub = await startTestHub(factory);
    [sku] = (await sellerWithSkus(hub.hub.store.db, 'day-shop', 1)) as [string];
    // The day under test is 2025-03-10 in Tokyo: [2025-03-09T15:00Z, 2025-03-10T15:00Z).
    await bundle('arrived-first-minute', { arrivedAt: jst('2025-03-10', 0, 0, 0), state: 'arrived' });
    await bundle('arrived-day-before', { arrivedAt: jst('2025-03-09', 23, 59, 59), state: 'arrived' });
    await bundle('arrived-in-seoul', { arrivedAt: jst('2025-03-10', 9), state: 'arrived', branchCode: seoul });
    await bundle('completed-last-second', { arrivedAt: jst('2025-03-05', 10), completedAt: jst('2025-03-10', 23, 59, 59), state: 'completed' });
    await bundle('late-open', { arrivedAt: jst('2025-03-06', 12), state: 'arrived' }); // limit ended with 03-09
    await bundle('due-today', { arrivedAt: jst('2025-03-07', 12), state: 'arrived' }); // limit ends with 03-10
    await bundle('late-rejected', { arrivedAt: jst('2025-03-06', 12), state: 'rejected' });
    await bundle('late-completed-next-day', { arrivedAt: jst('2025-03-05', 12), completedAt: jst('2025-03-11', 0, 0, 0), state: 'completed' });
    await line('short', 'completed-last-second', 10, 8);
    await line('exact', 'completed-last-second', 5, 5);
    await line('over-next-day', 'late-completed-next-day', 3, 4);
    await movement(7, jst('2025-03-10', 12));
    await movement(2, jst('2025-03-10', 0, 0, 0));
    await movement(50, jst('2025-03-09', 23, 59, 59));
    await movement(100, jst('2025-03-11', 0, 0, 0));
    await movement(-1, jst('2025-03-10', 13), 'adjustment');
    await order('1001', jst('2025-03-10', 13), null);
    await order('1002', jst('2025-03-10', 0, 5), jst('2025-03-10', 23));
    await order('1003', jst('2025-03-09', 23), jst('2025-03-11', 0, 1));
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('counts one Tokyo day by JST boundaries', async () => {
    const response = await hub.request('GET', '/api/v1/daily-counts?date=2025-03-10');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      date: '2025-03-10',
      branchCode: null,
      bundlesArrived: 2,
      bundlesCompleted: 1,
      unitsReceived: 9,
      ordersAllocated: 2,
      ordersShipped: 1,
      discrepancies: [{ bundleId: 'completed-last-second', lineId: 'short', sku, quantity: 10, counted: 8 }],
    });
    expect(response.body.lateBundles.map((b: { bundleId: string }) => b.bundleId)).toEqual(['late-completed-next-day', 'late-open']);
    expect(response.body.lateBundles[1].deadline).toBe(new Date(Date.parse(jst('2025-03-10')) - 1).toISOString());
  });

  it('counts one branch when asked', async () => {
    const tokyoOnly = await hub.request('GET', `/api/v1/daily-counts?date=2025-03-10&branchCode=${tokyo}`);
    expect(tokyoOnly.body.bundlesArrived).toBe(1);
    const seoulOnly = await hub.request('GET', `/api/v1/daily-counts?date=2025-03-10&branchCode=${seoul}`);
    expect(seoulOnly.body).toMatchObject({ bundlesArrived: 1, bundlesCompleted: 0, unitsReceived: 0, ordersAllocated: 0, lateBundles: [], discrepancies: [] });
  });

  it('sees the next day differently: the bundle due on the 10th is late on the 11th', async () => {
    const response = await hub.request('GET', '/api/v1/daily-counts?date=2025-03-11');
    expect(response.body).toMatchObject({ bundlesArrived: 0, bundlesCompleted: 1, unitsReceived: 100, ordersShipped: 1 });
    expect(response.body.lateBundles.map((b: { bundleId: string }) => b.bundleId)).toEqual(['late-open', 'due-today']);
    expect(response.body.discrepancies).toEqual([{ bundleId: 'late-completed-next-day', lineId: 'over-next-day', sku, quantity: 3, counted: 4 }]);
  });

  it('is for supervisors and admins, and wants a real date', async () => {
    expect((await hub.request('GET', '/api/v1/daily-counts?date=2025-03-10', { token: await hub.tokenFor('supervisor') })).status).toBe(200);
    expect((await hub.request('GET', '/api/v1/daily-counts?date=2025-03-10', { token: await hub.tokenFor('clerk') })).status).toBe(403);
    expect((await hub.request('GET', '/api/v1/daily-counts?date=2025-02-30')).status).toBe(400);
  });
});
