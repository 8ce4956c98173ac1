import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReceivingService } from '../../../electron/station/receiving/receiving-service';
import { StationStore } from '../../../electron/station/store/station-store';

const branch = '0000011520';
const towel = '300000000001-00001';
const mug = '300000000002-00001';
const foreign = '300000000003-00001';
const sku = (code: string, inventoryCode: string, name: string, sellerId: string, jan: string | null) => ({
  sku: code,
  inventoryCode,
  name,
  sellerSkuCode: `SC-${code}`,
  jan,
  sellerId,
  lengthCm: null,
  widthCm: null,
  heightCm: null,
  weightG: null,
});
const bundle = (id: string, state: string, estimatedArrival: string, lines: { id: string; sku: string; quantity: number }[] = []) => ({
  id,
  sellerId: 'sakura-shop',
  branchCode: branch,
  state,
  estimatedArrival,
  boxCount: 2,
  boxesReceived: 0,
  late: false,
  holdReason: null,
  lines: lines.map((line) => ({ ...line, description: null, counted: null })),
});

let dir: string;
let store: StationStore;
let service: ReceivingService;
let cursor = 0;
const feed = (changes: Parameters<StationStore['applyChanges']>[0]) => store.applyChanges(changes, (cursor += changes.length));
const upsert = (entity: string, entityId: string, data: unknown) => ({ entity, entityId, op: 'upsert' as const, data });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-receiving-'));
  store = new StationStore(dir);
  feed([
    upsert('seller', 'sakura-shop', { id: 'sakura-shop', name: 'さくら雑貨店' }),
    upsert('seller', 'fuji-apparel', { id: 'fuji-apparel', name: 'フジ アパレル' }),
    upsert('user', 'u-clerk', { id: 'u-clerk', name: '田中 花子', role: 'clerk' }),
    upsert('inventory-item', '300000000001', { code: '300000000001', name: '今治タオル' }),
    upsert('inventory-item', '300000000002', { code: '300000000002', name: '有田焼 マグカップ' }),
    upsert('inventory-item', '300000000003', { code: '300000000003', name: 'デニム ジャケット' }),
    upsert('sku', towel, sku(towel, '300000000001', 'カラー : 白', 'sakura-shop', '4901234567894')),
    upsert('sku', mug, sku(mug, '300000000002', 'サイズ : M', 'sakura-shop', null)),
    upsert('sku', foreign, sku(foreign, '300000000003', 'サイズ : L', 'fuji-apparel', null)),
    // Expected out of id order, to show the list is in arrival order.
    upsert('bundle', 'IB00000009', bundle('IB00000009', 'shipped', '2026-12-07')),
    upsert('bundle', 'IB00000002', bundle('IB00000002', 'confirmed', '2026-12-08')),
    upsert('bundle', 'IB00000001', bundle('IB00000001', 'requested', '2026-12-07')),
    upsert('bundle', 'IB00000005', bundle('IB00000005', 'completed', '2026-12-01')),
    upsert(
      'bundle',
      'IB00000004',
      bundle('IB00000004', 'arrived', '2026-12-06', [
        { id: 'L-towel', sku: towel, quantity: 40 },
        { id: 'L-mug', sku: mug, quantity: 35 },
      ]),
    ),
  ]);
  service = new ReceivingService({ store, branchCode: branch, record: (kind, payload, userId) => void store.appendEvent(kind, payload, userId) });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dock', () => {
  it('lists requested, confirmed and shipped bundles in the order expected, each saying what it waits for, with the shop name', () => {
    const listed = service.expected().map(({ id, state, waitingFor, sellerName }) => ({ id, state, waitingFor, sellerName }));
    expect(listed).toEqual([
      { id: 'IB00000004', state: 'arrived', waitingFor: null, sellerName: 'さくら雑貨店' },
      { id: 'IB00000001', state: 'requested', waitingFor: 'warehouse-confirmation', sellerName: 'さくら雑貨店' },
      { id: 'IB00000009', state: 'shipped', waitingFor: null, sellerName: 'さくら雑貨店' },
      { id: 'IB00000002', state: 'confirmed', waitingFor: 'seller-shipment', sellerName: 'さくら雑貨店' },
    ]);
  });

  it('refuses what the hub would refuse, saying why, and records nothing; takes a shipped bundle', () => {
    expect(service.arrive('sakura-shop IB00000001', undefined, 'u-clerk')).toMatchObject({
      accepted: false,
      refusal: 'bundle-not-confirmed',
      state: 'requested',
    });
    expect(service.arrive('IB00000002', undefined, 'u-clerk')).toMatchObject({ accepted: false, refusal: 'bundle-not-shipped', state: 'confirmed' });
    expect(service.arrive('IB00000005', undefined, 'u-clerk')).toMatchObject({ accepted: false, refusal: 'bundle-wrong-state', state: 'completed' });
    expect(store.eventsOfKinds(['bundle.arrived'])).toHaveLength(0);
    expect(service.arrive('sakura-shop IB00000009', undefined, 'u-clerk')).toMatchObject({ accepted: true, state: 'arrived' });
  });
});

describe('inspection', () => {
  const id = 'IB00000004';
  const counted = () => Object.fromEntries(service.open(id).lines.map((line) => [line.sku, line.counted]));

  it('shows short and over apart instead of a net total', () => {
    service.key(id, 'L-towel', 35, 'u-clerk');
    service.key(id, 'L-mug', 40, 'u-clerk');
    expect(service.open(id).totals).toEqual({ expected: 75, counted: 75, short: 5, over: 5 });
  });

  it('undoes exactly the last scan: an unknown item after a unit takes the unknown item back, not the unit', () => {
    service.scan(id, `]C0${towel}`, 'u-clerk');
    service.scan(id, `]C0${mug}`, 'u-clerk');
    expect(service.scan(id, '9999999999999', 'u-clerk').refusal).toBe('unknown-item');
    const undone = service.undo(id, 'u-clerk');
    expect(undone.undone).toEqual({ lineId: null, code: '9999999999999', quantity: 1 });
    expect(undone.view.findings).toEqual([]);
    expect(counted()).toEqual({ [towel]: 1, [mug]: 1 });
    // Then the mug, the last unit scanned, then the towel; then nothing.
    expect(service.undo(id, 'u-clerk').undone).toEqual({ lineId: 'L-mug', code: null, quantity: 1 });
    expect(counted()).toEqual({ [towel]: 1, [mug]: 0 });
    expect(service.undo(id, 'u-clerk').lineId).toBe('L-towel');
    expect(service.undo(id, 'u-clerk').refusal).toBe('nothing-to-undo');
  });

  it('undoes a keyed count back to the count before it, and a scan made after the key first', () => {
    for (let i = 0; i < 3; i++) service.scan(id, `]C0${towel}`, 'u-clerk');
    service.key(id, 'L-towel', 40, 'u-clerk');
    service.scan(id, `]C0${mug}`, 'u-clerk');
    service.undo(id, 'u-clerk');
    expect(counted()).toEqual({ [towel]: 40, [mug]: 0 });
    service.undo(id, 'u-clerk');
    expect(counted()).toEqual({ [towel]: 3, [mug]: 0 });
    expect(service.open(id).canUndo).toBe(true);
  });

  it('keeps an undo across a restart of the station: the tally is rebuilt from the outbox', () => {
    service.scan(id, foreign, 'u-clerk');
    service.scan(id, `]C0${towel}`, 'u-clerk');
    service.undo(id, 'u-clerk');
    const reopened = new ReceivingService({ store, branchCode: branch, record: (kind, payload, userId) => void store.appendEvent(kind, payload, userId) });
    expect(reopened.undo(id, 'u-clerk').undone).toEqual({ lineId: null, code: foreign, quantity: 1 });
    expect(reopened.open(id).findings).toEqual([]);
  });

  it('names the item and seller of other-seller and not-in-bundle finds, sums repeats, and names the inspector', () => {
    service.scan(id, foreign, 'u-clerk');
    service.scan(id, foreign, 'u-clerk');
    service.scan(id, '4999999999999', 'u-clerk');
    const view = service.open(id);
    expect(view.findings).toEqual([
      { code: foreign, kind: 'wrong-seller', quantity: 2, sku: foreign, itemName: 'デニム ジャケット', optionName: 'サイズ : L', sellerName: 'フジ アパレル' },
      { code: '4999999999999', kind: 'unknown-item', quantity: 1, sku: null, itemName: null, optionName: null, sellerName: null },
    ]);
    expect(view.inspectors).toEqual(['田中 花子']);
  });

  it('an undo event of an older station (one unit off the line) still takes back that line’s last scan', () => {
    service.scan(id, `]C0${towel}`, 'u-clerk');
    service.scan(id, `]C0${mug}`, 'u-clerk');
    store.appendEvent('inspection.counted', { bundleId: id, lineId: 'L-towel', quantity: -1, source: 'undo' }, 'u-clerk');
    expect(counted()).toEqual({ [towel]: 0, [mug]: 1 });
    expect(service.undo(id, 'u-clerk').lineId).toBe('L-mug');
    expect(service.open(id).canUndo).toBe(false);
  });
});
