import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReceivingService } from '../../../electron/station/receiving/receiving-service';
import { StationStore } from '../../../electron/station/store/station-store';
import { StationFailure } from '../../../shared/contract/errors';

const branch = '0000011520';
const towel = '300000000001-00001';
const mug = '300000000002-00001';
const sku = (code: string, inventoryCode: string) => ({
  sku: code,
  inventoryCode,
  name: 'opt',
  sellerSkuCode: `SC-${code}`,
  jan: null,
  sellerId: 'sakura-shop',
  lengthCm: null,
  widthCm: null,
  heightCm: null,
  weightG: null,
});
const upsert = (entity: string, entityId: string, data: unknown) => ({ entity, entityId, op: 'upsert' as const, data });

let dir: string;
let store: StationStore;
let service: ReceivingService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-damaged-'));
  store = new StationStore(dir);
  store.applyChanges(
    [
      upsert('seller', 'sakura-shop', { id: 'sakura-shop', name: 'さくら雑貨店' }),
      upsert('sku', towel, sku(towel, '300000000001')),
      upsert('sku', mug, sku(mug, '300000000002')),
      upsert('bundle', 'IB00000004', {
        id: 'IB00000004',
        sellerId: 'sakura-shop',
        branchCode: branch,
        state: 'arrived',
        estimatedArrival: '2026-12-06',
        boxCount: 2,
        boxesReceived: 2,
        late: false,
        holdReason: null,
        lines: [
          { id: 'L-towel', sku: towel, quantity: 10, description: null, counted: null },
          { id: 'L-mug', sku: mug, quantity: 5, description: null, counted: null },
        ],
      }),
    ],
    1,
  );
  service = new ReceivingService({ store, branchCode: branch, record: (kind, payload, userId) => void store.appendEvent(kind, payload, userId) });
  service.key('IB00000004', 'L-towel', 8, 'u-clerk');
  service.key('IB00000004', 'L-mug', 5, 'u-clerk');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const finished = () => store.recent(100).filter((entry) => entry.kind === 'inspection.finished');

describe('damaged units at the end of inspection', () => {
  it('sends how many of a damaged line’s counted units are damaged, and none with another reason', () => {
    service.finish(
      'IB00000004',
      [
        { lineId: 'L-towel', reason: 'damaged', note: null, damagedUnits: 3 },
        { lineId: 'L-mug', reason: 'other', note: '箱つぶれ', damagedUnits: 2 },
      ],
      'u-clerk',
    );
    expect(finished()[0]?.payload).toEqual({
      bundleId: 'IB00000004',
      reasons: [
        { lineId: 'L-towel', reason: 'damaged', note: null, damagedUnits: 3 },
        { lineId: 'L-mug', reason: 'other', note: '箱つぶれ' },
      ],
    });
  });

  it('refuses more damaged units than the line counted, and records nothing', () => {
    expect(() => service.finish('IB00000004', [{ lineId: 'L-towel', reason: 'damaged', note: null, damagedUnits: 9 }], 'u-clerk')).toThrow(StationFailure);
    expect(finished()).toEqual([]);
  });
});
