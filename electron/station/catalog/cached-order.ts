/**
 * An order as the hub's changes feed carries it (the hub's order view, server/services/orders.ts; the station caches
 * it as entity 'order'). Packing, picking and the manifest read it.
 */
export interface CachedOrder {
  id: string;
  sellerId: string;
  source: string;
  orderNo: string;
  cartNo: string | null;
  optionLabel: string | null;
  sku: string | null;
  quantity: number;
  recipient: { name: string; phone: string; postalCode: string; address: string };
  deliveryTime: { date: string; slot: string | null } | null;
  state: string;
  branchCode: string | null;
  trackingNo: string | null;
  shippedAt?: string | null;
  /** Carried by the order view since hub schema step 0008; absent in entries cached from an older hub. */
  service?: string | null;
  /** The Sagawa slot printed on the label, once the hub has the order packed. */
  labelTimeSlot?: string | null;
}
