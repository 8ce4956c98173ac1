import { floorEventPayloads, type FloorEventKind } from '../../../shared/contract/floor-events';
import type { FloorPayload, FloorState, OrderFloor, BundleFloor, OverlayEvent, OverlayRule } from './floor-state';
import { inspectionRules } from './inspection-rules';
import { orderRules } from './order-rules';
import { stockRules } from './stock-rules';

export type { BundleFloor, FloorPayload, FloorState, InspectionStep, OrderFloor, OverlayEvent, OverlayRule } from './floor-state';

/**
 * The one overlay: this station's own floor events laid over the hub state it has cached, so every screen answers
 * with the hub away as the hub will once it has the events. One rule per floor-event kind, each doing to the station's
 * copy what the hub does to its own (server/sync/*-events.ts), refusals included: an event the hub would refuse
 * changes nothing here either. Absolute moves (a state, a bin) are guarded by the state they start from, so laying an
 * event the cache already reflects changes nothing: callers may lay every event the hub did not refuse, which covers
 * the moment between the hub applying an event and the station pulling the result.
 *
 * Only entities the caller seeded are moved: a screen seeds the few orders, bundles or SKUs it shows.
 */

/** Every floor-event kind and what it does to the station's copy of hub state. */
export const overlayRules: { [K in FloorEventKind]: OverlayRule<K> } = {
  ...orderRules,
  ...inspectionRules,
  /** The last placement wins, as at the hub. */
  'sku.located': (state, payload) => {
    state.bins.set(payload.sku, payload.bin);
    return state;
  },
  ...stockRules,
};

export const emptyFloor = (): FloorState => ({ orders: new Map(), bundles: new Map(), bins: new Map(), stock: new Map(), labelNumbers: new Set() });

/**
 * Lays events over the state, oldest first. An event of a kind this station does not know, or whose payload does not
 * read as its kind, changes nothing (the hub refuses it too).
 */
export function layEvents(state: FloorState, events: Iterable<OverlayEvent>): FloorState {
  for (const event of events) {
    if (!isKind(event.kind)) continue;
    const parsed = floorEventPayloads[event.kind].safeParse(event.payload);
    if (!parsed.success) continue;
    (overlayRules[event.kind] as OverlayRule<FloorEventKind>)(state, parsed.data as FloorPayload<FloorEventKind>, event);
  }
  return state;
}

const isKind = (kind: string): kind is FloorEventKind => Object.prototype.hasOwnProperty.call(floorEventPayloads, kind);

/** An order's floor fields from its cached view (an older hub's view may lack the label's service and slot). */
export function orderFloorOf(order: {
  state: string;
  trackingNo: string | null;
  service?: string | null;
  labelTimeSlot?: string | null;
  shippedAt?: string | null;
}): OrderFloor {
  return {
    state: order.state,
    trackingNo: order.trackingNo,
    service: order.service ?? null,
    labelTimeSlot: order.labelTimeSlot ?? null,
    shippedAt: order.shippedAt ?? null,
  };
}

/**
 * A bundle's floor fields from its cached view. Counts start at zero: a station lays every event of its own it has
 * (the hub's counts are the sum of them, and laying a count twice would count it twice).
 */
export function bundleFloorOf(bundle: { state: string; boxesReceived: number }): BundleFloor {
  return { state: bundle.state, boxesReceived: bundle.boxesReceived, counted: new Map(), findings: [], steps: [], userIds: [], finished: false };
}

/** One cached order with this station's events about it laid over (a screen showing one order). */
export function overlayOrder(order: Parameters<typeof orderFloorOf>[0] & { id: string }, events: Iterable<OverlayEvent>): OrderFloor {
  const state = emptyFloor();
  state.orders.set(order.id, orderFloorOf(order));
  return layEvents(state, events).orders.get(order.id)!;
}

/** One cached bundle with this station's events about it laid over (the dock, the inspection table). */
export function overlayBundle(bundle: Parameters<typeof bundleFloorOf>[0] & { id: string }, events: Iterable<OverlayEvent>): BundleFloor {
  const state = emptyFloor();
  state.bundles.set(bundle.id, bundleFloorOf(bundle));
  return layEvents(state, events).bundles.get(bundle.id)!;
}
