import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidTrackingNumber, trackingNumberFromSerial } from '../../shared/domain/tracking-numbers';
import { queueTrackingUpload } from '../../server/services/tracking';
import { registerStation } from '../../server/services/stations';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';
import { listing, managementLine, orderByNo, qoo10Line, sellerWithSkus } from '../support/order-fixtures';

describe.each(hubStoreFactories())('tracking-number blocks and the upload queue over HTTP on $dialect', (factory) => {
  let hub: TestHub;
  let station: Record<string, string>;
  const skuOf: Record<string, string> = {};
  const itemOf = (sellerId: string) => (sellerId === 'ship-a' ? '9000000001' : '9000000002');

  const block = (count: number, options: { headers?: Record<string, string>; token?: string | null; stationId?: string } = {}) =>
    hub.request('POST', '/api/v1/tracking-blocks', {
      token: options.token ?? null,
      headers: options.headers ?? station,
      body: { count, ...(options.stationId ? { stationId: options.stationId } : {}) },
    });

  /** Qoo10 orders of `sellerId` sent in transit with a tracking number each, queued as the in-transit scan will. */
  const shipped = async (sellerId: string, count: number) => {
    const lines = Array.from({ length: count }, () => qoo10Line(sellerId, itemOf(sellerId), 'A'));
    expect((await hub.request('POST', '/api/v1/orders/qoo10', { body: lines })).status).toBe(201);
    const db = hub.hub.store.db;
    const queued: { orderNo: string; cartNo: string; trackingNo: string }[] = [];
    for (const line of lines) {
      const order = await orderByNo(db, sellerId, line.orderNo);
      const trackingNo = (await block(1)).body.numbers[0] as string;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('orders')
          .set({ state: 'in_transit', tracking_no: trackingNo, shipped_at: new Date().toISOString() })
          .where('id', '=', order.id)
          .execute();
        expect(await queueTrackingUpload(trx, order.id, trackingNo)).toBe(true);
      });
      queued.push({ orderNo: line.orderNo, cartNo: line.cartNo, trackingNo });
    }
    return queued;
  };

  beforeAll(async () => {
    hub = await startTestHub(factory);
    const db = hub.hub.store.db;
    const secret = await registerStation(db, { id: 'pack-1', name: 'Packing 1', branchCode: tokyo });
    station = { authorization: `Station pack-1:${secret}` };
    await registerStation(db, { id: 'pack-2', name: 'Packing 2', branchCode: tokyo });
    for (const sellerId of ['ship-a', 'ship-b']) {
      [skuOf[sellerId]] = (await sellerWithSkus(db, sellerId, 1)) as [string];
      await listing(db, itemOf(sellerId), sellerId, { A: skuOf[sellerId]! });
    }
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('hands a station a block of consecutive, valid 12-digit numbers and records it for its branch', async () => {
    const response = await block(5);
    expect(response.status).toBe(201);
    const { numbers, firstSerial, count, stationId, id } = response.body;
    expect({ count, stationId }).toEqual({ count: 5, stationId: 'pack-1' });
    expect(numbers).toHaveLength(5);
    numbers.forEach((number: string, i: number) => {
      expect(number).toMatch(/^\d{12}$/);
      expect(isValidTrackingNumber(number)).toBe(true);
      expect(number).toBe(trackingNumberFromSerial(firstSerial + i));
    });
    const next = await block(3);
    expect(next.body.firstSerial).toBe(firstSerial + 5);
    const change = await hub.hub.store.db
      .selectFrom('changes')
      .selectAll()
      .where('entity', '=', 'tracking-block')
      .where('entity_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(change.branch_code).toBe(tokyo);
  });

  it('never hands out overlapping blocks, even to ten requests at once', async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => block(20 + i)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ranges = responses.map((r) => [r.body.firstSerial as number, r.body.firstSerial + r.body.count - 1] as const).sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1] + 1);
    const all = responses.flatMap((r) => r.body.numbers as string[]);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(Array.from({ length: 10 }, (_, i) => 20 + i).reduce((a, b) => a + b));
  });

  it('lets an admin hand a block to a named station, and nobody else', async () => {
    expect((await block(2, { token: hub.adminToken, headers: {}, stationId: 'pack-2' })).body.stationId).toBe('pack-2');
    expect((await block(2, { token: hub.adminToken, headers: {} })).body.error.code).toBe('station-needed');
    expect((await block(2, { token: hub.adminToken, headers: {}, stationId: 'nowhere' })).status).toBe(404);
    expect((await block(2, { stationId: 'pack-2' })).status).toBe(403);
    expect((await block(2, { token: await hub.tokenFor('packer'), headers: {} })).status).toBe(403);
    for (const count of [0, 1001, 2.5]) expect((await block(count)).status).toBe(400);
  });

  it('lists the pending uploads (a seller its own) and exports each exactly once', async () => {
    const ofA = await shipped('ship-a', 2);
    const ofB = await shipped('ship-b', 1);
    const pending = await hub.request('GET', '/api/v1/tracking-uploads?pending=true');
    expect(pending.body.uploads.map((u: { orderNo: string }) => u.orderNo).sort()).toEqual([...ofA, ...ofB].map((q) => q.orderNo).sort());
    const sellerB = await hub.tokenFor('seller', 'ship-b');
    const own = await hub.request('GET', '/api/v1/tracking-uploads?pending=true', { token: sellerB });
    expect(own.body.uploads.map((u: { orderNo: string }) => u.orderNo)).toEqual([ofB[0]!.orderNo]);
    expect((await hub.request('GET', '/api/v1/tracking-uploads?sellerId=ship-a', { token: sellerB })).status).toBe(404);
    expect((await hub.request('POST', '/api/v1/tracking-uploads/export', { token: sellerB })).status).toBe(403);

    const exported = await hub.request('POST', '/api/v1/tracking-uploads/export');
    expect(exported.status).toBe(200);
    expect(exported.body.count).toBe(3);
    expect(
      exported.body.uploads
        .map((u: { orderNo: string; cartNo: string; trackingNo: string; carrier: string }) => ({
          orderNo: u.orderNo,
          cartNo: u.cartNo,
          trackingNo: u.trackingNo,
          carrier: u.carrier,
        }))
        .sort((x: { orderNo: string }, y: { orderNo: string }) => x.orderNo.localeCompare(y.orderNo)),
    ).toEqual([...ofA, ...ofB].map((q) => ({ ...q, carrier: 'Qxpress' })).sort((x, y) => x.orderNo.localeCompare(y.orderNo)));
    expect((await hub.request('POST', '/api/v1/tracking-uploads/export')).body.count).toBe(0);
    expect((await hub.request('GET', '/api/v1/tracking-uploads?pending=true')).body.uploads).toEqual([]);
    expect((await hub.request('GET', '/api/v1/tracking-uploads?pending=false')).body.uploads).toHaveLength(3);
  });

  it('exports as CSV, and concurrent exports never return a row twice', async () => {
    const queued = await shipped('ship-a', 4);
    const exports = await Promise.all(Array.from({ length: 5 }, () => hub.request('POST', '/api/v1/tracking-uploads/export?format=csv')));
    const csvs = exports.map((r) => r.body as string);
    expect(exports.every((r) => r.status === 200)).toBe(true);
    csvs.forEach((csv) => expect(csv.split('\r\n')[0]).toBe('orderNo,cartNo,trackingNo,carrier'));
    const rows = csvs.flatMap((csv) => csv.split('\r\n').slice(1).filter(Boolean));
    expect(rows.sort()).toEqual(queued.map((q) => `${q.orderNo},${q.cartNo},${q.trackingNo},Qxpress`).sort());
  });

  it('queues Qoo10 orders only, and a number again only when it changed', async () => {
    const db = hub.hub.store.db;
    const line = managementLine('ship-a', { sku: skuOf['ship-a'] });
    expect((await hub.request('POST', '/api/v1/orders/management', { body: [line] })).status).toBe(201);
    const management = await orderByNo(db, 'ship-a', line.managementNo);
    expect(await db.transaction().execute((trx) => queueTrackingUpload(trx, management.id, trackingNumberFromSerial(1)))).toBe(false);

    const [first] = await shipped('ship-a', 1);
    await hub.request('POST', '/api/v1/tracking-uploads/export');
    const order = await orderByNo(db, 'ship-a', first!.orderNo);
    await db.transaction().execute((trx) => queueTrackingUpload(trx, order.id, first!.trackingNo));
    expect((await hub.request('GET', '/api/v1/tracking-uploads?pending=true')).body.uploads).toEqual([]);
    const relabelled = trackingNumberFromSerial(99_000_000_000);
    await db.transaction().execute((trx) => queueTrackingUpload(trx, order.id, relabelled));
    expect((await hub.request('GET', '/api/v1/tracking-uploads?pending=true')).body.uploads.map((u: { trackingNo: string }) => u.trackingNo)).toEqual([
      relabelled,
    ]);
  });
});
