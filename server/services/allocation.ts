import { sql, type Kysely, type Transaction } from 'kysely';
import { planAllocation, type AllocationOrder, type AllocationPlan, type AvailableStock, type HoldReason } from '../../shared/domain/allocation';
import { branches } from '../../shared/domain/identifiers';
import { notFound, Refusal } from './refusal';
import type { HubStore } from '../storage/database';
import type { HubDatabase } from '../storage/schema';
import { recordChanges, type ChangeRecord } from './changes';
import { appendTo, chunked } from './chunks';
import { findOrder } from './orders/order-queries';
import { autoAllocatableStates, handAllocatableStates, heldByHand, stockReservingStates, unallocatableStates } from './orders/order-states';
import { cutoffOrderOf, toOrderView, type OrderRow } from './orders/order-view';

/**
 * Allocation (订单分配) in the hub: reads open orders and stock in bulk, lets the pure planner of
 * shared/domain/allocation decide, and writes the outcome back in one transaction. Allocation reserves stock
 * without moving it: the pick movement is posted at packing, so available = balance − allocated, unpacked units.
 */

type Trx = Transaction<HubDatabase>;

export interface WaitingOrder {
  orderId: string;
  orderNo: string;
  sellerId: string;
  reason: HoldReason;
}

export interface AllocationRunResult {
  allocated: number;
  /** Open orders left waiting, counted by reason. */
  waiting: Partial<Record<HoldReason, number>>;
  /** The waiting orders, most urgent first, at most `waitingListLimit` of them. */
  waitingOrders: WaitingOrder[];
}

export const waitingListLimit = 1_000;

const cartKey = (row: OrderRow): string | null => (row.cart_no ? `${row.seller_id}\u0000${row.cart_no}` : null);

// An unlinked Qoo10 line has no SKU; it still goes through the planner under a SKU no stock or link can have,
// so the planner holds it as not-linked and the rest of its cart waits with it.
const unlinkedSku = (row: OrderRow) => `unlinked:${row.id}`;

/** The planner names orders by order no., unique per seller only: a number seen twice gets the order id appended. */
function plannerKeys(rows: readonly OrderRow[]): Map<string, OrderRow> {
  const byKey = new Map<string, OrderRow>();
  for (const row of rows) byKey.set(byKey.has(row.order_no) ? `${row.order_no}#${row.id}` : row.order_no, row);
  return byKey;
}

function toPlannerOrder(key: string, row: OrderRow, suspended: ReadonlySet<string>): AllocationOrder {
  return {
    ...cutoffOrderOf(row),
    orderNo: key,
    sellerId: row.seller_id,
    cartNo: row.cart_no,
    sku: row.sku ?? unlinkedSku(row),
    quantity: row.quantity,
    shipsWithin14Days: row.ships_within_14_days === 1,
    sellerSuspended: suspended.has(row.seller_id),
    allocatedBranch: stockReservingStates.includes(row.state) ? row.branch_code : null,
  };
}

/** Units free to allocate per SKU and branch: the balance less what allocated, unpacked orders already hold. */
export async function availableStock(trx: Trx, skus: readonly string[], branchCode?: string): Promise<AvailableStock[]> {
  const available = new Map<string, AvailableStock>();
  const key = (branch: string, sku: string) => `${branch}\u0000${sku}`;
  for (const chunk of chunked([...new Set(skus)], 500)) {
    let balances = trx.selectFrom('stock_balances').select(['sku', 'branch_code', 'quantity']).where('sku', 'in', chunk);
    if (branchCode) balances = balances.where('branch_code', '=', branchCode);
    for (const row of await balances.execute())
      available.set(key(row.branch_code, row.sku), { branchCode: row.branch_code, sku: row.sku, available: row.quantity });
  }
  // One pass over the reserving orders rather than one per chunk of SKUs: orders have no index by SKU, and the
  // reserving ones are the day's unpacked work, far fewer than the SKUs a full run asks about.
  let reserved = trx
    .selectFrom('orders')
    .select((eb) => ['sku', 'branch_code', eb.fn.sum<number>('quantity').as('units')])
    .where('state', 'in', stockReservingStates)
    .where('sku', 'is not', null)
    .where('branch_code', 'is not', null)
    .groupBy(['sku', 'branch_code']);
  if (branchCode) reserved = reserved.where('branch_code', '=', branchCode);
  for (const row of await reserved.execute()) {
    const entry = available.get(key(row.branch_code!, row.sku!));
    if (entry) entry.available -= Number(row.units);
  }
  return [...available.values()];
}

async function linkedProductCounts(trx: Trx, skus: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const chunk of chunked([...new Set(skus)], 500)) {
    const rows = await trx
      .selectFrom('listing_links')
      .select((eb) => ['sku', eb.fn.count<number>('listing_id').as('links')])
      .where('sku', 'in', chunk)
      .groupBy('sku')
      .execute();
    for (const row of rows) counts.set(row.sku, Number(row.links));
  }
  return counts;
}

/** Sellers an admin has suspended: their orders are neither allocated nor put on a pick list. */
export async function suspendedSellers(trx: Kysely<HubDatabase> | Transaction<HubDatabase>): Promise<Set<string>> {
  return new Set((await trx.selectFrom('sellers').select('id').where('suspended', '=', 1).execute()).map((row) => row.id));
}

/** Orders ship to addresses in Japan, so the Japanese branch is tried first; any others after it, by code. */
async function branchPreference(trx: Trx): Promise<string[]> {
  const codes = (await trx.selectFrom('branches').select('code').orderBy('code').execute()).map((row) => row.code);
  return [...codes.filter((code) => code === branches.qxpressJapan), ...codes.filter((code) => code !== branches.qxpressJapan)];
}

/** Plans `rows` (open lines, and allocated lines of the same carts) against current stock, at one branch or any. */
async function planFor(trx: Trx, rows: readonly OrderRow[], onlyBranch?: string): Promise<{ plan: AllocationPlan; keys: Map<string, OrderRow> }> {
  const keys = plannerKeys(rows);
  const skus = rows.flatMap((row) => (row.sku ? [row.sku] : []));
  const suspended = await suspendedSellers(trx);
  const plan = planAllocation({
    orders: [...keys].map(([key, row]) => toPlannerOrder(key, row, suspended)),
    stock: await availableStock(trx, skus, onlyBranch),
    linkedProductCounts: await linkedProductCounts(trx, skus),
    branchPreference: onlyBranch ? [onlyBranch] : await branchPreference(trx),
  });
  return { plan, keys };
}

/** Moves the given open orders to `allocated` at their branches, a chunk of ids per statement, and tells each branch. */
async function applyAllocations(trx: Trx, allocations: readonly { row: OrderRow; branchCode: string }[], now: Date): Promise<OrderRow[]> {
  const allocatedAt = now.toISOString();
  const byBranch = new Map<string, OrderRow[]>();
  for (const { row, branchCode } of allocations) appendTo(byBranch, branchCode, row);
  const updated: OrderRow[] = [];
  for (const [branchCode, rows] of byBranch) {
    for (const chunk of chunked(rows, 500)) {
      const result = await trx
        .updateTable('orders')
        .set({ state: 'allocated', branch_code: branchCode, allocated_at: allocatedAt })
        .where(
          'id',
          'in',
          chunk.map((row) => row.id),
        )
        // Still open, as read. Written as an expression so the database finds the rows by id: on the bare column
        // SQLite picks the state index and scans every open order once per chunk.
        .where(sql<string>`state || ''`, 'in', handAllocatableStates)
        .executeTakeFirst();
      // Allocation reads stock and then writes against it, so two must not interleave: SQLite has one writer at a time
      // and every PostgreSQL transaction takes the hub's write lock (storage/serialized-writes.ts), which keeps other
      // allocations out; anything else changing these orders meanwhile is a bug.
      if (Number(result.numUpdatedRows) !== chunk.length)
        throw new Error(`allocation: ${chunk.length - Number(result.numUpdatedRows)} orders changed under the allocation lock`);
      updated.push(...chunk.map((row) => ({ ...row, state: 'allocated', branch_code: branchCode, allocated_at: allocatedAt })));
    }
  }
  await recordChanges(
    trx,
    updated.map((row) => orderChange(row, row.branch_code)),
    now,
  );
  return updated;
}

function orderChange(row: OrderRow, branchCode: string | null): ChangeRecord {
  return { entity: 'order', entityId: row.id, op: 'upsert', branchCode, sellerId: row.seller_id, data: toOrderView(row) };
}

async function ordersInStates(trx: Trx, states: readonly string[], sellerIds: readonly string[] | undefined, onlyCarts = false): Promise<OrderRow[]> {
  let query = trx.selectFrom('orders').selectAll().where('state', 'in', states);
  if (sellerIds) query = query.where('seller_id', 'in', sellerIds);
  if (onlyCarts) query = query.where('cart_no', 'is not', null);
  return query.execute();
}

/**
 * The automatic run over every `paid` order (or those of the given sellers: SKUs belong to one seller, so one
 * seller's run cannot change another's). Carts with a line un-allocated by hand are left to the hand.
 */
export async function runAllocation(store: HubStore, options: { sellerIds?: readonly string[]; now?: Date } = {}): Promise<AllocationRunResult> {
  const now = options.now ?? new Date();
  if (options.sellerIds?.length === 0) return { allocated: 0, waiting: {}, waitingOrders: [] };
  return store.db.transaction().execute(async (trx) => {
    const open = await ordersInStates(trx, autoAllocatableStates, options.sellerIds);
    if (open.length === 0) return { allocated: 0, waiting: {}, waitingOrders: [] };

    const openCarts = new Set(open.map(cartKey).filter((key) => key !== null));
    const mates =
      openCarts.size === 0
        ? []
        : (await ordersInStates(trx, [...stockReservingStates, heldByHand], options.sellerIds, true)).filter((row) => openCarts.has(cartKey(row)!));
    const handHeldCarts = new Set(mates.filter((row) => row.state === heldByHand).map(cartKey));
    const waitingForHand = open.filter((row) => handHeldCarts.has(cartKey(row)));
    const planned = [
      ...open.filter((row) => !handHeldCarts.has(cartKey(row))),
      ...mates.filter((row) => row.state !== heldByHand && !handHeldCarts.has(cartKey(row))),
    ];

    const { plan, keys } = await planFor(trx, planned);
    const allocated = await applyAllocations(
      trx,
      plan.allocated.map(({ orderNo, branchCode }) => ({ row: keys.get(orderNo)!, branchCode })),
      now,
    );

    const waiting: WaitingOrder[] = [
      ...plan.held.filter((held) => held.reason !== 'already-allocated').map(({ orderNo, reason }) => ({ row: keys.get(orderNo)!, reason })),
      ...waitingForHand.map((row) => ({ row, reason: 'cart-incomplete' as const })),
    ].map(({ row, reason }) => ({ orderId: row.id, orderNo: row.order_no, sellerId: row.seller_id, reason }));
    const counts: Partial<Record<HoldReason, number>> = {};
    for (const { reason } of waiting) counts[reason] = (counts[reason] ?? 0) + 1;
    return { allocated: allocated.length, waiting: counts, waitingOrders: waiting.slice(0, waitingListLimit) };
  });
}

/**
 * The run that follows an order import (the JSON route's or a spreadsheet's), for the sellers imported. A failed run
 * must not turn the stored import into an error: the caller would send the batch again and every line would come
 * back as a duplicate. So a failure is handed to `onError` (to log it, say) and answers null.
 */
export async function allocateAfterImport(
  store: HubStore,
  sellerIds: readonly string[],
  onError?: (error: unknown) => void,
): Promise<AllocationRunResult | null> {
  try {
    return await runAllocation(store, { sellerIds });
  } catch (error) {
    onError?.(error);
    return null;
  }
}

/** The open lines of an order's cart (just the order when it has no cart), with any lines already allocated. */
async function cartOf(trx: Trx, order: OrderRow, states?: readonly string[]): Promise<OrderRow[]> {
  if (!order.cart_no) return [order];
  let query = trx.selectFrom('orders').selectAll().where('seller_id', '=', order.seller_id).where('cart_no', '=', order.cart_no);
  if (states) query = query.where('state', 'in', states);
  return query.execute();
}

/**
 * Allocates an open order, with the rest of its cart, to the branch the caller chose, by the same rules as the
 * automatic run: linked, in stock there, the whole cart, the seller not suspended. Returns the orders allocated.
 */
export async function allocateByHand(store: HubStore, orderId: string, branchCode: string, ownSeller: string | null, now = new Date()): Promise<OrderRow[]> {
  return store.db.transaction().execute(async (trx) => {
    const order = await findOrder(trx, orderId, ownSeller);
    if (stockReservingStates.includes(order.state)) throw new Refusal('already-allocated', { orderNo: order.order_no, branch: order.branch_code ?? '' });
    if (!handAllocatableStates.includes(order.state)) throw new Refusal('order-not-open', { orderNo: order.order_no, state: order.state });
    if (!(await trx.selectFrom('branches').select('code').where('code', '=', branchCode).executeTakeFirst())) throw notFound('branch', branchCode);

    const cart = await cartOf(trx, order, [...handAllocatableStates, ...stockReservingStates]);
    const elsewhere = cart.find((row) => stockReservingStates.includes(row.state) && row.branch_code !== branchCode);
    if (elsewhere) throw new Refusal('cart-at-other-branch', { cartNo: order.cart_no ?? '', branch: elsewhere.branch_code ?? '' });

    const { plan, keys } = await planFor(trx, cart, branchCode);
    const refusal = plan.held.find((held) => keys.get(held.orderNo)?.id === order.id);
    if (refusal) {
      throw new Refusal(refusal.reason, { orderNo: order.order_no, cartNo: order.cart_no ?? '', branch: branchCode, sellerId: order.seller_id });
    }
    return applyAllocations(
      trx,
      plan.allocated.map((line) => ({ row: keys.get(line.orderNo)!, branchCode: line.branchCode })),
      now,
    );
  });
}

/**
 * Takes an allocated order, with the rest of its cart (a cart ships whole), off its branch before packing. The
 * orders become `held`: the automatic run leaves them until someone allocates them by hand.
 */
export async function unallocateByHand(store: HubStore, orderId: string, ownSeller: string | null, now = new Date()): Promise<OrderRow[]> {
  return store.db.transaction().execute(async (trx) => {
    const order = await findOrder(trx, orderId, ownSeller);
    if (handAllocatableStates.includes(order.state)) throw new Refusal('not-allocated', { orderNo: order.order_no });
    const cart = (await cartOf(trx, order)).filter((row) => !handAllocatableStates.includes(row.state));
    const tooLate = cart.find((row) => !unallocatableStates.includes(row.state));
    if (tooLate) throw new Refusal('too-late-to-unallocate', { orderNo: tooLate.order_no, state: tooLate.state });

    await trx
      .updateTable('orders')
      .set({ state: heldByHand, branch_code: null, allocated_at: null })
      .where(
        'id',
        'in',
        cart.map((row) => row.id),
      )
      .where('state', 'in', unallocatableStates)
      .execute();
    const released = cart.map((row) => ({ ...row, state: heldByHand, branch_code: null, allocated_at: null }));
    // Told to the branch that had them, so its stations drop them from picking.
    await recordChanges(
      trx,
      released.map((row, i) => orderChange(row, cart[i]!.branch_code)),
      now,
    );
    return released;
  });
}
