import type { CachedOrder } from '../../electron/station/packing/packing-service';
import type { StationStore } from '../../electron/station/store/station-store';

/** The branch, SKU and order the pack-bench tests work with, as the hub's changes feed carries them. */
export const benchBranch = '0000011520';
export const benchSku = '300001289771-00003';

/** An allocated Qoo10 order of one unit of the bench SKU, in cart 600000001; `changes` adjust it per test. */
export function benchOrder(changes: Partial<CachedOrder> = {}): CachedOrder {
  return {
    id: 'o-1',
    sellerId: 'sakura-shop',
    source: 'qoo10',
    orderNo: '700000001',
    cartNo: '600000001',
    optionLabel: 'L',
    sku: benchSku,
    quantity: 1,
    recipient: { name: '山田 太郎', phone: '03-0000-0000', postalCode: '1000001', address: '東京都千代田区千代田1-1' },
    deliveryTime: null,
    state: 'allocated',
    branchCode: benchBranch,
    trackingNo: null,
    ...changes,
  };
}

/** The bench SKU as the feed carries it: 25 × 20 × 1 cm and 100 g, so a parcel of it fits Nekopos. */
export const benchSkuView = {
  sku: benchSku,
  inventoryCode: '300001289771',
  name: 'L',
  sellerSkuCode: 'SK-L',
  jan: '4901234567894',
  sellerId: 'sakura-shop',
  lengthCm: 25,
  widthCm: 20,
  heightCm: 1,
  weightG: 100,
};

/** The station's cache after the feed brought these orders, the bench SKU and a block of three tracking numbers. */
export function seedPackBench(store: StationStore, orders: readonly CachedOrder[], cursor = 3): void {
  store.applyChanges(
    [
      ...orders.map((order) => ({ entity: 'order', entityId: order.id, op: 'upsert' as const, data: order })),
      { entity: 'sku', entityId: benchSku, op: 'upsert', data: benchSkuView },
      {
        entity: 'tracking-block',
        entityId: '1',
        op: 'upsert',
        data: { stationId: 'st-1', firstSerial: 300_000_000_00, count: 3, issuedAt: '2026-01-01T00:00:00Z' },
      },
    ],
    cursor,
  );
}
