import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { binOf, binsOf } from '../../../electron/station/putaway/bin-lookup';
import { PutawayService } from '../../../electron/station/putaway/putaway-service';
import { StationStore } from '../../../electron/station/store/station-store';

const branch = '0000011520';
const seoul = '0000011521';
const towel = '300000000001-00001';
const mug = '300000000002-00001';
const skuData = (sku: string, inventoryCode: string, name: string, sellerSkuCode: string, jan: string | null) => ({
  sku,
  inventoryCode,
  name,
  sellerSkuCode,
  jan,
  sellerId: 'sakura-shop',
  lengthCm: null,
  widthCm: null,
  heightCm: null,
  weightG: null,
});

let dir: string;
let store: StationStore;
let service: PutawayService;
let cursor = 0;
const feed = (changes: Parameters<StationStore['applyChanges']>[0]) => store.applyChanges(changes, (cursor += changes.length));
const located = () => store.eventsOfKinds(['sku.located']);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-putaway-'));
  store = new StationStore(dir);
  feed([
    { entity: 'inventory-item', entityId: '300000000001', op: 'upsert', data: { code: '300000000001', name: '今治タオル' } },
    { entity: 'inventory-item', entityId: '300000000002', op: 'upsert', data: { code: '300000000002', name: '有田焼 マグカップ' } },
    { entity: 'sku', entityId: towel, op: 'upsert', data: skuData(towel, '300000000001', 'カラー : 白', 'SK-TOWEL-WH', '4901234567894') },
    { entity: 'sku', entityId: mug, op: 'upsert', data: skuData(mug, '300000000002', 'サイズ : M', 'SK-MUG-M', null) },
    {
      entity: 'sku-location',
      entityId: `${branch}/${towel}`,
      op: 'upsert',
      data: { branchCode: branch, sku: towel, bin: 'B-02-01-03', updatedAt: '2026-01-01T00:00:00Z' },
    },
    {
      entity: 'sku-location',
      entityId: `${seoul}/${mug}`,
      op: 'upsert',
      data: { branchCode: seoul, sku: mug, bin: 'Z-09-09-09', updatedAt: '2026-01-01T00:00:00Z' },
    },
  ]);
  service = new PutawayService({ store, branchCode: branch, record: (kind, payload, userId) => store.appendEvent(kind, payload, userId) });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('putaway', () => {
  it('holds a scanned SKU (label, JAN or seller SKU code) with its current bin, and places it on the bin scan, durably', () => {
    const held = service.scan('w1', `]C0${towel}`, 'u-clerk');
    expect(held).toEqual({
      verdict: 'sku',
      refusal: null,
      pending: { sku: towel, itemName: '今治タオル', optionName: 'カラー : 白', sellerId: 'sakura-shop', sellerSkuCode: 'SK-TOWEL-WH', bin: 'B-02-01-03' },
      placed: null,
    });
    expect(located()).toHaveLength(0);

    const placed = service.scan('w1', 'ａ－０１－０２－０３', 'u-clerk');
    expect(placed).toMatchObject({
      verdict: 'placed',
      refusal: null,
      pending: null,
      placed: { item: { sku: towel, bin: 'A-01-02-03' }, fromBin: 'B-02-01-03', toBin: 'A-01-02-03' },
    });
    // On disk before the answer: a fresh store on the same file has it.
    const again = new StationStore(dir);
    expect(again.eventsOfKinds(['sku.located']).map((entry) => ({ payload: entry.payload, userId: entry.userId, state: entry.state }))).toEqual([
      { payload: { sku: towel, bin: 'A-01-02-03' }, userId: 'u-clerk', state: 'pending' },
    ]);
    again.close();
    expect(placed.placed?.eventId).toBe(located()[0]?.eventId);

    // By JAN and by seller SKU code, too.
    expect(service.scan('w1', '4901234567894', null)).toMatchObject({ verdict: 'sku', pending: { sku: towel, bin: 'A-01-02-03' } });
    expect(service.scan('w1', 'SK-MUG-M', null)).toMatchObject({ verdict: 'sku', pending: { sku: mug, bin: null } });
  });

  it('refuses a bin scanned before any SKU, and after a placement, recording nothing', () => {
    expect(service.scan('w1', 'A-01-01-01', null)).toEqual({ verdict: 'refused', refusal: 'bin-first', pending: null, placed: null });
    service.scan('w1', towel, null);
    service.scan('w1', 'C-01-01-01', null);
    expect(service.scan('w1', 'C-01-01-02', null)).toMatchObject({ verdict: 'refused', refusal: 'bin-first' });
    expect(located().map((entry) => entry.payload)).toEqual([{ sku: towel, bin: 'C-01-01-01' }]);
  });

  it('lets a second SKU replace the first, and refuses unknown codes without dropping the SKU in hand', () => {
    service.scan('w1', towel, null);
    expect(service.scan('w1', mug, null)).toMatchObject({ verdict: 'sku', pending: { sku: mug } });
    expect(service.scan('w1', '4999999999999', null)).toMatchObject({ verdict: 'refused', refusal: 'unknown-item', pending: { sku: mug } });
    expect(service.scan('w1', '399999999999-00001', null)).toMatchObject({ verdict: 'refused', refusal: 'unknown-item', pending: { sku: mug } });
    expect(service.scan('w1', 'A-1-1-1', null)).toMatchObject({ verdict: 'refused', refusal: 'unknown-item' });
    expect(service.scan('w1', 'A-03-02-01', null)).toMatchObject({ verdict: 'placed', placed: { item: { sku: mug }, fromBin: null, toBin: 'A-03-02-01' } });
    expect(located().map((entry) => entry.payload)).toEqual([{ sku: mug, bin: 'A-03-02-01' }]);
  });

  it('keeps one SKU in hand per window, and can put it down', () => {
    service.scan('w1', towel, null);
    expect(service.pending('w1')?.sku).toBe(towel);
    expect(service.pending('w2')).toBeNull();
    expect(service.scan('w2', 'A-01-01-01', null)).toMatchObject({ refusal: 'bin-first' });
    expect(service.clear('w1')).toBe(true);
    expect(service.clear('w1')).toBe(false);
    expect(service.scan('w1', 'A-01-01-01', null)).toMatchObject({ refusal: 'bin-first' });
  });

  it('looks a SKU up by any of its codes; an unknown one is null', () => {
    expect(service.location('SK-TOWEL-WH')).toMatchObject({ sku: towel, bin: 'B-02-01-03' });
    expect(service.location(mug)).toMatchObject({ sku: mug, bin: null });
    expect(service.location('nope')).toBeNull();
  });
});

describe('binOf', () => {
  it("answers this station's own unapplied placement, else the hub's location for the branch, else null", () => {
    expect(binOf(store, branch, towel)).toBe('B-02-01-03');
    expect(binOf(store, branch, mug)).toBeNull();
    expect(binOf(store, seoul, mug)).toBe('Z-09-09-09');

    const first = store.appendEvent('sku.located', { sku: towel, bin: 'A-01-01-01' }, null);
    store.appendEvent('sku.located', { sku: towel, bin: 'A-01-01-02' }, null);
    expect(binOf(store, branch, towel)).toBe('A-01-01-02');
    expect(binsOf(store, branch)).toEqual(new Map([[towel, 'A-01-01-02']]));

    // Refused by the hub: not a placement. Applied: the hub's feed says where it is (another station may have moved it since).
    store.settle(first.eventId, 'applied');
    const second = located()[1]!;
    store.settle(second.eventId, 'rejected', 'not-found');
    expect(binOf(store, branch, towel)).toBe('B-02-01-03');
    feed([
      {
        entity: 'sku-location',
        entityId: `${branch}/${towel}`,
        op: 'upsert',
        data: { branchCode: branch, sku: towel, bin: 'A-01-01-01', updatedAt: '2026-01-02T00:00:00Z' },
      },
    ]);
    expect(binOf(store, branch, towel)).toBe('A-01-01-01');
    expect(binsOf(store, seoul)).toEqual(new Map([[mug, 'Z-09-09-09']]));
  });
});
