import type { FloorState, OrderFloor, OverlayRule } from './floor-state';

/**
 * Pick → pack → label → scan out on the station's copy of an order, each step guarded as the hub guards it
 * (server/sync/packing-events.ts): a step the hub would refuse, or one the copy already shows, changes nothing.
 * An order in transit is done: nothing moves it.
 */
function move(state: FloorState, orderId: string, from: readonly string[], change: (order: OrderFloor) => Partial<OrderFloor> | null): FloorState {
  const order = state.orders.get(orderId);
  if (!order || !from.includes(order.state)) return state;
  const fields = change(order);
  if (fields) state.orders.set(orderId, { ...order, ...fields });
  return state;
}

/** A number on a printed label is spent, whether or not the hub takes the event that printed it. */
function spend(state: FloorState, trackingNumber: string): FloorState {
  state.labelNumbers.add(trackingNumber);
  return state;
}

export const orderRules: {
  'order.picked': OverlayRule<'order.picked'>;
  'order.packed': OverlayRule<'order.packed'>;
  'order.shipped': OverlayRule<'order.shipped'>;
  'label.voided': OverlayRule<'label.voided'>;
} = {
  'order.picked': (state, payload) => move(state, payload.orderId, ['allocated'], () => ({ state: 'picked' })),
  /** Packed straight from the shelf (no pick reported) is allowed, as at the hub. The number is spent either way. */
  'order.packed': (state, payload) =>
    move(spend(state, payload.trackingNumber), payload.orderId, ['allocated', 'picked'], () => ({
      state: 'packed',
      trackingNo: payload.trackingNumber,
      service: payload.service,
      labelTimeSlot: payload.timeSlot,
    })),
  /** Scanned out at the floor's time: the manifest day is the day the label was scanned, not the day the hub heard. */
  'order.shipped': (state, payload, event) =>
    move(state, payload.orderId, ['packed'], (order) =>
      order.trackingNo === payload.trackingNumber ? { state: 'in_transit', shippedAt: event.occurredAt } : null,
    ),
  'label.voided': (state, payload) =>
    move(spend(state, payload.trackingNumber), payload.orderId, ['packed'], (order) =>
      order.trackingNo === payload.trackingNumber ? { state: 'picked', trackingNo: null, service: null, labelTimeSlot: null } : null,
    ),
};
