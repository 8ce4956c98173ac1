import type { Kysely } from 'kysely';
import { buildManifestDay, prefectureOf, type ManifestDay, type ManifestOrder } from '../../shared/domain/manifest';
import { parcelServices, type ParcelService } from '../../shared/domain/parcel-services';
import { addDays, startOfTokyoDay, type TokyoDate } from '../../shared/domain/tokyo-time';
import type { HubDatabase } from '../storage/schema';

/**
 * The manifest of one Tokyo day at one branch: every order sent out (in transit) with its shipped_at in that day,
 * grouped per service. As in daily-counts.ts the day is a text range of UTC ISO timestamps, so it is an indexed
 * comparison on both databases. `shipped_at` is the time of the scan out on the floor (step 0010), so a parcel scanned
 * before midnight with the hub away is on that day's manifest however late its event reached the hub.
 */
export async function manifestDay(db: Kysely<HubDatabase>, date: TokyoDate, branchCode: string): Promise<ManifestDay> {
  const from = startOfTokyoDay(date).toISOString();
  const until = startOfTokyoDay(addDays(date, 1)).toISOString();
  const rows = await db
    .selectFrom('orders')
    .leftJoin('sellers', 'sellers.id', 'orders.seller_id')
    .select([
      'orders.id',
      'orders.source',
      'orders.order_no',
      'orders.cart_no',
      'orders.seller_id',
      'sellers.name as seller_name',
      'orders.recipient_name',
      'orders.address',
      'orders.quantity',
      'orders.tracking_no',
      'orders.service',
      'orders.label_time_slot',
      'orders.shipped_at',
    ])
    .where('orders.state', '=', 'in_transit')
    .where('orders.branch_code', '=', branchCode)
    .where('orders.shipped_at', '>=', from)
    .where('orders.shipped_at', '<', until)
    .execute();
  const parcels = rows.flatMap((row): ManifestOrder[] => {
    // An order in transit always has both; a row without them is not a parcel anyone can hand over.
    if (!row.tracking_no || !row.shipped_at || !(parcelServices as readonly string[]).includes(row.service ?? '')) return [];
    const management = row.source === 'management';
    return [
      {
        orderId: row.id,
        trackingNo: row.tracking_no,
        service: row.service as ParcelService,
        orderNo: row.order_no,
        cartNo: row.cart_no,
        managementNo: management ? row.order_no : null,
        sellerId: row.seller_id,
        sellerName: row.seller_name,
        recipientName: row.recipient_name,
        prefecture: prefectureOf(row.address),
        itemCount: row.quantity,
        timeSlot: row.label_time_slot,
        shippedAt: row.shipped_at,
        atHub: true,
      },
    ];
  });
  return buildManifestDay(date, branchCode, parcels);
}
