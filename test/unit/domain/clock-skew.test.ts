import { describe, expect, it } from 'vitest';
import { clockOffsetFromDate, clockSkewWarningMs, isClockSkewed, skewMinutes } from '../../../shared/domain/clock-skew';

const t0 = Date.parse('2026-12-06T14:59:30.000Z');

describe('the station clock against the hub’s', () => {
  it('reads the hub’s time from the Date header, as the middle of its second against the middle of the round trip', () => {
    // The hub stamped 15:09:30 (its clock 10 minutes ahead); the station sent at 14:59:29.800 and heard back 400 ms later.
    const offset = clockOffsetFromDate('Sun, 06 Dec 2026 15:09:30 GMT', t0 - 200, t0 + 200);
    expect(offset).toBe(10 * 60_000 + 500);
    // The station 10 minutes ahead of the hub: negative.
    expect(clockOffsetFromDate('Sun, 06 Dec 2026 14:49:30 GMT', t0, t0)).toBe(-10 * 60_000 + 500);
    // In step, within the header's one-second resolution.
    expect(Math.abs(clockOffsetFromDate(new Date(t0).toUTCString(), t0, t0 + 20)!)).toBeLessThan(1000);
  });

  it('knows nothing from an answer without a readable Date', () => {
    expect(clockOffsetFromDate(null, t0, t0)).toBeNull();
    expect(clockOffsetFromDate(undefined, t0, t0)).toBeNull();
    expect(clockOffsetFromDate('not a date', t0, t0)).toBeNull();
  });

  it('warns past two minutes either way, never for an unknown offset, and says whole minutes', () => {
    expect(clockSkewWarningMs).toBe(2 * 60_000);
    expect(isClockSkewed(null)).toBe(false);
    expect(isClockSkewed(clockSkewWarningMs)).toBe(false);
    expect(isClockSkewed(clockSkewWarningMs + 1)).toBe(true);
    expect(isClockSkewed(-clockSkewWarningMs - 1)).toBe(true);
    expect(skewMinutes(-5 * 60_000 - 20_000)).toBe(5);
    expect(skewMinutes(10 * 60_000 + 500)).toBe(10);
  });
});
