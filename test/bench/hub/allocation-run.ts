import { planAllocation, type AllocationOrder, type AvailableStock } from '../../../shared/domain/allocation';
import { branches } from '../../../shared/domain/identifiers';
import { runAllocation } from '../../../server/services/allocation';
import type { HubStore } from '../../../server/storage/database';

const tokyo = branches.qxpressJapan;

export interface AllocationFigures {
  orders: number;
  skus: number;
  allocated: number;
  seconds: number;
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * A warehouse-sized day: `skus` SKUs of one seller, each linked and stocked for about 80% of its demand, and
 * `orders` paid Qoo10 lines over them (every tenth a two-line cart). Written straight to the tables in bulk.
 */
export async function seedAllocationDay(
  store: HubStore,
  skus: number,
  orders: number,
  now: Date,
): Promise<{ orders: AllocationOrder[]; stock: AvailableStock[]; links: Map<string, number> }> {
  const at = now.toISOString();
  const skuCodes = Array.from(
    { length: skus },
    (_, i) => `3${String(100_000_000 + Math.floor(i / 10)).padStart(11, '0')}-${String((i % 10) + 1).padStart(5, '0')}`,
  );
  const planned: (AllocationOrder & { paidAt: string })[] = Array.from({ length: orders }, (_, i) => ({
    orderNo: String(800_000_000 + i),
    sellerId: 'bench-shop',
    cartNo: String(900_000_000 + (i % 10 === 9 ? i - 1 : i)),
    sku: skuCodes[(i * 7919) % skus] as string,
    quantity: 1 + (i % 3),
    paidAt: new Date(now.getTime() - (i % 600) * 60_000).toISOString(),
    shipsWithin14Days: i % 13 === 0,
    sellerSuspended: false,
  }));
  const demand = new Map<string, number>();
  for (const order of planned) demand.set(order.sku, (demand.get(order.sku) ?? 0) + order.quantity);
  const stock = skuCodes.map((sku) => ({ branchCode: tokyo, sku, available: Math.floor((demand.get(sku) ?? 0) * 0.8) }));

  await store.db.transaction().execute(async (trx) => {
    await trx.insertInto('sellers').values({ id: 'bench-shop', name: 'ベンチ', balance_jpy: 0, suspended: 0, created_at: at }).execute();
    const items = [...new Set(skuCodes.map((sku) => sku.slice(0, 12)))];
    for (const part of chunks(items, 500)) {
      await trx
        .insertInto('inventory_items')
        .values(part.map((code) => ({ code, seller_id: 'bench-shop', name: 'ベンチ商品', seller_item_code: null, separate_inventory: 1, created_at: at })))
        .execute();
      await trx
        .insertInto('listings')
        .values(part.map((code) => ({ id: `L${code}`, seller_id: 'bench-shop', title: 'ベンチ' })))
        .execute();
    }
    const available = new Map(stock.map((entry) => [entry.sku, entry.available]));
    for (const part of chunks(skuCodes, 500)) {
      await trx
        .insertInto('inventory_options')
        .values(
          part.map((sku) => ({
            sku,
            inventory_code: sku.slice(0, 12),
            option_code: sku.slice(13),
            name: sku,
            seller_sku_code: null,
            extra_price_jpy: 0,
            currency: 'JPY',
            jan: null,
            length_cm: null,
            width_cm: null,
            height_cm: null,
            weight_g: null,
            created_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('listing_links')
        .values(part.map((sku) => ({ listing_id: `L${sku.slice(0, 12)}`, sku, option_label: sku })))
        .execute();
      await trx
        .insertInto('stock_balances')
        .values(part.map((sku) => ({ sku, branch_code: tokyo, quantity: available.get(sku) ?? 0 })))
        .execute();
    }
    for (const part of chunks(planned, 500)) {
      await trx
        .insertInto('orders')
        .values(
          part.map((order) => ({
            id: `o-${order.orderNo}`,
            seller_id: 'bench-shop',
            source: 'qoo10',
            order_no: order.orderNo,
            cart_no: order.cartNo ?? null,
            listing_id: `L${order.sku.slice(0, 12)}`,
            sku: order.sku,
            option_label: order.sku,
            quantity: order.quantity,
            recipient_name: '山本 花子',
            recipient_phone: '09012345678',
            postal_code: '273-0012',
            address: '千葉県船橋市浜町 2-1-1',
            delivery_method: null,
            time_slot: null,
            desired_ship_date: null,
            paid_at: order.paidAt,
            ships_within_14_days: order.shipsWithin14Days ? 1 : 0,
            state: 'paid',
            branch_code: null,
            allocated_at: null,
            tracking_no: null,
            service: null,
            shipped_at: null,
            created_at: at,
          })),
        )
        .execute();
    }
  });
  return { orders: planned, stock, links: new Map(skuCodes.map((sku) => [sku, 1])) };
}

/** The hub's allocation run over the seeded day: read, plan, write back, record changes. */
export async function timeAllocationRun(store: HubStore, now: Date): Promise<{ seconds: number; allocated: number }> {
  const started = performance.now();
  const result = await runAllocation(store, { now });
  return { seconds: (performance.now() - started) / 1000, allocated: result.allocated };
}

/** The baseline: the pure planner alone on the same orders and stock, already in memory. */
export function timePlannerOnly(day: { orders: AllocationOrder[]; stock: AvailableStock[]; links: Map<string, number> }): {
  seconds: number;
  allocated: number;
} {
  const started = performance.now();
  const plan = planAllocation({ orders: day.orders, stock: day.stock, linkedProductCounts: day.links });
  return { seconds: (performance.now() - started) / 1000, allocated: plan.allocated.length };
}
