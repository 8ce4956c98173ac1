/** The vocabulary of orders: where an order comes from and the states it goes through. */

// Sources and states are part of the hub API (order views, the orders query): one list, in shared/hub.
import type { OrderState } from '../../../shared/hub/routes/orders';
export { orderSources, orderStates, type OrderSource, type OrderState } from '../../../shared/hub/routes/orders';

/** The state of an order un-allocated by hand. */
export const heldByHand: OrderState = 'held';

/** Orders the automatic run allocates. */
export const autoAllocatableStates: readonly string[] = ['paid'];
/** Orders someone may allocate by hand. */
export const handAllocatableStates: readonly string[] = ['paid', heldByHand];
/**
 * Allocated orders whose units are still counted in the branch balance: the pick movement is posted when the packed
 * parcel is scanned out (`in_transit`), so until then their quantities are reserved and not available to other
 * orders. Picked and packed units are off the shelf but still on the books, hence reserved too.
 */
export const stockReservingStates: readonly string[] = ['allocated', 'picked', 'packed'];
/**
 * Un-allocating is possible only before packing: a picked order's units go back on the shelf. A packed order
 * carries a label with a tracking number; its label must be voided first (back to `picked`).
 */
export const unallocatableStates: readonly string[] = ['allocated', 'picked'];
