import { create } from 'zustand';
import type { PackOrder } from '../../../shared/contract/packing';

interface PackState {
  /** The order(s) on the bench (an order, or its whole cart), as the station last described them. */
  orders: PackOrder[] | null;
  show(orders: PackOrder[] | null): void;
  /** One order's new description, after a step. */
  update(order: PackOrder): void;
}

export const usePack = create<PackState>((set, get) => ({
  orders: null,
  show: (orders) => set({ orders }),
  update: (order) => set({ orders: (get().orders ?? []).map((old) => (old.orderId === order.orderId ? order : old)) }),
}));

/** The order the bench works on now: the first of the cart not yet in transit. */
export function activeOrder(orders: readonly PackOrder[] | null): PackOrder | null {
  return orders?.find((order) => order.state !== 'in_transit') ?? null;
}
