import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackingService, type CachedOrder } from '../../electron/station/packing/packing-service';
import { blockSize, refillBelow } from '../../electron/station/packing/tracking-stock';
import { StationStore } from '../../electron/station/store/station-store';
import { startHub } from '../../server/hub/start-hub';
import { issueTrackingBlock } from '../../server/services/tracking';
import { registerStation } from '../../server/services/stations';
import { tokyo } from '../support/hub-fixtures';
import { waitUntil } from '../support/wait-until';

const sku = '300001289771-00003';
const orderOf = (n: number): CachedOrder => ({
  id: `o-${n}`,
  sellerId: 'sakura-shop',
  source: 'qoo10',
  orderNo: String(700_000_000 + n),
  cartNo: null,
  optionLabel: null,
  sku,
  quantity: 1,
  recipient: { name: '山田 太郎', phone: '03-0000-0000', postalCode: '1000001', address: '東京都千代田区千代田1-1' },
  deliveryTime: null,
  state: 'allocated',
  branchCode: tokyo,
  trackingNo: null,
});

describe('the station’s block of tracking numbers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-refill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('asks the hub for a new block before it runs out, so labels never stop while the hub is there', async () => {
    const hub = await startHub({ database: join(dir, 'hub.sqlite'), port: 0 });
    const store = new StationStore(join(dir, 'station'));
    try {
      await registerStation(hub.store.db, { id: 'st-refill', name: 'pack', branchCode: tokyo, secret: 'refill-secret-1234' });
      // A first block just big enough that a few labels bring it under the refill mark.
      const first = await issueTrackingBlock(hub.store.db, 'st-refill', refillBelow + 2);
      const service = new PackingService({
        store,
        branchCode: tokyo,
        hub: { url: hub.url, stationId: 'st-refill', secret: 'refill-secret-1234' },
        record: (kind, payload, userId) => store.appendEvent(kind, payload, userId),
        printLabel: () => Promise.resolve({ jobId: 'j', printer: 'labels', state: 'queued', message: null }),
        log: () => {},
      });
      service.stock.keep({ id: String(first.id), stationId: 'st-refill', firstSerial: first.firstSerial, count: first.count });
      const orders = [1, 2, 3].map(orderOf);
      store.applyChanges(
        [
          ...orders.map((order) => ({ entity: 'order', entityId: order.id, op: 'upsert' as const, data: order })),
          {
            entity: 'sku',
            entityId: sku,
            op: 'upsert',
            data: {
              sku,
              inventoryCode: '300001289771',
              name: 'L',
              sellerSkuCode: null,
              jan: null,
              sellerId: 'sakura-shop',
              lengthCm: null,
              widthCm: null,
              heightCm: null,
              weightG: null,
            },
          },
        ],
        1,
      );

      for (const order of orders) {
        service.scan(order.id, sku, null);
        expect((await service.label(order.id, 'yamato', null, null)).verdict).toBe('complete');
      }
      // Under the mark after the third label: the label step itself asked the hub, nobody else did.
      await waitUntil(() => service.stock.left() > refillBelow, 'the new block to arrive');
      expect(service.stock.left()).toBe(refillBelow + 2 - 3 + blockSize);
      const blocks = await hub.store.db.selectFrom('tracking_blocks').select('count').where('station_id', '=', 'st-refill').execute();
      expect(blocks.map((block) => block.count)).toEqual([refillBelow + 2, blockSize]);
    } finally {
      store.close();
      await hub.close();
    }
  });
});
