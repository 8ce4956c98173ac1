import type { Kysely, Transaction } from 'kysely';
import type { PickListView } from '../../shared/hub/routes/pick-lists';
import { defaultOrdersPerList, pickListOf, planPickLists, type HeldPickOrder, type PickOrder } from '../../shared/domain/pick-lists';
import { addDays, startOfTokyoDay, type TokyoDate } from '../../shared/domain/tokyo-time';
import { notFound, refuse } from './refusal';
import type { HubStore } from '../storage/database';
import { isUniqueViolation } from '../storage/constraint-errors';
import type { HubDatabase } from '../storage/schema';
import { suspendedSellers } from './allocation';
import { recordChanges, type ChangeRecord } from './changes';
import { chunked } from './chunks';
import { cutoffOrderOf, type OrderRow } from './orders/order-view';

/**
 * Pick lists in the hub: reads a branch's allocated orders (with the rest of their carts), the suspended sellers and
 * the bins, lets shared/domain/pick-lists decide, and stores the lists in one transaction, each told to the branch's
 * stations on the changes feed (entity `pick-list`). The lines are never stored: they follow from the orders and bins.
 */

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

// A pick list as the API answers it, and the most orders on one, are part of the hub API (shared/hub/routes/pick-lists.ts).
export { maxOrdersPerList, pickListViewSchema, type PickListView } from '../../shared/hub/routes/pick-lists';

export interface PickListRun {
  lists: PickListView[];
  held: HeldPickOrder[];
}

const cartKey = (row: Pick<OrderRow, 'seller_id' | 'cart_no'>) => `${row.seller_id}\u0000${row.cart_no}`;

function toPickOrder(row: OrderRow, listed: ReadonlySet<string>): PickOrder {
  return {
    ...cutoffOrderOf(row),
    id: row.id,
    orderNo: row.order_no,
    sellerId: row.seller_id,
    cartNo: row.cart_no,
    sku: row.sku,
    quantity: row.quantity,
    state: row.state,
    branchCode: row.branch_code,
    shipsWithin14Days: row.ships_within_14_days === 1,
    onPickList: listed.has(row.id),
  };
}

async function binsAt(db: Db, branchCode: string, skus: Iterable<string>): Promise<Map<string, string>> {
  const bins = new Map<string, string>();
  for (const chunk of chunked([...new Set(skus)], 500)) {
    const rows = await db.selectFrom('sku_locations').select(['sku', 'bin']).where('branch_code', '=', branchCode).where('sku', 'in', chunk).execute();
    for (const row of rows) bins.set(row.sku, row.bin);
  }
  return bins;
}

async function requireBranch(db: Db, branchCode: string): Promise<void> {
  if (!(await db.selectFrom('branches').select('code').where('code', '=', branchCode).executeTakeFirst())) throw notFound('branch', branchCode);
}

async function nextPickListNumber(trx: Transaction<HubDatabase>): Promise<number> {
  const { highest } = await trx
    .selectFrom('pick_lists')
    .select((eb) => eb.fn.max('id').as('highest'))
    .executeTakeFirstOrThrow();
  return highest ? Number(String(highest).slice(2)) + 1 : 1;
}

export const pickListId = (n: number) => `PL${String(n).padStart(8, '0')}`;

/**
 * Makes today's pick lists at a branch from every allocated order due now that is on no list yet; returns the new
 * lists and the orders held back with their reasons. Every write transaction holds the hub's write lock, so two
 * stations asking at once get disjoint lists (and the order key of pick_list_orders would refuse a second listing).
 */
export async function makePickLists(
  store: HubStore,
  request: { branchCode: string; ordersPerList?: number | undefined; createdBy: string | null; now?: Date },
): Promise<PickListRun> {
  const now = request.now ?? new Date();
  return store.db.transaction().execute(async (trx) => {
    await requireBranch(trx, request.branchCode);
    const allocated = await trx.selectFrom('orders').selectAll().where('branch_code', '=', request.branchCode).where('state', '=', 'allocated').execute();
    if (allocated.length === 0) return { lists: [], held: [] };

    // The other lines of their carts, wherever they are: a cart is picked only when all of it is allocated here.
    const carts = new Set(allocated.filter((row) => row.cart_no).map(cartKey));
    const rows = new Map(allocated.map((row) => [row.id, row]));
    for (const chunk of chunked([...new Set(allocated.flatMap((row) => (row.cart_no ? [row.cart_no] : [])))], 500)) {
      for (const mate of await trx.selectFrom('orders').selectAll().where('cart_no', 'in', chunk).execute()) {
        if (carts.has(cartKey(mate))) rows.set(mate.id, mate);
      }
    }
    const listed = new Set<string>();
    for (const chunk of chunked(
      allocated.map((row) => row.id),
      500,
    )) {
      for (const row of await trx.selectFrom('pick_list_orders').select('order_id').where('order_id', 'in', chunk).execute()) listed.add(row.order_id);
    }
    const suspended = await suspendedSellers(trx);
    const bins = await binsAt(
      trx,
      request.branchCode,
      allocated.flatMap((row) => (row.sku ? [row.sku] : [])),
    );

    const plan = planPickLists({
      branchCode: request.branchCode,
      orders: [...rows.values()].map((row) => toPickOrder(row, listed)),
      suspendedSellers: suspended,
      binOf: (sku) => bins.get(sku),
      now,
      ordersPerList: request.ordersPerList ?? defaultOrdersPerList,
    });

    const createdAt = now.toISOString();
    let number = await nextPickListNumber(trx);
    const lists: PickListView[] = plan.lists.map((list) => ({
      id: pickListId(number++),
      branchCode: request.branchCode,
      createdAt,
      createdBy: request.createdBy,
      ...list,
    }));
    try {
      for (const list of lists) {
        await trx.insertInto('pick_lists').values({ id: list.id, branch_code: list.branchCode, created_at: createdAt, created_by: list.createdBy }).execute();
        for (const chunk of chunked(
          list.orderIds.map((orderId, position) => ({ pick_list_id: list.id, order_id: orderId, position })),
          300,
        )) {
          await trx.insertInto('pick_list_orders').values(chunk).execute();
        }
      }
    } catch (error) {
      // Only a concurrent run outside the write lock could get here; the caller may simply ask again.
      if (isUniqueViolation(error)) throw refuse('pick-lists-busy', { branch: request.branchCode });
      throw error;
    }
    await recordPickListChanges(trx, lists, now);
    return { lists, held: plan.held };
  });
}

/** One change per list, for the branch's stations only (a list mixes sellers, so none of them is named). */
async function recordPickListChanges(trx: Transaction<HubDatabase>, lists: readonly PickListView[], now: Date): Promise<void> {
  const changes: ChangeRecord[] = lists.map((list) => ({
    entity: 'pick-list',
    entityId: list.id,
    op: 'upsert',
    branchCode: list.branchCode,
    sellerId: null,
    data: list,
  }));
  await recordChanges(trx, changes, now);
}

/**
 * The pick lists made at a branch on a Tokyo day, oldest first, with their lines by today's bins. A seller sees only
 * the lists that carry its orders, and on them only its own orders and lines.
 */
export async function listPickLists(
  db: Kysely<HubDatabase>,
  filter: { branchCode: string; date: TokyoDate; sellerId: string | null },
): Promise<PickListView[]> {
  await requireBranch(db, filter.branchCode);
  const lists = await db
    .selectFrom('pick_lists')
    .selectAll()
    .where('branch_code', '=', filter.branchCode)
    .where('created_at', '>=', startOfTokyoDay(filter.date).toISOString())
    .where('created_at', '<', startOfTokyoDay(addDays(filter.date, 1)).toISOString())
    .orderBy('id')
    .execute();
  if (lists.length === 0) return [];
  const ordersByList = new Map<string, { id: string; sku: string | null; quantity: number }[]>();
  for (const chunk of chunked(
    lists.map((list) => list.id),
    500,
  )) {
    let query = db
      .selectFrom('pick_list_orders')
      .innerJoin('orders', 'orders.id', 'pick_list_orders.order_id')
      .select(['pick_list_orders.pick_list_id', 'orders.id', 'orders.sku', 'orders.quantity'])
      .where('pick_list_orders.pick_list_id', 'in', chunk)
      .orderBy('pick_list_orders.pick_list_id')
      .orderBy('pick_list_orders.position');
    if (filter.sellerId !== null) query = query.where('orders.seller_id', '=', filter.sellerId);
    for (const row of await query.execute()) {
      const orders = ordersByList.get(row.pick_list_id) ?? [];
      orders.push({ id: row.id, sku: row.sku, quantity: row.quantity });
      ordersByList.set(row.pick_list_id, orders);
    }
  }
  const bins = await binsAt(
    db,
    filter.branchCode,
    [...ordersByList.values()].flat().flatMap((order) => (order.sku ? [order.sku] : [])),
  );
  return lists
    .filter((list) => ordersByList.has(list.id))
    .map((list) => ({
      id: list.id,
      branchCode: list.branch_code,
      createdAt: list.created_at,
      createdBy: list.created_by,
      ...pickListOf(ordersByList.get(list.id)!, (sku) => bins.get(sku)),
    }));
}
