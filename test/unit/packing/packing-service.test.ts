import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseTrackingCode, PackingService, suggestFor, type CachedOrder } from '../../../electron/station/packing/packing-service';
import { StationStore } from '../../../electron/station/store/station-store';
import { trackingBlock } from '../../../shared/domain/tracking-numbers';

const branch = '0000011520';
const sku = '300001289771-00003';
const order: CachedOrder = {
  id: 'o-1',
  sellerId: 'sakura-shop',
  source: 'qoo10',
  orderNo: '700000001',
  cartNo: '600000001',
  optionLabel: 'L',
  sku,
  quantity: 2,
  recipient: { name: '山田 太郎', phone: '03-0000-0000', postalCode: '1000001', address: '東京都千代田区千代田1-1' },
  deliveryTime: null,
  state: 'allocated',
  branchCode: branch,
  trackingNo: null,
};

let dir: string;
let store: StationStore;
let printed: unknown[];
let service: PackingService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-pack-'));
  store = new StationStore(dir);
  store.applyChanges(
    [
      { entity: 'order', entityId: order.id, op: 'upsert', data: order },
      { entity: 'sku', entityId: sku, op: 'upsert', data: { sku, inventoryCode: '300001289771', name: 'L', sellerSkuCode: 'SK-L', jan: '4901234567894', sellerId: 'sakura-shop', lengthCm: 25, widthCm: 20, heightCm: 1, weightG: 100 } },
      { entity: 'tracking-block', entityId: '1', op: 'upsert', data: { stationId: 'st-1', firstSerial: 300_000_000_00, count: 3, issuedAt: '2026-01-01T00:00:00Z' } },
    ],
    3,
  );
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

  it('suggests Nekopos for a thin parcel, a takkyubin size otherwise, Sagawa for a time slot', () => {
    const thin = { lengthCm: 25, widthCm: 20, heightCm: 1, weightG: 100 };
    expect(suggestFor(thin, 2, false)).toEqual({ service: 'nekopos', sizeClass: null, note: null });
    expect(suggestFor(thin, 5, false)).toEqual({ service: 'yamato', sizeClass: 60, note: null });
    expect(suggestFor(thin, 1, true)).toMatchObject({ service: 'sagawa' });
    expect(suggestFor(null, 1, false)).toEqual({ service: 'yamato', sizeClass: null, note: 'no-dimensions' });
    expect(normaliseTrackingCode(' 3000-0000-0016 ')).toBe('300000000016');
  });
});
