import { parcelServices, type ParcelService } from './parcel-services';
import { tokyoDate, type TokyoDate } from './tokyo-time';

/**
 * The end-of-day manifest (出荷明細): what was handed to each carrier's driver on one Tokyo day at one branch.
 *
 * Carrier vs service. There is one manifest per **service** (Nekopos, Yamato takkyubin, Sagawa), not per company:
 * Nekopos and takkyubin are different Yamato products (different size rules, compensation limits and rates), counted
 * and signed for separately at pickup even when one Yamato driver takes both, so a shared list would hide a missing
 * Nekopos in the takkyubin count. Each manifest also names the **carrier** — the company whose driver signs it
 * (ヤマト運輸 or 佐川急便). "Qxpress" is what Qoo10 shows the buyer as the carrier (the manual's 运送中 / Qxpress,
 * and the carrier of the tracking upload queue): that is the warehouse itself, so on the manifest it is the shipper
 * (荷送人), never the carrier the driver works for.
 */
export const carrierOfService: Readonly<Record<ParcelService, ManifestCarrier>> = {
  nekopos: 'yamato-transport',
  yamato: 'yamato-transport',
  sagawa: 'sagawa-express',
};
export const manifestCarriers = ['yamato-transport', 'sagawa-express'] as const;
export type ManifestCarrier = (typeof manifestCarriers)[number];

/** What the marketplace is told carries every parcel: the warehouse, as the manual says. */
export const marketplaceCarrier = 'Qxpress';

/** One order handed over, as the hub or the station knows it; orders under one tracking no. are one parcel. */
export interface ManifestOrder {
  orderId: string;
  trackingNo: string;
  service: ParcelService;
  /** The Qoo10 order no., or for another platform's shipment its management no. */
  orderNo: string;
  cartNo: string | null;
  managementNo: string | null;
  sellerId: string;
  sellerName: string | null;
  recipientName: string;
  /** 都道府県 from the start of the address; null when the address does not start with one. */
  prefecture: string | null;
  itemCount: number;
  /** The Sagawa time slot printed on the label. */
  timeSlot: string | null;
  shippedAt: string;
  /** False for a parcel this station sent out that the hub has not applied yet (the station's view only). */
  atHub: boolean;
}

/**
 * One parcel handed over: a row of a manifest. The orders of a cart travel in one box under one number, so a parcel
 * may hold several: it shows the first order's no. and recipient (as its label does), lists every order no., and
 * counts the items of all of them.
 */
export interface ManifestParcel extends ManifestOrder {
  orderNos: string[];
}

export interface ManifestSection {
  service: ParcelService;
  carrier: ManifestCarrier;
  parcels: ManifestParcel[];
  parcelCount: number;
  itemCount: number;
}

export interface ManifestDay {
  date: TokyoDate;
  branchCode: string;
  marketplaceCarrier: string;
  /** Every service, in the fixed order nekopos, yamato, sagawa, even a service with no parcel that day. */
  sections: ManifestSection[];
  totals: { parcels: number; items: number };
}

/**
 * Groups the orders shipped on `date` (Tokyo) into parcels (one per tracking no.) and the parcels into one section per
 * service, each in the order the parcels left (then by tracking no.), with counts. Orders of other days are left out;
 * an order listed twice counts once (the copy at the hub wins).
 */
export function buildManifestDay(date: TokyoDate, branchCode: string, orders: readonly ManifestOrder[]): ManifestDay {
  const unique = new Map<string, ManifestOrder>();
  for (const order of orders) {
    if (tokyoDate(order.shippedAt) !== date) continue;
    const seen = unique.get(order.orderId);
    if (!seen || (!seen.atHub && order.atHub)) unique.set(order.orderId, order);
  }
  const byNumber = new Map<string, ManifestOrder[]>();
  for (const order of unique.values()) byNumber.set(order.trackingNo, [...(byNumber.get(order.trackingNo) ?? []), order]);
  const parcels = [...byNumber.values()].map((members): ManifestParcel => {
    const sorted = [...members].sort((a, b) => a.orderNo.localeCompare(b.orderNo));
    const first = sorted[0]!;
    return {
      ...first,
      orderNos: sorted.map((member) => member.orderNo),
      itemCount: sorted.reduce((sum, member) => sum + member.itemCount, 0),
      shippedAt: sorted.reduce((earliest, member) => (member.shippedAt < earliest ? member.shippedAt : earliest), first.shippedAt),
      atHub: sorted.every((member) => member.atHub),
    };
  });
  const sections = parcelServices.map((service): ManifestSection => {
    const list = parcels
      .filter((parcel) => parcel.service === service)
      .sort((a, b) => a.shippedAt.localeCompare(b.shippedAt) || a.trackingNo.localeCompare(b.trackingNo));
    return {
      service,
      carrier: carrierOfService[service],
      parcels: list,
      parcelCount: list.length,
      itemCount: list.reduce((sum, parcel) => sum + parcel.itemCount, 0),
    };
  });
  return {
    date,
    branchCode,
    marketplaceCarrier,
    sections,
    totals: { parcels: sections.reduce((sum, section) => sum + section.parcelCount, 0), items: sections.reduce((sum, section) => sum + section.itemCount, 0) },
  };
}

const prefectures = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
] as const;

/** The prefecture an address starts with (spaces and a postal mark before it allowed), or null. */
export function prefectureOf(address: string): string | null {
  const text = address.replace(/^[\s\u3000〒]*(\d{3}-?\d{4})?[\s\u3000]*/, '');
  return prefectures.find((prefecture) => text.startsWith(prefecture)) ?? null;
}
