import { countVariance } from '../../../shared/domain/stock-count';
import type { FloorState, OrderFloor, OverlayRule } from './floor-state';

/**
 * Stock on the station's copy: a SKU's units at the branch as the hub's book has them, moved by this station's counts
 * and corrections the hub has not applied yet (server/sync does the same to the ledger). These moves are relative, so a
 * caller lays only the events the hub has not answered (an applied one is in the cached balance already).
 */
function move(state: FloorState, sku: string, units: number): FloorState {
  const book = state.stock.get(sku);
  // Only seeded SKUs move; a move below zero the hub refuses (negative stock), so it changes nothing here either.
  if (book === undefined || units === 0 || book + units < 0) return state;
  state.stock.set(sku, book + units);
  return state;
}

export const stockRules: {
  'stock.counted': OverlayRule<'stock.counted'>;
  'stock.adjusted': OverlayRule<'stock.adjusted'>;
} = {
  /** Found minus the book the counter saw: a pick between the count and the hub is not counted twice. */
  'stock.counted': (state, payload) => {
    const variance = countVariance(payload);
    // Damaged units are a shortfall: the hub refuses a damaged count above the book.
    return payload.reason === 'damaged' && variance > 0 ? state : move(state, payload.sku, variance);
  },
  /** A supervisor's signed correction. */
  'stock.adjusted': (state, payload) => move(state, payload.sku, payload.quantity),
};

/** An order of one SKU as the stock count reads it: its units, its state at the hub (cached) and after the overlay. */
export interface OrderUnits {
  quantity: number;
  cachedState: string;
  floor: OrderFloor;
}

/**
 * Units that have left the shelf but are still in the hub's balance, which only goes down when a parcel is scanned
 * out: orders picked or packed, and orders this station shipped that the hub has not posted yet. A count is made
 * against what is left on the shelf (book minus these), so a SKU in the middle of being picked is counted, not refused.
 */
export function unitsOffShelf(orders: Iterable<OrderUnits>): number {
  let units = 0;
  for (const order of orders) {
    const state = order.floor.state;
    const offShelf = state === 'picked' || state === 'packed' || (state === 'in_transit' && order.cachedState !== 'in_transit');
    if (offShelf) units += order.quantity;
  }
  return units;
}
