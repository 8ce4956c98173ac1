import type { z } from 'zod';
import type { floorEventPayloads, FloorEventKind } from '../../../shared/contract/floor-events';

/**
 * What the overlay moves: the station's copy of the hub state its floor screens read, and the shape of one rule.
 * Apart from floor-overlay.ts so the rules and the joiner of the rules import it without importing each other.
 */

/** An outbox event as the overlay reads it. */
export interface OverlayEvent {
  kind: string;
  payload: unknown;
  occurredAt: string;
  userId: string | null;
}

/** An order as the floor screens read it: its place in pick → pack → label → scan out, and its label. */
export interface OrderFloor {
  state: string;
  trackingNo: string | null;
  service: string | null;
  labelTimeSlot: string | null;
  shippedAt: string | null;
}

/** One thing the clerk did that an undo can take back: units on a line (a scan or a keyed count), or a find. */
export type InspectionStep =
  { kind: 'count'; lineId: string; quantity: number } | { kind: 'found'; code: string; findKind: 'unknown-item' | 'wrong-seller'; note: string | null };

/** A bundle at the dock and the inspection table. */
export interface BundleFloor {
  state: string;
  boxesReceived: number;
  /** Units counted per line id. */
  counted: Map<string, number>;
  /** Goods on no line, one per find still standing, in the order found. */
  findings: { code: string; kind: 'unknown-item' | 'wrong-seller'; quantity: number; note: string | null }[];
  /** What an undo would take back, newest last: every scan, keyed count and find not yet undone. */
  steps: InspectionStep[];
  /** Users who counted, found or finished, in the order they first appear. */
  userIds: string[];
  finished: boolean;
}

export interface FloorState {
  orders: Map<string, OrderFloor>;
  bundles: Map<string, BundleFloor>;
  /** SKU → bin at the station's branch (a station's events are all of its own branch). */
  bins: Map<string, string>;
  /** SKU → units on the book at the station's branch (the hub's balance, moved by counts: stock-rules.ts). */
  stock: Map<string, number>;
  /**
   * Tracking numbers this station put on a label: packed, voided, even refused by the hub. A printed number is never
   * handed out again, whatever became of its parcel.
   */
  labelNumbers: Set<string>;
}

export type FloorPayload<K extends FloorEventKind> = z.infer<(typeof floorEventPayloads)[K]>;
/** A rule: the state after one event of its kind; it changes the state in place and returns it. */
export type OverlayRule<K extends FloorEventKind> = (state: FloorState, payload: FloorPayload<K>, event: OverlayEvent) => FloorState;
