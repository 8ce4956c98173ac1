import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CachedOrder } from '../../../electron/station/catalog/cached-order';
import { PickingService, type CachedPickList } from '../../../electron/station/picking/picking-service';
import { StationStore } from '../../../electron/station/store/station-store';
import { StationFailure } from '../../../shared/contract/errors';
import { stationErrorOf } from '../../../electron/station/contract-host/error-policy';

const branch = '0000011520';
const towel = '300001289771-00001';
const mug = '300001289772-00002';
const other = '300001289773-00001';
const order = (id: string, orderNo: string, sku: string, quantity: number): CachedOrder => ({
  id,
  sellerId: 'sakura-shop',
  source: 'qoo10',
  orderNo,
  cartNo: null,
  optionLabel: null,
  sku,
  quantity,
  recipient: { name: '山田 太郎', phone: '090-1234-5678', postalCode: '273-0012', address: '千葉県船橋市浜町 2-1-1' },
  deliveryTime: null,
  state: 'allocated',
  branchCode: branch,
  trackingNo: null,
});
const skuData = (sku: string, jan: string | null, sellerSkuCode: string) => ({
  sku,
  inventoryCode: sku.slice(0, 12),
  name: `opt ${sku}`,
  sellerSkuCode,
  jan,
  sellerId: 'sakura-shop',
  lengthCm: null,
  widthCm: null,
  heightCm: null,
  weightG: null,
});
const list: CachedPickList = {
  id: 'PL00000001',
  branchCode: branch,
  createdAt: new Date().toISOString(),
  createdBy: 'u-packer',
  orderIds: ['o-1', 'o-2', 'o-3'],
  lines: [
    { sku: towel, bin: 'B-01-01-01', quantity: 3, orderIds: ['o-1', 'o-3'] },
    { sku: mug, bin: 'A-01-01-01', quantity: 1, orderIds: ['o-2'] },
  ],
};

let dir: string;
let store: StationStore;
let service: PickingService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-pick-'));
  store = new StationStore(dir);
  store.applyChanges(
    [
      { entity: 'order', entityId: 'o-1', op: 'upsert', data: order('o-1', '700000001', towel, 2) },
      { entity: 'order', entityId: 'o-2', op: 'upsert', data: order('o-2', '700000002', mug, 1) },
      { entity: 'order', entityId: 'o-3', op: 'upsert', data: order('o-3', '700000003', towel, 1) },
      { entity: 'sku', entityId: towel, op: 'upsert', data: skuData(towel, '4901234567894', 'SK-TOWEL') },
      { entity: 'sku', entityId: mug, op: 'upsert', data: skuData(mug, null, 'SK-MUG') },
      { entity: 'sku', entityId: other, op: 'upsert', data: skuData(other, null, 'SK-OTHER') },
      { entity: 'pick-list', entityId: list.id, op: 'upsert', data: list },
    ],
    7,
  );
  // Nothing listens on port 9: the hub is away.
  service = new PickingService({
    store,
    branchCode: branch,
    hub: { url: 'http://127.0.0.1:9', stationId: 'st-1', secret: 'x' },
    record: (kind, payload, userId) => store.appendEvent(kind, payload, userId),
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const picked = () => store.eventsOfKinds(['order.picked']).map((entry) => entry.payload);

describe('picking on the station', () => {
  it('opens a list by id (or its QR) with lines in bin order; refuses an unknown one', () => {
    const opened = service.open('pl00000001').list!;
    expect(opened.lines.map((line) => [line.bin, line.sku, line.expected, line.picked])).toEqual([
      ['A-01-01-01', mug, 1, 0],
      ['B-01-01-01', towel, 3, 0],
    ]);
    expect(opened.currentSku).toBe(mug);
    expect(service.open('QWMS:PICK:PL00000001').list?.id).toBe('PL00000001');
    expect(service.open('PL00000099')).toEqual({ list: null, refusal: 'unknown-pick-list' });
    expect(service.lists()).toEqual([{ id: 'PL00000001', createdAt: list.createdAt, orders: 3, units: 4, picked: 0, complete: false }]);
  });

  it('counts each unit durably, reports each order picked in the outbox, refuses wrong and extra items', () => {
    expect(service.scan(list.id, other, null)).toMatchObject({ verdict: 'refused', refusal: 'not-on-list', sku: other });
    expect(service.scan(list.id, '4999999999999', null)).toMatchObject({ verdict: 'refused', refusal: 'unknown-item' });
    expect(service.scan(list.id, 'A-01-01-01', null)).toMatchObject({ verdict: 'at-bin', bin: 'A-01-01-01' });
    expect(service.scan(list.id, 'C-09-09-09', null)).toMatchObject({ verdict: 'refused', refusal: 'bin-not-on-list' });
    expect(service.scan(list.id, 'SK-MUG', 'u-1')).toMatchObject({ verdict: 'order-picked', orderNo: '700000002', list: { currentSku: towel } });
    expect(picked()).toEqual([{ orderId: 'o-2', sku: mug, quantity: 1 }]);
    expect(service.scan(list.id, `]C0${mug}`, null)).toMatchObject({ verdict: 'refused', refusal: 'extra-item' });

    expect(service.scan(list.id, '4901234567894', null)).toMatchObject({ verdict: 'accepted', sku: towel });
    expect(picked()).toHaveLength(1);
    // A restarted station (a new store on the same file) still has the unit counted.
    store.close();
    store = new StationStore(dir);
    service = new PickingService({
      store,
      branchCode: branch,
      hub: { url: 'http://127.0.0.1:9', stationId: 'st-1', secret: 'x' },
      record: (kind, payload, userId) => store.appendEvent(kind, payload, userId),
    });
    expect(service.open(list.id).list!.lines[1]!.picked).toBe(1);

    expect(service.scan(list.id, towel, null)).toMatchObject({ verdict: 'order-picked', orderNo: '700000001' });
    expect(service.scan(list.id, towel, null)).toMatchObject({ verdict: 'complete', orderNo: '700000003', list: { complete: true, currentSku: null } });
    expect(picked()).toEqual([
      { orderId: 'o-2', sku: mug, quantity: 1 },
      { orderId: 'o-1', sku: towel, quantity: 2 },
      { orderId: 'o-3', sku: towel, quantity: 1 },
    ]);
    expect(service.scan(list.id, towel, null)).toMatchObject({ verdict: 'refused', refusal: 'list-complete' });
    expect(service.lists()[0]).toMatchObject({ picked: 4, units: 4, complete: true });
  });

  it('counts an order already picked elsewhere as done, and drops one taken off the branch', () => {
    store.appendEvent('order.picked', { orderId: 'o-1', sku: towel, quantity: 2 }, null);
    store.applyChanges(
      [{ entity: 'order', entityId: 'o-2', op: 'upsert', data: { ...order('o-2', '700000002', mug, 1), state: 'held', branchCode: null } }],
      8,
    );
    const view = service.open(list.id).list!;
    expect(view.lines.map((line) => [line.sku, line.expected, line.picked])).toEqual([[towel, 3, 2]]);
    expect(service.scan(list.id, towel, null)).toMatchObject({ verdict: 'complete', orderNo: '700000003' });
  });

  it('refuses to make lists with the hub away, saying so', async () => {
    const error = await service.make(undefined, { userId: 'u-1', token: 't', language: 'ja' }).catch((caught: unknown) => caught);
    // Read as the screen hears it: through the station's one error policy.
    expect(stationErrorOf('picking.make', error, () => {})).toMatchObject({ code: 'hub-offline' });
  });

  it('refuses a scan for a list that is not here', () => {
    expect(() => service.scan('PL00000077', towel, null)).toThrow(StationFailure);
  });
});
