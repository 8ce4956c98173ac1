import { emptyFloor, layEvents, orderFloorOf } from '../overlay/floor-overlay';
import { unitsOffShelf, type OrderUnits } from '../overlay/stock-rules';
import type { StationStore } from '../store/station-store';

/** A SKU's book for a count: what should be on the shelf now, and the units off it in orders being picked. */
export interface ShelfBook {
  book: number;
  picking: number;
}

/** The cache id of a SKU's stock at a branch, as the hub names it in the changes feed (entity `stock`). */
export const stockId = (branchCode: string, sku: string) => `${sku}@${branchCode}`;

// Orders whose units may be off the shelf but still in the balance; paid or held ones were never on a pick list.
const pickableStates = new Set(['allocated', 'picked', 'packed']);
const bookKinds = ['order.picked', 'order.packed', 'order.shipped', 'label.voided', 'stock.counted', 'stock.adjusted'] as const;

/**
 * The book of each SKU at the branch as this station knows it, hub or no hub: the stock pulled from the hub's feed,
 * with this station's own unanswered events laid over it by the one overlay (counts and corrections move the balance;
 * picks, packs and scans out move its orders), less the units of orders picked and not yet posted by the hub.
 */
export function shelfBooks(store: StationStore, branchCode: string, skus: readonly string[]): Map<string, ShelfBook> {
  const wanted = new Set(skus);
  const state = emptyFloor();
  for (const sku of wanted) state.stock.set(sku, store.cachedOne('stock', stockId(branchCode, sku))?.quantity ?? 0);
  const orders = new Map<string, { sku: string; quantity: number; cachedState: string }>();
  for (const order of [...wanted].flatMap((sku) => store.cachedWhere('order', 'sku', sku))) {
    if (order.branchCode !== branchCode || order.sku === null || !pickableStates.has(order.state)) continue;
    orders.set(order.id, { sku: order.sku, quantity: order.quantity, cachedState: order.state });
    state.orders.set(order.id, orderFloorOf(order));
  }
  // Unanswered only: the stock moves are relative, and an applied one is in the cached balance already.
  layEvents(state, store.pendingOfKinds(bookKinds));
  const offShelf = new Map<string, OrderUnits[]>();
  for (const [id, order] of orders) {
    const list = offShelf.get(order.sku) ?? [];
    list.push({ quantity: order.quantity, cachedState: order.cachedState, floor: state.orders.get(id)! });
    offShelf.set(order.sku, list);
  }
  const books = new Map<string, ShelfBook>();
  for (const sku of wanted) {
    const picking = unitsOffShelf(offShelf.get(sku) ?? []);
    books.set(sku, { book: Math.max(0, (state.stock.get(sku) ?? 0) - picking), picking });
  }
  return books;
}
