import type { Selectable } from 'kysely';
import { dueShipDay, type CutoffOrder } from '../../../shared/domain/cutoffs';
import type { OrdersTable } from '../../storage/schema';
import type { OrderView } from '../../../shared/hub/routes/orders';
import type { OrderSource, OrderState } from './order-states';

/** An order as stored, and as the API and the changes feed show it. */
export type OrderRow = Selectable<OrdersTable>;

// The order view is what the hub API answers (shared/hub/routes/orders.ts): one schema for hub and stations.
export { orderViewSchema, type OrderView } from '../../../shared/hub/routes/orders';

/**
 * The cut-off input of an order. A management shipment keeps its registration time in paid_at: it is the instant
 * the 13:00 cut-off counts from, as the payment time is for Qoo10's 16:00.
 */
export function cutoffOrderOf(row: Pick<OrderRow, 'source' | 'paid_at' | 'desired_ship_date'>): CutoffOrder {
  return row.source === 'management'
    ? { registeredAt: row.paid_at, desiredShipDate: row.desired_ship_date }
    : { paidAt: row.paid_at, desiredShipDate: row.desired_ship_date };
}

// A Sagawa delivery time is kept in time_slot as 'YYYY-MM-DD' or 'YYYY-MM-DD <slot>'.
export const formatDeliveryTime = (time: { date: string; slot?: string | undefined } | undefined) =>
  time ? [time.date, time.slot].filter(Boolean).join(' ') : null;
function parseDeliveryTime(text: string | null): OrderView['deliveryTime'] {
  if (!text) return null;
  const [date, slot] = text.split(' ');
  return { date: date!, slot: slot ?? null };
}

export function toOrderView(row: OrderRow): OrderView {
  const management = row.source === 'management';
  return {
    id: row.id,
    sellerId: row.seller_id,
    source: row.source as OrderSource,
    orderNo: row.order_no,
    cartNo: row.cart_no,
    listingId: row.listing_id,
    optionLabel: row.option_label,
    sku: row.sku,
    quantity: row.quantity,
    recipient: { name: row.recipient_name, phone: row.recipient_phone, postalCode: row.postal_code, address: row.address },
    deliveryMethod: row.delivery_method,
    deliveryTime: parseDeliveryTime(row.time_slot),
    desiredShipDate: row.desired_ship_date,
    paidAt: management ? null : row.paid_at,
    registeredAt: management ? row.paid_at : null,
    shipsWithin14Days: row.ships_within_14_days === 1,
    dueShipDate: dueShipDay(cutoffOrderOf(row)),
    state: row.state as OrderState,
    branchCode: row.branch_code,
    allocatedAt: row.allocated_at,
    trackingNo: row.tracking_no,
    service: row.service,
    labelTimeSlot: row.label_time_slot,
    shippedAt: row.shipped_at,
    createdAt: row.created_at,
  };
}
