import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseTrackingCode, PackingService, type CachedOrder } from '../../../electron/station/packing/packing-service';
import { benchBranch, benchOrder, benchSku, seedPackBench } from '../../support/pack-bench-fixtures';
import { StationStore } from '../../../electron/station/store/station-store';
import { trackingBlock } from '../../../shared/domain/tracking-numbers';

const branch = benchBranch;
const sku = benchSku;
const order = benchOrder({ quantity: 2 });

let dir: string;
let store: StationStore;
let printed: unknown[];
let service: PackingService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-pack-'));
  store = new StationStore(dir);
  seedPackBench(store, [order]);
  printed = [];
  service = new PackingService({
    store,
    branchCode: branch,
    // Nothing listens here: a refill fails quietly, which is what a station away from its hub sees.
    hub: { url: 'http://127.0.0.1:9', stationId: 'st-1', secret: 'x' },
    record: (kind, payload, userId) => store.appendEvent(kind, payload, userId),
    printLabel: (label) => (printed.push(label), Promise.resolve({ jobId: 'j', printer: 'labels', state: 'queued', message: null })),
    log: () => {},
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pack bench', () => {
  it('opens by order or cart number and refuses unknown codes', () => {
    expect(service.open('700000001').orders.map((o) => o.orderId)).toEqual(['o-1']);
    expect(service.open('600000001').orders.map((o) => o.orderId)).toEqual(['o-1']);
    expect(service.open('nope').refusal).toBe('unknown-order');
  });

  it('counts the right item (by SKU or JAN), refuses wrong and extra ones without recording, and reports the pick once complete', () => {
    expect(service.scan('o-1', '4999999999999', null)).toMatchObject({ verdict: 'refused', refusal: 'unknown-item' });
    expect(service.scan('o-1', sku, null)).toMatchObject({ verdict: 'accepted', order: { lines: [{ packed: 1 }] } });
    expect(store.eventsOfKinds(['order.picked'])).toHaveLength(0);
    expect(service.scan('o-1', '4901234567894', null)).toMatchObject({ verdict: 'complete', order: { complete: true, state: 'picked' } });
    expect(service.scan('o-1', sku, null)).toMatchObject({ verdict: 'refused', refusal: 'extra-item' });
    expect(store.eventsOfKinds(['order.picked']).map((e) => e.payload)).toEqual([{ orderId: 'o-1', sku, quantity: 2 }]);
  });

  it('labels from the block, ships only on the right label, and never reuses a voided number', async () => {
    const numbers = trackingBlock(300_000_000_00, 3);
    await expect(service.label('o-1', 'nekopos', null, null)).resolves.toMatchObject({ refusal: 'not-complete' });
    service.scan('o-1', sku, null);
    service.scan('o-1', sku, null);
    await expect(service.label('o-1', 'nekopos', '14-16', null)).resolves.toMatchObject({ refusal: 'time-slot-sagawa-only' });
    const first = await service.label('o-1', 'nekopos', null, null);
    expect(first.order).toMatchObject({ state: 'packed', trackingNumber: numbers[0], service: 'nekopos' });
    expect(printed).toHaveLength(1);
    expect(service.ship('o-1', numbers[1]!, null)).toMatchObject({ verdict: 'refused', refusal: 'label-mismatch' });
    expect(service.void('o-1', 'torn', null)).toMatchObject({ verdict: 'accepted', order: { state: 'picked', trackingNumber: null } });
    const second = await service.label('o-1', 'sagawa', '14-16', null);
    expect(second.order.trackingNumber).toBe(numbers[1]);
    expect(service.ship('o-1', `A${numbers[1]}A`, null)).toMatchObject({ verdict: 'complete', order: { state: 'in_transit' } });
    expect(service.stock.left()).toBe(1);
  });

  it('prints the shop’s name at the branch’s returns address (the manual’s CS係) as the sender, unless the station names another', async () => {
    store.applyChanges([{ entity: 'seller', entityId: 'sakura-shop', op: 'upsert', data: { id: 'sakura-shop', name: 'さくら雑貨店' } }], 4);
    service.scan('o-1', sku, null);
    service.scan('o-1', sku, null);
    await service.label('o-1', 'nekopos', null, null);
    expect(printed).toEqual([
      expect.objectContaining({
        sender: { name: 'さくら雑貨店', postalCode: '273-0017', address: '千葉県船橋市西浦3-4-2 北エントランス 2F Qxpress CS係', phone: '050-3189-7080' },
      }),
    ]);
    const own = { name: 'さくら雑貨店 発送係', postalCode: '100-0005', address: '東京都千代田区丸の内1-9-1', phone: '03-0000-0000' };
    store.setSetting('packing.sender', JSON.stringify(own));
    service.void('o-1', 'torn', null);
    await service.label('o-1', 'nekopos', null, null);
    expect(printed[1]).toMatchObject({ sender: own });
  });

  it('reads a scanned tracking label with or without its NW-7 start/stop characters and hyphens', () => {
    expect(normaliseTrackingCode(' 3000-0000-0016 ')).toBe('300000000016');
    expect(normaliseTrackingCode('A300000000016A')).toBe('300000000016');
  });
});

describe('parcels, pick lists and recipients', () => {
  const sku2 = '300001289771-00004';
  const sibling: CachedOrder = { ...order, id: 'o-2', orderNo: '700000002', sku: sku2, quantity: 1 };
  const loner: CachedOrder = { ...order, id: 'o-3', orderNo: '700000003', cartNo: null, quantity: 1 };
  beforeEach(() => {
    store.applyChanges(
      [
        { entity: 'order', entityId: sibling.id, op: 'upsert', data: sibling },
        { entity: 'order', entityId: loner.id, op: 'upsert', data: loner },
        {
          entity: 'sku',
          entityId: sku2,
          op: 'upsert',
          data: {
            sku: sku2,
            inventoryCode: '300001289771',
            name: 'XL',
            sellerSkuCode: 'SK-XL',
            jan: null,
            sellerId: 'sakura-shop',
            lengthCm: 25,
            widthCm: 20,
            heightCm: 1,
            weightG: 100,
          },
        },
        {
          entity: 'pick-list',
          entityId: 'PL00000001',
          op: 'upsert',
          data: { id: 'PL00000001', branchCode: branch, createdAt: '2026-01-01T00:00:00Z', orderIds: ['o-3', 'o-1'], lines: [] },
        },
      ],
      4,
    );
  });

  it('packs a cart as one parcel: one label, one number on every order, shipped and voided together', async () => {
    expect(service.open('700000002').orders.map((o) => o.orderId)).toEqual(['o-1', 'o-2']);
    // A unit of the sibling scanned while the first order is active counts on the sibling.
    expect(service.scan('o-1', sku2, null)).toMatchObject({ verdict: 'complete', order: { orderId: 'o-2' } });
    service.scan('o-1', sku, null);
    await expect(service.label('o-2', 'yamato', null, null)).resolves.toMatchObject({ refusal: 'not-complete' });
    service.scan('o-1', sku, null);
    const labelled = await service.label('o-2', 'yamato', null, null);
    expect(labelled.verdict).toBe('complete');
    expect(printed).toEqual([expect.objectContaining({ cartNo: '600000001', itemCount: 3 })]);
    const packed = store.eventsOfKinds(['order.packed']).map((e) => e.payload as { orderId: string; trackingNumber: string });
    expect(packed.map((p) => p.orderId).sort()).toEqual(['o-1', 'o-2']);
    expect(new Set(packed.map((p) => p.trackingNumber)).size).toBe(1);
    expect(service.void('o-1', 'smudged', null).verdict).toBe('accepted');
    expect(store.eventsOfKinds(['label.voided'])).toHaveLength(2);
    const again = await service.label('o-1', 'yamato', null, null);
    expect(service.ship('o-2', again.order.trackingNumber!, null).verdict).toBe('complete');
    expect(
      store
        .eventsOfKinds(['order.shipped'])
        .map((e) => (e.payload as { orderId: string }).orderId)
        .sort(),
    ).toEqual(['o-1', 'o-2']);
    expect(service.open('700000001')).toMatchObject({ refusal: 'already-shipped', orders: [{ state: 'in_transit' }, { state: 'in_transit' }] });
  });

  it('labels a cart the same way whichever of its orders is in hand: every order number, in order', async () => {
    service.open('700000002');
    service.scan('o-2', sku2, null);
    service.scan('o-2', sku, null);
    service.scan('o-2', sku, null);
    await service.label('o-2', 'yamato', null, null);
    expect(printed).toEqual([
      expect.objectContaining({ orderNo: '700000001', cartNo: '600000001', orderNos: ['700000001', '700000002'], qrPayload: 'QWMS:ORDER:o-1' }),
    ]);
  });

  it('opens a pick list with the carts of its orders; a unit counts on any bench order that needs it', () => {
    const bench = service.open('pl00000001').orders.map((o) => o.orderId);
    expect(bench.sort()).toEqual(['o-1', 'o-2', 'o-3']);
    // o-3 is active but already has its unit: the next unit of the same SKU goes to o-1.
    expect(service.scan('o-3', sku, null, bench)).toMatchObject({ verdict: 'complete', order: { orderId: 'o-3' } });
    expect(service.scan('o-3', sku, null, bench)).toMatchObject({ verdict: 'accepted', order: { orderId: 'o-1' } });
    expect(service.scan('o-3', '300001289771-00099', null, bench)).toMatchObject({ verdict: 'refused', refusal: 'unknown-item' });
  });

  it('a picked order is still checked unit by unit at the bench', () => {
    store.appendEvent('order.picked', { orderId: 'o-3', sku, quantity: 1 }, null);
    expect(service.open('700000003').orders[0]).toMatchObject({ state: 'picked', complete: false, lines: [{ packed: 0 }] });
    expect(service.scan('o-3', sku, null)).toMatchObject({ verdict: 'complete' });
    expect(store.eventsOfKinds(['order.picked'])).toHaveLength(1);
  });

  it('flags a foreign phone, and refuses a label without postal code, nothing recorded', async () => {
    const foreign: CachedOrder = { ...loner, id: 'o-4', orderNo: '700000004', recipient: { ...loner.recipient, phone: '+1 415 555 0100' } };
    const noPostal: CachedOrder = { ...loner, id: 'o-5', orderNo: '700000005', recipient: { ...loner.recipient, postalCode: '' } };
    store.applyChanges(
      [foreign, noPostal].map((o) => ({ entity: 'order', entityId: o.id, op: 'upsert' as const, data: o })),
      5,
    );
    expect(service.open('700000004').orders[0]!.recipientProblems).toEqual(['invalid-phone']);
    service.scan('o-4', sku, null);
    await expect(service.label('o-4', 'nekopos', null, null)).resolves.toMatchObject({ verdict: 'complete' });
    expect(service.open('700000005').orders[0]!.recipientProblems).toEqual(['invalid-postal-code']);
    service.scan('o-5', sku, null);
    await expect(service.label('o-5', 'nekopos', null, null)).resolves.toMatchObject({ verdict: 'refused', refusal: 'invalid-postal-code' });
    expect(store.eventsOfKinds(['order.packed']).map((e) => (e.payload as { orderId: string }).orderId)).toEqual(['o-4']);
  });
});

describe('bad input at the bench', () => {
  it('refuses an order of another branch by name, and one already shipped', () => {
    const seoul: CachedOrder = { ...order, id: 'o-kr', orderNo: '700000009', cartNo: null, branchCode: '0000000082' };
    const gone: CachedOrder = { ...order, id: 'o-gone', orderNo: '700000008', cartNo: null, state: 'in_transit', trackingNo: '300000000016' };
    store.applyChanges(
      [seoul, gone].map((o) => ({ entity: 'order', entityId: o.id, op: 'upsert' as const, data: o })),
      9,
    );
    expect(service.open('700000009')).toMatchObject({ orders: [], refusal: 'order-other-branch' });
    expect(service.open('700000008')).toMatchObject({ refusal: 'already-shipped' });
    expect(() => service.scan('o-kr', sku, null)).toThrow(/not at this branch/);
  });

  it('when the block is used up and the hub cannot give more: says so, records nothing, prints nothing', async () => {
    const numbers = trackingBlock(300_000_000_00, 3);
    for (const [i, id] of ['o-a', 'o-b', 'o-c', 'o-d'].entries()) {
      const single: CachedOrder = { ...order, id, orderNo: `70000010${i}`, cartNo: null, quantity: 1 };
      store.applyChanges([{ entity: 'order', entityId: id, op: 'upsert', data: single }], 10 + i);
      service.scan(id, sku, null);
      const result = await service.label(id, 'nekopos', null, null);
      if (i < 3) expect(result.order.trackingNumber).toBe(numbers[i]);
      else expect(result).toMatchObject({ verdict: 'refused', refusal: 'no-tracking-numbers', job: null });
    }
    expect(printed).toHaveLength(3);
    expect(store.eventsOfKinds(['order.packed'])).toHaveLength(3);
    expect(service.open('700000103')).toMatchObject({ trackingNumbersLeft: 0 });
  });
});

describe('Sagawa delivery day', () => {
  it('prints the buyer’s day with the slot within two days, refuses a slot for a day gone or too far, nothing recorded', async () => {
    const ask = (id: string, date: string): CachedOrder => ({
      ...order,
      id,
      orderNo: `7100000${id.slice(-2)}`,
      cartNo: null,
      quantity: 1,
      deliveryTime: { date, slot: '14-16' },
    });
    const clock = new Date('2026-11-27T03:00:00Z'); // 12:00 in Tokyo
    const dated = new PackingService({
      store,
      branchCode: branch,
      hub: { url: 'http://127.0.0.1:9', stationId: 'st-1', secret: 'x' },
      record: (kind, payload, userId) => store.appendEvent(kind, payload, userId),
      printLabel: (label) => (printed.push(label), Promise.resolve({ jobId: 'j', printer: 'labels', state: 'queued', message: null })),
      log: () => {},
      now: () => clock,
    });
    store.applyChanges(
      [ask('o-d1', '2026-11-28'), ask('o-d2', '2026-11-26'), ask('o-d3', '2026-11-30')].map((o) => ({
        entity: 'order',
        entityId: o.id,
        op: 'upsert' as const,
        data: o,
      })),
      20,
    );
    for (const id of ['o-d1', 'o-d2', 'o-d3']) dated.scan(id, sku, null);
    await expect(dated.label('o-d2', 'sagawa', '14-16', null)).resolves.toMatchObject({ verdict: 'refused', refusal: 'delivery-date-passed' });
    await expect(dated.label('o-d3', 'sagawa', '14-16', null)).resolves.toMatchObject({ verdict: 'refused', refusal: 'delivery-date-too-far' });
    expect(store.eventsOfKinds(['order.packed'])).toHaveLength(0);
    await expect(dated.label('o-d1', 'sagawa', '14-16', null)).resolves.toMatchObject({ verdict: 'complete' });
    // Without a slot the parcel still goes, and the day gone is not printed as a promise.
    await expect(dated.label('o-d2', 'sagawa', null, null)).resolves.toMatchObject({ verdict: 'complete' });
    expect(printed).toEqual([
      expect.objectContaining({ timeSlot: '14-16', deliveryDate: '2026-11-28' }),
      expect.objectContaining({ timeSlot: null, deliveryDate: null }),
    ]);
  });
});
