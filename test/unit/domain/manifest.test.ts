import { describe, expect, it } from 'vitest';
import { buildManifestDay, carrierOfService, prefectureOf, type ManifestOrder } from '../../../shared/domain/manifest';
import { tokyoInstant } from '../../../shared/domain/tokyo-time';

const parcel = (trackingNo: string, service: ManifestOrder['service'], shippedAt: Date, overrides: Partial<ManifestOrder> = {}): ManifestOrder => ({
  orderId: `o-${trackingNo}`,
  trackingNo,
  service,
  orderNo: `N${trackingNo}`,
  cartNo: null,
  managementNo: null,
  sellerId: 'sakura-shop',
  sellerName: 'さくら雑貨店',
  recipientName: '山田 太郎',
  prefecture: '千葉県',
  itemCount: 1,
  timeSlot: null,
  shippedAt: shippedAt.toISOString(),
  atHub: true,
  ...overrides,
});

describe('end-of-day manifest grouping', () => {
  const day = '2026-11-27';

  it('gives every service its own section, in a fixed order, with the carrier whose driver signs', () => {
    const manifest = buildManifestDay(day, '0000011520', []);
    expect(manifest.sections.map((section) => [section.service, section.carrier, section.parcelCount, section.itemCount])).toEqual([
      ['nekopos', 'yamato-transport', 0, 0],
      ['yamato', 'yamato-transport', 0, 0],
      ['sagawa', 'sagawa-express', 0, 0],
    ]);
    expect(manifest).toMatchObject({ date: day, branchCode: '0000011520', marketplaceCarrier: 'Qxpress', totals: { parcels: 0, items: 0 } });
    expect(carrierOfService.nekopos).toBe(carrierOfService.yamato);
  });

  it('counts parcels and items per service and in total, each list in the order the parcels left', () => {
    const manifest = buildManifestDay(day, '0000011520', [
      parcel('300000000026', 'yamato', tokyoInstant(day, 15), { itemCount: 2 }),
      parcel('300000000015', 'yamato', tokyoInstant(day, 9), { itemCount: 3 }),
      parcel('300000000030', 'sagawa', tokyoInstant(day, 10), { timeSlot: '14-16' }),
      parcel('300000000041', 'nekopos', tokyoInstant(day, 11)),
    ]);
    const [nekopos, yamato, sagawa] = manifest.sections as [
      (typeof manifest.sections)[number],
      (typeof manifest.sections)[number],
      (typeof manifest.sections)[number],
    ];
    expect(yamato.parcels.map((p) => p.trackingNo)).toEqual(['300000000015', '300000000026']);
    expect([yamato.parcelCount, yamato.itemCount]).toEqual([2, 5]);
    expect([sagawa.parcelCount, sagawa.itemCount, sagawa.parcels[0]!.timeSlot]).toEqual([1, 1, '14-16']);
    expect([nekopos.parcelCount, nekopos.itemCount]).toEqual([1, 1]);
    expect(manifest.totals).toEqual({ parcels: 4, items: 7 });
  });

  it('takes the Tokyo day, not the UTC one: 23:59 JST is that day, 00:00 JST the next', () => {
    const manifest = buildManifestDay(day, '0000011520', [
      parcel('300000000015', 'yamato', tokyoInstant(day, 0)),
      parcel('300000000026', 'yamato', tokyoInstant(day, 23, 59, 59, 999)),
      parcel('300000000030', 'yamato', tokyoInstant('2026-11-28', 0)),
      parcel('300000000041', 'yamato', tokyoInstant('2026-11-26', 23, 59)),
    ]);
    expect(manifest.sections[1]!.parcels.map((p) => p.trackingNo)).toEqual(['300000000015', '300000000026']);
  });

  it("makes the orders of a cart under one number one parcel: every order no., all their items, the first order's recipient", () => {
    const manifest = buildManifestDay(day, '0000011520', [
      parcel('300000000015', 'yamato', tokyoInstant(day, 9, 5), {
        orderId: 'o-2',
        orderNo: '700000001',
        cartNo: '600000000',
        itemCount: 2,
        recipientName: '中村 大輔',
      }),
      parcel('300000000015', 'yamato', tokyoInstant(day, 9, 4), {
        orderId: 'o-1',
        orderNo: '700000000',
        cartNo: '600000000',
        itemCount: 1,
        recipientName: '山本 花子',
        atHub: false,
      }),
      parcel('300000000026', 'yamato', tokyoInstant(day, 10)),
    ]);
    const yamato = manifest.sections[1]!;
    expect(yamato.parcels.map((p) => [p.trackingNo, p.orderNo, p.orderNos, p.itemCount, p.recipientName, p.atHub, p.shippedAt])).toEqual([
      ['300000000015', '700000000', ['700000000', '700000001'], 3, '山本 花子', false, tokyoInstant(day, 9, 4).toISOString()],
      ['300000000026', 'N300000000026', ['N300000000026'], 1, '山田 太郎', true, tokyoInstant(day, 10).toISOString()],
    ]);
    expect([yamato.parcelCount, yamato.itemCount]).toEqual([2, 4]);
  });

  it('lists an order once, the hub copy winning over a station copy not yet applied', () => {
    const manifest = buildManifestDay(day, '0000011520', [
      parcel('300000000015', 'yamato', tokyoInstant(day, 9, 0, 1), { atHub: false }),
      parcel('300000000015', 'yamato', tokyoInstant(day, 9, 0, 2), { atHub: true }),
      parcel('300000000015', 'yamato', tokyoInstant(day, 9, 0, 3), { atHub: false }),
    ]);
    expect(manifest.sections[1]!.parcels).toHaveLength(1);
    expect(manifest.sections[1]!.parcels[0]!.atHub).toBe(true);
    expect(manifest.totals.parcels).toBe(1);
  });

  it('reads the prefecture from the start of an address', () => {
    expect(prefectureOf('千葉県船橋市浜町 2-1-1')).toBe('千葉県');
    expect(prefectureOf('東京都港区六本木 1-1')).toBe('東京都');
    expect(prefectureOf('〒060-0001 北海道札幌市中央区')).toBe('北海道');
    expect(prefectureOf('京都府京都市')).toBe('京都府');
    expect(prefectureOf('神奈川県横浜市')).toBe('神奈川県');
    expect(prefectureOf('船橋市浜町')).toBeNull();
  });
});
