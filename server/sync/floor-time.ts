/**
 * The time the hub records for a floor event: the time the station says it happened, within reason. Stations stamp
 * events from their own clock, which can be wrong (a PC whose clock drifted, or was reset by a flat CMOS battery),
 * so the stated time is guarded, never trusted blindly:
 *
 * - Later than its arrival at the hub: impossible (nothing happens on the floor after it reached the hub), so it is
 *   clamped to the arrival. A station clock running ahead therefore never pushes a parcel onto tomorrow's manifest
 *   once the event is here; the station's status bar warns of the skew (shared/domain/clock-skew.ts).
 * - More than `maxFloorTimeAgeMs` before its arrival: no outbox waits that long for a hub, so it is a clock reset,
 *   and the arrival is a better guess than a date in another year. Clamped to the arrival as well.
 *
 * Clamped, not refused: a refused event is never applied, and a parcel that left must not vanish from the books
 * because the PC's clock was wrong. The station's own stated time stays on the receipt (`station_events.occurred_at`)
 * for anyone who needs to see what happened.
 */
export const maxFloorTimeAgeMs = 30 * 24 * 60 * 60 * 1000;

/** Beyond this gap between floor and arrival an event is worth a log line: it waited (offline) or the clock is off. */
export const lateArrivalNoticeMs = 5 * 60 * 1000;

export type FloorTimeAdjustment = 'after-arrival' | 'too-old' | 'unreadable' | null;

export interface FloorTime {
  /** The time recorded as the event's floor time. */
  at: Date;
  /** Why the stated time was not taken as it was; null when it was. */
  adjusted: FloorTimeAdjustment;
}

export function floorTimeOf(stated: string, arrival: Date): FloorTime {
  const ms = Date.parse(stated);
  if (Number.isNaN(ms)) return { at: arrival, adjusted: 'unreadable' };
  if (ms > arrival.getTime()) return { at: arrival, adjusted: 'after-arrival' };
  if (arrival.getTime() - ms > maxFloorTimeAgeMs) return { at: arrival, adjusted: 'too-old' };
  return { at: new Date(ms), adjusted: null };
}
