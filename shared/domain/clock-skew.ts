/**
 * How far a station's clock is from the hub's. Floor events carry the station's time (the hub keeps it as the time
 * they happened), so a station clock that is off puts parcels on the wrong day's manifest near midnight and orders
 * on the wrong side of a cut-off. The station learns the hub's time from every answer and warns on its status bar.
 */

/** Past this the status bar warns: more than a scanner's round trip or a slow NTP sync could explain. */
export const clockSkewWarningMs = 2 * 60 * 1000;

/**
 * The hub's clock minus this station's, in ms, from one answer's HTTP `Date` header. The header has whole seconds
 * (truncated), so the hub's time is taken as the middle of its second, and the station's as the middle of the round
 * trip: the estimate is within about half a second plus half the round trip. Null when the header is missing or unreadable.
 */
export function clockOffsetFromDate(dateHeader: string | null | undefined, sentAtMs: number, receivedAtMs: number): number | null {
  if (!dateHeader) return null;
  const hubMs = Date.parse(dateHeader);
  if (Number.isNaN(hubMs)) return null;
  const stationMs = (sentAtMs + receivedAtMs) / 2;
  return Math.round(hubMs + 500 - stationMs);
}

/** Whether the offset is worth a warning; an unknown offset (never heard from the hub) is not. */
export function isClockSkewed(offsetMs: number | null): offsetMs is number {
  return offsetMs !== null && Math.abs(offsetMs) > clockSkewWarningMs;
}

/** The offset in whole minutes for the warning text, never 0 for a skewed clock. */
export function skewMinutes(offsetMs: number): number {
  return Math.max(1, Math.round(Math.abs(offsetMs) / 60_000));
}
