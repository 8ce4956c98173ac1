import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StockCountService, secondBadgeSetting } from '../../../electron/station/stock-count/stock-count-service';
import { StationStore } from '../../../electron/station/store/station-store';
import type { StockCountConfirmInput } from '../../../shared/contract/stock-count';

const branch = '0000011520';
const towel = '300001289771-00001';
const mug = '300001289772-00002';
const skuData = (sku: string, jan: string | null) => ({
  sku,
  inventoryCode: sku.slice(0, 12),
  name: `opt ${sku}`,
  sellerSkuCode: `SK-${sku.slice(-5)}`,
  jan,
  sellerId: 'sakura-shop',
  lengthCm: null,
  widthCm: null,
  heightCm: null,
  weightG: null,
});
const order = (id: string, sku: string, quantity: number, state: string) => ({
  id,
  sellerId: 'sakura-shop',
  source: 'qoo10',
  orderNo: `70000000${id.slice(-1)}`,
  cartNo: null,
  optionLabel: null,
  sku,
  quantity,
  recipient: { name: '山田 太郎', phone: '090-1234-5678', postalCode: '273-0012', address: '千葉県船橋市浜町 2-1-1' },
  deliveryTime: null,
  state,
  branchCode: branch,
  trackingNo: null,
});
const supervisor = { id: 'u-supervisor', role: 'supervisor' as const };

let dir: string;
let store: StationStore;
let counts: StockCountService;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-count-'));
  store = new StationStore(dir);
  store.applyChanges(
    [
      { entity: 'sku', entityId: towel, op: 'upsert', data: skuData(towel, '4901234567894') },
      { entity: 'sku', entityId: mug, op: 'upsert', data: skuData(mug, null) },
      { entity: 'inventory-item', entityId: towel.slice(0, 12), op: 'upsert', data: { code: towel.slice(0, 12), name: 'タオル' } },
      { entity: 'sku-location', entityId: `${branch}/${towel}`, op: 'upsert', data: { branchCode: branch, sku: towel, bin: 'A-01-01-01', updatedAt: '' } },
      { entity: 'sku-location', entityId: `${branch}/${mug}`, op: 'upsert', data: { branchCode: branch, sku: mug, bin: 'A-01-01-01', updatedAt: '' } },
      { entity: 'stock', entityId: `${towel}@${branch}`, op: 'upsert', data: { sku: towel, branchCode: branch, quantity: 20 } },
      { entity: 'stock', entityId: `${towel}@0000099999`, op: 'upsert', data: { sku: towel, branchCode: '0000099999', quantity: 500 } },
      { entity: 'order', entityId: 'o-1', op: 'upsert', data: order('o-1', towel, 2, 'picked') },
      { entity: 'order', entityId: 'o-2', op: 'upsert', data: order('o-2', towel, 3, 'allocated') },
      { entity: 'order', entityId: 'o-3', op: 'upsert', data: order('o-3', towel, 4, 'in_transit') },
    ],
    5,
  );
  // Badges as the station's credential cache keeps them after a sign-in with the hub up: checked with the hub away.
  await store.credentials.remember({ id: 'u-supervisor', name: '鈴木 一郎', role: 'supervisor', credentialsVersion: 1 }, { badge: 'BADGE-0003' });
  await store.credentials.remember({ id: 'u-supervisor-2', name: '伊藤 美咲', role: 'supervisor', credentialsVersion: 1 }, { badge: 'BADGE-0005' });
  await store.credentials.remember({ id: 'u-clerk', name: '田中 花子', role: 'clerk', credentialsVersion: 1 }, { badge: 'BADGE-0001' });
  counts = new StockCountService({
    store,
    branchCode: branch,
    record: (kind, payload, userId) => store.appendEvent(kind, payload, userId),
    badgeHolder: async (badge) => {
      const check = await store.credentials.checkBadge(badge);
      return check.kind === 'match' ? check.user : null;
    },
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const input = (fields: Partial<StockCountConfirmInput>): StockCountConfirmInput => ({
  branchCode: branch,
  sku: towel,
  bin: null,
  counted: 16,
  reason: 'lost',
  note: null,
  secondBadge: null,
  ...fields,
});
const outbox = () => store.recent(100).filter((entry) => entry.kind === 'stock.counted');

describe('cycle count at the station', () => {
  it('opens a bin with every SKU shelved in it, and a SKU by its JAN, each against what is left on the shelf', () => {
    const bin = counts.open('a-01-01-01');
    expect(bin.verdict).toBe('bin');
    expect(bin.items.map((item) => [item.sku, item.book, item.picking])).toEqual([
      [towel, 18, 2], // 20 on the book, 2 picked and not shipped: counted against the 18 left
      [mug, 0, 0],
    ]);
    // A unit scanned while counting is only resolved (no book read): the same rules, bin first.
    expect(counts.resolve('4901234567894')).toEqual({ kind: 'sku', code: towel });
    expect(counts.resolve(' a-01-01-01 ')).toEqual({ kind: 'bin', code: 'A-01-01-01' });
    expect(counts.resolve('no-such-thing')).toEqual({ kind: 'unknown', code: null });
    expect(counts.open('4901234567894')).toMatchObject({ verdict: 'sku', items: [{ sku: towel, itemName: 'タオル', bin: 'A-01-01-01', book: 18 }] });
  });

  it('lays this station’s own unanswered picks, packs and counts over the book', async () => {
    store.appendEvent('order.picked', { orderId: 'o-2', sku: towel, quantity: 3 }, 'u-packer');
    expect(counts.open(towel).items[0]).toMatchObject({ book: 15, picking: 5 });
    const result = await counts.confirm(input({ counted: 14 }), supervisor, 'c1');
    expect(result).toMatchObject({ verdict: 'recorded', variance: -1 });
    expect(outbox()[0]?.payload).toEqual({ sku: towel, bin: null, book: 15, counted: 14, reason: 'lost', note: null, secondApproverId: null });
    expect(counts.open(towel).items[0]?.book).toBe(14);
    // Applied by the hub and pulled: the cache has the new balance and the event is no longer laid over it.
    store.settle(outbox()[0]!.eventId, 'applied');
    store.applyChanges([{ entity: 'stock', entityId: `${towel}@${branch}`, op: 'upsert', data: { sku: towel, branchCode: branch, quantity: 19 } }], 6);
    expect(counts.open(towel).items[0]?.book).toBe(14);
    expect(counts.recent(10)).toMatchObject([{ sku: towel, book: 15, counted: 14, variance: -1, state: 'applied' }]);
  });

  it('refuses bad input with its reason and records nothing', async () => {
    expect(counts.open('Z-99-99-99')).toMatchObject({ verdict: 'refused', refusal: 'unknown-bin' });
    expect(counts.open('no-such-thing')).toMatchObject({ verdict: 'refused', refusal: 'unknown-code' });
    const refusals = [
      [input({ counted: -1 }), 'bad-count'],
      [input({ counted: 100_001 }), 'bad-count'],
      [input({ counted: 2.5 }), 'bad-count'],
      [input({ reason: null }), 'no-reason'],
      [input({ reason: 'other', note: '  ' }), 'note-required'],
      [input({ branchCode: '0000099999' }), 'other-branch'],
      [input({ bin: 'Z-99-99-99' }), 'unknown-bin'],
      [input({ counted: 19, reason: 'damaged' }), 'damaged-over'],
    ] as const;
    for (const [bad, refusal] of refusals) expect((await counts.confirm(bad, supervisor, 'c1')).refusal, refusal).toBe(refusal);
    expect(outbox()).toEqual([]);
  });

  it('records a count that found the book, without a reason (the hub keeps it with no movement)', async () => {
    expect(await counts.confirm(input({ counted: 18, reason: null }), supervisor, 'c1')).toMatchObject({ verdict: 'recorded', variance: 0 });
    expect(outbox()[0]?.payload).toMatchObject({ book: 18, counted: 18, reason: 'count-correction' });
  });

  it('needs a second supervisor’s badge above the threshold: not the same person, not a clerk, not an unknown badge', async () => {
    const big = input({ counted: 7, reason: 'damaged' }); // 18 → 7: 11 units, one above the default 10
    expect(await counts.confirm(big, supervisor, 'c1')).toMatchObject({ verdict: 'refused', refusal: 'second-badge-needed', variance: -11 });
    expect((await counts.confirm({ ...big, secondBadge: 'BADGE-0003' }, supervisor, 'c1')).refusal).toBe('same-person');
    expect((await counts.confirm({ ...big, secondBadge: 'BADGE-0001' }, supervisor, 'c1')).refusal).toBe('not-supervisor');
    expect((await counts.confirm({ ...big, secondBadge: 'BADGE-9999' }, supervisor, 'c1')).refusal).toBe('unknown-badge');
    expect(outbox()).toEqual([]);
    const approved = await counts.confirm({ ...big, secondBadge: 'BADGE-0005' }, supervisor, 'c1');
    expect(approved.recorded).toMatchObject({ variance: -11, secondApproverId: 'u-supervisor-2', state: 'pending' });
    expect(outbox()).toHaveLength(1);
  });

  it('refuses to count on a station that has never pulled the hub’s stock: every book would read 0', async () => {
    const freshDir = mkdtempSync(join(tmpdir(), 'qwms-count-fresh-'));
    const fresh = new StationStore(freshDir);
    try {
      const service = new StockCountService({
        store: fresh,
        branchCode: branch,
        record: (kind, payload, userId) => fresh.appendEvent(kind, payload, userId),
        badgeHolder: async () => null,
      });
      expect(service.open(towel)).toMatchObject({ verdict: 'refused', refusal: 'no-book' });
      expect((await service.confirm(input({}), supervisor, 'c1')).refusal).toBe('no-book');
      expect(fresh.recent(10)).toEqual([]);
    } finally {
      fresh.close();
      rmSync(freshDir, { recursive: true, force: true });
    }
  });

  it('takes the threshold from the station setting', async () => {
    expect(counts.setSecondBadgeAbove(3)).toBe(3);
    expect(store.setting(secondBadgeSetting)).toBe('3');
    expect(counts.open(towel).secondBadgeAbove).toBe(3);
    expect((await counts.confirm(input({ counted: 14 }), supervisor, 'c1')).refusal).toBe('second-badge-needed');
    expect((await counts.confirm(input({ counted: 15 }), supervisor, 'c1')).verdict).toBe('recorded');
  });
});
