import { create } from 'zustand';
import type { PackOrder } from '../../../shared/contract/packing';

interface PackState {
  /** What was scanned to fill the bench (order, cart or pick list), to describe the bench again after a step. */
  code: string | null;
  /** The order(s) on the bench (an order with its cart, or a pick list's orders), as the station last described them. */
  orders: PackOrder[] | null;
  /** The order the last unit went to: its parcel is the one being packed. */
  activeId: string | null;
  show(code: string | null, orders: PackOrder[] | null): void;
  /** One order's new description after a step; it becomes the order being packed. */
  update(order: PackOrder): void;
}

export const usePack = create<PackState>((set, get) => ({
  code: null,
  orders: null,
  activeId: null,
  show: (code, orders) => set({ code, orders, activeId: null }),
  update: (order) => set({ orders: (get().orders ?? []).map((old) => (old.orderId === order.orderId ? order : old)), activeId: order.orderId }),
}));

/** The order the bench works on: the one last scanned into, while it is not shipped; else the first not in transit. */
export function activeOrder(orders: readonly PackOrder[] | null, activeId: string | null = null): PackOrder | null {
  const chosen = orders?.find((order) => order.orderId === activeId && order.state !== 'in_transit');
  return chosen ?? orders?.find((order) => order.state !== 'in_transit') ?? null;
}

/** The orders that go into one box with this one: its cart (one buyer, one label), or the order alone. */
export function parcelOf(orders: readonly PackOrder[], order: PackOrder): PackOrder[] {
  if (!order.cartNo) return [order];
  return orders.filter((other) => other.sellerId === order.sellerId && other.cartNo === order.cartNo && other.state !== 'in_transit');
}
