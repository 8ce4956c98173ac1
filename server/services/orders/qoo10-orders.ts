import type { Kysely, Transaction } from 'kysely';
import { qoo10PaidOrderSchema, type Qoo10PaidOrder } from '../../../shared/domain/orders';
import type { HubDatabase } from '../../storage/schema';
import { chunked } from '../chunks';
import { checkOrderNos, checkSellers, insertOrders, newOrderRow, parseLines, refuseLines, type BatchScope, type LineProblem } from './order-batches';
import type { OrderRow } from './order-view';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

// ---- Qoo10 paid orders -------------------------------------------------------------------------------------

type ListingLinks = { sellerId: string; skuByLabel: Map<string, string>; linkedSkus: Set<string> };

async function listingLinks(trx: Db, listingIds: string[]): Promise<Map<string, ListingLinks>> {
  const listings = new Map<string, ListingLinks>();
  for (const chunk of chunked([...new Set(listingIds)], 500)) {
    for (const row of await trx.selectFrom('listings').select(['id', 'seller_id']).where('id', 'in', chunk).execute()) {
      listings.set(row.id, { sellerId: row.seller_id, skuByLabel: new Map(), linkedSkus: new Set() });
    }
    for (const link of await trx.selectFrom('listing_links').selectAll().where('listing_id', 'in', chunk).execute()) {
      const listing = listings.get(link.listing_id);
      listing?.skuByLabel.set(link.option_label, link.sku);
      listing?.linkedSkus.add(link.sku);
    }
  }
  return listings;
}

/** The SKU a Qoo10 line ships, through the listing's links only (by option label, else by SKU); null when not linked. */
function linkedSku(order: Qoo10PaidOrder, listing: ListingLinks): string | null {
  const byLabel = order.option.label === undefined ? undefined : listing.skuByLabel.get(order.option.label);
  if (byLabel) return byLabel;
  return order.option.sku !== undefined && listing.linkedSkus.has(order.option.sku) ? order.option.sku : null;
}

/**
 * Stores a batch of Qoo10 "buyer paid" lines as `paid` orders, all or none. A line whose listing option is not
 * linked to a SKU is stored all the same, without a SKU, and waits as not-linked: the order is real and the seller
 * fixes the link, not the order. A listing the hub does not know (or another seller's) refuses the line.
 */
export async function importQoo10Orders(db: Kysely<HubDatabase>, lines: readonly unknown[], scope: BatchScope, now = new Date()): Promise<OrderRow[]> {
  const problems: LineProblem[] = [];
  const orders = parseLines(lines, qoo10PaidOrderSchema, problems);
  return db.transaction().execute(async (trx) => {
    await checkSellers(
      trx,
      orders.map((o) => o?.sellerId ?? null),
      scope,
      problems,
    );
    await checkOrderNos(
      trx,
      orders.map((o) => o && { sellerId: o.sellerId, orderNo: o.orderNo }),
      'orderNo',
      'duplicate-order-no',
      problems,
    );
    const listings = await listingLinks(
      trx,
      orders.flatMap((o) => (o ? [o.itemNo] : [])),
    );
    orders.forEach((o, index) => {
      if (o && listings.get(o.itemNo)?.sellerId !== o.sellerId) problems.push({ index, field: 'itemNo', reason: 'unknown-listing' });
    });
    if (problems.length > 0) throw refuseLines(problems);

    const rows = (orders as Qoo10PaidOrder[]).map((o) => {
      const listing = listings.get(o.itemNo)!;
      const sku = linkedSku(o, listing);
      const label = o.option.label ?? [...listing.skuByLabel].find(([, linked]) => linked === sku)?.[0] ?? null;
      return newOrderRow(now, {
        seller_id: o.sellerId,
        source: 'qoo10',
        order_no: o.orderNo,
        cart_no: o.cartNo,
        listing_id: o.itemNo,
        sku,
        option_label: label,
        quantity: o.quantity,
        recipient_name: o.recipient.name,
        recipient_phone: o.recipient.phone,
        postal_code: o.recipient.postalCode,
        address: o.recipient.address,
        delivery_method: null,
        time_slot: null,
        desired_ship_date: o.desiredShipDate ?? null,
        // Stored in UTC like every hub timestamp, so day boundaries compare as text.
        paid_at: new Date(o.paidAt).toISOString(),
        ships_within_14_days: o.shipsWithin14Days ? 1 : 0,
      });
    });
    await insertOrders(trx, rows);
    return rows as OrderRow[];
  });
}
