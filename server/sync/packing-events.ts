import { parcelServiceRules } from '../../shared/domain/parcel-services';
import { isValidTrackingNumber, trackingSerial } from '../../shared/domain/tracking-numbers';
import { notFound, refuse } from '../services/refusal';
import { recordChange } from '../services/changes';
import { toOrderView, type OrderRow } from '../services/orders/order-view';
import { postMovement } from '../services/stock-ledger';
import { queueTrackingUpload } from '../services/tracking';
import type { EventContext, FloorEventHandler } from './event-context';

/**
 * Pick → pack → label → scan out, as the floor reports it. Each step is one event applied in its own transaction
 * (with its receipt), and each refusal is thrown, so a refused step leaves the order exactly as it was. Units stay
 * on the branch's books, reserved, until the parcel is scanned out: only then is the pick posted to the ledger,
 * together with the state change and the upload queue, so the three never disagree.
 *
 * Qoo10 orders and management-no. shipments take the same path; only the upload queue tells them apart (the
 * tracking service queues Qoo10 orders only).
 */

/** An order the station may work on: one of its own branch. An order allocated elsewhere is refused by name. */
async function stationOrder(context: EventContext, orderId: string): Promise<OrderRow> {
  const order = await context.trx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!order) throw notFound('order', orderId);
  if (order.branch_code !== null && order.branch_code !== context.branchCode)
    throw refuse('order-at-other-branch', { orderNo: order.order_no, branch: order.branch_code });
  if (order.state === 'in_transit') throw refuse('already-in-transit', { orderNo: order.order_no, trackingNo: order.tracking_no ?? '' });
  return order;
}

/** Writes the order's new fields, guarded by the state it was read in, and tells the branch. */
async function moveOrder(
  context: EventContext,
  order: OrderRow,
  fields: Partial<Pick<OrderRow, 'state' | 'tracking_no' | 'service' | 'label_time_slot' | 'picked_at' | 'packed_at' | 'shipped_at'>>,
): Promise<OrderRow> {
  const updated = await context.trx
    .updateTable('orders')
    .set(fields)
    .where('id', '=', order.id)
    .where('state', '=', order.state)
    .returningAll()
    .executeTakeFirst();
  // The event's transaction holds the hub's write lock, so the state read a moment ago is still the state now.
  if (!updated) throw refuse('order-not-open', { orderNo: order.order_no, state: order.state });
  await recordChange(
    context.trx,
    { entity: 'order', entityId: updated.id, op: 'upsert', branchCode: updated.branch_code, sellerId: updated.seller_id, data: toOrderView(updated) },
    context.now,
  );
  return updated;
}

/**
 * A number the packer may put on a parcel: a valid check digit, cut from one of this station's own blocks (so two
 * stations printing offline never share a number), on no other order, and never voided.
 */
async function checkNewLabel(context: EventContext, trackingNo: string, order: OrderRow): Promise<void> {
  if (!isValidTrackingNumber(trackingNo)) throw refuse('tracking-check-digit', { trackingNo });
  const serial = trackingSerial(trackingNo);
  const block = await context.trx
    .selectFrom('tracking_blocks')
    .select('id')
    .where('station_id', '=', context.stationId)
    .where('first_serial', '<=', serial)
    .where((eb) => eb(eb('first_serial', '+', eb.ref('count')), '>', serial))
    .executeTakeFirst();
  if (!block) throw refuse('tracking-not-issued', { trackingNo, station: context.stationId });
  const voided = await context.trx.selectFrom('voided_tracking_numbers').select('tracking_no').where('tracking_no', '=', trackingNo).executeTakeFirst();
  if (voided) throw refuse('tracking-number-voided', { trackingNo });
  // A cart travels in one box: its orders share the parcel's number, and no other order may.
  const users = await context.trx.selectFrom('orders').select(['order_no', 'seller_id', 'cart_no']).where('tracking_no', '=', trackingNo).execute();
  const other = users.find((user) => user.cart_no === null || user.cart_no !== order.cart_no || user.seller_id !== order.seller_id);
  if (other) throw refuse('tracking-number-used', { trackingNo, orderNo: other.order_no });
}

/** The picker took the order's units off the shelf; the scan must be the order's SKU and its whole quantity. */
export const pickOrder: FloorEventHandler<'order.picked'> = async (payload, context) => {
  const order = await stationOrder(context, payload.orderId);
  if (order.state !== 'allocated') throw refuse('order-not-pickable', { orderNo: order.order_no, state: order.state });
  if (payload.sku !== order.sku || payload.quantity !== order.quantity) {
    throw refuse('pick-mismatch', {
      orderNo: order.order_no,
      sku: payload.sku,
      quantity: payload.quantity,
      expectedSku: order.sku ?? '',
      expectedQuantity: order.quantity,
    });
  }
  await moveOrder(context, order, { state: 'picked', picked_at: context.occurredAt.toISOString() });
};

/**
 * The parcel is closed and labelled: the service the packer chose (the station's suggestion or an override), the
 * Sagawa time slot printed on the label, and a number from the station's block. A pick not reported on its own
 * (packed straight from the shelf) is allowed.
 */
export const packOrder: FloorEventHandler<'order.packed'> = async (payload, context) => {
  const order = await stationOrder(context, payload.orderId);
  if (order.state !== 'picked' && order.state !== 'allocated') throw refuse('order-not-packable', { orderNo: order.order_no, state: order.state });
  if (payload.timeSlot !== null && !parcelServiceRules[payload.service].offersTimeSlots) throw refuse('time-slot-sagawa-only', { service: payload.service });
  await checkNewLabel(context, payload.trackingNumber, order);
  await moveOrder(context, order, {
    state: 'packed',
    tracking_no: payload.trackingNumber,
    service: payload.service,
    label_time_slot: payload.timeSlot,
    packed_at: context.occurredAt.toISOString(),
  });
};

/**
 * The label was scanned on the way out. In this one transaction: in transit, the pick posted to the ledger (the
 * balance goes down by the order's units), the number queued for the marketplace, and the changes recorded.
 */
export const shipOrder: FloorEventHandler<'order.shipped'> = async (payload, context) => {
  const order = await stationOrder(context, payload.orderId);
  if (order.state !== 'packed') throw refuse('order-not-packed', { orderNo: order.order_no, state: order.state });
  if (payload.trackingNumber !== order.tracking_no)
    throw refuse('label-mismatch', { orderNo: order.order_no, scanned: payload.trackingNumber, expected: order.tracking_no ?? '' });
  // Scanned out at the floor's time: a parcel scanned at 23:59 and pushed after midnight is on the earlier day's manifest.
  const shipped = await moveOrder(context, order, { state: 'in_transit', shipped_at: context.occurredAt.toISOString() });
  const pick = {
    sku: order.sku!,
    branchCode: context.branchCode,
    kind: 'pick',
    quantity: -order.quantity,
    reference: order.id,
    stationEventId: context.eventId,
    sellerId: order.seller_id,
    occurredAt: context.occurredAt,
  } as const;
  await postMovement(context.trx, pick, context.now);
  await queueTrackingUpload(context.trx, shipped, payload.trackingNumber, context.now);
};

/**
 * A label spoiled or torn off before the parcel left: the order goes back to `picked` (number, service and slot cleared)
 * and the number is kept as voided, so it never goes on another parcel.
 */
export const voidLabel: FloorEventHandler<'label.voided'> = async (payload, context) => {
  const order = await stationOrder(context, payload.orderId);
  if (order.state !== 'packed') throw refuse('order-not-packed', { orderNo: order.order_no, state: order.state });
  if (payload.trackingNumber !== order.tracking_no)
    throw refuse('label-mismatch', { orderNo: order.order_no, scanned: payload.trackingNumber, expected: order.tracking_no ?? '' });
  await moveOrder(context, order, { state: 'picked', tracking_no: null, service: null, label_time_slot: null, packed_at: null });
  await context.trx
    .insertInto('voided_tracking_numbers')
    .values({
      tracking_no: payload.trackingNumber,
      order_id: order.id,
      station_id: context.stationId,
      station_event_id: context.eventId,
      reason: payload.reason,
      voided_at: context.occurredAt.toISOString(),
    })
    // The other orders of the cart void the same number: the first of them keeps the trail.
    .onConflict((oc) => oc.column('tracking_no').doNothing())
    .execute();
};
