import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { managementShipmentSchema, type ManagementShipment } from '../../../shared/domain/orders';
import { managementLineSchema } from '../../../shared/hub/routes/orders';
import type { HubDatabase } from '../../storage/schema';
import { appendTo, chunked } from '../chunks';
import {
  checkOrderNos,
  checkSellers,
  insertOrders,
  newOrderRow,
  parseLines,
  problemsOf,
  refuseLines,
  type BatchScope,
  type LineProblem,
} from './order-batches';
import { formatDeliveryTime, type OrderRow } from './order-view';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

// ---- management-no. shipments ------------------------------------------------------------------------------

// A management-no. line as the seller sends it is part of the hub API (shared/hub/routes/orders.ts).
export { managementLineSchema };
type ManagementLine = z.output<typeof managementLineSchema>;

/** Full SKU → owning seller, and (seller, seller SKU code) → the SKUs carrying that code. */
async function skuOwners(trx: Db, lines: ManagementLine[]) {
  const owners = new Map<string, string>();
  const byCode = new Map<string, string[]>();
  const base = () =>
    trx
      .selectFrom('inventory_options')
      .innerJoin('inventory_items', 'inventory_items.code', 'inventory_options.inventory_code')
      .select(['inventory_options.sku', 'inventory_options.seller_sku_code', 'inventory_items.seller_id']);
  for (const chunk of chunked([...new Set(lines.flatMap((l) => (l.sku ? [l.sku] : [])))], 500)) {
    for (const row of await base().where('inventory_options.sku', 'in', chunk).execute()) owners.set(row.sku, row.seller_id);
  }
  for (const chunk of chunked([...new Set(lines.flatMap((l) => (l.sellerSkuCode ? [l.sellerSkuCode] : [])))], 500)) {
    for (const row of await base().where('inventory_options.seller_sku_code', 'in', chunk).execute()) {
      appendTo(byCode, `${row.seller_id}\u0000${row.seller_sku_code}`, row.sku);
    }
  }
  return { owners, skusByCode: (sellerId: string, code: string) => byCode.get(`${sellerId}\u0000${code}`) ?? [] };
}

/**
 * Registers other-platform shipments, all or none. Each line names one SKU of the seller; the delivery-time rules
 * (Sagawa only, within two days of registering) are the domain's, checked once the SKU is known.
 */
export async function registerManagementShipments(
  db: Kysely<HubDatabase>,
  lines: readonly unknown[],
  scope: BatchScope,
  now = new Date(),
): Promise<OrderRow[]> {
  const problems: LineProblem[] = [];
  const parsed = parseLines(lines, managementLineSchema, problems);
  return db.transaction().execute(async (trx) => {
    await checkSellers(
      trx,
      parsed.map((l) => l?.sellerId ?? null),
      scope,
      problems,
    );
    await checkOrderNos(
      trx,
      parsed.map((l) => l && { sellerId: l.sellerId, orderNo: l.managementNo }),
      'managementNo',
      'duplicate-management-no',
      problems,
    );
    const { owners, skusByCode } = await skuOwners(
      trx,
      parsed.filter((l): l is ManagementLine => l !== null),
    );
    const shipments: (ManagementShipment | null)[] = parsed.map((line, index) => {
      if (!line) return null;
      let sku = line.sku;
      if (sku !== undefined && owners.get(sku) !== line.sellerId) {
        problems.push({ index, field: 'sku', reason: 'unknown-sku' });
        return null;
      }
      if (line.sellerSkuCode !== undefined) {
        const matches = skusByCode(line.sellerId, line.sellerSkuCode);
        if (matches.length !== 1) {
          problems.push({ index, field: 'sellerSkuCode', reason: matches.length === 0 ? 'unknown-seller-sku-code' : 'ambiguous-seller-sku-code' });
          return null;
        }
        sku = matches[0];
      }
      const { sellerSkuCode: _code, ...rest } = line;
      const checked = managementShipmentSchema.safeParse({ ...rest, sku, registeredAt: now.toISOString() });
      if (checked.success) return checked.data;
      problems.push(...problemsOf(index, checked.error.issues));
      return null;
    });
    if (problems.length > 0) throw refuseLines(problems);

    const rows = (shipments as ManagementShipment[]).map((s) =>
      newOrderRow(now, {
        seller_id: s.sellerId,
        source: 'management',
        order_no: s.managementNo,
        cart_no: null,
        listing_id: null,
        sku: s.sku,
        option_label: null,
        quantity: s.quantity,
        recipient_name: s.recipient.name,
        recipient_phone: s.recipient.phone,
        postal_code: s.recipient.postalCode,
        address: s.recipient.address,
        delivery_method: s.deliveryMethod,
        time_slot: formatDeliveryTime(s.deliveryTime),
        desired_ship_date: s.desiredShipDate ?? null,
        paid_at: now.toISOString(),
        ships_within_14_days: 0,
      }),
    );
    await insertOrders(trx, rows);
    return rows as OrderRow[];
  });
}
