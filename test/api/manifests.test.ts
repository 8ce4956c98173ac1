import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloorEvent, FloorEventKind } from '../../shared/contract/floor-events';
import { branches } from '../../shared/domain/identifiers';
import { tokyoDate } from '../../shared/domain/tokyo-time';
import { registerStation } from '../../server/services/stations';
import { postMovement } from '../../server/services/stock-ledger';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { addFloorUser } from '../support/floor-users';
import { startTestHub, type TestHub } from '../support/hub-server';
import { listing, managementLine, orderByNo, qoo10Line, sellerWithSkus } from '../support/order-fixtures';

type PushResult = { status: string; reason: string | null };

/**
 * The end-of-day manifest (GET /api/v1/manifests) and the label's time slot kept on the order: parcels packed and
 * shipped by floor events, as a station sends them.
 */
describe.each(hubStoreFactories())('end-of-day manifest and the label time slot on $dialect', (factory) => {
  let hub: TestHub;
  let headers: Record<string, string>;
  let seq = 0;
  let shop = 0;
  const db = () => hub.hub.store.db;

  const push = async (kind: FloorEventKind, payload: unknown): Promise<PushResult> => {
    const event: FloorEvent = { eventId: randomUUID(), seq: ++seq, kind, payload, occurredAt: new Date().toISOString(), userId: 'packer-1' };
    const response = await hub.request('POST', '/api/v1/station-events', { token: null, headers, body: { events: [event] } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.results[0];
  };
  const numbers = async (count: number): Promise<string[]> => {
    const response = await hub.request('POST', '/api/v1/tracking-blocks', { token: null, headers, body: { count } });
    expect(response.status).toBe(201);
    return response.body.numbers;
  };

  /** An allocated order of a fresh seller: a Qoo10 line, or an other-platform shipment under a management no. */
  async function allocatedOrder(options: { quantity?: number; management?: boolean; branchCode?: string } = {}) {
    const sellerId = `mf-${++shop}`;
    const [sku] = (await sellerWithSkus(db(), sellerId, 1)) as [string];
    const branchCode = options.branchCode ?? tokyo;
    await db()
      .transaction()
      .execute((trx) => postMovement(trx, { sku, branchCode, kind: 'inbound', quantity: 20, reference: 'test' }));
    if (options.management) {
      const line = managementLine(sellerId, {
        sku,
        quantity: options.quantity ?? 1,
        recipient: { name: '佐藤 花子', phone: '090-0000-0000', postalCode: '530-0001', address: '大阪府大阪市北区梅田 1-1' },
      });
      const response = await hub.request('POST', '/api/v1/orders/management', { body: [line] });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return { order: await orderByNo(db(), sellerId, line.managementNo), sku, sellerId };
    }
    const itemNo = `${shop}80000`;
    await listing(db(), itemNo, sellerId, { A: sku });
    const line = qoo10Line(sellerId, itemNo, 'A', { quantity: options.quantity ?? 1 });
    const response = await hub.request('POST', '/api/v1/orders/qoo10', { body: [line] });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { order: await orderByNo(db(), sellerId, line.orderNo), sku, sellerId };
  }

  async function shipped(service: 'nekopos' | 'yamato' | 'sagawa', timeSlot: string | null, options: Parameters<typeof allocatedOrder>[0] = {}) {
    const made = await allocatedOrder(options);
    expect(made.order.state).toBe('allocated');
    const [label] = (await numbers(1)) as [string];
    expect(await push('order.packed', { orderId: made.order.id, service, timeSlot, trackingNumber: label })).toMatchObject({ status: 'applied' });
    expect(await push('order.shipped', { orderId: made.order.id, trackingNumber: label })).toMatchObject({ status: 'applied' });
    return { ...made, label };
  }

  const manifest = (query: string, token?: string | null) => hub.request('GET', `/api/v1/manifests?${query}`, token === undefined ? {} : { token });

  beforeAll(async () => {
    hub = await startTestHub(factory);
    // The hub checks who each pushed event names (server/sync/event-user.ts).
    await addFloorUser(hub.hub.store.db, 'packer-1', 'packer');
    headers = { authorization: `Station mf-pack:${await registerStation(db(), { id: 'mf-pack', name: 'mf-pack', branchCode: tokyo })}` };
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('keeps the time slot printed on the label on the order, in the order view and the changes feed, and clears it with a voided label', async () => {
    const { order } = await allocatedOrder({ quantity: 2 });
    const [first, second] = (await numbers(2)) as [string, string];
    expect(await push('order.packed', { orderId: order.id, service: 'sagawa', timeSlot: '14-16', trackingNumber: first })).toMatchObject({ status: 'applied' });
    const packedRow = await db().selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(packedRow).toMatchObject({ state: 'packed', service: 'sagawa', label_time_slot: '14-16', tracking_no: first });
    const view = await hub.request('GET', `/api/v1/orders/${order.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ service: 'sagawa', labelTimeSlot: '14-16', trackingNo: first });
    const feed = async () =>
      (
        await db()
          .selectFrom('changes')
          .select('data')
          .where('entity', '=', 'order')
          .where('entity_id', '=', order.id)
          .orderBy('seq', 'desc')
          .executeTakeFirstOrThrow()
      ).data;
    expect(JSON.parse(await feed())).toMatchObject({ service: 'sagawa', labelTimeSlot: '14-16' });

    expect(await push('label.voided', { orderId: order.id, trackingNumber: first, reason: 'jam' })).toMatchObject({ status: 'applied' });
    expect(await db().selectFrom('orders').select(['service', 'label_time_slot', 'tracking_no']).where('id', '=', order.id).executeTakeFirstOrThrow()).toEqual({
      service: null,
      label_time_slot: null,
      tracking_no: null,
    });
    expect(JSON.parse(await feed())).toMatchObject({ service: null, labelTimeSlot: null, trackingNo: null });

    // Labelled again as Yamato: no slot (the slot is Sagawa's only), and none left over from the voided label.
    expect(await push('order.packed', { orderId: order.id, service: 'yamato', timeSlot: null, trackingNumber: second })).toMatchObject({ status: 'applied' });
    expect(await db().selectFrom('orders').select(['service', 'label_time_slot']).where('id', '=', order.id).executeTakeFirstOrThrow()).toEqual({
      service: 'yamato',
      label_time_slot: null,
    });
  });

  it('lists the parcels handed over today per service, with carrier, counts and every column the driver checks', async () => {
    const today = tokyoDate(new Date());
    const sagawa = await shipped('sagawa', '18-20', { quantity: 3 });
    const yamato = await shipped('yamato', null, { management: true, quantity: 2 });
    const nekopos = await shipped('nekopos', null);
    // Packed but not yet scanned out: not handed over, not on the manifest.
    const waiting = await allocatedOrder();
    const [waitingLabel] = (await numbers(1)) as [string];
    await push('order.packed', { orderId: waiting.order.id, service: 'yamato', timeSlot: null, trackingNumber: waitingLabel });

    const response = await manifest(`branchCode=${tokyo}&date=${today}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const day = response.body;
    expect(day).toMatchObject({ date: today, branchCode: tokyo, marketplaceCarrier: 'Qxpress' });
    expect(day.sections.map((section: { service: string; carrier: string }) => [section.service, section.carrier])).toEqual([
      ['nekopos', 'yamato-transport'],
      ['yamato', 'yamato-transport'],
      ['sagawa', 'sagawa-express'],
    ]);
    const section = (service: string) => day.sections.find((s: { service: string }) => s.service === service);
    const trackingOf = (service: string) => section(service).parcels.map((parcel: { trackingNo: string }) => parcel.trackingNo);
    expect(trackingOf('sagawa')).toContain(sagawa.label);
    expect(trackingOf('yamato')).toContain(yamato.label);
    expect(trackingOf('nekopos')).toContain(nekopos.label);
    expect(trackingOf('yamato')).not.toContain(waitingLabel);

    const sagawaRow = section('sagawa').parcels.find((parcel: { trackingNo: string }) => parcel.trackingNo === sagawa.label);
    expect(sagawaRow).toMatchObject({
      orderId: sagawa.order.id,
      orderNo: sagawa.order.order_no,
      cartNo: sagawa.order.cart_no,
      managementNo: null,
      sellerId: sagawa.sellerId,
      sellerName: `${sagawa.sellerId} 店`,
      recipientName: '山田 太郎',
      prefecture: '千葉県',
      itemCount: 3,
      timeSlot: '18-20',
      atHub: true,
    });
    expect(section('yamato').parcels.find((parcel: { trackingNo: string }) => parcel.trackingNo === yamato.label)).toMatchObject({
      managementNo: yamato.order.order_no,
      cartNo: null,
      recipientName: '佐藤 花子',
      prefecture: '大阪府',
      itemCount: 2,
      timeSlot: null,
    });
    for (const s of day.sections) {
      expect(s.parcelCount).toBe(s.parcels.length);
      expect(s.itemCount).toBe(s.parcels.reduce((sum: number, parcel: { itemCount: number }) => sum + parcel.itemCount, 0));
    }
    expect(day.totals.parcels).toBe(day.sections.reduce((sum: number, s: { parcelCount: number }) => sum + s.parcelCount, 0));
    expect(day.totals.items).toBe(day.sections.reduce((sum: number, s: { itemCount: number }) => sum + s.itemCount, 0));
    expect(day.totals.parcels).toBeGreaterThanOrEqual(3);
  });

  it('cuts the day at Tokyo midnight, and keeps to the branch asked for', async () => {
    const late = await shipped('yamato', null);
    const early = await shipped('yamato', null);
    // 23:59:59.999 on 1 March in Tokyo is 14:59:59.999Z; midnight starting 2 March is 15:00Z.
    await db().updateTable('orders').set({ shipped_at: '2025-03-01T14:59:59.999Z' }).where('id', '=', late.order.id).execute();
    await db().updateTable('orders').set({ shipped_at: '2025-03-01T15:00:00.000Z' }).where('id', '=', early.order.id).execute();
    const onDay = async (date: string) =>
      (await manifest(`branchCode=${tokyo}&date=${date}`)).body.sections[1].parcels.map((parcel: { trackingNo: string }) => parcel.trackingNo);
    expect(await onDay('2025-03-01')).toEqual([late.label]);
    expect(await onDay('2025-03-02')).toEqual([early.label]);
    expect(await onDay('2025-02-28')).toEqual([]);

    const seoul = await manifest(`branchCode=${branches.qxpressKoreaSeoul}&date=2025-03-01`);
    expect(seoul.status).toBe(200);
    expect(seoul.body.totals).toEqual({ parcels: 0, items: 0 });
    expect(seoul.body.sections.every((s: { parcels: unknown[] }) => s.parcels.length === 0)).toBe(true);
  });

  it('refuses a bad date or branch with its reason, and callers who are not packers, supervisors or admins', async () => {
    expect((await manifest(`branchCode=${tokyo}&date=2025-02-30`)).status).toBe(400);
    expect((await manifest('date=2025-03-01')).status).toBe(400);
    expect((await manifest(`branchCode=${tokyo}`, await hub.tokenFor('packer'))).status).toBe(200);
    expect((await manifest(`branchCode=${tokyo}`, await hub.tokenFor('supervisor'))).status).toBe(200);
    expect((await manifest(`branchCode=${tokyo}`, await hub.tokenFor('clerk'))).status).toBe(403);
    expect((await manifest(`branchCode=${tokyo}`, await hub.tokenFor('seller', 'mf-1'))).status).toBe(403);
    expect((await manifest(`branchCode=${tokyo}`, null)).status).toBe(401);
  });
});
