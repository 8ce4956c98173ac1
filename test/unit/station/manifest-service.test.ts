import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CachedOrder } from '../../../electron/station/catalog/cached-order';
import { ManifestService } from '../../../electron/station/manifest/manifest-service';
import { StationStore } from '../../../electron/station/store/station-store';
import { tokyoInstant } from '../../../shared/domain/tokyo-time';
import { pdfText } from '../../support/barcode-tools';

const tokyo = '0000011520';
const day = '2026-11-27';
let dir: string;
let store: StationStore;
let printed: { title: string; bytes: number }[];
let service: ManifestService;

const order = (id: string, overrides: Partial<CachedOrder> = {}): CachedOrder => ({
  id,
  sellerId: 'sakura-shop',
  source: 'qoo10',
  orderNo: `N-${id}`,
  cartNo: `C-${id}`,
  optionLabel: null,
  sku: '300000000001-00001',
  quantity: 1,
  recipient: { name: '山田 太郎', phone: '090', postalCode: '273-0012', address: '千葉県船橋市浜町 2-1-1' },
  deliveryTime: null,
  state: 'allocated',
  branchCode: tokyo,
  trackingNo: null,
  shippedAt: null,
  service: null,
  labelTimeSlot: null,
  ...overrides,
});
const cache = (...orders: ReturnType<typeof order>[]) =>
  store.applyChanges(
    orders.map((data) => ({ entity: 'order', entityId: data.id, op: 'upsert' as const, data })),
    1,
  );
const at = (hours: number) => tokyoInstant(day, hours);
const sections = () => Object.fromEntries(service.day(day).sections.map((section) => [section.service, section]));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-manifest-'));
  store = new StationStore(dir);
  printed = [];
  store.applyChanges([{ entity: 'seller', entityId: 'sakura-shop', op: 'upsert', data: { id: 'sakura-shop', name: 'さくら雑貨店' } }], 1);
  service = new ManifestService({
    store,
    branchCode: tokyo,
    stationId: 'PACK-01',
    reportsDir: join(dir, 'reports'),
    printDocument: async (pdf, title) => {
      printed.push({ title, bytes: pdf.length });
      return { jobId: 'job-1', printer: 'labels', state: 'queued', message: null };
    },
    now: () => at(18),
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the station manifest', () => {
  it("lists the branch's parcels in transit from the hub's feed, per service, with seller name, prefecture and slot", () => {
    cache(
      order('a', { state: 'in_transit', trackingNo: '300000000015', shippedAt: at(10).toISOString(), service: 'sagawa', labelTimeSlot: '14-16', quantity: 2 }),
      order('b', { state: 'in_transit', trackingNo: '300000000026', shippedAt: at(11).toISOString(), service: 'yamato', source: 'management' }),
      // Another branch, another day, not yet shipped: none of them are on today's manifest here.
      order('c', { state: 'in_transit', trackingNo: '300000000030', shippedAt: at(11).toISOString(), service: 'yamato', branchCode: '0000000082' }),
      order('d', { state: 'in_transit', trackingNo: '300000000041', shippedAt: tokyoInstant('2026-11-26', 12).toISOString(), service: 'yamato' }),
      order('e', { state: 'packed', trackingNo: '300000000052', service: 'nekopos' }),
    );
    const { nekopos, yamato, sagawa } = sections();
    expect(sagawa!.parcels).toEqual([
      expect.objectContaining({
        orderId: 'a',
        trackingNo: '300000000015',
        sellerName: 'さくら雑貨店',
        prefecture: '千葉県',
        timeSlot: '14-16',
        itemCount: 2,
        cartNo: 'C-a',
        managementNo: null,
        atHub: true,
      }),
    ]);
    expect(yamato!.parcels.map((p) => [p.orderId, p.managementNo])).toEqual([['b', 'N-b']]);
    expect(nekopos!.parcelCount).toBe(0);
    expect(service.day(day).totals).toEqual({ parcels: 2, items: 3 });
    expect(service.day().date).toBe(day);
  });

  it('adds what this station scanned out a moment ago, before the hub has it, and leaves out what the hub refused or a voided label', () => {
    cache(order('a'), order('b'), order('c'), order('d', { state: 'packed', trackingNo: '300000000041', service: 'sagawa', labelTimeSlot: 'morning' }));
    store.appendEvent('order.packed', { orderId: 'a', service: 'sagawa', timeSlot: '18-20', trackingNumber: '300000000015' }, 'u', at(9));
    store.appendEvent('order.shipped', { orderId: 'a', trackingNumber: '300000000015' }, 'u', at(9));
    // b: labelled, voided, labelled again as Nekopos and shipped.
    store.appendEvent('order.packed', { orderId: 'b', service: 'yamato', timeSlot: null, trackingNumber: '300000000026' }, 'u', at(10));
    store.appendEvent('label.voided', { orderId: 'b', trackingNumber: '300000000026', reason: 'jam' }, 'u', at(10));
    store.appendEvent('order.packed', { orderId: 'b', service: 'nekopos', timeSlot: null, trackingNumber: '300000000030' }, 'u', at(10));
    store.appendEvent('order.shipped', { orderId: 'b', trackingNumber: '300000000030' }, 'u', at(10));
    // c: the hub refused the scan out.
    store.appendEvent('order.packed', { orderId: 'c', service: 'yamato', timeSlot: null, trackingNumber: '300000000052' }, 'u', at(11));
    const refused = store.appendEvent('order.shipped', { orderId: 'c', trackingNumber: '300000000052' }, 'u', at(11));
    store.settle(refused.eventId, 'rejected', 'label-mismatch');
    // d: packed at the hub (by the feed), shipped here.
    store.appendEvent('order.shipped', { orderId: 'd', trackingNumber: '300000000041' }, 'u', at(12));

    const { nekopos, yamato, sagawa } = sections();
    expect(sagawa!.parcels.map((p) => [p.orderId, p.trackingNo, p.timeSlot, p.atHub, p.shippedAt])).toEqual([
      ['a', '300000000015', '18-20', false, at(9).toISOString()],
      ['d', '300000000041', 'morning', false, at(12).toISOString()],
    ]);
    expect(nekopos!.parcels.map((p) => p.trackingNo)).toEqual(['300000000030']);
    expect(yamato!.parcels).toEqual([]);

    // The hub applies a's events and its feed says in transit: listed once, now at the hub.
    cache(order('a', { state: 'in_transit', trackingNo: '300000000015', shippedAt: at(9).toISOString(), service: 'sagawa', labelTimeSlot: '18-20' }));
    expect(sections().sagawa!.parcels.map((p) => [p.orderId, p.atHub])).toEqual([
      ['a', true],
      ['d', false],
    ]);
  });

  it('dates a parcel scanned out at 23:59:30 with the hub away by its scan, on that day, after midnight as before and once the hub has it', () => {
    const lateScan = tokyoInstant(day, 23, 59, 30);
    const nextDay = '2026-11-28';
    cache(order('a', { state: 'packed', trackingNo: '300000000015', service: 'yamato' }));
    store.appendEvent('order.shipped', { orderId: 'a', trackingNumber: '300000000015' }, 'u', lateScan);
    const onDay = (date: string) => service.day(date).sections.flatMap((section) => section.parcels.map((p) => [p.orderId, p.atHub, p.shippedAt]));
    expect(onDay(day)).toEqual([['a', false, lateScan.toISOString()]]);
    expect(onDay(nextDay)).toEqual([]);
    // Pushed after midnight: the hub keeps the scan's time as shipped_at (server/sync/floor-time.ts), and its feed says so.
    cache(order('a', { state: 'in_transit', trackingNo: '300000000015', shippedAt: lateScan.toISOString(), service: 'yamato' }));
    expect(onDay(day)).toEqual([['a', true, lateScan.toISOString()]]);
    expect(onDay(nextDay)).toEqual([]);
  });

  it('takes the service and slot from its own label when the cached order view is from a hub without them', () => {
    cache(order('a', { state: 'in_transit', trackingNo: '300000000015', shippedAt: at(9).toISOString(), service: undefined, labelTimeSlot: undefined }));
    store.appendEvent('order.packed', { orderId: 'a', service: 'sagawa', timeSlot: '12-14', trackingNumber: '300000000015' }, 'u', at(9));
    expect(sections().sagawa!.parcels.map((p) => [p.orderId, p.timeSlot])).toEqual([['a', '12-14']]);
  });

  it('prints one service: the PDF kept in the data folder, with every parcel, and queued on the printer', async () => {
    cache(
      order('a', { state: 'in_transit', trackingNo: '300000000015', shippedAt: at(10).toISOString(), service: 'sagawa', labelTimeSlot: '14-16', quantity: 2 }),
      order('b', { state: 'in_transit', trackingNo: '300000000026', shippedAt: at(11).toISOString(), service: 'yamato' }),
    );
    const result = await service.print(day, 'sagawa');
    expect(result).toMatchObject({ job: { jobId: 'job-1', state: 'queued' }, parcelCount: 1, path: join(dir, 'reports', `manifest-${day}-sagawa.pdf`) });
    expect(printed).toEqual([{ title: `出荷明細書 佐川急便 ${day}`, bytes: result.bytes }]);
    const text = pdfText(readFileSync(result.path)).replace(/\s+/g, '');
    expect(text).toContain('3000-0000-0015');
    expect(text).not.toContain('3000-0000-0026');
    expect(text).toContain('山田太郎様');
    expect(text).toContain('14時〜16時');
    expect(text).toContain('さくら雑貨店');
    expect(text).toContain('合計:1個口');
    expect(text).toContain('商品点数:2点');
  });
});
